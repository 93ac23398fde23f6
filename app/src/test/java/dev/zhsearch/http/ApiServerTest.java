package dev.zhsearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zhsearch.search.SearchRequest;
import dev.zhsearch.search.SearchService;
import dev.zhsearch.search.SeedIndex;
import io.javalin.Javalin;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A real server on a random port, a real HTTP client. */
class ApiServerTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient CLIENT = HttpClient.newHttpClient();
    static SearchService service;
    static Javalin app;
    static String base;

    @BeforeAll
    static void start() throws Exception {
        service = SearchService.open(SeedIndex.dir(), SeedIndex.ANALYSIS);
        app = new ApiServer(service, SeedIndex.ANALYSIS, () -> "not used",
                new ApiServer.Config("127.0.0.1", 0, Path.of("web"), Optional.empty())).start();
        base = "http://127.0.0.1:" + app.port();
    }

    @AfterAll
    static void stop() throws Exception {
        app.stop();
        service.close();
    }

    record Response(int status, JsonNode json, String body, HttpResponse<String> raw) {}

    static Response get(String pathAndQuery) throws Exception {
        HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return wrap(r);
    }

    static Response send(String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return wrap(CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString()));
    }

    private static Response wrap(HttpResponse<String> r) throws Exception {
        JsonNode json = null;
        String type = r.headers().firstValue("content-type").orElse("");
        if (type.contains("json")) {
            json = JSON.readTree(r.body());
        }
        return new Response(r.statusCode(), json, r.body(), r);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static List<String> ids(JsonNode result) {
        List<String> ids = new ArrayList<>();
        result.path("hits").forEach(h -> ids.add(h.path("id").asText()));
        return ids;
    }

    static void assertJsonError(Response r, int status) {
        assertEquals(status, r.status(), r.body());
        assertTrue(r.json() != null && r.json().has("error"), "JSON error body: " + r.body());
        assertFalse(r.body().contains("Exception") || r.body().contains("\tat "), "no stack trace: " + r.body());
    }

    @Test
    void searchAnswersTheDocumentedShape() throws Exception {
        Response r = get("/api/search?q=" + enc("台积电"));
        assertEquals(200, r.status());
        JsonNode j = r.json();
        for (String f : List.of("query", "total", "tookMs", "page", "size", "hits", "facets")) {
            assertTrue(j.has(f), f);
        }
        JsonNode hit = j.path("hits").get(0);
        for (String f : List.of("id", "title", "date", "dateSource", "source", "url", "script", "score", "snippets", "companies")) {
            assertTrue(hit.has(f), f);
        }
        for (String f : List.of("company", "date", "source", "script")) {
            assertTrue(j.path("facets").has(f), f);
        }
        JsonNode company = j.path("facets").path("company").get(0);
        for (String f : List.of("id", "name", "count", "selected")) {
            assertTrue(company.has(f), f);
        }
    }

    @Test
    void theApiAndTheCommandLineReturnTheSameHits() throws Exception {
        for (String q : List.of("台积电", "英偉達", "伺服器", "特斯拉 AND 三星")) {
            List<String> viaService = service.search(SearchRequest.of(q, 20)).hits().stream().map(h -> h.id()).toList();
            var out = new java.io.ByteArrayOutputStream();
            int code = new dev.zhsearch.cli.MainAccess().search(out, SeedIndex.dir().toString(), q);
            assertEquals(0, code);
            List<String> viaCli = ids(JSON.readTree(out.toString(StandardCharsets.UTF_8)));
            List<String> viaHttp = ids(get("/api/search?size=20&q=" + enc(q)).json());
            assertEquals(viaCli, viaHttp, q);
            assertEquals(viaService, viaHttp, q);
        }
    }

    @Test
    void filtersFacetsAndBrowse() throws Exception {
        JsonNode tsmc = get("/api/search?company=tsmc&q=AI").json();
        assertEquals(2, tsmc.path("total").asInt());
        JsonNode browse = get("/api/search?q=&size=3").json();
        assertEquals(SeedIndex.summary().documentsInIndex(), browse.path("total").asLong());
        assertEquals("huida", browse.path("hits").get(0).path("id").asText(), "browse sorts newest first");
        JsonNode ranged = get("/api/search?q=xAI&from=2025-09-01&to=2025-12-31").json();
        assertEquals(2, ranged.path("total").asInt());
        JsonNode two = get("/api/search?q=AI&company=tsmc&company=dell").json();
        assertEquals(3, two.path("total").asInt());
    }

    @Test
    void documentsByIdAnd404() throws Exception {
        Response r = get("/api/documents/004_97219df9cbb1e096");
        assertEquals(200, r.status());
        assertTrue(r.json().path("body").asText().contains("當地時間"));
        assertJsonError(get("/api/documents/no-such-doc"), 404);
    }

    @Test
    void suggestCompletesCompanyNamesInTheTypedScript() throws Exception {
        JsonNode trad = get("/api/suggest?q=" + enc("台積")).json();
        assertEquals("台積電", trad.path("suggestions").get(0).path("text").asText(), trad.toString());
        JsonNode simp = get("/api/suggest?q=" + enc("台积")).json();
        assertEquals("台积电", simp.path("suggestions").get(0).path("text").asText(), simp.toString());
        JsonNode latin = get("/api/suggest?q=tsm").json();
        assertEquals("TSMC", latin.path("suggestions").get(0).path("text").asText(), latin.toString());
        JsonNode huida = get("/api/suggest?q=" + enc("輝")).json();
        assertTrue(huida.path("suggestions").toString().contains("輝達"), huida.toString());
        assertEquals(0, get("/api/suggest?q=").json().path("suggestions").size());
    }

    @Test
    void healthAndStats() throws Exception {
        assertEquals("ok", get("/api/health").json().path("status").asText());
        JsonNode stats = get("/api/stats").json();
        assertEquals(SeedIndex.summary().documentsInIndex(), stats.path("documents").asLong());
        assertTrue(stats.path("indexBytes").asLong() > 0);
        assertFalse(stats.path("lastIndexed").isNull());
        assertTrue(stats.path("sources").size() >= 3);
        assertEquals(200, get("/api/openapi.json").status());
    }

    @Test
    void analyzeShowsFoldsTermsAndOriginalOffsets() throws Exception {
        Response r = get("/api/analyze?text=" + enc("新伺服器與軟體"));
        assertEquals(200, r.status(), r.body());
        assertEquals("新服务器与软件", r.json().path("folded").asText());
        assertEquals("伺服器", r.json().path("folds").path(0).path("original").asText());
        assertEquals("服务器", r.json().path("folds").path(0).path("folded").asText());
        JsonNode title = r.json().path("fields").path(0);
        assertEquals("title", title.path("field").asText());
        JsonNode server = null;
        for (JsonNode t : title.path("tokens")) {
            if (t.path("term").asText().equals("服务器")) {
                server = t;
            }
        }
        assertTrue(server != null, title.toString());
        assertEquals(1, server.path("start").asInt());
        assertEquals(4, server.path("end").asInt());
        assertEquals("伺服器", server.path("original").asText());
        JsonNode bigrams = get("/api/analyze?field=body_bigram&text=" + enc("軟體")).json();
        assertEquals("body_bigram", bigrams.path("fields").path(0).path("field").asText());
        assertEquals("软件", bigrams.path("fields").path(0).path("tokens").path(0).path("term").asText());
        assertJsonError(get("/api/analyze?field=nope&text=x"), 400);
        assertJsonError(get("/api/analyze"), 400);
    }

    @Test
    void hitsSayWhenTheyMatchedThroughTheOtherRegionsWord() throws Exception {
        JsonNode hits = get("/api/search?q=" + enc("服务器")).json().path("hits");
        boolean noted = false;
        for (JsonNode h : hits) {
            if (h.path("id").asText().equals("mem-tw")) {
                assertEquals("伺服器", h.path("folds").path(0).path("document").asText());
                assertEquals("服务器", h.path("folds").path(0).path("query").asText());
                noted = true;
            }
        }
        assertTrue(noted, hits.toString());
    }

    @Test
    void reindexIsOffWithoutAToken() throws Exception {
        assertJsonError(send("POST", "/api/reindex", null), 403);
    }

    @ParameterizedTest
    @ValueSource(strings = {"q=%22unbalanced&syntax=lucene", "size=100000", "size=-1", "page=0", "page=abc", "from=2025-13-45",
            "to=tomorrow", "sort=sideways", "highlight=maybe", "q=title%3A(%E5%8F%B0&syntax=lucene", "q=*wildcard&syntax=lucene",
            "syntax=regex"})
    void badParametersAre400WithAJsonError(String query) throws Exception {
        assertJsonError(get("/api/search?" + query), 400);
    }

    @Test
    void aTenThousandCharacterQueryIsSearchedByItsBeginningOrA400InLuceneSyntax() throws Exception {
        assertJsonError(get("/api/search?syntax=lucene&q=" + enc("台積電".repeat(3334))), 400);
        Response box = get("/api/search?q=" + enc("台積電 " + "漲停 ".repeat(3000)));
        assertEquals(200, box.status(), box.body().substring(0, 200));
        assertEquals("ok", get("/api/health").json().path("status").asText());
    }

    @Test
    void unknownParametersAreIgnored() throws Exception {
        Response r = get("/api/search?q=xAI&colour=blue&utm_source=x");
        assertEquals(200, r.status());
        assertEquals(5, r.json().path("total").asInt());
    }

    @Test
    void unknownPathsAndMethodsAreJson() throws Exception {
        assertJsonError(get("/api/nope"), 404);
        assertJsonError(send("POST", "/api/search", "{}"), 405);
        assertJsonError(send("DELETE", "/api/documents/x", null), 405);
    }

    @Test
    void oversizeBodiesAre413() throws Exception {
        // as curl does for large bodies: the server may answer before the body is sent
        HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/api/reindex")).expectContinue(true)
                .POST(HttpRequest.BodyPublishers.ofString("x".repeat(200_000))).build();
        assertJsonError(wrap(CLIENT.send(req, HttpResponse.BodyHandlers.ofString())), 413);
    }

    @Test
    void scriptTagsInDocumentsComeBackEscaped() throws Exception {
        JsonNode r = get("/api/search?q=" + enc("台積電") + "&size=20").json();
        JsonNode xss = null;
        for (JsonNode h : r.path("hits")) {
            if (h.path("id").asText().equals("xss")) {
                xss = h;
            }
        }
        assertTrue(xss != null);
        assertTrue(xss.path("title").asText().startsWith("&lt;script&gt;alert(1)&lt;/script&gt;"), xss.toString());
        assertFalse(xss.toString().contains("<script>"));
        assertFalse(xss.toString().contains("<img"));
    }

    @Test
    void thePageIsServed() throws Exception {
        Response r = get("/");
        assertEquals(200, r.status());
        assertTrue(r.body().contains("<form id=\"search\""));
    }

    @Test
    void relatedArticlesFindTheOtherScriptsTwinAndLeaveTheDocumentOut() throws Exception {
        // mem-tw says 記憶體 / 伺服器 / 軟體, mem-cn says 内存 / 服务器 / 软件: the same story in the other region's words
        Response tw = get("/api/documents/mem-tw/related");
        assertEquals(200, tw.status(), tw.body());
        List<String> ids = new ArrayList<>();
        tw.json().path("hits").forEach(h -> ids.add(h.path("id").asText()));
        assertFalse(ids.isEmpty());
        assertEquals("mem-cn", ids.getFirst(), ids.toString());
        assertFalse(ids.contains("mem-tw"), "not itself");
        Response cn = get("/api/documents/mem-cn/related?display=hant");
        assertEquals("mem-tw", cn.json().path("hits").get(0).path("id").asText(), cn.body());
        assertEquals(404, get("/api/documents/no-such-doc/related").status());
        assertEquals(400, get("/api/documents/mem-tw/related?size=0").status());
        assertEquals(400, get("/api/documents/mem-tw/related?size=many").status());
    }
}

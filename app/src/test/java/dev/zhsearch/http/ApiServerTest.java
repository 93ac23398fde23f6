package dev.zhsearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zhsearch.search.SearchRequest;
import dev.zhsearch.search.SearchService;
import dev.zhsearch.search.SeedIndex;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.util.Date;
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

    @Test
    void aDateRangeBringsRisingCompaniesAndNoRangeNone() throws Exception {
        JsonNode ranged = get("/api/search?q=&from=2026-07-01&to=2026-08-31").json();
        assertTrue(ranged.path("facets").path("rising").isArray(), ranged.path("facets").toString());
        for (JsonNode r : ranged.path("facets").path("rising")) {
            assertTrue(r.path("count").asLong() > r.path("before").asLong(), r.toString());
            assertTrue(r.path("score").asDouble() > 0, r.toString());
        }
        assertEquals(0, get("/api/search?q=").json().path("facets").path("rising").size());
    }

    /** Atom feeds and exports, read by a real feed parser (ROME) and as CSV / JSON Lines. */
    @org.junit.jupiter.api.Nested
    class FeedsAndExports {

        private HttpResponse<String> raw(String pathAndQuery) throws Exception {
            return get(pathAndQuery).raw();
        }

        SyndFeed feed(String query) throws Exception {
            HttpResponse<String> r = raw("/feed.atom?" + query);
            assertEquals(200, r.statusCode(), r.body());
            assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("application/atom+xml"));
            SyndFeed f = new SyndFeedInput().build(new StringReader(r.body()));
            assertEquals("atom_1.0", f.getFeedType());
            return f;
        }

        @Test
        void aSearchIsAValidAtomFeedNewestFirstLinkingToTheDocuments() throws Exception {
            SyndFeed f = feed("q=" + enc("AI"));
            assertFalse(f.getEntries().isEmpty());
            assertTrue(f.getTitle().contains("AI"), f.getTitle());
            List<Date> dates = new ArrayList<>();
            for (SyndEntry e : f.getEntries()) {
                assertFalse(e.getTitle().contains("<mark>"), "titles are plain text: " + e.getTitle());
                assertTrue(e.getLink().startsWith(base + "/?doc="), e.getLink());
                assertTrue(e.getUri().startsWith("urn:zhsearch:document:"));
                assertTrue(e.getPublishedDate() != null, "every entry has its date: " + e.getTitle());
                dates.add(e.getPublishedDate());
            }
            for (int i = 1; i < dates.size(); i++) {
                assertFalse(dates.get(i).after(dates.get(i - 1)), "newest first: " + dates);
            }
            // the same documents as the search sorted by date
            JsonNode s = JSON.readTree(raw("/api/search?sort=date&size=20&q=" + enc("AI")).body());
            List<String> expected = new ArrayList<>();
            s.path("hits").forEach(h -> {
                if (!h.path("date").isNull() && !h.path("date").asText().isEmpty()) { // undated documents are not in feeds
                    expected.add("urn:zhsearch:document:" + enc(h.path("id").asText()));
                }
            });
            assertEquals(expected, f.getEntries().stream().map(SyndEntry::getUri).toList());
        }

        @Test
        void aCompanysFeedHoldsOnlyItsDocumentsInTheDisplayScript() throws Exception {
            SyndFeed f = feed("company=tsmc&display=hans");
            assertFalse(f.getEntries().isEmpty());
            assertTrue(f.getTitle().contains("台积电"), f.getTitle());
            for (SyndEntry e : f.getEntries()) {
                assertTrue(e.getCategories().stream().anyMatch(c -> c.getName().equals("tsmc")), e.getTitle());
                assertTrue(e.getLink().endsWith("&display=hans"), e.getLink());
                assertFalse(e.getTitle().contains("臺") || e.getTitle().contains("積"), "Simplified titles: " + e.getTitle());
            }
        }

        @ParameterizedTest
        @ValueSource(strings = {"/feed.atom?from=yesterday", "/feed.atom?size=1000", "/feed.atom?syntax=lucene&q=" + "AND%28",
                "/api/export?format=xls", "/api/export?format=csv&limit=0", "/api/export?format=csv&limit=10001",
                "/api/export?format=csv&syntax=lucene&q=AND%28", "/api/export?format=jsonl&to=2026-13-40"})
        void feedAndExportRefuseWhatSearchRefusesWithAJsonError(String path) throws Exception {
            HttpResponse<String> r = raw(path);
            assertEquals(400, r.statusCode(), r.body());
            assertTrue(JSON.readTree(r.body()).path("error").isTextual(), r.body());
        }

        @Test
        void csvExportHasTheSearchsDocumentsInItsOrder() throws Exception {
            HttpResponse<String> r = raw("/api/export?format=csv&q=" + enc("AI"));
            assertEquals(200, r.statusCode(), r.body());
            assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("text/csv"));
            assertTrue(r.headers().firstValue("content-disposition").orElse("").contains("attachment; filename=\"zhsearch-export.csv\""));
            List<List<String>> rows = csv(r.body().replace("\uFEFF", ""));
            assertEquals(List.of("id", "date", "source", "script", "title", "url", "companies", "company_names", "score"), rows.getFirst());
            JsonNode s = JSON.readTree(raw("/api/search?size=100&q=" + enc("AI")).body());
            assertEquals(s.path("total").asInt(), rows.size() - 1);
            for (int i = 0; i < s.path("hits").size(); i++) {
                assertEquals(s.path("hits").get(i).path("id").asText(), rows.get(i + 1).getFirst());
            }
        }

        @Test
        void jsonLinesExportStopsAtTheLimitAndKeepsFilters() throws Exception {
            HttpResponse<String> r = raw("/api/export?format=jsonl&limit=2&company=tsmc");
            assertEquals(200, r.statusCode(), r.body());
            String[] lines = r.body().strip().split("\n");
            assertEquals(2, lines.length, r.body());
            for (String l : lines) {
                JsonNode o = JSON.readTree(l);
                assertTrue(o.path("companies").findValuesAsText("id").contains("tsmc"), l);
            }
        }

        @Test
        void csvFieldsAreQuotedAndFormulasDefused() {
            assertEquals("\"a,b\"", ResultExport.field("a,b"));
            assertEquals("\"say \"\"hi\"\"\"", ResultExport.field("say \"hi\""));
            assertEquals("'=1+2", ResultExport.field("=1+2"));
            assertEquals("-1.5", ResultExport.field("-1.5"));
        }

        /** RFC 4180 rows: quoted fields may hold commas, quotes and line breaks. */
        static List<List<String>> csv(String text) {
            List<List<String>> rows = new ArrayList<>();
            List<String> row = new ArrayList<>();
            StringBuilder f = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        f.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        f.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    row.add(f.toString());
                    f.setLength(0);
                } else if (c == '\r') {
                    // CRLF: the \n ends the row
                } else if (c == '\n') {
                    row.add(f.toString());
                    f.setLength(0);
                    rows.add(row);
                    row = new ArrayList<>();
                } else {
                    f.append(c);
                }
            }
            return rows;
        }
    }

    /**
     * Suggestions by sound: full pinyin, with tones, initials, Zhuyin and mixed input find 台積電 in
     * the script asked for; letters that are a name stay a name; a query of pinyin that finds nothing
     * is searched as the word it reads as.
     */
    @org.junit.jupiter.api.Nested
    class TypingBySound {

        List<String> suggestions(String q, String display) throws Exception {
            List<String> out = new java.util.ArrayList<>();
            get("/api/suggest?q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8)
                    + (display == null ? "" : "&display=" + display)).json().path("suggestions").forEach(s -> out.add(s.path("text").asText()));
            return out;
        }

        @Test
        void everyWayOfTypingTaijidianSuggestsTsmc() throws Exception {
            for (String typed : List.of("taiji", "taijidian", "tái jī diàn", "tai2ji1dian4", "tjd", "ㄊㄞˊㄐ", "ㄊㄞㄐㄧㄉㄧㄢ", "台積d")) {
                List<String> s = suggestions(typed, null);
                assertTrue(s.subList(0, Math.min(5, s.size())).contains("台積電"), typed + " → " + s);
            }
            assertTrue(suggestions("taiji", "hans").contains("台积电"), "in the display script asked for");
            // 台積, the press's short form, names TSMC in text but is no suggestion of its own: it begins 台積電
            assertTrue(!suggestions("taiji", null).contains("台積") && !suggestions("taiji", "hans").contains("台积"), suggestions("taiji", null).toString());
            assertTrue(suggestions("台积d", null).contains("台积电"), "or in the script typed");
            assertTrue(suggestions("台ji", "hant").contains("台積電"), "mixed: 台 and the pinyin of the rest");
        }

        @Test
        void lettersThatAreANameStayTheName() throws Exception {
            assertEquals("TSMC", suggestions("tsmc", null).getFirst());
        }

        @Test
        void aPinyinQueryThatFindsNothingIsSearchedAsTheWordItReadsAs() throws Exception {
            JsonNode r = get("/api/search?q=taijidian").json();
            assertEquals("taijidian", r.path("byReading").path("typed").asText(), r.toString());
            assertEquals("台積電", r.path("byReading").path("word").asText());
            assertTrue(r.path("total").asLong() > 0);
            assertTrue(r.path("hits").get(0).path("title").asText().contains("<mark>")
                    || r.path("hits").get(0).path("snippets").toString().contains("<mark>"), "highlights on the original characters");
            assertTrue(get("/api/search?q=tsmc").json().path("byReading").isNull(), "a name in letters is searched as it is");
            JsonNode nothing = get("/api/search?q=qqqqzzz").json();
            assertEquals(0, nothing.path("total").asLong());
            assertTrue(nothing.path("byReading").isNull(), "letters that are no pinyin find nothing, and say nothing more");
        }
    }
}

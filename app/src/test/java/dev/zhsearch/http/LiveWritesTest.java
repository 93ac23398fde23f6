package dev.zhsearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zhsearch.corpus.CorpusReaders;
import dev.zhsearch.index.Indexer;
import dev.zhsearch.index.LiveIndex;
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
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes on a real server over a live index, through a real HTTP client: a new article is found,
 * with its company facet, within a second of its acknowledgement; replacing it leaves one hit with
 * the new title; deleting it removes it from the hits and from the company and month counts.
 */
class LiveWritesTest {

    static final String TOKEN = "t0ken-for-tests";
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient CLIENT = HttpClient.newHttpClient();

    LiveIndex index;
    Javalin app;
    String base;

    @BeforeEach
    void start(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("index");
        new Indexer(SeedIndex.ANALYSIS, CorpusReaders.standard(), 2, null, 0).build(List.of(Path.of("corpus")), dir);
        index = LiveIndex.open(dir, SeedIndex.ANALYSIS);
        SearchService service = SearchService.over(index, SeedIndex.ANALYSIS);
        app = new ApiServer(service, index, SeedIndex.ANALYSIS, () -> "not used",
                new ApiServer.Config("127.0.0.1", 0, null, List.of(TOKEN), List.of())).start();
        base = "http://127.0.0.1:" + app.port();
    }

    @AfterEach
    void stop() throws Exception {
        app.stop();
        index.close();
    }

    HttpResponse<String> send(String method, String path, String body, boolean withToken) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (withToken) {
            b.header("Authorization", "Bearer " + TOKEN);
        }
        if (body != null && body.getBytes(StandardCharsets.UTF_8).length > ApiServer.MAX_BODY_BYTES) {
            // a body the server may refuse by its length (any route's limit is at least MAX_BODY_BYTES):
            // the headers go first and the 413 comes back before the body is sent (else the server may
            // close the connection while the client still writes, and the client sees no answer at all:
            // the 70 KB reindex body did so once in CI)
            b.expectContinue(true);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode search(String q, String filters) throws Exception {
        return JSON.readTree(send("GET", "/api/search?size=50&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + filters, null, false).body());
    }

    static JsonNode hit(JsonNode result, String id) {
        for (JsonNode h : result.path("hits")) {
            if (h.path("id").asText().equals(id)) {
                return h;
            }
        }
        return null;
    }

    static long count(JsonNode facet, String id) {
        for (JsonNode v : facet) {
            if (v.path("id").asText().equals(id)) {
                return v.path("count").asLong();
            }
        }
        return 0;
    }

    @Test
    void putFindDeleteWithFacetsWithinASecond() throws Exception {
        long tsmcBefore = count(search("", "").path("facets").path("company"), "tsmc");
        long monthBefore = count(search("", "").path("facets").path("date"), "2026-11");

        HttpResponse<String> put = send("PUT", "/api/documents/live-1",
                "{\"title\":\"台積電宣布高雄新廠動工\",\"body\":\"台積電今天宣布高雄新廠動工。\",\"date\":\"2026-11-30\",\"source\":\"測試\"}", true);
        assertEquals(201, put.statusCode(), put.body());
        long acked = System.nanoTime();
        JsonNode found = null;
        while (found == null && System.nanoTime() - acked < 1_000_000_000L) {
            found = hit(search("台积电", "&company=tsmc"), "live-1");
        }
        double seconds = (System.nanoTime() - acked) / 1e9;
        assertTrue(found != null, "found by 台积电 with the tsmc filter within 1 s of the acknowledgement");
        System.out.printf("live write: searchable %.0f ms after its acknowledgement%n", seconds * 1000);
        JsonNode all = search("", "");
        assertEquals(tsmcBefore + 1, count(all.path("facets").path("company"), "tsmc"));
        assertEquals(monthBefore + 1, count(all.path("facets").path("date"), "2026-11"));

        HttpResponse<String> again = send("PUT", "/api/documents/live-1",
                "{\"title\":\"台積電高雄廠改期\",\"body\":\"台積電高雄廠改期。\",\"date\":\"2026-11-30\"}", true);
        assertEquals(200, again.statusCode(), again.body());
        assertEquals("updated", JSON.readTree(again.body()).path("status").asText());
        assertTrue(index.awaitSearchable(1_000));
        JsonNode r = search("台积电", "");
        long copies = 0;
        for (JsonNode h : r.path("hits")) {
            copies += h.path("id").asText().equals("live-1") ? 1 : 0;
        }
        assertEquals(1, copies, "one hit for the id");
        assertTrue(hit(r, "live-1").path("title").asText().contains("改期"), hit(r, "live-1").toString());

        HttpResponse<String> del = send("DELETE", "/api/documents/live-1", null, true);
        assertEquals(200, del.statusCode(), del.body());
        assertTrue(index.awaitSearchable(1_000));
        assertEquals(null, hit(search("台积电", ""), "live-1"));
        JsonNode after = search("", "");
        assertEquals(tsmcBefore, count(after.path("facets").path("company"), "tsmc"));
        assertEquals(monthBefore, count(after.path("facets").path("date"), "2026-11"));
        assertEquals(404, send("DELETE", "/api/documents/live-1", null, true).statusCode());
        assertEquals(404, send("GET", "/api/documents/live-1", null, false).statusCode());
    }

    /**
     * A person the bodies name by the words around them (a title before, a verb after), never in a
     * title, is suggested by sound once a few documents name her.
     */
    @Test
    void aPersonTheBodiesNameIsSuggestedBySound() throws Exception {
        java.util.function.Function<String, List<JsonNode>> suggest = q -> {
            try {
                List<JsonNode> out = new java.util.ArrayList<>();
                JSON.readTree(send("GET", "/api/suggest?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), null, false).body())
                        .path("suggestions").forEach(out::add);
                return out;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        String[] bodies = {"立委翁曉玲表示，法案應退回重審。英國首相施凱爾，昨日抵達。選手王楚欽和孫穎莎以3比0獲勝。",
            "國民黨立委翁曉玲說，將再提修正。英國首相施凱爾，今天發表談話。選手王楚欽和孫穎莎以3比1獲勝。",
            "立委翁曉玲今天召開記者會。英國首相施凱爾，稍早表示。選手王楚欽和孫穎莎以3比2獲勝。"};
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < bodies.length; i++) {
            lines.append(JSON.writeValueAsString(java.util.Map.of("id", "p" + i, "title", "立法院審查法案 第" + i + "次", "body", bodies[i]))).append('\n');
        }
        assertEquals(200, send("POST", "/api/documents", lines.toString(), true).statusCode());
        assertTrue(index.awaitSearchable(1_000));
        // the suggestions' table is rebuilt when the index has grown by a tenth (or a thousand
        // documents): a server started now reads it with these three
        app.stop();
        app = new ApiServer(SearchService.over(index, SeedIndex.ANALYSIS), index, SeedIndex.ANALYSIS, () -> "not used",
                new ApiServer.Config("127.0.0.1", 0, null, List.of(TOKEN), List.of())).start();
        base = "http://127.0.0.1:" + app.port();
        for (String typed : List.of("wengxiaoling", "wxl", "ㄨㄥ ㄒㄧㄠˇ")) {
            List<JsonNode> s = suggest.apply(typed);
            JsonNode person = s.stream().filter(n -> n.path("text").asText().equals("翁曉玲")).findFirst().orElse(null);
            assertNotNull(person, typed + " → " + s);
            assertEquals("person", person.path("type").asText());
        }
        // a name listed after a name; a foreign name before punctuation, which the fold writes in full
        // (基尔·斯塔默), suggested as Taiwan writes it too
        for (String[] typedAndMeant : new String[][] {{"sunyingsha", "孫穎莎"}, {"jiersita", "基爾·斯塔默"}, {"shikaier", "施凱爾"}}) {
            List<JsonNode> s = suggest.apply(typedAndMeant[0]);
            assertTrue(s.stream().anyMatch(n -> n.path("text").asText().equals(typedAndMeant[1]) && n.path("type").asText().equals("person")),
                    typedAndMeant[0] + " → " + s);
        }
    }

    @Test
    void bulkJsonLinesReportsEachLineAndAppliesTheValidOnes() throws Exception {
        String body = "{\"id\":\"b1\",\"title\":\"一\"}\nnot json\n\n{\"id\":\"b2\",\"body\":\"二\"}\n{\"title\":\"no id\"}\n{\"id\":\"b1\",\"title\":\"一改\"}\n";
        HttpResponse<String> r = send("POST", "/api/documents", body, true);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode j = JSON.readTree(r.body());
        assertEquals(2, j.path("created").asInt(), r.body());
        assertEquals(1, j.path("updated").asInt(), r.body());
        assertEquals(2, j.path("errors").asInt(), r.body());
        assertEquals(2, j.path("results").path(1).path("line").asInt());
        assertTrue(j.path("results").path(1).path("error").asText().startsWith("invalid JSON"));
        assertEquals(5, j.path("results").path(3).path("line").asInt());
        assertTrue(index.awaitSearchable(1_000));
        assertEquals("一改", JSON.readTree(send("GET", "/api/documents/b1", null, false).body()).path("title").asText());
    }

    @Test
    void aRebuildRefusesWritesWith409WhileSearchesGoOnAndSwapsWhole(@TempDir Path tmp) throws Exception {
        Path corpus = tmp.resolve("big.jsonl");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            sb.append("{\"id\":\"r").append(i).append("\",\"title\":\"第").append(i).append("則 台積電\",\"body\":\"")
                    .append("伺服器需求強勁，記憶體價格上漲。".repeat(6)).append("\"}\n");
        }
        java.nio.file.Files.writeString(corpus, sb);
        Indexer indexer = new Indexer(SeedIndex.ANALYSIS, CorpusReaders.standard(), 2, null, 0);
        long before = search("", "").path("total").asLong();
        Thread rebuild = Thread.ofPlatform().start(() -> {
            try {
                index.rebuild(List.of(corpus), indexer);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        while (!index.rebuilding() && rebuild.isAlive()) {
            Thread.onSpinWait();
        }
        int refused = 0;
        int searched = 0;
        boolean accepted = false; // the rebuild may end between the check below and the PUT: then it is accepted
        while (index.rebuilding()) {
            HttpResponse<String> w = send("PUT", "/api/documents/during", "{\"title\":\"寫入\"}", true);
            if (w.statusCode() == 409) {
                refused++;
                assertTrue(JSON.readTree(w.body()).path("error").asText().contains("rebuild"), w.body());
            } else {
                assertEquals(201, w.statusCode(), w.body());
                assertTrue(!index.rebuilding(), "a write accepted while the rebuild ran");
                accepted = true;
            }
            long total = search("", "").path("total").asLong();
            assertTrue(total == before || total == 20_000 || accepted && total == 20_001, "one whole index or the other: " + total);
            searched++;
            Thread.sleep(20);
        }
        rebuild.join();
        assertTrue(refused > 0 && searched > 0, "writes were tried during the rebuild: " + refused);
        assertTrue(index.awaitSearchable(1_000));
        assertEquals(20_000 + (accepted ? 1 : 0), search("", "").path("total").asLong(),
                "the new index, whole (plus the write accepted after it, if one was)");
        assertEquals(201, send("PUT", "/api/documents/after", "{\"title\":\"寫入\"}", true).statusCode(), "writes resume");
    }

    @Test
    void writesNeedTheTokenAndLargeBodiesAre413() throws Exception {
        assertEquals(401, send("PUT", "/api/documents/x", "{\"title\":\"t\"}", false).statusCode());
        assertEquals(401, send("POST", "/api/documents", "{\"id\":\"x\",\"title\":\"t\"}", false).statusCode());
        assertEquals(401, send("DELETE", "/api/documents/x", null, false).statusCode());
        assertEquals(400, send("PUT", "/api/documents/x", "{\"id\":\"y\",\"title\":\"t\"}", true).statusCode(), "ids disagree");
        assertEquals(400, send("PUT", "/api/documents/x", "[1]", true).statusCode());
        HttpResponse<String> big = send("POST", "/api/documents", "x".repeat((16 << 20) + 10), true);
        assertEquals(413, big.statusCode());
        assertEquals(413, send("POST", "/api/reindex", "x".repeat(70_000), true).statusCode(), "other routes keep 64 KB");
        JsonNode stats = JSON.readTree(send("GET", "/api/stats", null, false).body()).path("writes");
        assertTrue(stats.has("lastWrite") && stats.has("perMinute") && stats.has("pending") && stats.has("segments"), stats.toString());
    }
}

package dev.zhsearch.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import dev.zhsearch.cluster.ClusterIndex;
import dev.zhsearch.cluster.ClusterSearch;
import dev.zhsearch.cluster.LocalCluster;
import dev.zhsearch.cluster.OpenSearchClient;
import dev.zhsearch.search.SearchRequest;
import dev.zhsearch.search.SearchResult;
import dev.zhsearch.search.SearchService;
import dev.zhsearch.search.SeedIndex;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The plugin zip installed into the real OpenSearch 3.4.0 distribution, on a cluster of two nodes
 * started from it: the analysis, highlighting on the original characters, the company processor,
 * and an index of 2 shards and 1 replica that loses no acknowledged document when a node is killed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ZhsearchPluginIT {

    private LocalCluster cluster;

    /** The mapping the README gives to a user of OpenSearch without zhsearch's server. */
    static final Map<String, Object> NEWS_INDEX = map(
            "settings", map("number_of_shards", 2, "number_of_replicas", 1, "index.default_pipeline", "zh_news",
                    "analysis", map("normalizer", map("zh_keyword", map("type", "custom", "char_filter", List.of("zh_fold"))))),
            "mappings", map("properties", map(
                    "title", map("type", "text", "analyzer", "zh_words",
                            "fields", map("bigram", map("type", "text", "analyzer", "zh_bigrams"))),
                    "body", map("type", "text", "analyzer", "zh_words", "index_options", "offsets",
                            "fields", map("bigram", map("type", "text", "analyzer", "zh_bigrams"))),
                    "source", map("type", "keyword", "normalizer", "zh_keyword"),
                    "companies", map("type", "keyword"))));

    static final Map<String, Object> NEWS_PIPELINE = map("description", "company ids from title and body",
            "processors", List.of(map("zh_companies", map("fields", List.of("title", "body"), "target_field", "companies"))));

    @BeforeAll
    void startCluster() throws Exception {
        Path zip = Path.of(System.getProperty("zhsearch.plugin.zip", "opensearch/target/zhsearch-opensearch-3.4.0.zip"));
        Path home = Path.of(System.getProperty("zhsearch.opensearch.home", "opensearch/target/distribution/opensearch-3.4.0"));
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(zip) && Files.isDirectory(home),
                "the plugin zip and the OpenSearch distribution are made by 'mvn verify' (failsafe runs this test)");
        long t0 = System.nanoTime();
        cluster = LocalCluster.start(home, zip, 2, Files.createTempDirectory("zhsearch-cluster-"), 0, "384m", java.time.Duration.ofSeconds(180));
        System.out.printf("2-node cluster up in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        client().send("PUT", "/_ingest/pipeline/zh_news", NEWS_PIPELINE);
        client().send("PUT", "/news", NEWS_INDEX);
    }

    private OpenSearchClient client() {
        return new OpenSearchClient(cluster.alive().url());
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @AfterAll
    void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    private List<String> tokens(String analyzer, String text) throws Exception {
        JsonNode r = client().send("POST", "/news/_analyze", map("analyzer", analyzer, "text", text));
        List<String> out = new ArrayList<>();
        r.path("tokens").forEach(t -> out.add(t.path("token").asText()));
        return out;
    }

    @Test
    void bothScriptsAndBothRegionsAnalyseAlike() throws Exception {
        assertEquals(tokens("zh_words", "台积电的软件"), tokens("zh_words", "台積電的軟體"));
        assertEquals(tokens("zh_bigrams", "台积电的软件"), tokens("zh_bigrams", "台積電的軟體"));
        // the char filter's offsets point into the original text
        // the char filter's offsets point into the original text, across a fold that shortens it (網路卡 → 网卡)
        String text = "〔快訊〕網路卡與軟體";
        JsonNode r = client().send("POST", "/news/_analyze", map("char_filter", List.of("zh_fold"), "tokenizer", "zh_words", "text", text));
        Map<String, String> original = new java.util.LinkedHashMap<>();
        r.path("tokens").forEach(t -> original.put(t.path("token").asText(),
                text.substring(t.path("start_offset").asInt(), t.path("end_offset").asInt())));
        assertEquals("網路卡", original.get("网卡"), original.toString());
        assertEquals("軟體", original.get("软件"), original.toString());
    }

    @Test
    void searchFindsTheOtherScriptHighlightsTheOriginalAndFacetsCompanies() throws Exception {
        String bulk = """
                {"index":{"_index":"news","_id":"tw-1"}}
                {"title":"台積電擴大投資先進製程","body":"台積電今天宣布，將在高雄加碼投資。","source":"中央社"}
                {"index":{"_index":"news","_id":"cn-1"}}
                {"title":"台积电公布季度营收","body":"台积电营收创新高，软件服务同步增长。","source":"央视"}
                {"index":{"_index":"news","_id":"other"}}
                {"title":"颱風接近","body":"氣象局發布海上颱風警報。","source":"中央社"}
                """;
        JsonNode b = client().bulk("/_bulk?refresh=wait_for", bulk);
        assertEquals(false, b.path("errors").asBoolean(), b.toString());

        JsonNode r = client().send("POST", "/news/_search", map(
                "query", map("multi_match", map("query", "台积电", "type", "phrase", // the README's query
                        "fields", List.of("title^2", "body", "title.bigram", "body.bigram"))),
                "highlight", map("pre_tags", List.of("<mark>"), "post_tags", List.of("</mark>"), "fields", map("title", map(), "body", map())),
                "aggs", map("companies", map("terms", map("field", "companies")))));
        List<String> ids = new ArrayList<>();
        r.path("hits").path("hits").forEach(h -> ids.add(h.path("_id").asText()));
        assertEquals(List.of("cn-1", "tw-1").stream().sorted().toList(), ids.stream().sorted().toList());
        for (JsonNode h : r.path("hits").path("hits")) {
            if (h.path("_id").asText().equals("tw-1")) {
                // the highlighter marks each matching word (smartcn cuts 台积电 into three): adjacent marks
                // joined, the mark covers the original characters
                String title = h.path("highlight").path("title").get(0).asText().replace("</mark><mark>", "");
                assertEquals("<mark>台積電</mark>擴大投資先進製程", title);
            }
        }
        JsonNode bucket = r.path("aggregations").path("companies").path("buckets").get(0);
        assertEquals("tsmc", bucket.path("key").asText());
        assertEquals(2, bucket.path("doc_count").asInt());

        // Taiwan's word finds the mainland's, and the keyword normalizer folds too
        JsonNode soft = client().send("POST", "/news/_search", map("query", map("match", map("body", "軟體"))));
        assertEquals("cn-1", soft.path("hits").path("hits").get(0).path("_id").asText());
        JsonNode src = client().send("POST", "/news/_search", map("query", map("term", map("source", "中央社"))));
        assertEquals(2, src.path("hits").path("total").path("value").asInt());
    }

    /** Queries and filters the embedded index and the cluster must answer alike. */
    static List<SearchRequest> parityRequests() {
        List<SearchRequest> out = new ArrayList<>();
        for (String q : List.of("台积电", "台積電", "伺服器", "服务器", "人工智能", "特斯拉 OR 英伟达", "\"马斯克\"", "xAI", "芯片 -特斯拉",
                "晶片 台積電 供應鏈", "title:輝達", "", "TSMC 晶片", "台積電 火星",
                "算力狂魔")) { // 算力狂魔: one run of four characters in no document, half its pairs (算力 … 狂魔) in one
            out.add(SearchRequest.of(q, 20));
        }
        out.add(SearchRequest.of("芯片", 20).withCompanies(List.of("tsmc")));
        out.add(SearchRequest.of("芯片", 20).withCompanies(List.of("tsmc", "nvidia")).withScripts(List.of("simplified")));
        out.add(SearchRequest.of("", 20).withSources(List.of("測試")));
        out.add(SearchRequest.of("AI", 20).withDates(java.time.LocalDate.of(2025, 1, 1), java.time.LocalDate.of(2025, 12, 31)));
        out.add(SearchRequest.of("AI", 5).withSort(SearchRequest.Sort.DATE_DESC).withPage(2, 5));
        return out;
    }

    @Test
    void theClusterAnswersAsTheEmbeddedIndex() throws Exception {
        OpenSearchClient client = client();
        ClusterIndex index = new ClusterIndex(client, "parity", SeedIndex.ANALYSIS);
        ClusterIndex.Rebuilt built = index.rebuild(List.of(Path.of("corpus"), Path.of("app/src/test/resources/search/extra.jsonl")), 2, 1,
                new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        assertEquals(SeedIndex.summary().indexed(), built.indexed());
        ClusterSearch clusterSearch = new ClusterSearch(client, "parity", SeedIndex.ANALYSIS);
        int reordered = 0; // requests whose order the ranking's feedback changes: the parity below covers it
        try (SearchService embedded = SearchService.open(SeedIndex.dir(), SeedIndex.ANALYSIS);
             SearchService withoutFeedback = SearchService.open(SeedIndex.dir(), SeedIndex.ANALYSIS,
                     dev.zhsearch.search.NewsRanking.standard().with("feedback.docs=0"))) {
            for (SearchRequest request : parityRequests()) {
                SearchResult a = embedded.search(request);
                SearchResult b = clusterSearch.search(request);
                if (!ranked(a).equals(ranked(withoutFeedback.search(request)))) {
                    reordered++;
                }
                String what = request.query() + " " + request.companies() + request.sources() + request.scripts() + " " + request.from() + " " + request.sort();
                assertEquals(a.total(), b.total(), what);
                assertEquals(ranked(a), ranked(b), what);
                assertEquals(a.facets(), b.facets(), what);
                if (request.sort() != SearchRequest.Sort.RELEVANCE) { // the same dates in the same order
                    assertEquals(a.hits().stream().map(dev.zhsearch.search.Hit::date).toList(),
                            b.hits().stream().map(dev.zhsearch.search.Hit::date).toList(), what);
                }
                Map<String, Object> companiesA = new java.util.HashMap<>();
                a.hits().forEach(h -> companiesA.put(h.id(), h.companies()));
                Map<String, Object> companiesB = new java.util.HashMap<>();
                b.hits().forEach(h -> companiesB.put(h.id(), h.companies()));
                assertEquals(companiesA, companiesB, what);
            }
            assertTrue(reordered >= 1, "feedback reorders some parity request, so both engines are seen doing it");
            // title-word suggestions count the same words in the same documents
            for (String prefix : List.of("台", "特", "ai", "芯")) {
                String folded = SeedIndex.ANALYSIS.words().normalize("title", prefix).utf8ToString();
                java.util.Set<dev.zhsearch.search.Searching.TermCount> a = new java.util.HashSet<>(embedded.frequentTitleTerms(folded, 1000, 100_000));
                java.util.Set<dev.zhsearch.search.Searching.TermCount> b = new java.util.HashSet<>(clusterSearch.frequentTitleTerms(folded, 1000, 100_000));
                assertEquals(a, b, "title words starting with " + prefix);
            }
            // the highlight lands on the original characters: 台积电 marks 台積電
            SearchResult r = clusterSearch.search(SearchRequest.of("台积电", 20));
            assertTrue(r.hits().stream().anyMatch(h -> h.title().contains("<mark>台積電</mark>")),
                    r.hits().stream().map(dev.zhsearch.search.Hit::title).toList().toString());
            // a company named in English finds and marks its Chinese name, on both engines
            for (var engine : List.<dev.zhsearch.search.Searching>of(clusterSearch, embedded)) {
                SearchResult en = engine.search(SearchRequest.of("TSMC", 20));
                assertTrue(en.hits().stream().anyMatch(h -> h.title().contains("<mark>台積電</mark>")),
                        en.hits().stream().map(dev.zhsearch.search.Hit::title).toList().toString());
            }
            // no document has both words: partial matches, marked, on both engines
            assertTrue(clusterSearch.search(SearchRequest.of("台積電 火星", 20)).partial());
            // related articles cross the scripts on both engines: 記憶體/伺服器 finds 内存/服务器, not itself
            for (var engine : List.<dev.zhsearch.search.Searching>of(clusterSearch, embedded)) {
                var related = engine.related("mem-tw", 5, dev.zhsearch.search.Display.ORIGINAL).orElseThrow();
                assertEquals("mem-cn", related.hits().getFirst().id(), related.hits().stream().map(dev.zhsearch.search.Hit::id).toList().toString());
                assertTrue(related.hits().stream().noneMatch(h -> h.id().equals("mem-tw")));
                assertTrue(engine.related("no-such-doc", 5, dev.zhsearch.search.Display.ORIGINAL).isEmpty());
            }
        }
    }

    @Test
    void theServerOnTheClusterTakesWritesAndSearchesThem() throws Exception {
        OpenSearchClient client = client();
        ClusterIndex index = new ClusterIndex(client, "served", SeedIndex.ANALYSIS);
        index.rebuild(List.of(Path.of("corpus")), 2, 1, new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        var server = new dev.zhsearch.http.ApiServer(new ClusterSearch(client, "served", SeedIndex.ANALYSIS), index, SeedIndex.ANALYSIS,
                () -> "not rebuilt in this test", new dev.zhsearch.http.ApiServer.Config("127.0.0.1", 0, null, List.of("secret"), List.of()));
        var app = server.start();
        try {
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + app.port();
            java.net.http.HttpResponse<String> put = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/api/documents/live-1"))
                    .header("Authorization", "Bearer secret").header("Content-Type", "application/json")
                    .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"title\":\"台積電公布新廠計畫\",\"body\":\"台積電今天在新竹宣布。\",\"date\":\"2026-11-30\",\"source\":\"測試\"}"))
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(201, put.statusCode(), put.body());
            JsonNode found = get(http, base + "/api/search?q=" + enc("台积电") + "&company=tsmc&size=50");
            assertTrue(ids(found).contains("live-1"), "acknowledged means searchable, with its company: " + ids(found));
            long tsmc = companyCount(found, "tsmc");
            java.net.http.HttpResponse<String> del = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/api/documents/live-1"))
                    .header("Authorization", "Bearer secret").DELETE().build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, del.statusCode(), del.body());
            JsonNode after = get(http, base + "/api/search?q=" + enc("台积电") + "&company=tsmc&size=50");
            assertTrue(!ids(after).contains("live-1"));
            assertEquals(tsmc - 1, companyCount(after, "tsmc"));
            java.net.http.HttpResponse<String> refused = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/api/documents/live-2"))
                    .header("Content-Type", "application/json").PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"title\":\"x\"}"))
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(401, refused.statusCode(), "no token, no write");
            // an id past OpenSearch's 512-byte _id limit (tw-news-digest's ids are URLs): written, read, deleted
            String longId = "https://news.example/" + "a".repeat(600);
            java.net.http.HttpResponse<String> putLong = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/api/documents/" + enc(longId)))
                    .header("Authorization", "Bearer secret").header("Content-Type", "application/json")
                    .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"title\":\"長網址的台積電新聞\",\"body\":\"內文\"}"))
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(201, putLong.statusCode(), putLong.body());
            assertEquals(longId, get(http, base + "/api/documents/" + enc(longId)).path("id").asText());
            java.net.http.HttpResponse<String> delLong = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/api/documents/" + enc(longId)))
                    .header("Authorization", "Bearer secret").DELETE().build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, delLong.statusCode(), delLong.body());
        } finally {
            app.stop();
        }
    }

    private static JsonNode get(java.net.http.HttpClient http, String url) throws Exception {
        java.net.http.HttpResponse<String> r = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body());
    }

    private static List<String> ids(JsonNode result) {
        List<String> out = new ArrayList<>();
        result.path("hits").forEach(h -> out.add(h.path("id").asText()));
        return out;
    }

    private static long companyCount(JsonNode result, String id) {
        for (JsonNode c : result.path("facets").path("company")) {
            if (c.path("id").asText().equals(id)) {
                return c.path("count").asLong();
            }
        }
        return 0;
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Hit ids in rank order; hits of equal score (ties the two engines may break apart) in id order. */
    private static List<String> ranked(SearchResult r) {
        return r.hits().stream()
                .sorted(java.util.Comparator.comparing((dev.zhsearch.search.Hit h) -> -Math.round(h.score() * 1e4)).thenComparing(dev.zhsearch.search.Hit::id))
                .map(dev.zhsearch.search.Hit::id).toList();
    }

    @Test
    @Order(Integer.MAX_VALUE) // last: the others run on the whole cluster
    void aNodeKilledLosesNoAcknowledgedDocument() throws Exception {
        client().send("PUT", "/crash", map("settings", map("number_of_shards", 2, "number_of_replicas", 1),
                "mappings", map("properties", map("title", map("type", "text", "analyzer", "zh_words")))));
        client().send("GET", "/_cluster/health/crash?wait_for_status=green&timeout=60s", null);
        StringBuilder bulk = new StringBuilder();
        int n = 500;
        for (int i = 0; i < n; i++) {
            bulk.append("{\"index\":{\"_index\":\"crash\",\"_id\":\"d").append(i).append("\"}}\n")
                    .append("{\"title\":\"第").append(i).append("則 台積電新聞\"}\n");
        }
        JsonNode b = client().bulk("/_bulk", bulk.toString()); // acknowledged: on the primary and its replica
        assertEquals(false, b.path("errors").asBoolean());
        LocalCluster.Node victim = cluster.nodes().get(1);
        cluster.kill(victim);
        LocalCluster.Node survivor = cluster.nodes().get(0);
        JsonNode health = new OpenSearchClient(survivor.url()).send("GET", "/_cluster/health/crash?wait_for_nodes=1&wait_for_status=yellow&wait_for_active_shards=2&timeout=90s", null);
        assertEquals(1, health.path("number_of_nodes").asInt(), health.toString());
        assertEquals("yellow", health.path("status").asText(), health.toString()); // replicas promoted, none to copy to
        new OpenSearchClient(survivor.url()).send("POST", "/crash/_refresh", null);
        JsonNode count = new OpenSearchClient(survivor.url()).send("POST", "/crash/_count", map("query", map("match", map("title", "台积电"))));
        assertEquals(n, count.path("count").asInt(), "every acknowledged document is searchable on the surviving node");
    }
}

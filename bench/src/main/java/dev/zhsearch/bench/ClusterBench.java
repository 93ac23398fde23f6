package dev.zhsearch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.zhsearch.clean.Cleaner;
import dev.zhsearch.cluster.ClusterIndex;
import dev.zhsearch.cluster.ClusterSearch;
import dev.zhsearch.cluster.LocalCluster;
import dev.zhsearch.cluster.OpenSearchClient;
import dev.zhsearch.convert.Script;
import dev.zhsearch.corpus.CorpusReaders;
import dev.zhsearch.corpus.CorpusSink;
import dev.zhsearch.corpus.ReadProblem;
import dev.zhsearch.corpus.SourceDoc;
import dev.zhsearch.index.Analysis;
import dev.zhsearch.index.DocumentPreparer;
import dev.zhsearch.index.IndexSummary;
import dev.zhsearch.index.Indexer;
import dev.zhsearch.search.SearchRequest;
import dev.zhsearch.search.SearchService;
import dev.zhsearch.search.Searching;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The corpus on three engines in one run: the embedded index, a 1-node OpenSearch cluster
 * (2 primaries) and a 3-node one (2 primaries, 1 replica), both with the plugin: indexing docs/s,
 * size, faceted query latency and q/s at each client count. Beside them, on the 1-node cluster, the
 * same cleaned titles and bodies under OpenSearch's stock analyzers a user would pick instead
 * ({@code cjk} bigrams, {@code standard}), searched as phrases: hits for each query and for its
 * other-script twin, latency, size.
 */
public final class ClusterBench {

    public record Engine(String name, int nodes, int shards, int replicas, long documents, double indexSeconds, double docsPerSecond,
                         long bytes, List<Load> loads) {}

    public record Load(int clients, double queriesPerSecond, Latencies latency, long failures) {}

    public record Twins(String analyzer, int queries, int sameCount, long hits, long twinHits, int twinFindsNothing, Latencies latency, long bytes) {}

    public record Report(List<String> inputs, long documents, List<Engine> engines, List<Twins> twins) {}

    private final Analysis analysis;
    private final ObjectMapper json = new ObjectMapper();

    public ClusterBench(Analysis analysis) {
        this.analysis = analysis;
    }

    public Report run(List<Path> inputs, Path work, Path distribution, Path pluginZip, Path analysisCommon, List<Integer> clients,
                      int seconds, int warmup, PrintStream log) throws Exception {
        List<SearchRequest> queries = BenchQueries.standard(10);
        List<Engine> engines = new ArrayList<>();
        List<Twins> twins = new ArrayList<>();

        // the embedded index
        Path embedded = work.resolve("embedded");
        log.println("embedded: indexing…");
        IndexSummary s = new Indexer(analysis, CorpusReaders.standard(), Runtime.getRuntime().availableProcessors(), null, 0)
                .build(inputs, embedded);
        try (SearchService service = SearchService.open(embedded, analysis)) {
            engines.add(new Engine("embedded (Lucene)", 1, 1, 0, s.indexed(), s.seconds(), s.indexed() / s.seconds(),
                    s.indexBytes(), loads(service, queries, clients, seconds, warmup, log)));
        }
        long documents = s.indexed();

        // one node: the plugin's index, then the stock analyzers beside it
        try (LocalCluster one = LocalCluster.start(distribution, pluginZip, analysisCommon, 1, work.resolve("cluster-1"), 0, "1g",
                Duration.ofSeconds(300))) {
            OpenSearchClient client = new OpenSearchClient(one.alive().url());
            engines.add(clusterEngine("OpenSearch 1 node", client, inputs, 1, 2, 0, queries, clients, seconds, warmup, log));
            twins.add(twins("zhsearch plugin (zh_words + zh_bigrams)", client, null, queries, log));
            for (String stock : List.of("cjk", "standard")) {
                twins.add(twins(stock, client, stockIndex(client, stock, inputs, log), queries, log));
            }
        }

        // three nodes, 2 primaries and a replica of each
        try (LocalCluster three = LocalCluster.start(distribution, pluginZip, null, 3, work.resolve("cluster-3"), 0, "1g",
                Duration.ofSeconds(300))) {
            OpenSearchClient client = new OpenSearchClient(three.alive().url());
            engines.add(clusterEngine("OpenSearch 3 nodes", client, inputs, 3, 2, 1, queries, clients, seconds, warmup, log));
        }
        return new Report(inputs.stream().map(Path::toString).toList(), documents, engines, twins);
    }

    private Engine clusterEngine(String name, OpenSearchClient client, List<Path> inputs, int nodes, int shards, int replicas,
                                 List<SearchRequest> queries, List<Integer> clients, int seconds, int warmup, PrintStream log) throws Exception {
        log.printf("%s: indexing (%d primaries, %d replica(s))…%n", name, shards, replicas);
        ClusterIndex index = new ClusterIndex(client, "zhsearch", analysis);
        ClusterIndex.Rebuilt r = index.rebuild(inputs, shards, replicas, new PrintStream(java.io.OutputStream.nullOutputStream()));
        client.get("/_cluster/health/zhsearch?wait_for_status=green&timeout=300s");
        client.send("POST", "/zhsearch/_forcemerge?max_num_segments=1", null); // as the embedded build ends: merged
        client.send("POST", "/zhsearch/_flush", null); // committed, so the merged-away segments' files are gone when measured
        client.send("POST", "/zhsearch/_refresh", null);
        long bytes = storeBytes(client, "zhsearch");
        ClusterSearch search = new ClusterSearch(client, "zhsearch", analysis);
        return new Engine(name, nodes, shards, replicas, r.indexed(), r.seconds(), r.indexed() / r.seconds(), bytes,
                loads(search, queries, clients, seconds, warmup, log));
    }

    private List<Load> loads(Searching search, List<SearchRequest> queries, List<Integer> clients, int seconds, int warmup, PrintStream log)
            throws Exception {
        ClosedLoop.run(Math.max(1, clients.stream().mapToInt(Integer::intValue).max().orElse(1)), warmup,
                c -> i -> search.search(queries.get((c * 7 + i) % queries.size())));
        List<Load> out = new ArrayList<>();
        for (int n : clients) {
            ClosedLoop.Result r = ClosedLoop.run(n, seconds, c -> i -> search.search(queries.get((c * 7 + i) % queries.size())));
            log.printf("  %d client(s): %.0f q/s, p50 %.1f ms, p99 %.1f ms%n", n, r.perSecond(), r.latency().p50Ms(), r.latency().p99Ms());
            out.add(new Load(n, r.perSecond(), r.latency(), r.failures()));
        }
        return out;
    }

    /** An index of the cleaned titles and bodies under one of OpenSearch's own analyzers. */
    private String stockIndex(OpenSearchClient client, String analyzer, List<Path> inputs, PrintStream log) throws IOException {
        String name = "stock-" + analyzer;
        log.printf("stock %s: indexing…%n", analyzer);
        ObjectNode body = json.createObjectNode();
        body.putObject("settings").putObject("index").put("number_of_shards", 2).put("number_of_replicas", 0).put("refresh_interval", "-1");
        ObjectNode props = body.putObject("mappings").putObject("properties");
        props.putObject("title").put("type", "text").put("analyzer", analyzer);
        props.putObject("body").put("type", "text").put("analyzer", analyzer);
        client.send("PUT", "/" + name, body);
        DocumentPreparer preparer = dev.zhsearch.index.DocumentPreparer.standard(analysis);
        StringBuilder nd = new StringBuilder();
        int[] pending = {0};
        IOException[] failure = {null};
        CorpusReaders.standard().readAll(inputs, new CorpusSink() {
            @Override
            public void accept(SourceDoc d) {
                if (failure[0] != null) {
                    return;
                }
                var p = preparer.prepare(d);
                ObjectNode action = json.createObjectNode();
                action.putObject("index").put("_id", ClusterIndex.documentId(p.id()));
                ObjectNode src = json.createObjectNode().put("title", p.title()).put("body", p.body());
                nd.append(action).append('\n').append(src).append('\n');
                if (++pending[0] == 1000) {
                    send();
                }
            }

            @Override
            public void skip(ReadProblem p) {
                // counted by the embedded build already
            }

            void send() {
                try {
                    client.bulk("/" + name + "/_bulk", nd.toString());
                } catch (IOException e) {
                    failure[0] = e;
                }
                nd.setLength(0);
                pending[0] = 0;
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
        if (pending[0] > 0) {
            client.bulk("/" + name + "/_bulk", nd.toString());
        }
        client.send("PUT", "/" + name + "/_settings", json.readTree("{\"index\":{\"refresh_interval\":\"1s\"}}"));
        client.send("POST", "/" + name + "/_refresh", null);
        client.send("POST", "/" + name + "/_forcemerge?max_num_segments=1", null);
        client.send("POST", "/" + name + "/_flush", null);
        client.send("POST", "/" + name + "/_refresh", null);
        return name;
    }

    /**
     * Each query and its other-script twin (the query converted with OpenCC s2twp or tw2sp), hit
     * counts side by side: through zhsearch's search ({@code stock} null) or as a phrase over title
     * and body of a stock index.
     */
    private Twins twins(String label, OpenSearchClient client, String stock, List<SearchRequest> requests, PrintStream log) throws Exception {
        List<String> texts = requests.stream().map(SearchRequest::query).filter(q -> !q.isBlank()).distinct().toList();
        ClusterSearch search = stock == null ? new ClusterSearch(client, "zhsearch", analysis) : null;
        int same = 0;
        int twinNothing = 0;
        long hits = 0;
        long twinHits = 0;
        List<Long> micros = new ArrayList<>();
        for (String q : texts) {
            String twin = analysis.scripts().detect(q) == Script.TRADITIONAL
                    ? analysis.configs().converter("tw2sp").convert(q)
                    : analysis.configs().converter("s2twp").convert(q);
            long a = count(client, search, stock, q, micros);
            long b = count(client, search, stock, twin, micros);
            hits += a;
            twinHits += b;
            same += a == b ? 1 : 0;
            twinNothing += a > 0 && b == 0 ? 1 : 0;
        }
        long bytes = storeBytes(client, stock == null ? "zhsearch" : stock);
        Twins t = new Twins(label, texts.size(), same, hits, twinHits, twinNothing,
                Latencies.of(micros.stream().mapToLong(Long::longValue).toArray()), bytes);
        log.printf("  %s: %d/%d queries count as many hits as their twin%n", label, same, texts.size());
        return t;
    }

    /** An index's size on disk, every copy of every shard. */
    private static long storeBytes(OpenSearchClient client, String index) throws IOException {
        return client.get("/" + index + "/_stats/store").path("_all").path("total").path("store").path("size_in_bytes").asLong();
    }

    private long count(OpenSearchClient client, ClusterSearch search, String stock, String q, List<Long> micros) throws Exception {
        long t0 = System.nanoTime();
        long n;
        if (stock == null) {
            n = search.search(SearchRequest.of(q, 10)).total();
        } else {
            ObjectNode body = json.createObjectNode();
            body.put("size", 10).put("track_total_hits", true);
            ObjectNode mm = body.putObject("query").putObject("multi_match");
            mm.put("query", q).put("type", "phrase");
            mm.putArray("fields").add("title^2").add("body");
            JsonNode r = client.send("POST", "/" + stock + "/_search", body);
            n = r.path("hits").path("total").path("value").asLong();
        }
        micros.add((System.nanoTime() - t0) / 1000);
        return n;
    }

    public static String table(Report r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%,d documents from %s%n", r.documents(), r.inputs()));
        sb.append(String.format("%-22s %5s %9s %9s %9s %10s", "engine", "nodes", "shards", "docs/s", "MB", "bytes/doc"));
        List<Integer> levels = r.engines().getFirst().loads().stream().map(Load::clients).toList();
        for (int c : levels) {
            sb.append(String.format(" %8s %8s %8s", "q/s@" + c, "p50@" + c, "p99@" + c));
        }
        sb.append('\n');
        for (Engine e : r.engines()) {
            sb.append(String.format("%-22s %5d %9s %9.0f %9.1f %10.0f", e.name(), e.nodes(), e.shards() + "p" + e.replicas() + "r",
                    e.docsPerSecond(), e.bytes() / 1e6, (double) e.bytes() / Math.max(1, e.documents())));
            for (Load l : e.loads()) {
                sb.append(String.format(" %8.0f %8.1f %8.1f", l.queriesPerSecond(), l.latency().p50Ms(), l.latency().p99Ms()));
            }
            sb.append('\n');
        }
        sb.append(String.format("%nthe query list and each query's other-script twin, on the 1-node cluster (stock analyzers: a phrase over title^2 and body)%n"));
        sb.append(String.format("%-42s %8s %12s %10s %10s %12s %8s %8s%n", "analyzer", "queries", "same as twin", "hits", "twin hits",
                "twin finds 0", "p50 ms", "MB"));
        for (Twins t : r.twins()) {
            sb.append(String.format("%-42s %8d %12d %10d %10d %12d %8.1f %8.1f%n", t.analyzer(), t.queries(), t.sameCount(), t.hits(),
                    t.twinHits(), t.twinFindsNothing(), t.latency().p50Ms(), t.bytes() / 1e6));
        }
        return sb.toString();
    }
}

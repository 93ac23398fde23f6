package dev.zhsearch.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.zhsearch.cluster.ClusterIndex;
import dev.zhsearch.cluster.ClusterSearch;
import dev.zhsearch.cluster.LocalCluster;
import dev.zhsearch.cluster.OpenSearchClient;
import dev.zhsearch.convert.OpenccConfigs;
import dev.zhsearch.corpus.CorpusReaders;
import dev.zhsearch.index.Analysis;
import dev.zhsearch.index.IndexSummary;
import dev.zhsearch.index.Indexer;
import dev.zhsearch.index.Ingest;
import dev.zhsearch.index.LiveIndex;
import dev.zhsearch.search.InvalidQueryException;
import dev.zhsearch.search.SearchRequest;
import dev.zhsearch.search.SearchResult;
import dev.zhsearch.search.NewsRanking;
import dev.zhsearch.search.SearchService;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** The command line: parses arguments, runs one command, returns an exit code. */
public final class Main {

    static final int OK = CommandLine.OK;
    static final int FAILED = CommandLine.FAILED;
    static final int USAGE = CommandLine.USAGE;
    /** The index was built, but some input was skipped (each reported with file:line). */
    static final int PARTIAL = 3;

    static final String USAGE_TEXT = """
            usage: zhsearch COMMAND [OPTIONS]

              index  --input PATH... [--index DIR] [--threads N]
                     Build the index from files or folders (seed articles .txt/.md, JSON Lines,
                     tw-news-digest .jsonl[.gz], CCTV .json[.gz]). Replaces the index in DIR.
                     Exit 0: all read; 3: built, but some input was skipped (listed); 1: failed.
              index  --add PATH... [--index DIR]
                     Add files to an existing index: each document is created, or replaces the one
                     with its id; every batch is durable when it is reported. Same readers, cleaning,
                     folding and companies as a full build. Adding the same files twice changes nothing.
              delete ID... [--index DIR]
                     Delete documents by id (exit 1 if one is unknown).
              search [--index DIR] [--size N] [--page N] [--company ID]... [--source S]...
                     [--script traditional|simplified] [--from YYYY-MM-DD] [--to YYYY-MM-DD]
                     [--sort relevance|score|date|+date] [--syntax people|lucene] [--ranking FILE] [--copies] QUERY
                     Print results and facet counts as JSON. The search box's syntax by default:
                     any text, "phrase", -word, OR, title:/body:/source:; past 3 words a document
                     needs 75% of them. --syntax lucene: Lucene's (AND OR NOT, grouping), where a
                     malformed query exits 2 with a one-line error. Several --company are OR'ed;
                     different filters AND. One hit per story (its copies counted on it); --copies
                     lists every copy.
              analyze [--field title|title_bigram|body|body_bigram] [--json] TEXT
                     The text cleaned and folded, the vocabulary folds that applied, and each
                     field's tokens with positions and offsets (as the index analyses it).
              entities discover --input PATH... [--general PATH...] [--out FILE] [--min-mentions N]
                     Find Taiwan-listed companies written 名稱（代號）; writes candidates to review.
              serve  [--index DIR] [--port 7070] [--host 127.0.0.1] [--corpus corpus] [--web web]
                     [--cors-origin https://example.org]...  (cross-origin access is off by default)
                     [--watch DIR]  ingest files that appear or grow in DIR (only new or changed documents)
                     [--ranking FILE]  weights per page type and recency for sort=relevance
                                       (keys as in app/src/main/resources/search/ranking.properties)
                     Serve the search page and the JSON API; builds the index from corpus/ first if
                     there is none. Binds to localhost unless --host says otherwise. Writes
                     (POST/PUT/DELETE /api/documents) and POST /api/reindex need the token in the
                     environment variable ZHSEARCH_TOKEN (ZHSEARCH_REINDEX_TOKEN works too).
              demo   [--index DIR]
                     Index corpus/ and run a sample search.
              bench NAME …
                     Benchmarks and evaluation tools (the bench module): ./zhsearch bench --help

            On an OpenSearch cluster (the zhsearch-analysis plugin installed; see README):
              index  --opensearch URL --input PATH... [--alias zhsearch] [--shards 1] [--replicas 0]
                     Build a new index on the cluster and move the alias to it in one step (searches
                     see the old index until then; the old one is deleted).
              index  --opensearch URL --add PATH...    upsert; delete --opensearch URL ID...
              search --opensearch URL [options as above] QUERY
                     The same JSON as the embedded index gives, from the cluster.
              cluster up [--nodes 1] [--dir target/cluster] [--port 9200] [--heap 512m]
                     A local OpenSearch 3.4.0 cluster on loopback (Maven Central's minimal distribution)
                     with the zhsearch-analysis plugin installed; nodes run as nobody when root.
              cluster down [--dir target/cluster]
              serve  --opensearch URL [--alias zhsearch] [--shards 1] [--replicas 0] [options as above]
                     The same API and page over the cluster (built from --corpus if the alias is empty);
                     writes go to the cluster; POST /api/reindex rebuilds and moves the alias.

            DIR defaults to ./index.
            """;

    private final PrintStream out;
    private final PrintStream err;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    Main(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        CommandLine.quietLucene();
        System.exit(new Main(System.out, System.err).run(Arrays.asList(args)));
    }

    int run(List<String> args) {
        return CommandLine.run(args, USAGE_TEXT, out, err, (command, rest) -> switch (command) {
            case "index" -> index(Args.parse(rest, Set.of("input", "index", "threads", "add", "opensearch", "alias", "shards", "replicas"), Set.of("quiet")));
            case "delete" -> delete(Args.parse(rest, Set.of("index", "opensearch", "alias"), Set.of()));
            case "search" -> search(Args.parse(rest, Set.of("index", "size", "page", "company", "source", "script", "from", "to", "sort", "display", "syntax",
                            "opensearch", "alias", "ranking"),
                    Set.of("no-highlight", "copies")));
            case "entities" -> entities(rest);
            case "demo" -> demo(Args.parse(rest, Set.of("index"), Set.of()));
            case "serve" -> serve(Args.parse(rest, Set.of("index", "port", "host", "corpus", "web", "cors-origin", "watch", "opensearch", "alias", "shards", "replicas", "ranking"), Set.of()));
            case "bench" -> throw new Args.UsageException("benchmarks live in the zhsearch-bench module: run them with ./zhsearch bench …");
            case "cluster" -> cluster(rest);
            case "analyze" -> analyze(Args.parse(rest, Set.of("field"), Set.of("json")));
            default -> throw new Args.UsageException("unknown command '" + command + "'");
        });
    }

    private int index(Args a) throws Args.UsageException, IOException {
        if (a.get("opensearch", null) != null) {
            return clusterIndex(a);
        }
        if (!a.all("add").isEmpty()) {
            return withLiveIndex(Path.of(a.get("index", "index")), index -> add(index, a));
        }
        List<Path> inputs = a.inputs();
        int threads = a.integer("threads", Runtime.getRuntime().availableProcessors(), 1, 64);
        Path indexDir = Path.of(a.get("index", "index"));
        IndexSummary s = buildIndex(inputs, indexDir, threads, a.flag("quiet"));
        out.println(s.describe());
        if (s.skipped() > 0) {
            err.printf("%,d input record(s) or file(s) skipped; see the 'skipped' lines above%n", s.skipped());
            return PARTIAL;
        }
        return OK;
    }

    /** {@code index --add PATH...}: upserts into either engine's index, in durable batches. */
    private int add(dev.zhsearch.index.DocumentStore index, Args a) throws IOException {
        List<Path> paths = new java.util.ArrayList<>(a.all("add").stream().map(Path::of).toList());
        paths.addAll(a.positionals().stream().map(Path::of).toList());
        Ingest.Summary s = new Ingest(index, CorpusReaders.standard()).add(paths, err);
        out.println(s.describe());
        return s.skipped() > 0 ? PARTIAL : OK;
    }

    /** {@code index --opensearch URL}: a rebuild through the alias, or {@code --add} upserts. */
    private int clusterIndex(Args a) throws Args.UsageException, IOException {
        ClusterIndex index = new ClusterIndex(new OpenSearchClient(a.get("opensearch", null)), a.get("alias", "zhsearch"), Analysis.standard());
        if (!a.all("add").isEmpty()) {
            return add(index, a);
        }
        ClusterIndex.Rebuilt r = index.rebuild(a.inputs(), a.integer("shards", 1, 1, 1024), a.integer("replicas", 0, 0, 16),
                a.flag("quiet") ? new PrintStream(java.io.OutputStream.nullOutputStream()) : err);
        out.println(r.describe());
        return r.skipped() > 0 ? PARTIAL : OK;
    }

    /** What to do with a live index opened for writing. */
    private interface IndexWork {
        int run(LiveIndex index) throws IOException;
    }

    /** Opens the index for writing (refusing clearly if a server holds it), runs {@code work}, closes it. */
    private int withLiveIndex(Path indexDir, IndexWork work) throws IOException {
        if (!Files.isDirectory(indexDir)) {
            err.println("zhsearch: no index at " + indexDir + " (build one with: zhsearch index --input corpus)");
            return FAILED;
        }
        LiveIndex index = openForWriting(indexDir, Analysis.standard());
        if (index == null) {
            return FAILED;
        }
        try (index) {
            return work.run(index);
        }
    }

    /** The index opened for writing, or null (said on stderr) if another process holds it. */
    private LiveIndex openForWriting(Path indexDir, Analysis analysis) throws IOException {
        try {
            return LiveIndex.open(indexDir, analysis);
        } catch (org.apache.lucene.store.LockObtainFailedException e) {
            err.println("zhsearch: the index at " + indexDir + " is open for writing elsewhere"
                    + " (a running server: write through its API; or an index --add)");
            return null;
        }
    }

    private int delete(Args a) throws Args.UsageException, IOException {
        if (a.positionals().isEmpty()) {
            throw new Args.UsageException("delete needs one or more document ids");
        }
        if (a.get("opensearch", null) != null) {
            return deleteAll(new ClusterIndex(new OpenSearchClient(a.get("opensearch", null)), a.get("alias", "zhsearch"), Analysis.standard()),
                    a.positionals());
        }
        return withLiveIndex(Path.of(a.get("index", "index")), index -> deleteAll(index, a.positionals()));
    }

    private int deleteAll(dev.zhsearch.index.DocumentStore index, List<String> ids) throws IOException {
        int missing = 0;
        for (String id : ids) {
            if (index.delete(id) == LiveIndex.Outcome.DELETED) {
                out.println("deleted " + id);
            } else {
                err.println("zhsearch: no document with id " + id);
                missing++;
            }
        }
        return missing == 0 ? OK : FAILED;
    }

    private IndexSummary buildIndex(List<Path> inputs, Path indexDir, int threads, boolean quiet) throws IOException {
        err.println("loading analysis (OpenCC dictionaries, smartcn)…");
        Analysis analysis = Analysis.standard();
        err.println("indexing " + inputs + " into " + indexDir + " with " + threads + " thread(s)");
        Indexer indexer = new Indexer(analysis, CorpusReaders.standard(), threads, err, quiet ? 0 : 2000);
        return indexer.build(inputs, indexDir);
    }

    private int analyze(Args a) throws Args.UsageException, IOException {
        if (a.positionals().isEmpty()) {
            throw new Args.UsageException("analyze needs a TEXT");
        }
        dev.zhsearch.search.TextAnalysis.Result r;
        try {
            r = new dev.zhsearch.search.TextAnalysis(Analysis.standard(), dev.zhsearch.clean.Cleaner.standard())
                    .analyze(String.join(" ", a.positionals()), a.get("field", null));
        } catch (IllegalArgumentException e) {
            throw new Args.UsageException(e.getMessage());
        }
        out.print(a.flag("json") ? json.writeValueAsString(r) + "\n" : dev.zhsearch.search.TextAnalysis.table(r));
        return OK;
    }

    /** The news ranking: the defaults, or a file's settings over them ({@code --ranking FILE}). */
    private static NewsRanking ranking(Args a) throws Args.UsageException {
        String file = a.get("ranking", null);
        if (file == null) {
            return NewsRanking.standard();
        }
        try {
            return NewsRanking.load(Path.of(file));
        } catch (IOException e) {
            throw new Args.UsageException("--ranking " + file + ": cannot read it (" + e.getMessage() + ")");
        } catch (IllegalArgumentException e) {
            throw new Args.UsageException("--ranking " + file + ": " + e.getMessage());
        }
    }

    private int search(Args a) throws Args.UsageException, IOException {
        if (a.positionals().isEmpty() && a.all("company").isEmpty() && a.all("source").isEmpty()
                && a.get("from", null) == null && a.get("to", null) == null) {
            throw new Args.UsageException("search needs a QUERY (or filters to browse by)");
        }
        String query = String.join(" ", a.positionals());
        int size = a.integer("size", 10, 0, SearchRequest.MAX_SIZE);
        int page = a.integer("page", 1, 1, 1_000_000);
        SearchRequest request;
        try {
            request = new SearchRequest(query, a.all("company"), a.all("source"), a.all("script"),
                    date(a.get("from", null), "--from"), date(a.get("to", null), "--to"),
                    a.get("sort", null) == null ? null : SearchRequest.Sort.parse(a.get("sort", null)),
                    page, size, !a.flag("no-highlight"), dev.zhsearch.search.Display.parse(a.get("display", null)),
                    dev.zhsearch.search.QueryFactory.Syntax.parse(a.get("syntax", null)), !a.flag("copies"));
        } catch (IllegalArgumentException e) {
            throw new Args.UsageException(e.getMessage());
        }
        if (a.get("opensearch", null) != null) {
            try {
                SearchResult result = new ClusterSearch(new OpenSearchClient(a.get("opensearch", null)), a.get("alias", "zhsearch"), Analysis.standard(),
                        ranking(a)).search(request);
                out.println(json.writeValueAsString(result));
                return OK;
            } catch (InvalidQueryException e) {
                err.println("zhsearch: " + e.getMessage());
                return USAGE;
            }
        }
        Path indexDir = Path.of(a.get("index", "index"));
        if (!Files.isDirectory(indexDir)) {
            err.println("zhsearch: no index at " + indexDir + " (build one with: zhsearch index --input corpus)");
            return FAILED;
        }
        try (SearchService service = SearchService.open(indexDir, Analysis.standard(), ranking(a))) {
            SearchResult result = service.search(request);
            out.println(json.writeValueAsString(result));
            return OK;
        } catch (InvalidQueryException e) {
            err.println("zhsearch: " + e.getMessage());
            return USAGE;
        } catch (org.apache.lucene.index.IndexNotFoundException e) {
            err.println("zhsearch: no index at " + indexDir + " (build one with: zhsearch index --input corpus)");
            return FAILED;
        }
    }

    static java.time.LocalDate date(String value, String option) throws Args.UsageException {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return java.time.LocalDate.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new Args.UsageException(option + " must be a date like 2026-07-31, got '" + value + "'");
        }
    }

    private int entities(List<String> args) throws Args.UsageException, IOException {
        if (args.isEmpty()) {
            throw new Args.UsageException("entities needs: discover (tables, sample, eval and audit are in the bench module: ./zhsearch entities …)");
        }
        List<String> rest = args.subList(1, args.size());
        return switch (args.getFirst()) {
            case "discover" -> {
                Args a = Args.parse(rest, Set.of("input", "out", "min-mentions", "general"), Set.of());
                List<Path> inputs = a.inputs();
                Analysis analysis = Analysis.standard();
                dev.zhsearch.entity.CompanyDiscovery discovery = new dev.zhsearch.entity.CompanyDiscovery();
                long docs = readCleaned(inputs, discovery::scan);
                var candidates = discovery.candidates(a.integer("min-mentions", 2, 1, 1_000_000), analysis.companies());
                if (!a.all("general").isEmpty()) {
                    List<String> general = new java.util.ArrayList<>();
                    long generalDocs = readCleaned(a.all("general").stream().map(Path::of).toList(), general::add);
                    candidates = dev.zhsearch.entity.CompanyDiscovery.withGeneralUse(candidates, general, analysis.folder()::fold);
                    out.printf("%,d general documents read: %d candidate names occur there and are marked [display-only]%n",
                            generalDocs, candidates.stream().filter(dev.zhsearch.entity.CompanyDiscovery.Candidate::ordinaryWord).count());
                }
                Path outFile = Path.of(a.get("out", "target/entity-candidates.tsv"));
                if (outFile.getParent() != null) {
                    Files.createDirectories(outFile.getParent());
                }
                Files.writeString(outFile, dev.zhsearch.entity.CompanyDiscovery.asTable(candidates, new OpenccConfigs().converter("t2s")));
                long known = candidates.stream().filter(c -> c.knownAs() != null).count();
                out.printf("%,d documents scanned: %d candidate companies (%d already in the table, %d new) written to %s for review%n",
                        docs, candidates.size(), known, candidates.size() - known, outFile);
                yield OK;
            }
            default -> throw new Args.UsageException("unknown entities command '" + args.getFirst() + "'");
        };
    }

    /** Reads corpus files and hands each document's cleaned title and body to {@code text}; returns the count. */
    private long readCleaned(List<Path> inputs, java.util.function.Consumer<String> text) throws IOException {
        dev.zhsearch.clean.Cleaner cleaner = dev.zhsearch.clean.Cleaner.standard();
        long[] docs = new long[1];
        CorpusReaders.standard().readAll(inputs, new dev.zhsearch.corpus.CorpusSink() {
            @Override
            public void accept(dev.zhsearch.corpus.SourceDoc d) {
                docs[0]++;
                text.accept(cleaner.title(d.title()) + "\n" + cleaner.body(d.body()));
            }

            @Override
            public void skip(dev.zhsearch.corpus.ReadProblem p) {
                err.println("skipped " + p);
            }
        });
        return docs[0];
    }

    /** Serves until the process is stopped; returns only if startup fails. */
    private int serve(Args a) throws Args.UsageException, IOException {
        Path indexDir = Path.of(a.get("index", "index"));
        Path corpus = Path.of(a.get("corpus", "corpus"));
        Path web = Path.of(a.get("web", "web"));
        String host = a.get("host", "127.0.0.1");
        int port = a.integer("port", 7070, 0, 65535);
        // ZHSEARCH_TOKEN guards writes and reindexing; the older ZHSEARCH_REINDEX_TOKEN still works
        List<String> tokens = java.util.stream.Stream.of(System.getenv("ZHSEARCH_TOKEN"), System.getenv("ZHSEARCH_REINDEX_TOKEN"))
                .filter(t -> t != null && !t.isBlank()).distinct().toList();
        Analysis analysis = Analysis.standard();
        var config = new dev.zhsearch.http.ApiServer.Config(host, port, web, tokens, a.all("cors-origin"));
        if (a.get("opensearch", null) != null) {
            return serveCluster(a, analysis, corpus, config);
        }
        Indexer indexer = new Indexer(analysis, CorpusReaders.standard(), Runtime.getRuntime().availableProcessors(), err, 0);
        try (org.apache.lucene.store.Directory dir = org.apache.lucene.store.FSDirectory.open(indexDir)) {
            if (!org.apache.lucene.index.DirectoryReader.indexExists(dir)) {
                err.println("zhsearch: no index at " + indexDir + "; building it from " + corpus + " …");
                err.println(indexer.build(List.of(corpus), indexDir).describe());
            }
        }
        LiveIndex index = openForWriting(indexDir, analysis);
        if (index == null) {
            return FAILED;
        }
        SearchService service = SearchService.over(index, analysis, ranking(a));
        String watch = a.get("watch", null);
        dev.zhsearch.index.Inbox inbox = watch == null ? null
                : new dev.zhsearch.index.Inbox(Path.of(watch), index, CorpusReaders.standard(), err, 1_000).start();
        var server = new dev.zhsearch.http.ApiServer(service, index, analysis,
                () -> index.rebuild(List.of(corpus), indexer).describe(), config);
        var app = server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.stop();
            if (inbox != null) {
                inbox.close();
            }
            try {
                index.close();
            } catch (IOException e) {
                // shutting down: every acknowledged write is committed already
            }
        }));
        return serveUntilStopped(String.format("%,d documents", service.documentCount()), config, app.port());
    }

    /** Says what is served where and whether writes are on, then serves until the process is stopped. */
    private int serveUntilStopped(String what, dev.zhsearch.http.ApiServer.Config config, int port) {
        String host = config.host();
        out.printf("zhsearch: serving %s at http://%s:%d/ (API: /api/search?q=…; Ctrl-C stops)%n",
                what, host.contains(":") ? "[" + host + "]" : host, port);
        if (!host.equals("127.0.0.1") && !host.equals("localhost") && !host.equals("::1")) {
            err.println("zhsearch: listening on " + host + ", reachable from other machines");
        }
        out.println(config.tokens().isEmpty() ? "writes and POST /api/reindex are off (set ZHSEARCH_TOKEN to enable them)"
                : "writes and POST /api/reindex need: Authorization: Bearer $ZHSEARCH_TOKEN");
        try {
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return OK;
    }

    /** {@code serve --opensearch URL}: the same API and page over the cluster's index (built from the corpus if the alias has none). */
    private int serveCluster(Args a, Analysis analysis, Path corpus, dev.zhsearch.http.ApiServer.Config config)
            throws Args.UsageException, IOException {
        if (a.get("watch", null) != null) {
            throw new Args.UsageException("--watch feeds the embedded index; on a cluster, write with index --opensearch URL --add or the write API");
        }
        OpenSearchClient client = new OpenSearchClient(a.get("opensearch", null));
        ClusterIndex index = new ClusterIndex(client, a.get("alias", "zhsearch"), analysis);
        int shards = a.integer("shards", 1, 1, 1024);
        int replicas = a.integer("replicas", 0, 0, 16);
        if (!index.exists()) {
            err.println("zhsearch: no index under the alias " + index.alias() + " at " + client.base() + "; building it from " + corpus + " …");
            err.println(index.rebuild(List.of(corpus), shards, replicas, err).describe());
        }
        ClusterSearch service = new ClusterSearch(client, index.alias(), analysis, ranking(a));
        var server = new dev.zhsearch.http.ApiServer(service, index, analysis,
                () -> index.rebuild(List.of(corpus), shards, replicas, err).describe(), config);
        var app = server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(app::stop));
        return serveUntilStopped(String.format("%,d documents from %s (alias %s)", service.documentCount(), client.base(), index.alias()),
                config, app.port());
    }

    /** {@code cluster up|down}: a local OpenSearch cluster with the plugin, for trying the cluster backend. */
    private int cluster(List<String> args) throws Args.UsageException, IOException {
        if (args.isEmpty()) {
            throw new Args.UsageException("cluster needs: up | down");
        }
        Args a = Args.parse(args.subList(1, args.size()), Set.of("nodes", "dir", "port", "heap", "distribution", "plugin"), Set.of());
        Path dir = Path.of(a.get("dir", "target/cluster"));
        switch (args.getFirst()) {
            case "up" -> {
                if (Files.exists(dir.resolve("pids"))) {
                    err.println("zhsearch: a cluster from " + dir + " may be running: zhsearch cluster down --dir " + dir + " first");
                    return FAILED;
                }
                int n = a.integer("nodes", 1, 1, 9);
                err.printf("starting %d OpenSearch node(s) in %s …%n", n, dir);
                try {
                    LocalCluster c = LocalCluster.start(Path.of(a.get("distribution", "opensearch/target/distribution/opensearch-3.4.0")),
                            Path.of(a.get("plugin", "opensearch/target/zhsearch-opensearch-3.4.0.zip")), n, dir.toAbsolutePath(),
                            a.integer("port", 9200, 1024, 65000), a.get("heap", "512m"), java.time.Duration.ofSeconds(300));
                    for (LocalCluster.Node node : c.nodes()) {
                        out.printf("%s  %s  (logs: %s)%n", node.name(), node.url(), dir.resolve("logs-" + node.name().substring(5)));
                    }
                    out.printf("cluster up: zhsearch index --opensearch %s --input corpus, then serve --opensearch %s; stop it with: zhsearch cluster down%s%n",
                            c.nodes().getFirst().url(), c.nodes().getFirst().url(), a.get("dir", null) == null ? "" : " --dir " + dir);
                    return OK;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return FAILED;
                }
            }
            case "down" -> {
                int stopped = LocalCluster.down(dir);
                out.println(stopped == 0 ? "no cluster running from " + dir : stopped + " node(s) stopped; data stays in " + dir);
                return OK;
            }
            default -> throw new Args.UsageException("unknown cluster command '" + args.getFirst() + "'");
        }
    }

    private int demo(Args a) throws IOException {
        Path indexDir = Path.of(a.get("index", "index"));
        IndexSummary s = buildIndex(List.of(Path.of("corpus")), indexDir, Runtime.getRuntime().availableProcessors(), true);
        out.println(s.describe());
        try (SearchService service = SearchService.open(indexDir, Analysis.standard())) {
            for (String q : List.of("台积电", "英偉達")) {
                SearchResult r = service.search(SearchRequest.of(q, 3));
                out.printf("%nsearch %s: %d documents in %d ms%n", q, r.total(), r.tookMs());
                r.hits().forEach(h -> out.printf("  %-22s %s%n    %s%n", h.id(), h.title(), h.snippets().isEmpty() ? "" : h.snippets().getFirst()));
            }
        } catch (InvalidQueryException e) {
            throw new IllegalStateException(e);
        }
        out.println("\nTry: ./zhsearch search 伺服器");
        return OK;
    }
}

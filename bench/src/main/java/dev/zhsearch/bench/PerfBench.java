package dev.zhsearch.bench;

import dev.zhsearch.clean.Cleaner;
import dev.zhsearch.convert.Script;
import dev.zhsearch.corpus.CorpusReaders;
import dev.zhsearch.corpus.CorpusSink;
import dev.zhsearch.corpus.ReadProblem;
import dev.zhsearch.corpus.SourceDoc;
import dev.zhsearch.index.Analysis;
import dev.zhsearch.index.IndexSummary;
import dev.zhsearch.index.Indexer;
import dev.zhsearch.search.SearchRequest;
import dev.zhsearch.search.SearchService;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

/**
 * zhsearch against SQLite FTS5 (trigram) in one run, on the same files: build time and size at
 * 10/50/100% of tw-news-digest + cctv-xwlb, then the fixed query list single-client and at 2 and 8
 * clients, (a) top 10 with snippets, (b) plus month/source (and, for zhsearch, company) counts;
 * and how many hits each finds for a query and for the same query in the other script.
 */
public final class PerfBench {

    /**
     * {@code searchableSeconds}: until every document was committed; {@code seconds}: until the build
     * ended, later only if zhsearch wrote more segments than workers and merged them ({@code segments}:
     * how many the index has; 0 for SQLite).
     */
    public record IndexRow(String engine, double fraction, long documents, double searchableSeconds, double seconds, double docsPerSecond,
                           double mbPerSecond, double sizeMb, double peakHeapMb, int segments) {}

    public record QueryRow(double fraction, String engine, String mode, int clients, long queries, double perSecond,
                           Latencies latency) {}

    public record QualityRow(String query, String otherScript, long zhsearch, long zhsearchOther, long sqlite, long sqliteOther) {}

    public record Quality(int queries, int zhsearchSame, int sqliteSame, List<QualityRow> rows) {}

    public record Report(List<IndexRow> indexing, int warmupSeconds, List<QueryRow> queries, Quality quality) {

        public String table() {
            StringBuilder sb = new StringBuilder("indexing (read, clean, convert, extract, index; SQLite: read, clean, extract, insert)\n");
            sb.append(String.format("%-9s %6s %9s %11s %12s %9s %9s %8s %10s %10s %9s%n", "engine", "share", "docs", "searchable", "docs/s then", "seconds",
                    "docs/s", "MB/s", "size MB", "peak heap", "segments"));
            for (IndexRow r : indexing) {
                sb.append(String.format("%-9s %5.0f%% %9d %10.1fs %12.0f %9.1f %9.0f %8.2f %10.1f %9.0fM %9s%n", r.engine(), 100 * r.fraction(), r.documents(),
                        r.searchableSeconds(), r.documents() / r.searchableSeconds(), r.seconds(), r.docsPerSecond(), r.mbPerSecond(), r.sizeMb(), r.peakHeapMb(),
                        r.segments() == 0 ? "-" : Integer.toString(r.segments())));
            }
            sb.append("  (searchable: every document committed; 'seconds' is later only if zhsearch wrote more segments than cores and merged them)\n");
            sb.append(String.format("%nqueries (the fixed list, after %d s of the same load as warm-up; 1 client: one pass over all of it;%n"
                    + " 2/8 clients: time-boxed; a = top 10 + snippets, b = a + facet counts: zhsearch company/month/year/source/script, SQLite month/source)%n", warmupSeconds));
            sb.append(String.format("%6s %-9s %-2s %7s %8s %9s  %s%n", "share", "engine", "", "clients", "queries", "q/s", Latencies.header()));
            for (QueryRow r : queries) {
                sb.append(String.format("%5.0f%% %-9s %-2s %7d %8d %9.1f  %s%n", 100 * r.fraction(), r.engine(), r.mode(), r.clients(),
                        r.queries(), r.perSecond(), r.latency().row()));
            }
            sb.append(String.format("%ncross-script: of %d queries, the same query in the other script finds the same number of documents%n"
                    + "  zhsearch %d / %d, SQLite FTS5 trigram %d / %d%n", quality.queries(), quality.zhsearchSame(), quality.queries(),
                    quality.sqliteSame(), quality.queries()));
            sb.append(String.format("  %-16s %-16s %10s %10s %10s %10s%n", "query", "other script", "zh", "zh other", "sqlite", "sqlite other"));
            quality.rows().stream().limit(12).forEach(r -> sb.append(String.format("  %-16s %-16s %10d %10d %10d %10d%n",
                    r.query(), r.otherScript(), r.zhsearch(), r.zhsearchOther(), r.sqlite(), r.sqliteOther())));
            return sb.toString();
        }
    }

    private final Analysis analysis;
    private final PrintStream log;

    public PerfBench(Analysis analysis, PrintStream log) {
        this.analysis = analysis;
        this.log = log;
    }

    public Report run(List<Path> corpora, List<Double> fractions, List<Integer> clientLevels, int seconds, int warmupSeconds, Path work)
            throws Exception {
        List<Path> all = CorpusReaders.expand(corpora, new CorpusSink() {
            @Override
            public void accept(SourceDoc doc) {
            }

            @Override
            public void skip(ReadProblem problem) {
                log.println("skipped " + problem);
            }
        });
        List<SearchRequest> queries = BenchQueries.standard(10);
        List<IndexRow> indexing = new ArrayList<>();
        List<QueryRow> queryRows = new ArrayList<>();
        Quality quality = null;
        Files.createDirectories(work);
        for (int fi = 0; fi < fractions.size(); fi++) {
            double f = fractions.get(fi);
            int step = Math.max(1, (int) Math.round(1 / f));
            List<Path> files = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                if (i % step == 0) {
                    files.add(all.get(i));
                }
            }
            Path zhDir = work.resolve("zh-" + Math.round(100 * f));
            log.printf("%.0f%%: %d files → zhsearch …%n", 100 * f, files.size());
            resetPeaks();
            IndexSummary s = new Indexer(analysis, CorpusReaders.standard(), Runtime.getRuntime().availableProcessors(), log, 5_000)
                    .build(files, zhDir);
            indexing.add(new IndexRow("zhsearch", f, s.documentsInIndex(), s.searchableSeconds(), s.seconds(), s.docsPerSecond(), s.megabytesPerSecond(),
                    s.indexBytes() / 1e6, peakHeap() / 1e6, s.segments()));
            log.printf("%.0f%%: SQLite FTS5 …%n", 100 * f);
            Path db = work.resolve("sqlite-" + Math.round(100 * f) + ".db");
            resetPeaks();
            long t0 = System.nanoTime();
            long n;
            try (SqliteFts fts = SqliteFts.create(db)) {
                n = fts.build(files, Cleaner.standard(), analysis.companies(), analysis.scripts());
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            indexing.add(new IndexRow("sqlite", f, n, secs, secs, n / secs, s.textBytes() / 1e6 / secs, Files.size(db) / 1e6, peakHeap() / 1e6, 0));
            boolean last = fi == fractions.size() - 1;
            try (SearchService service = SearchService.open(zhDir, analysis)) {
                for (String mode : List.of("a", "b")) {
                    boolean facets = mode.equals("b");
                    queryRows.add(timed(f, "zhsearch", mode, 1, queries, seconds, warmupSeconds, () -> q -> service.search(q, facets)));
                    queryRows.add(timed(f, "sqlite", mode, 1, queries, seconds, warmupSeconds, sqliteClient(db, facets)));
                    if (last) {
                        for (int c : clientLevels) {
                            queryRows.add(timed(f, "zhsearch", mode, c, queries, seconds, warmupSeconds, () -> q -> service.search(q, facets)));
                            queryRows.add(timed(f, "sqlite", mode, c, queries, seconds, warmupSeconds, sqliteClient(db, facets)));
                        }
                    }
                }
                if (last) {
                    quality = quality(service, db, queries);
                }
            }
        }
        return new Report(indexing, warmupSeconds, queryRows, quality);
    }

    interface Op {
        void run(SearchRequest q) throws Exception;
    }

    interface ClientFactory {
        Op open() throws Exception;
    }

    private static ClientFactory sqliteClient(Path db, boolean facets) {
        return () -> {
            Connection c = SqliteFts.reader(db);
            return q -> SqliteFts.search(c, q, facets);
        };
    }

    /**
     * Warm-up: {@code warmupSeconds} of the same load (the same clients cycling through the list),
     * not measured; then single-client: one timed pass over the whole list (so both engines are
     * measured on the same queries); concurrent: {@code clients} threads cycling through it for
     * {@code seconds}. A single pass is not a warm-up for the JVM: a minute into a fresh process the
     * JIT is still compiling Lucene's search paths, and the compiler thread takes a core's share.
     */
    private QueryRow timed(double fraction, String engine, String mode, int clients, List<SearchRequest> queries, int seconds,
                           int warmupSeconds, ClientFactory factory) throws Exception {
        log.printf("  %s %s, %d client(s): %d s warm-up …%n", engine, mode, clients, warmupSeconds);
        ClosedLoop.ClientFactory load = client -> {
            Op op = factory.open();
            return i -> op.run(queries.get((client * 13 + i) % queries.size()));
        };
        Op warm = factory.open();
        for (SearchRequest q : queries) {
            warm.run(q); // every query at least once, whatever the warm-up time
        }
        if (warmupSeconds > 0) {
            ClosedLoop.run(clients, warmupSeconds, load);
        }
        if (clients == 1) { // exactly one pass: both engines measured on the same queries
            long[] micros = new long[queries.size()];
            long start = System.nanoTime();
            for (int i = 0; i < queries.size(); i++) {
                long t0 = System.nanoTime();
                warm.run(queries.get(i));
                micros[i] = (System.nanoTime() - t0) / 1000;
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            return new QueryRow(fraction, engine, mode, 1, queries.size(), queries.size() / elapsed, Latencies.of(micros));
        }
        ClosedLoop.Result r = ClosedLoop.run(clients, seconds, load);
        if (r.failures() > 0) {
            log.printf("  %s %s: %d failed queries%n", engine, mode, r.failures());
        }
        return new QueryRow(fraction, engine, mode, clients, r.requests(), r.perSecond(), r.latency());
    }

    private Quality quality(SearchService service, Path db, List<SearchRequest> queries) throws Exception {
        List<QualityRow> rows = new ArrayList<>();
        int zhSame = 0;
        int sqlSame = 0;
        try (Connection c = SqliteFts.reader(db)) {
            for (SearchRequest q : queries) {
                if (q.query().isBlank()) {
                    continue;
                }
                boolean trad = analysis.scripts().detect(q.query()) == Script.TRADITIONAL;
                String other = analysis.configs().converter(trad ? "tw2sp" : "s2twp").convert(q.query());
                if (other.equals(q.query())) {
                    continue; // same in both scripts (Latin, or characters both scripts share)
                }
                SearchRequest twin = new SearchRequest(other, q.companies(), q.sources(), q.scripts(), q.from(), q.to(), null, 1, 0, false, null, null, true);
                long zh = service.search(q.withPage(1, 0), false).total();
                long zhOther = service.search(twin, false).total();
                long sq = SqliteFts.search(c, q, false).total();
                long sqOther = SqliteFts.search(c, twin, false).total();
                zhSame += zh == zhOther ? 1 : 0;
                sqlSame += sq == sqOther ? 1 : 0;
                rows.add(new QualityRow(q.query(), other, zh, zhOther, sq, sqOther));
            }
        }
        return new Quality(rows.size(), zhSame, sqlSame, rows);
    }

    private static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }
}

package dev.zhsearch.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.zhsearch.corpus.CorpusReaders;
import dev.zhsearch.corpus.CorpusSink;
import dev.zhsearch.corpus.ReadProblem;
import dev.zhsearch.corpus.SourceDoc;
import dev.zhsearch.index.Analysis;
import dev.zhsearch.index.Fields;
import dev.zhsearch.index.LiveIndex;
import dev.zhsearch.search.SearchRequest;
import dev.zhsearch.search.SearchService;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;

/**
 * A living index under load: documents stream into a copy of a built index (at a fixed rate, then
 * as fast as one writer can) while {@code clients} threads run the faceted query list, and the
 * same query load runs on the idle index first. For each phase: ingest docs/s, time from a batch's
 * acknowledgement to its last document being searchable (p50/p99), query q/s and p50/p99, and the
 * segment count over time. In-process, so the figures are the index's, not HTTP's.
 */
public final class IngestBench {

    /** One phase: what was asked, what was done. */
    public record Phase(String name, int targetDocsPerSecond, double seconds, long documents, double docsPerSecond,
                        Latencies visibility, double queriesPerSecond, Latencies queries, List<Integer> segments,
                        LiveIndex.WriteStats writes, double queryCpuMillis, double otherCpuSeconds) {}

    public record Report(long indexDocuments, int clients, int writers, int batch, List<Phase> phases) {}

    private final Analysis analysis;

    public IngestBench(Analysis analysis) {
        this.analysis = analysis;
    }

    public Report run(Path index, List<Path> sources, int clients, int writers, int seconds, int rate, int batch, PrintStream log) throws Exception {
        List<SourceDoc> docs = new ArrayList<>();
        CorpusReaders.standard().readAll(sources, new CorpusSink() {
            @Override
            public void accept(SourceDoc d) {
                // a new id: every write creates a document, as news arriving does
                docs.add(new SourceDoc("ingest-" + docs.size(), d.title(), d.body(), d.date(), d.source(), d.url(), d.origin()));
            }

            @Override
            public void skip(ReadProblem p) {
                // nothing to stream
            }
        });
        log.printf("%,d documents to stream from %s%n", docs.size(), sources);
        List<SearchRequest> queries = BenchQueries.standard(10);
        List<Phase> phases = new ArrayList<>();
        try (LiveIndex live = LiveIndex.open(index, analysis); SearchService service = SearchService.over(live, analysis)) {
            long indexDocs = service.documentCount();
            log.printf("warming up the query load (%d s)…%n", Math.min(seconds, 15));
            queryLoad(service, queries, clients, Math.min(seconds, 15));
            int[] next = {0};
            phases.add(phase("idle", live, service, queries, clients, 0, seconds, 0, batch, docs, next, log));
            phases.add(phase("fixed rate", live, service, queries, clients, writers, seconds, rate, batch, docs, next, log));
            phases.add(phase("as fast as possible", live, service, queries, clients, writers, seconds, -1, batch, docs, next, log));
            return new Report(indexDocs, clients, writers, batch, phases);
        }
    }

    private static ClosedLoop.Result queryLoad(SearchService service, List<SearchRequest> queries, int clients, int seconds) throws Exception {
        return ClosedLoop.run(clients, seconds, c -> i -> service.search(queries.get((c * 7 + i) % queries.size())));
    }

    /** {@code rate} 0: no writes; negative: as fast as one writer goes. */
    private Phase phase(String name, LiveIndex live, SearchService service, List<SearchRequest> queries, int clients, int writers,
                        int seconds, int rate, int batch, List<SourceDoc> docs, int[] next, PrintStream log) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        int firstDoc = next[0];
        AtomicInteger written = new AtomicInteger();
        java.util.concurrent.PriorityBlockingQueue<long[]> acked = new java.util.concurrent.PriorityBlockingQueue<>(64,
                java.util.Comparator.comparingLong((long[] a) -> a[0])); // {ack nanos, last doc number of the batch}
        List<Long> visibility = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Integer> segments = java.util.Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        long cpu0 = processCpuNanos();
        // writers: each sends bulk batches and waits for each to be acknowledged (durable), as a feed client does;
        // together they hold the rate (a batch is due when the documents before it, at the rate, are)
        List<Thread> writerThreads = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            writerThreads.add(Thread.ofPlatform().name("bench-writer-" + w).start(() -> {
                try {
                    while (!stop.get()) {
                        int from;
                        int to;
                        synchronized (next) {
                            if (next[0] >= docs.size()) {
                                return;
                            }
                            from = next[0];
                            to = Math.min(docs.size(), from + batch);
                            next[0] = to;
                        }
                        if (rate > 0) {
                            long due = start + (long) ((from - firstDoc) * 1e9 / rate);
                            long wait = due - System.nanoTime();
                            if (wait > 0) {
                                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                            }
                        }
                        live.upsertAll(docs.subList(from, to));
                        written.addAndGet(to - from);
                        acked.add(new long[] {System.nanoTime(), to - 1});
                    }
                } catch (Exception e) {
                    log.println("writer failed: " + e);
                }
            }));
        }
        Thread checker = Thread.ofPlatform().name("bench-visibility").start(() -> {
            try {
                while (!stop.get() || !acked.isEmpty()) {
                    long[] a = acked.peek();
                    if (a == null) {
                        Thread.sleep(2);
                        continue;
                    }
                    IndexSearcher s = live.searchers().acquire();
                    boolean found;
                    try {
                        found = s.count(new TermQuery(new Term(Fields.ID, docs.get((int) a[1]).id()))) > 0;
                    } finally {
                        live.searchers().release(s);
                    }
                    if (found) {
                        visibility.add((System.nanoTime() - a[0]) / 1000);
                        acked.poll();
                    } else {
                        Thread.sleep(5);
                    }
                    if (stop.get() && System.nanoTime() - a[0] > 10_000_000_000L) {
                        acked.clear(); // never became visible in 10 s: stop waiting
                    }
                }
            } catch (Exception e) {
                log.println("visibility checker failed: " + e);
            }
        });
        Thread sampler = Thread.ofPlatform().daemon().name("bench-segments").start(() -> {
            try {
                while (!stop.get()) {
                    segments.add(live.writeStats().segments());
                    Thread.sleep(1_000);
                }
            } catch (Exception e) {
                // stopped
            }
        });
        ClosedLoop.Result q = queryLoad(service, queries, clients, seconds);
        stop.set(true);
        for (Thread w : writerThreads) {
            w.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long cpu = processCpuNanos() - cpu0;
        checker.join();
        sampler.join();
        long[] vis = visibility.stream().mapToLong(Long::longValue).toArray();
        Phase p = new Phase(name, rate, elapsed, written.get(), written.get() / elapsed,
                vis.length == 0 ? null : Latencies.of(vis), q.perSecond(), q.latency(), List.copyOf(segments), live.writeStats(),
                q.cpuNanos() / 1e6 / Math.max(1, q.requests()), (cpu - q.cpuNanos()) / 1e9);
        log.printf("  %s: %,d documents, %.0f docs/s; %.0f q/s%n", name, p.documents(), p.docsPerSecond(), p.queriesPerSecond());
        return p;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    public static String table(Report r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("ingest under load: %,d documents in the index at start, %d query clients, %d writers sending batches of %d%n",
                r.indexDocuments(), r.clients(), r.writers(), r.batch()));
        sb.append(String.format("%-20s %9s %9s %10s %10s %9s %9s %9s %s%n", "phase", "docs/s", "vis p50", "vis p99", "q/s",
                "q p50", "q p99", "", "segments (each second)"));
        for (Phase p : r.phases()) {
            sb.append(String.format("%-20s %9.0f %9s %10s %10.0f %9.2f %9.2f %9s %s%n", p.name(), p.docsPerSecond(),
                    p.visibility() == null ? "-" : String.format("%.0f ms", p.visibility().p50Ms()),
                    p.visibility() == null ? "-" : String.format("%.0f ms", p.visibility().p99Ms()),
                    p.queriesPerSecond(), p.queries().p50Ms(), p.queries().p99Ms(), "", summarize(p.segments())));
        }
        for (Phase p : r.phases()) {
            LiveIndex.WriteStats w = p.writes();
            sb.append(String.format("after %s: %,d refreshes (mean %.0f ms), %,d commits (mean %.0f ms), since the start%n",
                    p.name(), w.refreshes(), w.refreshMillis(), w.commits(), w.commitMillis()));
        }
        Phase idle = r.phases().getFirst();
        int cores = Runtime.getRuntime().availableProcessors();
        sb.append(String.format("CPU (%d cores): idle, %.2f ms a query; the rest of the process %.2f cores%n", cores,
                idle.queryCpuMillis(), idle.otherCpuSeconds() / idle.seconds()));
        for (Phase p : r.phases().subList(1, r.phases().size())) {
            // what the process spent beyond the query threads, less what it spends so when idle: writing
            double ingestSeconds = p.otherCpuSeconds() - idle.otherCpuSeconds() / idle.seconds() * p.seconds();
            double perDoc = p.documents() == 0 ? 0 : ingestSeconds * 1e3 / p.documents();
            sb.append(String.format("CPU %s: %.2f ms a query (%.2f× idle); writing %.2f cores, %.2f ms a document: 1,000 docs/s would take %.0f%% of the machine%n",
                    p.name(), p.queryCpuMillis(), p.queryCpuMillis() / idle.queryCpuMillis(), ingestSeconds / p.seconds(), perDoc,
                    perDoc * 100 / cores));
        }
        for (Phase p : r.phases().subList(1, r.phases().size())) {
            sb.append(String.format("%s: query p99 %.2f× idle; visibility p99 %s%n", p.name(), p.queries().p99Ms() / idle.queries().p99Ms(),
                    p.visibility() == null ? "-" : String.format("%.0f ms", p.visibility().p99Ms())));
        }
        sb.append("targets: ≥ 1,000 docs/s sustained while serving; visibility p99 ≤ 1 s; query p99 during ingest ≤ 2× idle\n");
        return sb.toString();
    }

    private static String summarize(List<Integer> segments) {
        if (segments.isEmpty()) {
            return "-";
        }
        int min = segments.stream().mapToInt(Integer::intValue).min().orElse(0);
        int max = segments.stream().mapToInt(Integer::intValue).max().orElse(0);
        return min + "–" + max + " " + segments.subList(0, Math.min(12, segments.size()));
    }

    public static void writeJson(Report r, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), r);
    }
}

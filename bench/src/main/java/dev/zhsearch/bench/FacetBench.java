package dev.zhsearch.bench;

import dev.zhsearch.search.FacetValue;
import dev.zhsearch.search.InvalidQueryException;
import dev.zhsearch.search.SearchRequest;
import dev.zhsearch.search.SearchResult;
import dev.zhsearch.search.SearchService;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Facet counts on a big index, with a query and without, and the latency of faceted top-10 search
 * with snippets over the fixed query list, single client and concurrent, each after a warm-up of
 * the same load.
 */
public final class FacetBench {

    public record Counts(String query, long total, List<FacetValue> companies, List<FacetValue> months, List<FacetValue> years) {}

    /** {@code topCompaniesQueried}: hits of the probe query filtered to each of the top companies. */
    /** The same queries from {@code clients} threads for {@code seconds}: queries per second and latency. */
    public record Concurrent(int clients, double seconds, long requests, long failures, double perSecond, Latencies latency) {}

    public record Report(long documents, Counts browse, Counts queried, Map<String, Long> topCompaniesQueried,
                         int warmupSeconds, int queries, int rounds, Latencies latency, Map<String, Long> slowestMs, List<Concurrent> concurrent) {

        public String table() {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format("index: %,d documents%n%n", documents));
            sb.append(String.format("top companies        %12s  %12s%n", "all docs", "q=" + queried.query()));
            for (FacetValue v : browse.companies().subList(0, Math.min(TOP_COMPANIES, browse.companies().size()))) {
                sb.append(String.format("  %-18s %12d  %12d%n", v.name(), v.count(), topCompaniesQueried.getOrDefault(v.id(), 0L)));
            }
            sb.append(String.format("%nby year              %12s  %12s%n", "all docs", "q=" + queried.query()));
            Map<String, Long> qy = new LinkedHashMap<>();
            queried.years().forEach(v -> qy.put(v.id(), v.count()));
            for (FacetValue v : browse.years()) {
                sb.append(String.format("  %-18s %12d  %12d%n", v.id(), v.count(), qy.getOrDefault(v.id(), 0L)));
            }
            sb.append(String.format("%nby month (all docs / q=%s)%n", queried.query()));
            Map<String, Long> qm = new LinkedHashMap<>();
            queried.months().forEach(v -> qm.put(v.id(), v.count()));
            int col = 0;
            for (FacetValue v : browse.months()) {
                sb.append(String.format("  %-7s %6d /%5d", v.id(), v.count(), qm.getOrDefault(v.id(), 0L)));
                if (++col % 4 == 0) {
                    sb.append('\n');
                }
            }
            sb.append(String.format("%n%nfaceted top-10 search with snippets (company, month, year, source, script counts):%n"));
            sb.append(String.format("  %d queries × %d rounds, single client, after %d s of warm-up (each concurrency level too)%n  %s%n  %s%n",
                    queries, rounds, warmupSeconds, Latencies.header(), latency.row()));
            sb.append("  slowest: ").append(slowestMs).append('\n');
            if (!concurrent.isEmpty()) {
                sb.append(String.format("%n  same queries, concurrent clients (each cycling through the list)%n  %7s %8s %9s  %s%n",
                        "clients", "queries", "q/s", Latencies.header()));
                for (Concurrent c : concurrent) {
                    sb.append(String.format("  %7d %8d %9.1f  %s%s%n", c.clients(), c.requests(), c.perSecond(), c.latency().row(),
                            c.failures() > 0 ? "  (" + c.failures() + " failed)" : ""));
                }
            }
            return sb.toString();
        }
    }

    static final int TOP_COMPANIES = 20;

    /**
     * Facet counts, single-client latency over {@code rounds}, and for each of {@code clientLevels} (may
     * be empty) the throughput of that many concurrent clients over {@code seconds}.
     */
    public Report run(SearchService service, List<SearchRequest> queries, String probeQuery, int rounds,
                      List<Integer> clientLevels, int seconds, int warmupSeconds) throws IOException, InvalidQueryException {
        Counts browse = counts(service, "");
        Counts queried = counts(service, probeQuery);
        // the query's own company facet lists only its top values: count each top company exactly
        Map<String, Long> topQueried = new LinkedHashMap<>();
        for (FacetValue v : browse.companies().subList(0, Math.min(TOP_COMPANIES, browse.companies().size()))) {
            topQueried.put(v.id(), service.search(SearchRequest.of(probeQuery, 0).withCompanies(List.of(v.id()))).total());
        }
        warmUp(service, queries, 1, warmupSeconds);
        long[] micros = new long[queries.size() * rounds];
        Map<String, Long> worst = new LinkedHashMap<>();
        int i = 0;
        for (int round = 0; round < rounds; round++) {
            for (SearchRequest r : queries) {
                long t0 = System.nanoTime();
                service.search(r);
                long us = (System.nanoTime() - t0) / 1000;
                micros[i++] = us;
                String key = r.query() + (r.companies().isEmpty() && r.from() == null && r.sources().isEmpty() ? "" : " +filters");
                worst.merge(key, us / 1000, Math::max);
            }
        }
        Map<String, Long> slowest = new LinkedHashMap<>();
        worst.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(5)
                .forEach(e -> slowest.put(e.getKey(), e.getValue()));
        List<Concurrent> concurrent = new java.util.ArrayList<>();
        for (int clients : clientLevels) {
            warmUp(service, queries, clients, warmupSeconds);
            ClosedLoop.Result r = load(service, queries, clients, seconds);
            concurrent.add(new Concurrent(clients, r.seconds(), r.requests(), r.failures(), r.perSecond(), r.latency()));
        }
        return new Report(service.documentCount(), browse, queried, topQueried, warmupSeconds, queries.size(), rounds, Latencies.of(micros), slowest,
                List.copyOf(concurrent));
    }

    /** The load of {@link #load} for {@code seconds}, unmeasured; with none, each query once. */
    private static void warmUp(SearchService service, List<SearchRequest> queries, int clients, int seconds)
            throws IOException, InvalidQueryException {
        if (seconds > 0) {
            load(service, queries, clients, seconds);
            return;
        }
        for (SearchRequest r : queries) {
            service.search(r);
        }
    }

    /** {@code clients} threads cycling through the queries for {@code seconds}. */
    private static ClosedLoop.Result load(SearchService service, List<SearchRequest> queries, int clients, int seconds)
            throws IOException, InvalidQueryException {
        try {
            return ClosedLoop.run(clients, seconds, client -> k -> service.search(queries.get((client * 13 + k) % queries.size())));
        } catch (IOException | InvalidQueryException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("concurrent run failed: " + e, e);
        }
    }

    private static Counts counts(SearchService service, String query) throws IOException, InvalidQueryException {
        SearchResult r = service.search(SearchRequest.of(query, 0));
        return new Counts(query, r.total(), r.facets().company(), r.facets().date(), r.facets().year());
    }
}

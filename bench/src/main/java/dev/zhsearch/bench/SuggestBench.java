package dev.zhsearch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zhsearch.convert.ChineseConverter;
import dev.zhsearch.http.ApiServer;
import dev.zhsearch.index.Analysis;
import dev.zhsearch.search.SearchService;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Suggestions by sound on a real server over an index: each labelled case (typed input → the word
 * meant, {@code pinyin/cases.tsv}) passes when the word is among the first five suggestions, asked
 * for in the script the word is written in (compared in Simplified); then suggestion latency at 1
 * and 8 clients over HTTP on loopback.
 */
public final class SuggestBench {

    /** A typed input, the word meant, and the style of typing. */
    public record Case(String input, String expected, String style) {}

    public static List<Case> read(Path file) throws IOException {
        List<Case> out = new ArrayList<>();
        boolean header = true;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (header) {
                header = false;
                continue;
            }
            String[] c = line.split("\t");
            if (c.length >= 3 && !c[0].isBlank()) {
                out.add(new Case(c[0], c[1].strip(), c[2].strip()));
            }
        }
        return out;
    }

    public static Map<String, Object> run(Path index, List<Case> cases, int seconds, PrintStream out) throws Exception {
        Analysis analysis = Analysis.standard();
        ChineseConverter t2s = analysis.configs().converter("t2s");
        ObjectMapper json = new ObjectMapper();
        Map<String, Object> report = new LinkedHashMap<>();
        try (SearchService service = SearchService.open(index, analysis)) {
            Javalin app = new ApiServer(service, analysis, () -> "not used", new ApiServer.Config("127.0.0.1", 0, null, List.of(), List.of())).start();
            try {
                String base = "http://127.0.0.1:" + app.port() + "/api/suggest?q=";
                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
                long start = System.nanoTime();
                get(client, base + enc("tai"));
                out.printf("first suggestion (the table built): %.1f s%n%n", (System.nanoTime() - start) / 1e9);
                Map<String, int[]> byStyle = new TreeMap<>();
                List<String> failures = new ArrayList<>();
                int passed = 0;
                long[] firstAsked = new long[cases.size()]; // each input's first request, in microseconds
                int asked = 0;
                for (Case c : cases) {
                    // asked in the script the word meant is written in, as a reader of that script has
                    // the page set (艾滋病 is shown 愛滋病 in Taiwan's script and words)
                    String display = t2s.convert(c.expected()).equals(c.expected()) ? "hans" : "hant";
                    long t0 = System.nanoTime();
                    String body = get(client, base + enc(c.input()) + "&display=" + display);
                    firstAsked[asked++] = (System.nanoTime() - t0) / 1000;
                    JsonNode r = json.readTree(body);
                    List<String> shown = new ArrayList<>();
                    r.path("suggestions").forEach(s -> shown.add(s.path("text").asText()));
                    List<String> top = shown.subList(0, Math.min(5, shown.size()));
                    boolean ok = top.stream().anyMatch(s -> t2s.convert(s).equals(t2s.convert(c.expected())));
                    int[] s = byStyle.computeIfAbsent(c.style(), k -> new int[2]);
                    s[0]++;
                    if (ok) {
                        s[1]++;
                        passed++;
                    } else {
                        failures.add(c.input() + " → " + c.expected() + " (" + c.style() + "): got " + top);
                    }
                }
                out.printf("%-14s %6s %8s%n", "style", "cases", "top 5");
                Map<String, Object> styles = new LinkedHashMap<>();
                for (var e : byStyle.entrySet()) {
                    out.printf("%-14s %6d %8.3f%n", e.getKey(), e.getValue()[0], e.getValue()[1] / (double) e.getValue()[0]);
                    styles.put(e.getKey(), Map.of("cases", e.getValue()[0], "top5", e.getValue()[1] / (double) e.getValue()[0]));
                }
                out.printf("%-14s %6d %8.3f%n%nfailures (%d):%n", "all", cases.size(), passed / (double) cases.size(), failures.size());
                failures.forEach(f -> out.println("  " + f));
                report.put("cases", cases.size());
                report.put("top5", passed / (double) cases.size());
                report.put("byStyle", styles);
                report.put("failures", failures);

                Latencies first = Latencies.of(java.util.Arrays.copyOf(firstAsked, asked));
                out.printf("%nlatency of each input asked the first time (the pass above: 1 client, java.net.http, nothing"
                        + " kept from an earlier request for it; the server just started, its JIT's warm-up included):%n%s%n%s%n", Latencies.header(), first.row());
                report.put("firstAsked", Map.of("p50Ms", first.p50Ms(), "p99Ms", first.p99Ms()));

                List<URI> uris = cases.stream().map(c -> URI.create(base + enc(c.input()))).toList();
                out.printf("%nlatency of /api/suggest over HTTP on loopback (%d inputs, the client on the same 2 cores as the server):%n"
                        + "%-22s %-8s %s%n", uris.size(), "client", "clients", Latencies.header());
                List<Map<String, Object>> levels = new ArrayList<>();
                for (int clients : new int[] {1, 8}) {
                    // side by side in one run: Java's HttpClient, and sockets kept alive that do almost
                    // nothing but send and skip (what the server costs when the client costs little)
                    for (String kind : List.of("java.net.http", "keep-alive socket")) {
                        load(kind, client, app.port(), uris, clients, seconds); // warm-up at this concurrency
                        ClosedLoop.Result r = load(kind, client, app.port(), uris, clients, seconds);
                        out.printf("%-22s %-8d %s  (%.0f req/s, %d errors)%n", kind, clients, r.latency().row(), r.perSecond(), r.failures());
                        levels.add(Map.of("client", kind, "clients", clients, "p50Ms", r.latency().p50Ms(), "p99Ms", r.latency().p99Ms(),
                                "perSecond", r.perSecond(), "errors", r.failures()));
                    }
                }
                report.put("latency", levels);
                report.put("typing", typing(cases, app.port(), out));
            } finally {
                app.stop();
            }
        }
        return report;
    }

    /**
     * Every beginning of every case's input as it is typed (t, ta, tai, taij …), each asked once and
     * none asked before: what a search box sends (the loads above repeat their inputs, so a server's
     * per-input memory answers most of them). What earlier requests counted in the index still helps,
     * as an earlier keystroke's does in a search box.
     * The cases alternate between 1 client and 8, each client typing one case's beginnings in order,
     * then taking the next case; keep-alive sockets.
     */
    static List<Map<String, Object>> typing(List<Case> cases, int port, PrintStream out) throws Exception {
        java.util.Set<String> asked = new java.util.HashSet<>();
        cases.forEach(c -> asked.add(c.input().strip()));
        List<List<String>> one = new ArrayList<>();
        List<List<String>> eight = new ArrayList<>();
        for (Case c : cases) {
            List<String> typed = new ArrayList<>();
            int[] cps = c.input().strip().codePoints().toArray();
            for (int n = 1; n < cps.length; n++) {
                String begun = new String(cps, 0, n).strip();
                if (asked.add(begun)) {
                    typed.add(begun);
                }
            }
            if (!typed.isEmpty()) {
                (one.size() <= eight.size() ? one : eight).add(typed);
            }
        }
        out.printf("%nlatency while typing: each beginning of each input, asked once, never asked before (keep-alive sockets):%n"
                + "%-22s %-8s %s%n", "inputs", "clients", Latencies.header());
        List<Map<String, Object>> levels = new ArrayList<>();
        for (int clients : new int[] {1, 8}) {
            List<List<String>> words = clients == 1 ? one : eight;
            java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
            List<KeepAliveGet> sockets = new ArrayList<>();
            ClosedLoop.Result r;
            try {
                r = ClosedLoop.run(clients, 3600, user -> {
                    KeepAliveGet socket = new KeepAliveGet("127.0.0.1", port);
                    synchronized (sockets) {
                        sockets.add(socket);
                    }
                    java.util.ArrayDeque<String> mine = new java.util.ArrayDeque<>();
                    return i -> {
                        if (mine.isEmpty()) {
                            int w = next.getAndIncrement();
                            if (w >= words.size()) {
                                throw new ClosedLoop.Done();
                            }
                            mine.addAll(words.get(w));
                        }
                        int status = socket.get("/api/suggest?q=" + enc(mine.poll()));
                        if (status != 200) {
                            throw new IOException("HTTP " + status);
                        }
                    };
                });
            } finally {
                for (KeepAliveGet s : sockets) {
                    s.close();
                }
            }
            out.printf("%-22s %-8d %s  (%.0f req/s, %d errors)%n", words.stream().mapToInt(List::size).sum(), clients,
                    r.latency().row(), r.perSecond(), r.failures());
            levels.add(Map.of("clients", clients, "inputs", r.requests(), "p50Ms", r.latency().p50Ms(), "p99Ms", r.latency().p99Ms(),
                    "perSecond", r.perSecond(), "errors", r.failures()));
        }
        return levels;
    }

    private static ClosedLoop.Result load(String kind, HttpClient client, int port, List<URI> uris, int clients, int seconds)
            throws Exception {
        if (kind.equals("java.net.http")) {
            return ClosedLoop.run(clients, seconds, user -> i -> {
                HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(uris.get((user * 31 + i) % uris.size())).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                if (r.statusCode() != 200) {
                    throw new IOException("HTTP " + r.statusCode());
                }
            });
        }
        List<String> paths = uris.stream().map(URI::getRawPath).toList();
        List<String> queries = uris.stream().map(URI::getRawQuery).toList();
        List<KeepAliveGet> sockets = new ArrayList<>();
        try {
            return ClosedLoop.run(clients, seconds, user -> {
                KeepAliveGet socket = new KeepAliveGet("127.0.0.1", port);
                synchronized (sockets) {
                    sockets.add(socket);
                }
                return i -> {
                    int k = (user * 31 + i) % uris.size();
                    int status = socket.get(paths.get(k) + "?" + queries.get(k));
                    if (status != 200) {
                        throw new IOException("HTTP " + status);
                    }
                };
            });
        } finally {
            for (KeepAliveGet s : sockets) {
                s.close();
            }
        }
    }

    private static String get(HttpClient client, String url) throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException(url + ": HTTP " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

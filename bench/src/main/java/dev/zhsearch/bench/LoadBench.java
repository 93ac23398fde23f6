package dev.zhsearch.bench;

import dev.zhsearch.search.SearchRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Drives a zhsearch server in a child process over loopback: closed-loop virtual users, each
 * cycling through the fixed query list (both scripts, with and without facet filters), for a fixed
 * time per concurrency level. Reports throughput, latency percentiles and errors (non-200 or I/O).
 */
public final class LoadBench {

    public record Level(int run, int connections, double seconds, long requests, long errors, double perSecond, Latencies latency,
                        long heapAfterGcBytes) {}

    public record Report(Path index, String serverHeap, int queries, List<Level> levels) {
        public String table() {
            StringBuilder sb = new StringBuilder(String.format("server: %s, heap %s; %d-query mix over HTTP on loopback%n", index, serverHeap, queries));
            sb.append(String.format("%3s %5s %8s %10s %7s %9s  %s %12s%n", "run", "conns", "seconds", "requests", "errors", "req/s",
                    Latencies.header(), "heap@GC MB"));
            for (Level l : levels) {
                sb.append(String.format("%3d %5d %8.1f %10d %7d %9.1f  %s %12.1f%n", l.run(), l.connections(), l.seconds(), l.requests(),
                        l.errors(), l.perSecond(), l.latency().row(), l.heapAfterGcBytes() / 1e6));
            }
            return sb.toString();
        }
    }

    public Report run(Path index, List<SearchRequest> queries, List<Integer> levels, int seconds, int warmupSeconds, String heap, int runs)
            throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx" + heap, "-Xms" + heap, "--enable-native-access=ALL-UNNAMED",
                "-Dorg.slf4j.simpleLogger.log.zhsearch.http=warn",
                "-cp", System.getProperty("java.class.path"), "dev.zhsearch.cli.Main", "serve",
                "--index", index.toString(), "--port", Integer.toString(port), "--host", "127.0.0.1"));
        Process server = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        Thread.ofPlatform().daemon().start(() -> drain(server));
        String base = "http://127.0.0.1:" + port;
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        try {
            waitForHealth(client, base, server);
            List<URI> uris = queries.stream().map(q -> uri(base, q)).toList();
            List<Level> out = new ArrayList<>();
            for (int run = 1; run <= runs; run++) {
                for (int c : levels) {
                    if (run == 1 && warmupSeconds > 0) {
                        runLevel(client, uris, c, warmupSeconds, run, base); // warm-up at this concurrency
                    }
                    out.add(runLevel(client, uris, c, seconds, run, base));
                }
            }
            return new Report(index, heap, uris.size(), out);
        } finally {
            server.destroy();
            server.waitFor();
        }
    }

    private static Level runLevel(HttpClient client, List<URI> uris, int connections, int seconds, int run, String base)
            throws Exception {
        ClosedLoop.Result r = ClosedLoop.run(connections, seconds, user -> i -> {
            URI uri = uris.get((user * 7 + i) % uris.size());
            HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode());
            }
        });
        return new Level(run, connections, r.seconds(), r.requests(), r.failures(), r.perSecond(), r.latency(), heapAfterGc(client, base));
    }

    private static long heapAfterGc(HttpClient client, String base) {
        try {
            String body = client.send(HttpRequest.newBuilder(URI.create(base + "/api/stats")).build(), HttpResponse.BodyHandlers.ofString()).body();
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(body).path("jvm").path("heapAfterLastGcBytes").asLong();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    static URI uri(String base, SearchRequest q) {
        StringBuilder sb = new StringBuilder(base).append("/api/search?size=10&q=").append(enc(q.query()));
        q.companies().forEach(c -> sb.append("&company=").append(enc(c)));
        q.sources().forEach(s -> sb.append("&source=").append(enc(s)));
        q.scripts().forEach(s -> sb.append("&script=").append(enc(s)));
        if (q.from() != null) {
            sb.append("&from=").append(q.from());
        }
        if (q.to() != null) {
            sb.append("&to=").append(q.to());
        }
        return URI.create(sb.toString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static void waitForHealth(HttpClient client, String base, Process server) throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IOException("server exited with " + server.exitValue());
            }
            try {
                if (client.send(HttpRequest.newBuilder(URI.create(base + "/api/health")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(200);
        }
        throw new IOException("server did not come up within 120 s");
    }

    private static void drain(Process p) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            while (r.readLine() != null) {
                // the server's own log; its errors would show in the error count
            }
        } catch (IOException e) {
            // process gone
        }
    }
}

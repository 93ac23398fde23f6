package dev.zhsearch.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A real OpenSearch cluster on loopback from the minimal distribution, with the plugin zip installed:
 * each node its own process, data and logs. As root (CI), nodes run as {@code nobody}: OpenSearch
 * refuses to run as root.
 */
final class LocalCluster implements AutoCloseable {

    record Node(String name, int httpPort, int transportPort, Process process) {}

    private final Path home;
    private final Path work;
    private final List<Node> nodes = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    private LocalCluster(Path home, Path work) {
        this.home = home;
        this.work = work;
    }

    /** Copies the distribution, installs the plugin, starts {@code n} nodes and waits for them to form a cluster. */
    static LocalCluster start(Path distribution, Path pluginZip, int n) throws Exception {
        Path work = Files.createTempDirectory("zhsearch-cluster-");
        Path home = work.resolve("opensearch");
        run(List.of("cp", "-a", distribution.toString(), home.toString()));
        run(List.of(home.resolve("bin/opensearch-plugin").toString(), "install", "--batch", pluginZip.toUri().toString()));
        // (the plugin tool and the nodes run on this JVM's JDK: the minimal distribution bundles none)
        // the nodes share this home: its keystore is made now, or each node races to make it at start
        run(List.of(home.resolve("bin/opensearch-keystore").toString(), "create"));
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) {
            run(List.of("chown", "-R", "nobody:nogroup", work.toString()));
        }
        LocalCluster cluster = new LocalCluster(home, work);
        List<int[]> ports = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ports.add(new int[] {freePort(), freePort()});
        }
        String seeds = ports.stream().map(p -> "127.0.0.1:" + p[1]).collect(Collectors.joining(","));
        // node-0 alone is cluster-manager-eligible: with two eligible nodes, killing either would leave
        // no quorum and block the cluster; the other nodes hold data and can be killed
        for (int i = 0; i < n; i++) {
            String name = "node-" + i;
            List<String> cmd = new ArrayList<>();
            if (root) {
                cmd.addAll(List.of("runuser", "-u", "nobody", "--"));
            }
            cmd.addAll(List.of(home.resolve("bin/opensearch").toString(),
                    "-Ecluster.name=zhsearch-test", "-Enode.name=" + name, "-Enetwork.host=127.0.0.1",
                    "-Ehttp.port=" + ports.get(i)[0], "-Etransport.port=" + ports.get(i)[1],
                    "-Ediscovery.seed_hosts=" + seeds, "-Ecluster.initial_cluster_manager_nodes=node-0",
                    "-Enode.roles=" + (i == 0 ? "cluster_manager,data,ingest" : "data,ingest"),
                    "-Epath.data=" + work.resolve("data-" + i), "-Epath.logs=" + work.resolve("logs-" + i),
                    "-Ecluster.routing.allocation.disk.threshold_enabled=false"));
            // the JVM writes logs/gc.log and heap dumps relative to its working directory: the node's home
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(home.toFile()).redirectErrorStream(true)
                    .redirectOutput(work.resolve("node-" + i + ".out").toFile());
            pb.environment().put("OPENSEARCH_JAVA_HOME", System.getProperty("java.home"));
            pb.environment().put("OPENSEARCH_JAVA_OPTS", "-Xms384m -Xmx384m");
            cluster.nodes.add(new Node(name, ports.get(i)[0], ports.get(i)[1], pb.start()));
        }
        try {
            cluster.awaitNodes(n, Duration.ofSeconds(180));
        } catch (Exception e) {
            StringBuilder logs = new StringBuilder();
            for (int i = 0; i < n; i++) {
                Path out = work.resolve("node-" + i + ".out");
                if (Files.exists(out)) {
                    logs.append("\n--- node-").append(i).append(":\n").append(tail(Files.readString(out), 2500));
                }
            }
            cluster.close();
            throw new IllegalStateException("the cluster did not form: " + e.getMessage() + logs, e);
        }
        return cluster;
    }

    List<Node> nodes() {
        return nodes;
    }

    /** SIGKILL, as a crash would. */
    void kill(Node node) throws InterruptedException {
        node.process().descendants().forEach(ProcessHandle::destroyForcibly);
        node.process().destroyForcibly();
        node.process().waitFor();
    }

    JsonNode request(String method, String path, Object body) throws IOException, InterruptedException {
        return request(alive(), method, path, body);
    }

    JsonNode request(Node node, String method, String path, Object body) throws IOException, InterruptedException {
        String payload = body == null ? null : body instanceof String s ? s : json.writeValueAsString(body);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.httpPort() + path))
                .timeout(Duration.ofSeconds(150))
                .header("Content-Type", path.contains("_bulk") ? "application/x-ndjson" : "application/json")
                .method(method, payload == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(payload));
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IOException(method + " " + path + " → " + r.statusCode() + ": " + tail(r.body(), 2000));
        }
        return json.readTree(r.body());
    }

    /** The first node still running. */
    Node alive() {
        return nodes.stream().filter(n -> n.process().isAlive()).findFirst().orElseThrow();
    }

    private void awaitNodes(int n, Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (System.nanoTime() < end) {
            if (nodes.stream().anyMatch(node -> !node.process().isAlive())) {
                throw new IllegalStateException("a node exited");
            }
            try {
                JsonNode health = request(nodes.getFirst(), "GET", "/_cluster/health?wait_for_nodes=" + n + "&timeout=5s", null);
                if (health.path("number_of_nodes").asInt() >= n) {
                    return;
                }
            } catch (IOException e) {
                last = e;
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("no cluster of " + n + " nodes in " + timeout.toSeconds() + " s" + (last == null ? "" : ": " + last.getMessage()));
    }

    @Override
    public void close() throws Exception {
        for (Node node : nodes) {
            kill(node);
        }
        run(List.of("rm", "-rf", work.toString()));
    }

    private static void run(List<String> cmd) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("OPENSEARCH_JAVA_HOME", System.getProperty("java.home"));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed: " + tail(out, 2000));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String tail(String s, int n) {
        return s.length() <= n ? s : s.substring(s.length() - n);
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}

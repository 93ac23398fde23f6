package dev.zhsearch.cluster;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A real OpenSearch cluster on loopback, from the minimal distribution (Maven Central's
 * integ-test-zip), with zhsearch's plugin zip installed: each node its own process, data and logs
 * under one folder. As root, nodes run as {@code nobody} (OpenSearch refuses root). With fewer than
 * three nodes only node-0 is cluster-manager-eligible, so a data node can be killed without losing
 * the quorum; with three or more, all are.
 */
public final class LocalCluster implements AutoCloseable {

    public record Node(String name, int httpPort, int transportPort, Process process) {
        public String url() {
            return "http://127.0.0.1:" + httpPort;
        }
    }

    private final Path work;
    private final List<Node> nodes = new ArrayList<>();

    private LocalCluster(Path work) {
        this.work = work;
    }

    /**
     * Copies the distribution into {@code work}, installs the plugin, starts {@code n} nodes with
     * {@code heap} each and waits until they form a cluster. {@code firstHttpPort} 0: free ports.
     */
    public static LocalCluster start(Path distribution, Path pluginZip, int n, Path work, int firstHttpPort, String heap, Duration timeout)
            throws IOException, InterruptedException {
        return start(distribution, pluginZip, null, n, work, firstHttpPort, heap, timeout);
    }

    /**
     * As above; with {@code analysisCommonJar}, OpenSearch's own analysis-common module (the stock
     * {@code cjk} analyzer and others, which the minimal distribution leaves out) is installed too,
     * for comparisons.
     */
    public static LocalCluster start(Path distribution, Path pluginZip, Path analysisCommonJar, int n, Path work, int firstHttpPort,
                                     String heap, Duration timeout) throws IOException, InterruptedException {
        if (!Files.isDirectory(distribution) || !Files.isRegularFile(pluginZip)) {
            throw new IOException("no OpenSearch distribution at " + distribution + " or no plugin zip at " + pluginZip
                    + " (made by: ./mvnw -pl opensearch -am pre-integration-test -DskipTests)");
        }
        Files.createDirectories(work);
        Path home = work.resolve("opensearch");
        if (!Files.isDirectory(home)) {
            run(List.of("cp", "-a", distribution.toString(), home.toString()));
            // the plugin tool and the nodes run on this JVM's JDK: the minimal distribution bundles none
            run(List.of(home.resolve("bin/opensearch-plugin").toString(), "install", "--batch", pluginZip.toUri().toString()));
            // the nodes share this home: its keystore is made now, or each node races to make it at start
            run(List.of(home.resolve("bin/opensearch-keystore").toString(), "create"));
            if (analysisCommonJar != null) {
                Path module = Files.createDirectories(home.resolve("modules/analysis-common"));
                Files.copy(analysisCommonJar, module.resolve(analysisCommonJar.getFileName()));
                // its descriptor as the full distribution has it, less the lang-painless extension it
                // offers (painless is not installed; its SPI hook is then never loaded)
                Files.writeString(module.resolve("plugin-descriptor.properties"), """
                        description=Adds "built in" analyzers to OpenSearch.
                        version=3.4.0
                        name=analysis-common
                        classname=org.opensearch.analysis.common.CommonAnalysisModulePlugin
                        java.version=21
                        opensearch.version=3.4.0
                        """);
            }
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) {
            run(List.of("chown", "-R", "nobody:nogroup", work.toString()));
        }
        LocalCluster cluster = new LocalCluster(work);
        List<int[]> ports = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ports.add(firstHttpPort == 0 ? new int[] {freePort(), freePort()} : new int[] {firstHttpPort + i, firstHttpPort + 100 + i});
        }
        String seeds = ports.stream().map(p -> "127.0.0.1:" + p[1]).collect(Collectors.joining(","));
        String managers = n >= 3
                ? java.util.stream.IntStream.range(0, n).mapToObj(i -> "node-" + i).collect(Collectors.joining(","))
                : "node-0";
        for (int i = 0; i < n; i++) {
            String name = "node-" + i;
            boolean manager = n >= 3 || i == 0;
            List<String> cmd = new ArrayList<>();
            if (root) {
                cmd.addAll(List.of("runuser", "-u", "nobody", "--"));
            }
            cmd.addAll(List.of(home.resolve("bin/opensearch").toString(),
                    "-Ecluster.name=zhsearch", "-Enode.name=" + name, "-Enetwork.host=127.0.0.1",
                    "-Ehttp.port=" + ports.get(i)[0], "-Etransport.port=" + ports.get(i)[1],
                    "-Ediscovery.seed_hosts=" + seeds, "-Ecluster.initial_cluster_manager_nodes=" + managers,
                    "-Enode.roles=" + (manager ? "cluster_manager,data,ingest" : "data,ingest"),
                    "-Epath.data=" + work.resolve("data-" + i), "-Epath.logs=" + work.resolve("logs-" + i),
                    "-Ecluster.routing.allocation.disk.threshold_enabled=false"));
            // the JVM writes logs/gc.log and heap dumps relative to its working directory: the node's home
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(home.toFile()).redirectErrorStream(true)
                    .redirectOutput(work.resolve(name + ".out").toFile());
            pb.environment().put("OPENSEARCH_JAVA_HOME", System.getProperty("java.home"));
            pb.environment().put("OPENSEARCH_JAVA_OPTS", "-Xms" + heap + " -Xmx" + heap);
            Process p = pb.start();
            cluster.nodes.add(new Node(name, ports.get(i)[0], ports.get(i)[1], p));
        }
        Files.writeString(work.resolve("pids"), cluster.nodes.stream().map(x -> String.valueOf(x.process().pid())).collect(Collectors.joining("\n")) + "\n");
        try {
            cluster.awaitNodes(n, timeout);
        } catch (IOException | RuntimeException e) {
            StringBuilder logs = new StringBuilder();
            for (int i = 0; i < n; i++) {
                Path out = work.resolve("node-" + i + ".out");
                if (Files.exists(out)) {
                    logs.append("\n--- node-").append(i).append(":\n").append(tail(Files.readString(out), 2500));
                }
            }
            cluster.stop();
            throw new IOException("the cluster did not form: " + e.getMessage() + logs, e);
        }
        return cluster;
    }

    public List<Node> nodes() {
        return nodes;
    }

    public Path work() {
        return work;
    }

    /** The first node still running. */
    public Node alive() {
        return nodes.stream().filter(n -> n.process().isAlive()).findFirst().orElseThrow();
    }

    /** SIGKILL, as a crash would. */
    public void kill(Node node) throws InterruptedException {
        node.process().descendants().forEach(ProcessHandle::destroyForcibly);
        node.process().destroyForcibly();
        node.process().waitFor();
    }

    /** Stops every node (SIGKILL: the tests' clusters are thrown away). */
    public void stop() throws InterruptedException {
        for (Node node : nodes) {
            kill(node);
        }
    }

    /**
     * Stops the nodes a {@code cluster up} started (their pids are in {@code work}/pids), gently:
     * SIGTERM, then SIGKILL after 30 s. Returns how many were running.
     */
    public static int down(Path work) throws IOException {
        Path pids = work.resolve("pids");
        if (!Files.exists(pids)) {
            return 0;
        }
        int stopped = 0;
        for (String line : Files.readAllLines(pids)) {
            if (line.isBlank()) {
                continue;
            }
            var handle = ProcessHandle.of(Long.parseLong(line.strip()));
            if (handle.isPresent() && handle.get().isAlive()) {
                List<ProcessHandle> all = new ArrayList<>(handle.get().descendants().toList());
                all.add(handle.get());
                all.forEach(ProcessHandle::destroy);
                for (ProcessHandle h : all) {
                    try {
                        h.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (Exception e) {
                        h.destroyForcibly();
                    }
                }
                stopped++;
            }
        }
        Files.delete(pids);
        return stopped;
    }

    private void awaitNodes(int n, Duration timeout) throws IOException, InterruptedException {
        OpenSearchClient client = new OpenSearchClient(nodes.getFirst().url());
        long end = System.nanoTime() + timeout.toNanos();
        IOException last = null;
        while (System.nanoTime() < end) {
            if (nodes.stream().anyMatch(node -> !node.process().isAlive())) {
                throw new IOException("a node exited");
            }
            try {
                if (client.get("/_cluster/health?wait_for_nodes=" + n + "&timeout=5s").path("number_of_nodes").asInt() >= n) {
                    return;
                }
            } catch (IOException e) {
                last = e;
            }
            Thread.sleep(1000);
        }
        throw new IOException("no cluster of " + n + " nodes in " + timeout.toSeconds() + " s" + (last == null ? "" : ": " + last.getMessage()));
    }

    @Override
    public void close() throws Exception {
        stop();
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
}

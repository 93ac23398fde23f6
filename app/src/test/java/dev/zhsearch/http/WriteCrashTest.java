package dev.zhsearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zhsearch.corpus.CorpusReaders;
import dev.zhsearch.index.Fields;
import dev.zhsearch.index.Indexer;
import dev.zhsearch.search.SeedIndex;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The durability promise, against the real server process: a client sends 5,000 documents in bulk
 * requests while the server is killed with SIGKILL at random moments and restarted. Every document
 * whose request was acknowledged is in the index afterwards, none twice, and the index checks clean.
 */
class WriteCrashTest {

    static final int DOCUMENTS = 5_000;
    static final int PER_REQUEST = 50;
    static final int MIN_KILLS = 5;
    static final String TOKEN = "crash-test-token";
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyAcknowledgedWriteSurvivesSigkill(@TempDir Path tmp) throws Exception {
        Path index = tmp.resolve("index");
        new Indexer(SeedIndex.ANALYSIS, CorpusReaders.standard(), 2, null, 0).build(List.of(Path.of("corpus")), index);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Random random = new Random(22);
        Set<String> acknowledged = new HashSet<>();
        int next = 0;
        int kills = 0;
        int killedInFlight = 0;
        while (true) {
            int port = freePort();
            ProcessBuilder pb = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-Xmx512m",
                    "-cp", System.getProperty("java.class.path"), "dev.zhsearch.cli.Main",
                    "serve", "--index", index.toString(), "--port", java.lang.String.valueOf(port), "--web", tmp.resolve("no-web").toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(tmp.resolve("server.log").toFile()));
            pb.environment().put("ZHSEARCH_TOKEN", TOKEN);
            Process server = pb.start();
            String base = "http://127.0.0.1:" + port;
            waitForHealth(client, base, server);
            boolean lastCycle = kills >= MIN_KILLS; // then the rest is sent to a server left running
            AtomicBoolean inFlight = new AtomicBoolean();
            long killAt = lastCycle ? Long.MAX_VALUE : System.nanoTime() + (200 + random.nextInt(1_200)) * 1_000_000L;
            // the client: bulk requests until the server dies (or, after the last kill, until all are sent)
            Thread killer = Thread.ofVirtual().start(() -> {
                while (System.nanoTime() < killAt && server.isAlive()) {
                    Thread.onSpinWait();
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (killAt != Long.MAX_VALUE) {
                    server.destroyForcibly(); // SIGKILL
                }
            });
            boolean sawFailure = false;
            while (server.isAlive() && next < DOCUMENTS) {
                StringBuilder body = new StringBuilder();
                List<String> ids = new java.util.ArrayList<>();
                for (int i = 0; i < PER_REQUEST && next + i < DOCUMENTS; i++) {
                    String id = "doc-" + (next + i);
                    ids.add(id);
                    body.append("{\"id\":\"").append(id).append("\",\"title\":\"第").append(next + i)
                            .append("則 台積電與輝達\",\"body\":\"伺服器需求強勁，記憶體價格上漲。\",\"date\":\"2026-11-30\"}\n");
                }
                try {
                    inFlight.set(true);
                    HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/api/documents"))
                            .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + TOKEN)
                            .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
                    inFlight.set(false);
                    assertEquals(200, r.statusCode(), r.body());
                    JsonNode j = JSON.readTree(r.body());
                    assertEquals(0, j.path("errors").asInt(), r.body());
                    acknowledged.addAll(ids); // a 200 is the promise: these survive anything from here on
                    next += ids.size();
                } catch (IOException e) {
                    sawFailure = true; // the kill landed while this request was in flight: not acknowledged
                    break;
                }
            }
            if (lastCycle) {
                killer.interrupt();
            }
            killer.join();
            if (lastCycle) {
                server.destroyForcibly(); // everything is sent and acknowledged: a last kill, then check
            }
            server.waitFor();
            if (lastCycle) {
                break;
            }
            kills++;
            killedInFlight += sawFailure ? 1 : 0;
        }
        assertTrue(kills >= MIN_KILLS, "kills: " + kills);
        assertTrue(killedInFlight >= MIN_KILLS - 1, "the kills must land while requests are in flight: " + killedInFlight + " of " + kills);
        try (Directory dir = FSDirectory.open(index); CheckIndex check = new CheckIndex(dir)) {
            assertTrue(check.checkIndex().clean, "the index checks clean");
        }
        int missing = 0;
        try (Directory dir = FSDirectory.open(index); DirectoryReader reader = DirectoryReader.open(dir)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            for (int i = 0; i < DOCUMENTS; i++) {
                String id = "doc-" + i;
                int n = searcher.count(new TermQuery(new Term(Fields.ID, id)));
                assertTrue(n <= 1, id + " is in the index " + n + " times");
                if (acknowledged.contains(id) && n == 0) {
                    missing++;
                }
            }
            assertEquals(0, missing, "acknowledged documents lost");
            System.out.printf("crash: %d SIGKILLs (%d with a bulk request in flight), %,d documents acknowledged, 0 lost, 0 twice; "
                    + "%,d documents in the index%n", kills, killedInFlight, acknowledged.size(), reader.numDocs());
        }
        assertTrue(acknowledged.size() >= DOCUMENTS - PER_REQUEST * kills, "most documents acknowledged: " + acknowledged.size());
    }


    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static void waitForHealth(HttpClient client, String base, Process server) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            assertTrue(server.isAlive(), "the server exited at start");
            try {
                if (client.send(HttpRequest.newBuilder(URI.create(base + "/api/health")).build(), HttpResponse.BodyHandlers.ofString())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the server did not come up");
    }
}

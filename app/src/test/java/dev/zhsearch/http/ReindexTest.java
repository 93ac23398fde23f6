package dev.zhsearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zhsearch.corpus.CorpusReaders;
import dev.zhsearch.index.Indexer;
import dev.zhsearch.search.SearchService;
import dev.zhsearch.search.SeedIndex;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReindexTest {

    static final HttpClient CLIENT = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void reindexNeedsTheTokenAndSearchesKeepAnsweringThroughTheSwap(@TempDir Path dir) throws Exception {
        Path index = dir.resolve("index");
        Indexer indexer = new Indexer(SeedIndex.ANALYSIS, CorpusReaders.standard(), 2, null, 0);
        indexer.build(List.of(Path.of("app/src/test/resources/search/extra.jsonl")), index); // the "old" index: 5 docs
        try (SearchService service = SearchService.open(index, SeedIndex.ANALYSIS)) {
            Javalin app = new ApiServer(service, SeedIndex.ANALYSIS,
                    () -> indexer.build(List.of(Path.of("corpus"), Path.of("app/src/test/resources/search/extra.jsonl")), index).describe(),
                    new ApiServer.Config("127.0.0.1", 0, null, Optional.of("s3cret"))).start();
            String base = "http://127.0.0.1:" + app.port();
            try {
                assertEquals(5, stats(base).path("documents").asInt());
                assertEquals(401, post(base, null).statusCode());
                assertEquals(401, post(base, "Bearer wrong").statusCode());
                AtomicInteger searches = new AtomicInteger();
                AtomicInteger failures = new AtomicInteger();
                java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
                Thread load = Thread.ofPlatform().start(() -> {
                    long until = System.currentTimeMillis() + 60_000;
                    while (System.currentTimeMillis() < until && !stop.get()) {
                        try {
                            HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/api/search?q=xAI")).build(),
                                    HttpResponse.BodyHandlers.ofString());
                            searches.incrementAndGet();
                            if (r.statusCode() != 200) {
                                failures.incrementAndGet();
                            }
                        } catch (Exception e) {
                            failures.incrementAndGet();
                        }
                    }
                });
                HttpResponse<String> started = post(base, "Bearer s3cret");
                assertEquals(202, started.statusCode(), started.body());
                long deadline = System.currentTimeMillis() + 60_000;
                JsonNode s = stats(base);
                while ((s.path("reindexing").asBoolean() || s.path("lastReindex").isNull()) && System.currentTimeMillis() < deadline) {
                    Thread.sleep(100);
                    s = stats(base);
                }
                stop.set(true);
                load.join();
                assertTrue(s.path("lastReindex").asText().contains("indexed 10"), s.toString());
                assertEquals(10, s.path("documents").asInt(), "the new index is served");
                assertTrue(searches.get() > 0);
                assertEquals(0, failures.get(), "searches failed during the reindex");
            } finally {
                app.stop();
            }
        }
    }

    static HttpResponse<String> post(String base, String auth) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/api/reindex")).POST(HttpRequest.BodyPublishers.noBody());
        if (auth != null) {
            b.header("Authorization", auth);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode stats(String base) throws Exception {
        return JSON.readTree(CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/api/stats")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }
}

package dev.zhsearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zhsearch.corpus.PubDate;
import dev.zhsearch.corpus.SourceDoc;
import dev.zhsearch.index.LiveIndex;
import dev.zhsearch.search.SearchService;
import dev.zhsearch.search.SeedIndex;
import io.javalin.Javalin;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What the suggestion tests share: a document of a seed index, a real server over such an index, and
 * the texts /api/suggest returns over HTTP.
 */
final class SuggestCalls {

    private SuggestCalls() {}

    static SourceDoc doc(int n, String title, String body) {
        return new SourceDoc("d" + n, title, body, new PubDate(LocalDate.of(2025, 3, 1 + n % 28), null, PubDate.Provenance.METADATA),
                "test", "https://example.org/" + n, "test");
    }

    /** The suggestions' texts for {@code q}, shown in {@code display} script (hans or hant). */
    static List<String> suggestions(HttpClient client, int port, String q, String display) throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/suggest?q="
                + URLEncoder.encode(q, StandardCharsets.UTF_8) + "&display=" + display)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        List<String> out = new ArrayList<>();
        new ObjectMapper().readTree(r.body()).path("suggestions").forEach(s -> out.add(s.path("text").asText()));
        return out;
    }

    /** What a test asks of a running server, by its port. */
    interface Asking {
        void ask(int port) throws Exception;
    }

    /** Builds a seed index of {@code docs} in {@code dir}, serves it on a random port, and asks {@code asking} of it. */
    static void serving(Path dir, List<SourceDoc> docs, Asking asking) throws Exception {
        try (LiveIndex index = SeedIndex.of(dir, docs); SearchService service = SearchService.over(index, SeedIndex.ANALYSIS)) {
            Javalin app = new ApiServer(service, SeedIndex.ANALYSIS, () -> "not used",
                    new ApiServer.Config("127.0.0.1", 0, null, List.of(), List.of())).start();
            try {
                asking.ask(app.port());
            } finally {
                app.stop();
            }
        }
    }
}

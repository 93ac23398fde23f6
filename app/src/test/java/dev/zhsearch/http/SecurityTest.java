package dev.zhsearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zhsearch.search.SearchService;
import dev.zhsearch.search.SeedIndex;
import io.javalin.Javalin;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecurityTest {

    static final HttpClient CLIENT = HttpClient.newHttpClient();
    static SearchService service;
    static Javalin app;
    static Javalin corsApp;

    @BeforeAll
    static void start() throws Exception {
        service = SearchService.open(SeedIndex.dir(), SeedIndex.ANALYSIS);
        app = new ApiServer(service, SeedIndex.ANALYSIS, () -> "", new ApiServer.Config("127.0.0.1", 0, Path.of("web"), Optional.empty())).start();
        corsApp = new ApiServer(service, SeedIndex.ANALYSIS, () -> "", new ApiServer.Config("127.0.0.1", 0, Path.of("web"), Optional.empty(),
                List.of("https://news.example.org"))).start();
    }

    @AfterAll
    static void stop() throws Exception {
        app.stop();
        corsApp.stop();
        service.close();
    }

    static HttpResponse<String> get(Javalin server, String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A raw request line, so that no client normalises the path for us. */
    static String raw(String target) throws Exception {
        try (Socket s = new Socket("127.0.0.1", app.port())) {
            OutputStream out = s.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void securityHeadersOnThePageAndTheApi() throws Exception {
        for (String path : List.of("/", "/app.js", "/api/search?q=xAI", "/api/nope")) {
            HttpResponse<String> r = get(app, path);
            String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), path + ": " + csp);
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""), path);
            assertEquals("no-referrer", r.headers().firstValue("Referrer-Policy").orElse(""), path);
        }
    }

    @Test
    void thePageHasNoInlineScript() throws Exception {
        String html = get(app, "/").body();
        assertFalse(html.matches("(?s).*<script(?![^>]*\\ssrc=)[^>]*>.*"), "every <script> has a src");
        assertFalse(html.contains(" on") && html.matches("(?s).*\\son[a-z]+=.*"), "no inline event handlers");
        assertFalse(html.contains("style="), "no inline styles");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/../pom.xml", "/%2e%2e/pom.xml", "/..%2fpom.xml", "/%2e%2e%2fpom.xml", "/web/../../pom.xml",
            "/%252e%252e/pom.xml", "/..\\pom.xml", "/.%2e/.%2e/etc/passwd", "/../../../../etc/passwd", "//etc/passwd"})
    void staticFilesCannotEscapeWeb(String target) throws Exception {
        String response = raw(target);
        int status = Integer.parseInt(response.substring(9, 12));
        assertTrue(status == 400 || status == 404, target + " → " + response.lines().findFirst().orElse(""));
        assertFalse(response.contains("<artifactId>") || response.contains("root:x:0:0"), target + " leaked a file");
    }

    @Test
    void corsIsOffByDefaultAndConfigurable() throws Exception {
        HttpResponse<String> off = get(app, "/api/search?q=xAI", "Origin", "https://evil.example");
        assertTrue(off.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
        HttpResponse<String> on = get(corsApp, "/api/search?q=xAI", "Origin", "https://news.example.org");
        assertEquals("https://news.example.org", on.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        HttpResponse<String> other = get(corsApp, "/api/search?q=xAI", "Origin", "https://evil.example");
        assertTrue(other.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
    }

    @Test
    void aRequestLineOverTheLimitGetsAJsonError() throws Exception {
        HttpResponse<String> r = get(app, "/api/search?q=" + "a".repeat(600_000));
        assertEquals(414, r.statusCode());
        assertTrue(r.body().contains("\"error\""), r.body());
    }
}

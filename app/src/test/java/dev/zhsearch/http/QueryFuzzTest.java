package dev.zhsearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zhsearch.search.SearchService;
import dev.zhsearch.search.SeedIndex;
import io.javalin.Javalin;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Thousands of generated queries through /api/search: random Unicode (surrogates, controls), Lucene
 * syntax fragments, unbalanced quotes and brackets, leading wildcards, fuzzy terms, boolean queries
 * past the clause limit, 100 kB strings, blanks. In Lucene syntax every answer must be 200, or 400
 * with a JSON error; in the search box's syntax (the default) every answer must be 200, 10,000 of
 * them. Latency bounded; the server still healthy after.
 */
class QueryFuzzTest {

    static final int QUERIES = 3_000;
    static final String[] FRAGMENTS = {"AND", "OR", "NOT", "&&", "||", "!", "(", ")", "[", "]", "{", "}", "\"", "~", "~2", "^3",
            "*", "?", ":", "\\", "/", "+", "-", "title:", "body:", "source:", "foo:", "TO", "台積電", "台积电", "xAI", "AI", "輝達",
            "三星", "a*", "*a", "?x", "台*", "台積*", "a~", "\"台積電 輝達\"~3", "[a TO z]", "/re.*x/", "\u0000", "\u200b", "\uD83D\uDE00",
            "\uD800", "\uDC00", " ", "\t", "\n", "，", "。", "ＥＵＶ"};

    @Test
    void generatedQueriesNeverBreakTheServer() throws Exception {
        Map<Integer, Integer> statuses = fuzz(QUERIES, "&syntax=lucene", 20261123L);
        assertTrue(statuses.getOrDefault(400, 0) > 100 && statuses.getOrDefault(200, 0) > 100, statuses.toString());
    }

    @Test
    void theSearchBoxNeverSaysNo() throws Exception {
        Map<Integer, Integer> statuses = fuzz(10_000, "", 20261130L);
        assertEquals(Map.of(200, 10_000), statuses);
    }

    /** Sends {@code count} generated queries with {@code extra} parameters; asserts 200 or a JSON 400; returns the statuses. */
    private static Map<Integer, Integer> fuzz(int count, String extra, long seed) throws Exception {
        Random random = new Random(seed);
        ObjectMapper json = new ObjectMapper();
        try (SearchService service = SearchService.open(SeedIndex.dir(), SeedIndex.ANALYSIS)) {
            Javalin app = new ApiServer(service, SeedIndex.ANALYSIS, () -> "",
                    new ApiServer.Config("127.0.0.1", 0, null, Optional.empty())).start();
            HttpClient client = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + app.port();
            Map<Integer, Integer> statuses = new TreeMap<>();
            long[] micros = new long[count];
            try {
                for (int i = 0; i < count; i++) {
                    String q = query(random, i);
                    String encoded = URLEncoder.encode(q, StandardCharsets.UTF_8);
                    long t0 = System.nanoTime();
                    HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/api/search?q=" + encoded + extra)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    micros[i] = (System.nanoTime() - t0) / 1000;
                    statuses.merge(r.statusCode(), 1, Integer::sum);
                    assertTrue(r.statusCode() == 200 || r.statusCode() == 400, "query #" + i + " " + abbreviate(q) + " → " + r.statusCode() + " " + abbreviate(r.body()));
                    if (r.statusCode() == 400) {
                        assertTrue(json.readTree(r.body()).has("error"), r.body());
                    }
                }
                assertEquals(200, client.send(HttpRequest.newBuilder(URI.create(base + "/api/health")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode());
            } finally {
                app.stop();
            }
            Arrays.sort(micros);
            long p99 = micros[(int) (count * 0.99)];
            long max = micros[count - 1];
            System.out.printf("fuzz%s: %d queries, statuses %s, p99 %.1f ms, max %.1f ms%n", extra, count, statuses, p99 / 1000.0, max / 1000.0);
            assertTrue(max < 5_000_000, "slowest query took " + max / 1000 + " ms");
            return statuses;
        }
    }

    private static String query(Random r, int i) {
        return switch (i % 10) {
            case 0 -> randomUnicode(r, 1 + r.nextInt(40));
            case 1 -> " ".repeat(r.nextInt(3)) + "\t".repeat(r.nextInt(2));
            case 2 -> i % 50 == 2 ? "台積電".repeat(11_400) : "x".repeat(100_000); // 100 kB strings (UTF-8)
            case 3 -> String.join(" OR ", java.util.Collections.nCopies(1_100 + r.nextInt(200), "a"));
            default -> {
                StringBuilder sb = new StringBuilder();
                int n = 1 + r.nextInt(8);
                for (int k = 0; k < n; k++) {
                    sb.append(FRAGMENTS[r.nextInt(FRAGMENTS.length)]);
                    if (r.nextBoolean()) {
                        sb.append(' ');
                    }
                }
                yield sb.toString();
            }
        };
    }

    private static String randomUnicode(Random r, int n) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < n; k++) {
            int pick = r.nextInt(6);
            int cp = switch (pick) {
                case 0 -> r.nextInt(0x20);                 // controls
                case 1 -> 0x4E00 + r.nextInt(0x5200);      // CJK
                case 2 -> 0x20000 + r.nextInt(0xA6E0);     // CJK extension B (surrogate pairs)
                case 3 -> 0xD800 + r.nextInt(0x800);       // lone surrogates
                case 4 -> 0x20 + r.nextInt(0x5F);          // ASCII punctuation and letters
                default -> r.nextInt(0x10FFFF);
            };
            sb.appendCodePoint(cp);
        }
        return sb.toString();
    }

    private static String abbreviate(String s) {
        return s.length() <= 120 ? s : s.substring(0, 120) + "…(" + s.length() + ")";
    }
}

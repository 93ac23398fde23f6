package dev.zhsearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Suggestions by sound for a place that is also a company's name and for mixed input: 台南, in many
 * titles, is suggested as the word for tainan even though a company of that name is named too; and the
 * characters typed among the letters are in every suggestion (台nan: not 死难 or 以南, which 台's rarer
 * readings si and yi would read).
 */
class SuggestWordsTest {

    private static SourceDoc doc(int n, String title, String body) {
        return new SourceDoc("d" + n, title, body, new PubDate(LocalDate.of(2025, 3, 1 + n % 28), null, PubDate.Provenance.METADATA),
                "test", "https://example.org/" + n, "test");
    }

    private static List<String> suggestions(HttpClient client, int port, String q) throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/suggest?q="
                + URLEncoder.encode(q, StandardCharsets.UTF_8) + "&display=hans")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        List<String> out = new ArrayList<>();
        new ObjectMapper().readTree(r.body()).path("suggestions").forEach(s -> out.add(s.path("text").asText()));
        return out;
    }

    @Test
    void aPlaceBeforeTheCompanyOfItsNameAndTypedCharactersKept(@TempDir Path dir) throws Exception {
        List<SourceDoc> docs = new ArrayList<>();
        String[] what = {"豪雨成災", "登革熱疫情升溫", "市長視察", "美食節開幕", "古蹟修復", "捷運動工", "議會開議", "觀光人潮",
                "停水通知", "馬拉松開跑", "跨年晚會", "地震有感", "夜市人潮", "機場擴建", "藝術節登場", "農產豐收"};
        for (int i = 0; i < what.length; i++) {
            docs.add(doc(i, "台南" + what[i], "台南市政府今天表示，" + what[i] + "。"));
        }
        // the company of the same name, named by its full name
        docs.add(doc(50, "台南企業營收創新高", "成衣大廠台南企業公布營收。"));
        // words the character's other readings make of the same letters
        for (int i = 0; i < 6; i++) {
            docs.add(doc(60 + i, "悼念死难者" + "一二三四五六".charAt(i), "各界悼念死难者。"));
            docs.add(doc(70 + i, "长江以南降雨" + "一二三四五六".charAt(i), "长江以南地区降雨。"));
        }
        try (LiveIndex index = SeedIndex.of(dir, docs)) {
            try (SearchService service = SearchService.over(index, SeedIndex.ANALYSIS)) {
                Javalin app = new ApiServer(service, SeedIndex.ANALYSIS, () -> "not used",
                        new ApiServer.Config("127.0.0.1", 0, null, List.of(), List.of())).start();
                try {
                    HttpClient client = HttpClient.newHttpClient();
                    assertEquals("台南", suggestions(client, app.port(), "tainan").getFirst(), "the city, in sixteen titles");
                    List<String> mixed = suggestions(client, app.port(), "台nan");
                    assertEquals("台南", mixed.getFirst(), mixed.toString());
                    assertTrue(mixed.stream().allMatch(s -> s.contains("台")), "every suggestion holds the character typed: " + mixed);
                    assertTrue(suggestions(client, app.port(), "sinan").contains("死难"), "the letters alone still read it");
                } finally {
                    app.stop();
                }
            }
        }
    }
}

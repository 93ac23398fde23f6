package dev.zhsearch.http;

import static dev.zhsearch.http.SuggestCalls.doc;
import static dev.zhsearch.http.SuggestCalls.suggestions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zhsearch.corpus.SourceDoc;
import dev.zhsearch.index.LiveIndex;
import dev.zhsearch.search.SearchService;
import dev.zhsearch.search.SeedIndex;
import io.javalin.Javalin;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Suggestions by sound beyond the titles' words: a dictionary word the bodies hold (盧溝橋 in three
 * reports, 钱学森 in two, never in a title) is suggested, one no document holds (赵州桥) only when typed
 * whole, and a
 * word read so only by a character's rarer reading (大 read tai) comes after one read so by its usual
 * reading.
 */
class SuggestByDictionaryTest {

    @Test
    void dictionaryWordsOfTheBodiesAndUsualReadingsFirst(@TempDir Path dir) throws Exception {
        List<SourceDoc> docs = new ArrayList<>();
        // the bodies name the bridge, in either script; no title does
        docs.add(doc(1, "纪念活动举行", "各界人士在卢沟桥畔举行纪念活动。"));
        docs.add(doc(2, "抗战史料展出", "展览回顾了卢沟桥事变的经过。"));
        docs.add(doc(3, "兩岸學者座談", "學者談到盧溝橋的歷史。"));
        // two reports only: a dictionary's word needs one (PinyinSuggester.MIN_DICTIONARY_DOCUMENTS)
        docs.add(doc(4, "科学家精神报告会", "报告会讲述了钱学森的故事。"));
        docs.add(doc(5, "航天事业回顾", "钱学森回国后投身航天事业。"));
        // 大泓 in six titles, 泰泓 in three: neither is a dictionary word; taihong is 泰泓's usual
        // reading and 大泓's only through 大's rarer tai
        for (int i = 0; i < 6; i++) {
            docs.add(doc(10 + i, "大泓第" + "一二三四五六".charAt(i) + "次社区议事会", "居民议事。"));
        }
        for (int i = 0; i < 3; i++) {
            docs.add(doc(20 + i, "泰泓第" + "一二三".charAt(i) + "批新房交付", "村民入住。"));
        }
        try (LiveIndex index = SeedIndex.of(dir, docs)) {
            try (SearchService service = SearchService.over(index, SeedIndex.ANALYSIS)) {
                Map<String, Integer> used = service.documentsUsing(List.of("盧溝橋", "钱学森", "议事会"), 3);
                assertEquals(Map.of("卢沟桥", 3, "议事会", 6), used, "folded, counted in titles and bodies, at least three documents");
                assertEquals(Map.of("卢沟桥", 3, "议事会", 4), service.documentsUsing(List.of("盧溝橋", "钱学森", "议事会"), 3, 4),
                        "counted no further than asked: 议事会's six stop at four, 卢沟桥's three are exact");

                Javalin app = new ApiServer(service, SeedIndex.ANALYSIS, () -> "not used",
                        new ApiServer.Config("127.0.0.1", 0, null, List.of(), List.of())).start();
                try {
                    HttpClient client = HttpClient.newHttpClient();
                    assertTrue(suggestions(client, app.port(), "lugouqiao", "hant").contains("盧溝橋"),
                            "a word of the bodies, in the script asked for");
                    assertTrue(suggestions(client, app.port(), "lgq", "hans").contains("卢沟桥"), "by its initials");
                    assertTrue(suggestions(client, app.port(), "qianxuesen", "hans").contains("钱学森"), "two documents are enough");
                    assertTrue(suggestions(client, app.port(), "zhaozhouqiao", "hans").contains("赵州桥"),
                            "a word of the dictionaries no document holds, typed whole");
                    assertFalse(suggestions(client, app.port(), "zhaozhouq", "hans").contains("赵州桥"), "… but not begun");
                    List<String> taihong = suggestions(client, app.port(), "taihong", "hans");
                    assertTrue(taihong.contains("泰泓") && taihong.contains("大泓"), taihong.toString());
                    assertTrue(taihong.indexOf("泰泓") < taihong.indexOf("大泓"),
                            "泰泓 reads taihong as it is usually read, 大泓 only through 大's rarer reading: " + taihong);
                    assertEquals("大泓", suggestions(client, app.port(), "dahong", "hans").getFirst(), "read as it usually is");
                } finally {
                    app.stop();
                }
            }
        }
    }
}

package dev.zhsearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zhsearch.corpus.PubDate;
import dev.zhsearch.corpus.SourceDoc;
import dev.zhsearch.index.Indexer;
import dev.zhsearch.index.LiveIndex;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pseudo-relevance feedback: which words feed back, how they weigh, and what they change on a real index. */
class FeedbackTermsTest {

    private final FeedbackTerms feedback = new FeedbackTerms(SeedIndex.ANALYSIS.perField());

    @Test
    void documentsTiedAtTheCutAreLeftOutSoNoEngineBreaksTheTie() {
        assertEquals(3, FeedbackTerms.kept(new float[] {5, 4, 3, 2}, 3));
        assertEquals(2, FeedbackTerms.kept(new float[] {5, 4, 3, 3}, 3), "the third ties with the fourth, which is out");
        assertEquals(0, FeedbackTerms.kept(new float[] {3, 3, 3, 3}, 3));
        assertEquals(2, FeedbackTerms.kept(new float[] {5, 4}, 3), "fewer documents than wanted: all of them");
        assertEquals(0, FeedbackTerms.kept(new float[0], 3));
    }

    @Test
    void sharedWordsAreTheIndexsFoldedWordsThatSeveralDocumentsHoldAndTheQueryLacks() {
        List<FeedbackTerms.Doc> docs = List.of(
                new FeedbackTerms.Doc("颱風假明天停班停課", "台北市政府宣布停班停課，2026年第3次。"),
                new FeedbackTerms.Doc("台风假 北市停班停课", "市府宣布明天停班停课。"),
                new FeedbackTerms.Doc("颱風假爭議", "議員質疑停班停課標準。"),
                new FeedbackTerms.Doc("颱風動態", "氣象署說明路徑。"));
        Map<String, Integer> shared = feedback.shared(docs, "颱風假");
        String word = SeedIndex.ANALYSIS.words().normalize("title", "停課").utf8ToString();
        assertEquals(3, shared.get(word), "three of the four documents hold 停課, whichever their script: " + shared);
        assertFalse(shared.containsKey(SeedIndex.ANALYSIS.words().normalize("title", "颱風假").utf8ToString()), "the query's own word");
        assertTrue(shared.keySet().stream().allMatch(w -> w.codePointCount(0, w.length()) >= 2), "no single characters: " + shared);
        assertTrue(shared.keySet().stream().noneMatch(w -> w.chars().allMatch(Character::isDigit)), "no numbers: " + shared);
        assertTrue(shared.values().stream().allMatch(n -> n >= 2), "a word of one document says nothing about the others: " + shared);
        assertTrue(feedback.shared(docs.subList(0, 1), "颱風假").isEmpty(), "one document shares nothing");
    }

    @Test
    void aRareSharedWordWeighsMoreThanACommonOneAndTheBestWeighsOne() {
        Map<String, Integer> shared = Map.of("停班停課", 4, "表示", 4, "颱風", 2);
        List<FeedbackTerms.Weighted> w = FeedbackTerms.weigh(shared, 10, Map.of("停班停課", 30L, "表示", 50_000L, "颱風", 300L), 100_000, 10);
        assertEquals("停班停課", w.getFirst().term());
        assertEquals(1.0, w.getFirst().weight(), 1e-9);
        assertEquals("表示", w.getLast().term(), "in half the bodies: nearly no weight " + w);
        assertEquals(1, FeedbackTerms.weigh(shared, 10, Map.of(), 100_000, 1).size());
        assertTrue(FeedbackTerms.weigh(Map.of(), 10, Map.of(), 100_000, 10).isEmpty());
        assertTrue(FeedbackTerms.query(List.of(), 2f, 0.4).isEmpty());
    }

    /**
     * Five stories about the day off say 停班停課; of two reports that name 颱風假 once, the one about
     * the day off comes first under feedback, while without it the shorter one does.
     * The documents matched (and so the total and the facets) are the same either way.
     */
    @Test
    void feedbackReordersWhatTheQueryMatchedAndMatchesNothingElse(@TempDir Path dir) throws Exception {
        Path indexDir = dir.resolve("index");
        new Indexer(SeedIndex.ANALYSIS, dev.zhsearch.corpus.CorpusReaders.standard(), 1, null, 0).build(List.of(), indexDir);
        LocalDate day = LocalDate.of(2026, 7, 10);
        List<SourceDoc> docs = new ArrayList<>();
        String[] cities = {"台北市", "新北市", "桃園市", "台中市", "高雄市"};
        for (int i = 0; i < cities.length; i++) {
            docs.add(doc("day-off-" + i, cities[i] + "颱風假：明天停班停課", cities[i] + "政府晚間宣布，受颱風影響，明天停班停課，第" + (i + 3) + "度放颱風假。", day));
        }
        docs.add(doc("about", "市府停班停課記者會", "颱風假期間停班停課，請民眾留在室內並遠離海邊，相關單位也已完成整備，各區公所的救災人員全數待命。", day));
        docs.add(doc("other", "觀光局發布公告", "颱風假期間景點關閉，遊客行程取消並改期，旅行業者將協助退費，飯店也同意免費更改日期。", day));
        docs.add(doc("unmatched", "停班停課", "停班停課的標準由地方政府決定。", day));
        String[] elsewhere = {"股市收盤上漲", "棒球聯賽開打", "新車銷量創高", "晶片出口成長", "機場旅客增加", "稻米收成良好"};
        for (int i = 0; i < elsewhere.length; i++) {
            docs.add(doc("elsewhere-" + i, elsewhere[i], elsewhere[i] + "，業者表示下半年仍看好。", day));
        }
        try (LiveIndex index = LiveIndex.open(indexDir, SeedIndex.ANALYSIS)) {
            index.upsertAll(docs);
            assertTrue(index.awaitSearchable(5_000));
            NewsRanking none = NewsRanking.standard().with("feedback.docs=0");
            NewsRanking fed = NewsRanking.standard().with("feedback.docs=10,feedback.terms=10,feedback.weight=0.4");
            try (SearchService without = SearchService.over(index, SeedIndex.ANALYSIS, none);
                 SearchService with = SearchService.over(index, SeedIndex.ANALYSIS, fed)) {
                SearchRequest request = SearchRequest.of("颱風假", 10).withCollapse(false);
                SearchResult a = without.search(request);
                SearchResult b = with.search(request);
                assertEquals(7, a.total());
                assertEquals(a.total(), b.total(), "feedback matches nothing more");
                assertEquals(a.facets(), b.facets());
                assertFalse(ids(b).contains("unmatched"), "停班停課 alone is not 颱風假");
                assertTrue(ids(a).indexOf("other") < ids(a).indexOf("about"), "without feedback, the shorter report first: " + ids(a));
                assertTrue(ids(b).indexOf("about") < ids(b).indexOf("other"), "with it, the day-off report first: " + ids(b));
                assertTrue(score(b, "about") > score(b, "other"));
            }
        }
    }

    private static SourceDoc doc(String id, String title, String body, LocalDate date) {
        return new SourceDoc(id, title, body, new PubDate(date, null, PubDate.Provenance.METADATA), "測試", null, "test");
    }

    private static List<String> ids(SearchResult r) {
        return r.hits().stream().map(Hit::id).toList();
    }

    private static float score(SearchResult r, String id) {
        return r.hits().stream().filter(h -> h.id().equals(id)).findFirst().orElseThrow().score();
    }
}

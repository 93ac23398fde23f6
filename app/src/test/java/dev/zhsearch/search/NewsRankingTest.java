package dev.zhsearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zhsearch.clean.PageTypes;
import dev.zhsearch.corpus.PubDate;
import dev.zhsearch.corpus.SourceDoc;
import dev.zhsearch.index.Indexer;
import dev.zhsearch.index.LiveIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The news ranking's settings, and what sort=relevance does beside sort=score on a real index. */
class NewsRankingTest {

    @Test
    void theDefaultsLoadAndCanBeOverridden() {
        NewsRanking r = NewsRanking.standard();
        assertTrue(r.weight(PageTypes.Type.LISTING) < r.weight(PageTypes.Type.HEADLINE));
        assertEquals(1.0, r.weight(PageTypes.Type.STORY));
        assertFalse(r.isNone());
        NewsRanking flat = r.with("weight.listing=1,weight.headline=1,weight.roundup=1,recency.weight=0,feedback.docs=0");
        assertTrue(flat.isNone());
        assertTrue(NewsRanking.NONE.isNone());
        assertThrows(IllegalArgumentException.class, () -> r.with("weight.listing=0"), "a weight of 0 would hide pages");
        assertThrows(IllegalArgumentException.class, () -> r.with("weight.tagpage=0.5"));
        assertThrows(IllegalArgumentException.class, () -> r.with("recency.weight=1"));
        assertThrows(IllegalArgumentException.class, () -> r.with("recency.half-life=3"));
        assertEquals(QueryFactory.TITLE_BOOST, r.titleBoost());
        assertEquals(4f, r.with("title.boost=4").titleBoost());
        assertThrows(IllegalArgumentException.class, () -> r.with("title.boost=0.5"), "a title word counts at least as a body word");
        assertTrue(r.feedback().on());
        assertEquals(new NewsRanking.Feedback(20, 5, 0.3), r.with("feedback.docs=20,feedback.terms=5,feedback.weight=0.3").feedback());
        assertFalse(r.with("feedback.weight=0").feedback().on());
        assertThrows(IllegalArgumentException.class, () -> r.with("feedback.weight=2"));
        assertThrows(IllegalArgumentException.class, () -> r.with("feedback.docs=-1"));
    }

    @Test
    void recencyIsMildAndHalvesItsShareAtTheHalfLife() {
        NewsRanking r = NewsRanking.standard().with("recency.weight=0.2,recency.half-life-days=100");
        assertEquals(1.0, r.recency(0), 1e-6);
        assertEquals(0.9, r.recency(r.halfLifeSeconds()), 1e-6);
        assertEquals(0.8, r.recency(1e12), 1e-6, "the oldest keep 1 − w");
        assertEquals(0.8, r.recency(Double.NaN), 1e-6, "no date: as the oldest");
        assertEquals(1.0, NewsRanking.NONE.recency(1e9));
    }

    @Test
    void aFileOverridesOnlyItsKeys(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("r.properties");
        Files.writeString(f, "recency.weight=0\n");
        NewsRanking r = NewsRanking.load(f);
        assertEquals(0, r.recencyWeight());
        assertEquals(NewsRanking.standard().weight(PageTypes.Type.LISTING), r.weight(PageTypes.Type.LISTING));
    }

    private static SourceDoc doc(String id, String title, String body, LocalDate date) {
        return new SourceDoc(id, title, body, new PubDate(date, null, PubDate.Provenance.METADATA), "測試", null, "test");
    }

    /**
     * A tag page that names the query outscores the story on BM25 alone (sort=score); the news
     * ranking puts the story first. Of two equal stories, the newer comes first under the news
     * ranking, while their scores tie under sort=score.
     */
    @Test
    void relevanceDemotesTagPagesAndPrefersTheNewerOfEqualStories(@TempDir Path dir) throws Exception {
        Path indexDir = dir.resolve("index");
        new Indexer(SeedIndex.ANALYSIS, dev.zhsearch.corpus.CorpusReaders.standard(), 1, null, 0).build(List.of(), indexDir);
        String story = "輝達執行長今天宣布新一代晶片，將由台積電代工，預計明年量產，供應鏈業者表示訂單已經排滿。";
        try (LiveIndex index = LiveIndex.open(indexDir, SeedIndex.ANALYSIS)) {
            index.upsertAll(List.of(
                    doc("tag", "輝達相關報導", "輝達相關報導  三立新聞", LocalDate.of(2026, 7, 1)),
                    doc("old", "新晶片將量產", story, LocalDate.of(2020, 7, 1)),
                    doc("new", "新晶片將量產", story, LocalDate.of(2026, 7, 1))));
            assertTrue(index.awaitSearchable(5_000));
            try (SearchService service = SearchService.over(index, SeedIndex.ANALYSIS)) {
                List<String> score = ids(service.search(SearchRequest.of("輝達", 10).withSort(SearchRequest.Sort.SCORE)));
                List<String> relevance = ids(service.search(SearchRequest.of("輝達", 10)));
                assertEquals("tag", score.getFirst(), "BM25 alone puts the 6-character tag page first: " + score);
                assertEquals(List.of("new", "old", "tag"), relevance);
                SearchResult scored = service.search(SearchRequest.of("輝達", 10).withSort(SearchRequest.Sort.SCORE));
                assertEquals(scored.hits().get(1).score(), scored.hits().get(2).score(), "the two stories tie on the text");
                assertEquals("listing", service.document("tag").orElseThrow().pageType());
            }
        }
    }

    private static List<String> ids(SearchResult r) {
        return r.hits().stream().map(Hit::id).toList();
    }
}

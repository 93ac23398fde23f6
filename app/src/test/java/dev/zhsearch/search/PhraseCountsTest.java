package dev.zhsearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zhsearch.corpus.PubDate;
import dev.zhsearch.corpus.SourceDoc;
import dev.zhsearch.index.FacetedSearcher;
import dev.zhsearch.index.LiveIndex;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.IndexSearcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The phrase counts a searcher keeps for suggestions (PhraseCounts) answer as counting again would:
 * a count stopped early never stands for a larger one asked later, and a reader refreshed after a
 * write counts the new document.
 */
class PhraseCountsTest {

    private static SourceDoc doc(int n, String title, String body) {
        return new SourceDoc("p" + n, title, body, new PubDate(LocalDate.of(2025, 3, 1 + n % 28), null, PubDate.Provenance.METADATA),
                "test", "https://example.org/p" + n, "test");
    }

    @Test
    void keptCountsAnswerAsCountingAgainWould(@TempDir Path dir) throws Exception {
        List<SourceDoc> docs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            docs.add(doc(i, "社区议事会第" + "一二三四五六".charAt(i) + "次会议", "居民参加议事会。"));
        }
        try (LiveIndex index = SeedIndex.of(dir, docs);
                SearchService service = SearchService.over(index, SeedIndex.ANALYSIS)) {
            // stopped at two first: kept as "two or more", so an exact count asked next is counted again
            assertEquals(Map.of("议事会", 2), service.documentsUsing(List.of("议事会"), 1, 2));
            assertTrue(kept(index) > 0, "the count is kept by the searcher");
            assertEquals(Map.of("议事会", 6), service.documentsUsing(List.of("议事会"), 1));
            assertEquals(Map.of("议事会", 4), service.documentsUsing(List.of("议事会"), 1, 4), "the exact count answers a smaller stop");
            assertEquals(Map.of(), service.documentsUsing(List.of("议事会"), 7), "fewer than asked for");
            // passed over at one minimum for a pair too rare (its pairs are in six documents, not seven),
            // it is counted at a lower one: no document holds 议事会议 itself
            assertEquals(Map.of(), service.documentsUsing(List.of("议事会议"), 7));
            assertEquals(Map.of(), service.documentsUsing(List.of("议事会议"), 1));
            // stories only are kept apart from all documents
            assertEquals(service.documentsUsing(List.of("议事会"), 1), service.storiesUsing(List.of("议事会"), 1, Integer.MAX_VALUE));

            index.upsertAll(List.of(doc(9, "议事会再开", "议事会。")));
            assertTrue(index.awaitSearchable(5_000));
            assertEquals(Map.of("议事会", 7), service.documentsUsing(List.of("议事会"), 1), "a refreshed reader counts the new document");
        }
    }

    private static int kept(LiveIndex index) throws Exception {
        IndexSearcher searcher = index.searchers().acquire();
        try {
            return ((FacetedSearcher) searcher).phraseCounts().size();
        } finally {
            index.searchers().release(searcher);
        }
    }
}

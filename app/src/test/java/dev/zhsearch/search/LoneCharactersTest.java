package dev.zhsearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zhsearch.corpus.PubDate;
import dev.zhsearch.corpus.SourceDoc;
import dev.zhsearch.index.Fields;
import dev.zhsearch.index.LiveIndex;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A character the segmenter leaves alone beside a word it belongs to (立|法院|临时|会 for 立法院臨時會)
 * is searched as part of that word's text, not as a unit of its own: a query of four such units needs
 * only three of them, and the documents of 立法院 … 會 without 臨時 were whole matches.
 */
class LoneCharactersTest {

    private static SourceDoc doc(String id, String title, String body) {
        return new SourceDoc(id, title, body, new PubDate(LocalDate.of(2026, 8, 1), null, PubDate.Provenance.METADATA),
                "test", "https://example.org/" + id, "test");
    }

    @Test
    void aLoneCharacterBelongsToTheWordItIsWrittenAgainst(@TempDir Path dir) throws Exception {
        List<SourceDoc> docs = List.of(
                doc("plenary", "立法院今日開會", "立法院院會今天開會，審查多項法案，他會出席。"),
                doc("extra", "立法院臨時會開議", "立法院臨時會今天開議，處理預算。"),
                doc("apart", "他會臨時出席", "主席說他會臨時出席記者會。"),
                doc("economy", "經濟數據公布", "中國的數據顯示，經濟成長放緩。"));
        QueryFactory factory = new QueryFactory(SeedIndex.ANALYSIS.perField(), QueryFactory.Mode.BOTH, SeedIndex.ANALYSIS.companies());
        try (LiveIndex index = SeedIndex.of(dir, docs)) {
            assertEquals(List.of("立", "法院", "临时", "会"), words("立法院臨時會"), "the segmenter's cut this is about");
            assertEquals(Set.of("extra"), matches(index, factory, "立法院臨時會"), "臨時 may not go missing");
            assertTrue(matches(index, factory, "臨時 會").contains("apart"), "a space between: two words, each anywhere");
            assertTrue(matches(index, factory, "中國的經濟").contains("economy"), "a function character glues nothing");
            assertTrue(matches(index, factory, "立法院 開會").contains("plenary"));
        }
    }

    private static List<String> words(String text) throws Exception {
        List<String> out = new java.util.ArrayList<>();
        try (var ts = SeedIndex.ANALYSIS.perField().tokenStream(Fields.TITLE, text)) {
            var term = ts.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        }
        return out;
    }

    /** The ids of the documents the search box's query (relaxed as it relaxes) matches. */
    private static Set<String> matches(LiveIndex index, QueryFactory factory, String text) throws Exception {
        IndexSearcher searcher = index.searchers().acquire();
        try {
            Set<String> ids = new HashSet<>();
            for (ScoreDoc sd : searcher.search(factory.people(text, QueryFactory.RELAX_FRACTION), 10).scoreDocs) {
                ids.add(searcher.storedFields().document(sd.doc).get(Fields.ID));
            }
            return ids;
        } finally {
            index.searchers().release(searcher);
        }
    }
}

package dev.zhsearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The search box on the seed index: long queries relax, short ones stay AND; fold notes on hits. */
class SearchBoxTest {

    static SearchService service;

    @BeforeAll
    static void open() throws Exception {
        service = SearchService.open(SeedIndex.dir(), SeedIndex.ANALYSIS);
    }

    @AfterAll
    static void close() throws Exception {
        service.close();
    }

    /**
     * By the text's score alone (sort=score): these tests are about how much of a query a document
     * covers, and mem-tw and its mainland twin mem-cn score alike; the news ranking would put the
     * newer twin first (NewsRankingTest).
     */
    static List<Hit> hits(String q) throws Exception {
        return service.search(SearchRequest.of(q, 10).withSort(SearchRequest.Sort.SCORE)).hits();
    }

    static Set<String> ids(String q) throws Exception {
        return hits(q).stream().map(Hit::id).collect(Collectors.toSet());
    }

    /**
     * mem-tw and mem-cn fold to the same text, so they tie on score and their order is the index's
     * document order, which a build on two threads does not fix: either twin first is the article.
     */
    static final Set<String> TWINS = Set.of("mem-tw", "mem-cn");

    static void twinsFirst(List<Hit> hits, String message) {
        assertTrue(hits.size() >= 2, message);
        assertEquals(TWINS, Set.of(hits.get(0).id(), hits.get(1).id()), message);
    }

    @Test
    void aPastedHeadlineWithAStrayWordStillFindsItsArticleFirst() throws Exception {
        // mem-tw's title is 記憶體價格上漲; its body names 伺服器 and 軟體
        twinsFirst(hits("記憶體價格上漲"), "the title itself");
        twinsFirst(hits("[视频] 記憶體價格上漲 今年 伺服器 需求 強勁 火星"),
                "seven words, one of them (火星) in no document: 75% is enough");
        // Lucene syntax (AND of every word) finds nothing for the same text
        assertEquals(0, service.search(SearchRequest.of("記憶體價格上漲 今年 伺服器 需求 強勁 火星", 10)
                .withSyntax(QueryFactory.Syntax.LUCENE)).total());
    }

    /**
     * Up to three words, a whole match has them all; where no document has them all (火星 is in none),
     * the documents with part of them are listed instead, marked partial, rather than nothing.
     */
    @Test
    void shortQueriesKeepAndThenShowPartialMatchesMarked() throws Exception {
        Set<String> tsmc = ids("台積電");
        assertFalse(tsmc.isEmpty());
        SearchResult two = service.search(SearchRequest.of("台積電 火星", 10));
        assertTrue(two.partial(), "two words: no document has both");
        assertEquals(tsmc, two.hits().stream().map(Hit::id).collect(Collectors.toSet()), "the documents with 台積電");
        SearchResult three = service.search(SearchRequest.of("台積電 記憶體 火星", 10));
        assertTrue(three.partial(), "three words: none has all");
        assertTrue(three.hits().stream().allMatch(h -> h.title().contains("<mark>") || !h.snippets().isEmpty()));
        assertFalse(service.search(SearchRequest.of("台積電", 10)).partial(), "one word of three characters: nothing to relax");
    }

    @Test
    void relaxationRanksByHowMuchOfTheQueryADocumentCovers() throws Exception {
        twinsFirst(hits("記憶體 價格 上漲 伺服器 需求 強勁"), "the article and its mainland twin cover every word");
    }

    @Test
    void aHitThatMatchedThroughTheOtherRegionsWordSaysSo() throws Exception {
        Hit tw = hits("服务器").stream().filter(h -> h.id().equals("mem-tw")).findFirst().orElseThrow();
        assertEquals(List.of(new Hit.FoldNote("伺服器", "服务器")), tw.folds());
        Hit cn = hits("伺服器").stream().filter(h -> h.id().equals("mem-cn")).findFirst().orElseThrow();
        assertEquals(List.of(new Hit.FoldNote("服务器", "伺服器")), cn.folds());
        Hit same = hits("伺服器").stream().filter(h -> h.id().equals("mem-tw")).findFirst().orElseThrow();
        assertEquals(List.of(), same.folds(), "the document says what the query says");
        Hit script = hits("記憶體").stream().filter(h -> h.id().equals("mem-tw")).findFirst().orElseThrow();
        assertEquals(List.of(), script.folds());
        Hit scriptOnly = hits("记忆体").stream().filter(h -> h.id().equals("mem-tw")).findFirst().orElseThrow();
        assertEquals(List.of(), scriptOnly.folds(), "记忆体 and 記憶體 differ only in script: no note");
    }
}

package dev.zhsearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zhsearch.corpus.CorpusReaders;
import dev.zhsearch.corpus.PubDate;
import dev.zhsearch.corpus.SourceDoc;
import dev.zhsearch.index.Indexer;
import dev.zhsearch.index.LiveIndex;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The search box on a real index: a company named in the query finds the documents tagged with it
 * under its other names; when all the words find less than a page, documents with part of them
 * follow those with all, and the result says so.
 */
class PartialMatchesTest {

    LiveIndex index;
    SearchService service;

    private static SourceDoc doc(String id, String title, String body) {
        return new SourceDoc(id, title, body, new PubDate(LocalDate.of(2026, 8, 1), null, PubDate.Provenance.METADATA), "測試", null, "test");
    }

    @BeforeEach
    void open(@TempDir Path dir) throws Exception {
        Path indexDir = dir.resolve("index");
        new Indexer(SeedIndex.ANALYSIS, CorpusReaders.standard(), 1, null, 0).build(List.of(), indexDir);
        index = LiveIndex.open(indexDir, SeedIndex.ANALYSIS);
        List<SourceDoc> docs = new ArrayList<>(List.of(
                doc("honhai", "鴻海7月營收創新高", "鴻海今天公布7月合併營收，受惠AI伺服器出貨，年增兩成，創同期新高。"),
                doc("mediatek", "聯發科7月營收年增", "聯發科今天公布7月營收，年增一成，手機晶片需求回溫。"),
                doc("weather", "颱風明天登陸", "氣象署表示颱風明天登陸東部，各地注意強風豪雨。")));
        for (int i = 0; i < 12; i++) {
            docs.add(doc("rain-" + i, "南部豪雨第" + i + "天", "西南氣流帶來豪雨，南部多處淹水，第" + i + "天仍未停歇。"));
        }
        index.upsertAll(docs);
        assertTrue(index.awaitSearchable(5_000));
        service = SearchService.over(index, SeedIndex.ANALYSIS);
    }

    @AfterEach
    void close() throws Exception {
        service.close();
        index.close();
    }

    private static List<String> ids(SearchResult r) {
        return r.hits().stream().map(Hit::id).toList();
    }

    /** 富士康 is 鴻海 (the company table's alias): the Taiwan report of its revenue is found and comes first. */
    @Test
    void aCompanyNamedOneWayFindsItsReportsUnderAnother() throws Exception {
        SearchResult r = service.search(SearchRequest.of("富士康营收", 10));
        assertEquals("honhai", ids(r).getFirst(), ids(r).toString());
        assertTrue(r.hits().getFirst().title().contains("<mark>鴻海</mark>"), "the company's other name is marked: " + r.hits().getFirst().title());
        assertTrue(service.document("honhai", "富士康营收", Display.ORIGINAL).orElseThrow().bodyHtml().contains("<mark>鴻海</mark>"));
        assertTrue(r.partial(), "one document has both: the other revenue report follows, marked partial");
        assertTrue(ids(r).contains("mediatek"));
        assertFalse(ids(r).contains("weather"));
        // Lucene syntax takes the words as written: no company alias, no partial matches
        SearchResult lucene = service.search(SearchRequest.of("富士康 AND 营收", 10).withSyntax(QueryFactory.Syntax.LUCENE));
        assertEquals(0, lucene.total());
        assertFalse(lucene.partial());
    }

    /** A page or more of documents with every word: nothing partial is added. */
    @Test
    void enoughWholeMatchesAddNothingPartial() throws Exception {
        SearchResult r = service.search(SearchRequest.of("南部 豪雨", 20));
        assertEquals(12, r.total());
        assertFalse(r.partial());
        SearchResult few = service.search(SearchRequest.of("颱風 豪雨", 20));
        assertTrue(few.partial(), "one document has both words, fewer than a page");
        assertEquals(13, few.total(), "each word's documents: the typhoon and the twelve rain reports");
        assertEquals("weather", ids(few).getFirst(), "the one with both words before the twelve whose titles say 豪雨");
    }
}

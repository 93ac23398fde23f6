package dev.zhsearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zhsearch.corpus.PubDate;
import dev.zhsearch.corpus.SourceDoc;
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
        List<SourceDoc> docs = new ArrayList<>(List.of(
                doc("honhai", "鴻海7月營收創新高", "鴻海今天公布7月合併營收，受惠AI伺服器出貨，年增兩成，創同期新高。"),
                doc("mediatek", "聯發科7月營收年增", "聯發科今天公布7月營收，年增一成，手機晶片需求回溫。"),
                doc("weather", "颱風明天登陸", "氣象署表示颱風明天登陸東部，各地注意強風豪雨。")));
        for (int i = 0; i < 12; i++) {
            docs.add(doc("rain-" + i, "南部豪雨第" + i + "天", "西南氣流帶來豪雨，南部多處淹水，第" + i + "天仍未停歇。"));
        }
        docs.add(doc("restart", "核三重啟說明會", "台電今天舉行核三重啟說明會。"));
        docs.add(doc("split", "核三能否重啟", "核三廠除役後能否重啟，經濟部今天說明評估進度。"));
        docs.add(doc("one-pair", "重啟談判", "兩國重啟貿易談判。"));
        index = SeedIndex.of(dir, docs);
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

    /**
     * 卡達世足賽 folds to 卡塔尔 + 世界杯赛, and the mainland's report says 卡塔尔世界杯: no document has both
     * words, and the one that holds most of the typed text comes first, before reports holding one
     * word each (a Taiwan report of Qatar, two of the 世足賽 with the word in their titles).
     */
    @Test
    void ofPartialMatchesTheOneHoldingMostOfTheTypedTextComesFirst() throws Exception {
        index.upsertAll(List.of(
                doc("cctv", "卡塔尔世界杯开幕", "来自各大洲的球队今天展开角逐。"),
                doc("qatar", "卡達外交部長訪台", "外交部長今天抵達，雙方討論能源合作。"),
                doc("cup-1", "世足賽決賽在即", "決賽明天登場，球迷湧入，門票一票難求。"),
                doc("cup-2", "世足賽轉播權談判破局", "轉播恐開天窗，球迷不滿。")));
        assertTrue(index.awaitSearchable(5_000));
        service.refresh();
        SearchResult r = service.search(SearchRequest.of("卡達世足賽", 10));
        assertTrue(r.partial(), ids(r).toString());
        assertEquals("cctv", ids(r).getFirst(), ids(r).toString());
        assertTrue(ids(r).containsAll(List.of("qatar", "cup-1", "cup-2")), "the partial matches still follow: " + ids(r));
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

    /**
     * 核三重啟 is one run the analysis cannot cut: as written it finds one report; with fewer than a
     * page, those holding half its character pairs follow (核三 … 重啟), the exact one first. A
     * document with one pair of three (重啟 alone) is not one of them; a quoted phrase does not relax.
     */
    @Test
    void oneUncutWordRelaxesToHalfItsCharacterPairs() throws Exception {
        SearchResult r = service.search(SearchRequest.of("核三重啟", 10));
        assertTrue(r.partial(), ids(r).toString());
        assertEquals(List.of("restart", "split"), ids(r));
        assertEquals(1, service.search(SearchRequest.of("\"核三重啟\"", 10)).total(), "a phrase means what it says");
        assertEquals(1, service.search(SearchRequest.of("核三重啟", 10).withSort(SearchRequest.Sort.DATE_DESC)).total(),
                "date order lists only what matches as written");
    }
}

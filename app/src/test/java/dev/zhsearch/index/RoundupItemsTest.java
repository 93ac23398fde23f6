package dev.zhsearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zhsearch.corpus.CorpusReaders;
import dev.zhsearch.corpus.PubDate;
import dev.zhsearch.corpus.SourceDoc;
import dev.zhsearch.search.Hit;
import dev.zhsearch.search.SearchRequest;
import dev.zhsearch.search.SearchService;
import dev.zhsearch.search.SeedIndex;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A roundup is indexed whole and as its items, each findable with its own headline and linked to
 * the roundup; replacing the roundup replaces its items (fewer items leave none behind), deleting
 * it deletes them.
 */
class RoundupItemsTest {

    private static SourceDoc roundup(String id, String... items) {
        StringBuilder body = new StringBuilder("央视网消息(新闻联播)：\n");
        for (String item : items) {
            body.append(item).append('\n');
        }
        return new SourceDoc(id, "[视频]国内联播快讯", body.toString(), new PubDate(LocalDate.of(2016, 3, 8), null, PubDate.Provenance.METADATA),
                "央视新闻联播", "https://tv.cctv.com/x.shtml", "test");
    }

    static final String[] ITEMS = {
            "农业保险将实现全领域覆盖", "农业部和保监会今天联合宣布，将改变农业保险中水产、肉牛、肉羊养殖等方面无保可投的状况。",
            "运-12F获美国联邦航空管理局发证", "中航工业今天宣布，由我国自主研制的新一代涡桨通用支线飞机运-12F获得型号合格证。",
            "江西建成全省湿地资源数据库", "江西完成全省湿地一张图绘制，是全国首个建立全省湿地资源综合数据库的省份。"};

    @Test
    void itemsAreFoundOnTheirOwnAndGoWithTheirRoundup(@TempDir Path dir) throws Exception {
        Path indexDir = dir.resolve("index");
        new Indexer(SeedIndex.ANALYSIS, CorpusReaders.standard(), 1, null, 0).build(List.of(), indexDir);
        try (LiveIndex index = LiveIndex.open(indexDir, SeedIndex.ANALYSIS)) {
            assertEquals(List.of(LiveIndex.Outcome.CREATED), index.upsertAll(List.of(roundup("r1", ITEMS))));
            assertTrue(index.awaitSearchable(5_000));
            try (SearchService service = SearchService.over(index, SeedIndex.ANALYSIS)) {
                List<Hit> hits = service.search(SearchRequest.of("湿地", 10)).hits();
                assertEquals("r1#3", hits.getFirst().id(), "the item ranks above the roundup that holds it: " + hits);
                assertEquals("江西建成全省湿地资源数据库", hits.getFirst().title().replace("<mark>", "").replace("</mark>", ""));
                var item = service.document("r1#3").orElseThrow();
                assertEquals("r1", item.parent());
                assertEquals("roundup-item", item.pageType());
                assertEquals("2016-03-08", item.date());
                assertEquals("roundup", service.document("r1").orElseThrow().pageType());
                assertEquals(4, service.documentCount());

                index.upsertAll(List.of(roundup("r1", ITEMS[0], ITEMS[1], ITEMS[2], ITEMS[3])));
                assertTrue(index.awaitSearchable(5_000));
                assertEquals(3, service.documentCount(), "two items and the roundup: the third item went with the old version");
                assertTrue(service.document("r1#3").isEmpty());
                assertEquals(0, service.search(SearchRequest.of("湿地", 10)).total());

                assertEquals(LiveIndex.Outcome.DELETED, index.delete("r1"));
                assertTrue(index.awaitSearchable(5_000));
                assertEquals(0, service.documentCount());
            }
        }
    }
}

package dev.zhsearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.zhsearch.corpus.CorpusReaders;
import dev.zhsearch.index.Indexer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Totals are exact, not Lucene's default lower bound past 1,000 hits; with facets, sorted, and without. */
class ExactTotalsTest {

    @Test
    void totalsPastAThousandHitsAreExact(@TempDir Path tmp) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 2_500; i++) {
            sb.append("{\"id\":\"d").append(i).append("\",\"title\":\"").append(i % 2 == 0 ? "台積電" : "台积电")
                    .append("消息 ").append(i).append("\",\"body\":\"內容\",\"date\":\"2026-07-").append(10 + i % 20).append("\"}\n");
        }
        Path input = tmp.resolve("many.jsonl");
        Files.writeString(input, sb);
        new Indexer(SeedIndex.ANALYSIS, CorpusReaders.standard(), 2, null, 0).build(List.of(input), tmp.resolve("index"));
        try (SearchService service = SearchService.open(tmp.resolve("index"), SeedIndex.ANALYSIS)) {
            assertEquals(2_500, service.search(SearchRequest.of("台積電", 10)).total());
            assertEquals(2_500, service.search(SearchRequest.of("台积电", 10), false).total());
            assertEquals(2_500, service.search(SearchRequest.of("台積電", 10).withSort(SearchRequest.Sort.DATE_DESC)).total());
            assertEquals(1_250, service.search(SearchRequest.of("台積電", 10).withScripts(List.of("traditional"))).total());
        }
    }
}

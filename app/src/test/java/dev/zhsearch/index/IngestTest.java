package dev.zhsearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.zhsearch.corpus.CorpusReaders;
import dev.zhsearch.search.Hit;
import dev.zhsearch.search.SearchRequest;
import dev.zhsearch.search.SearchService;
import dev.zhsearch.search.SeedIndex;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Adding the same files twice to a live index gives the same documents and hits as one full build. */
class IngestTest {

    static final List<Path> INPUTS = List.of(Path.of("corpus"), Path.of("app/src/test/resources/search/extra.jsonl"));
    static final List<String> QUERIES = List.of("台积电", "伺服器", "马斯克", "記憶體價格上漲", "xAI", "英偉達 -三星", "title:台積電");

    /**
     * Query → its total, the ids it finds and the company counts. Rank order is left out: BM25's
     * statistics count replaced documents until their segments merge, so ties and near-ties may fall
     * differently in an index that took the same documents twice. Every copy listed (no collapsing by
     * story): documents written one by one join stories as they arrive, a full build in publication
     * order, so their stories may differ where their documents do not.
     */
    static Map<String, String> answers(SearchService service) throws Exception {
        Map<String, String> out = new TreeMap<>();
        for (String q : QUERIES) {
            var r = service.search(SearchRequest.of(q, 20).withCollapse(false));
            out.put(q, r.total() + " " + new java.util.TreeSet<>(r.hits().stream().map(Hit::id).toList()) + " "
                    + new TreeMap<>(r.facets().company().stream().collect(java.util.stream.Collectors.toMap(
                            dev.zhsearch.search.FacetValue::id, dev.zhsearch.search.FacetValue::count))));
        }
        return out;
    }

    @Test
    void addingTwiceEqualsOneBuild(@TempDir Path tmp) throws Exception {
        Path built = tmp.resolve("built");
        IndexSummary one = new Indexer(SeedIndex.ANALYSIS, CorpusReaders.standard(), 2, null, 0).build(INPUTS, built);
        Map<String, String> expected;
        try (SearchService s = SearchService.open(built, SeedIndex.ANALYSIS)) {
            expected = answers(s);
        }
        Path live = tmp.resolve("live");
        try (LiveIndex index = LiveIndex.open(live, SeedIndex.ANALYSIS)) {
            Ingest ingest = new Ingest(index, CorpusReaders.standard());
            Ingest.Summary first = ingest.add(INPUTS, null);
            assertEquals(one.documentsInIndex(), first.created(), first.describe());
            Ingest.Summary second = ingest.add(INPUTS, null);
            assertEquals(0, second.created(), second.describe());
            assertEquals(first.read(), second.updated(), "the second add replaces each document with itself");
            assertEquals(true, index.awaitSearchable(2_000));
            try (SearchService s = SearchService.over(index, SeedIndex.ANALYSIS)) {
                assertEquals(one.documentsInIndex(), s.documentCount());
                assertEquals(expected, answers(s));
            }
        }
        try (SearchService s = SearchService.open(live, SeedIndex.ANALYSIS)) {
            assertEquals(one.documentsInIndex(), s.documentCount(), "durable: the last commit holds them all");
            assertEquals(expected, answers(s));
        }
    }
}

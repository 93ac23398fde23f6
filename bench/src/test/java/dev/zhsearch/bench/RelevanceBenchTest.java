package dev.zhsearch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.zhsearch.search.SeedIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RelevanceBenchTest {

    private static final RelevanceBench BENCH = new RelevanceBench(SeedIndex.ANALYSIS);

    @Test
    void nDcgAndPrecisionAsDefined() {
        List<RelevanceBench.Judged> queries = List.of(new RelevanceBench.Judged("q1", "tw", "x", "need"),
                new RelevanceBench.Judged("q2", "cn", "y", "need"));
        Map<String, Map<String, Integer>> judged = Map.of(
                "q1", Map.of("a", 2, "b", 1, "c", 0),
                "q2", Map.of("d", 2));
        // q1 ranked ideally (a, b, c): nDCG 1, P@10 0.2; q2 ranks an unjudged document first, then d
        Map<String, Map<String, List<String>>> tops = Map.of("r", Map.of("q1", List.of("a", "b", "c"), "q2", List.of("u", "d")));
        List<RelevanceBench.Score> scores = RelevanceBench.score(tops, queries, judged);
        RelevanceBench.Score tw = scores.stream().filter(s -> s.group().equals("tw")).findFirst().orElseThrow();
        assertEquals(1.0, tw.ndcg10(), 1e-9);
        assertEquals(0.2, tw.p10(), 1e-9);
        RelevanceBench.Score cn = scores.stream().filter(s -> s.group().equals("cn")).findFirst().orElseThrow();
        double expected = (3 / (Math.log(3) / Math.log(2))) / 3; // d at rank 2 against d at rank 1
        assertEquals(expected, cn.ndcg10(), 1e-9);
        assertEquals(1, cn.unjudged(), "the unjudged document counts as 0, and is counted");
        RelevanceBench.Score all = scores.stream().filter(s -> s.group().equals("all")).findFirst().orElseThrow();
        assertEquals((1.0 + expected) / 2, all.ndcg10(), 1e-9);
    }

    @Test
    void theJudgedSetInTheRepoIsWellFormed() throws Exception {
        Path queries = Path.of("bench/src/main/resources/relevance/queries.tsv");
        Path judgments = Path.of("bench/src/main/resources/relevance/judgments.tsv");
        List<RelevanceBench.Judged> q = RelevanceBench.queries(queries);
        assertEquals(q.size(), q.stream().map(RelevanceBench.Judged::id).distinct().count(), "query ids are unique");
        org.junit.jupiter.api.Assertions.assertTrue(q.size() >= 50, "at least 50 queries");
        if (Files.exists(judgments)) {
            var j = RelevanceBench.judgments(judgments);
            j.values().forEach(m -> m.values().forEach(g -> org.junit.jupiter.api.Assertions.assertTrue(g >= 0 && g <= 2)));
            org.junit.jupiter.api.Assertions.assertTrue(q.stream().allMatch(x -> j.containsKey(x.id())), "every query has judgments");
        }
    }

    @Test
    void poolListsOnlyUnjudgedDocumentsOfTheRankings(@TempDir Path dir) throws Exception {
        List<RelevanceBench.Judged> queries = List.of(new RelevanceBench.Judged("q1", "cross", "台积电", "TSMC news"));
        Path out = dir.resolve("pool.tsv");
        int all = BENCH.pool(SeedIndex.dir(), queries, Map.of(), out, 1, Map.of());
        List<String> lines = Files.readAllLines(out);
        assertEquals(all + 1, lines.size());
        String firstDoc = lines.get(1).split("\t")[3];
        int fewer = BENCH.pool(SeedIndex.dir(), queries, Map.of("q1", Map.of(firstDoc, 2)), out, 1, Map.of());
        assertEquals(all - 1, fewer, "a judged document is not asked again");
    }
}

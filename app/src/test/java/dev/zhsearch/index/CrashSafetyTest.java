package dev.zhsearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zhsearch.corpus.CorpusReaders;
import dev.zhsearch.search.SearchRequest;
import dev.zhsearch.search.SearchService;
import dev.zhsearch.search.SeedIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real indexer process killed with SIGKILL at random points of a rebuild leaves a whole committed
 * index searchable (the previous one, or the new one once the rebuild has committed all of it and
 * is merging), and a rebuild afterwards succeeds.
 */
class CrashSafetyTest {

    static final int KILLS = 4;

    @Test
    void sigkillDuringARebuildLeavesThePreviousIndexIntact(@TempDir Path tmp) throws Exception {
        Path index = tmp.resolve("index");
        IndexSummary first = new Indexer(SeedIndex.ANALYSIS, CorpusReaders.standard(), 2, null, 0).build(List.of(Path.of("corpus")), index);
        assertEquals(5, first.documentsInIndex());
        Path big = tmp.resolve("big.jsonl");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 30_000; i++) {
            sb.append("{\"id\":\"n").append(i).append("\",\"title\":\"第").append(i).append("則 台積電與輝達\",\"body\":\"")
                    .append("伺服器需求強勁，記憶體價格上漲。".repeat(8)).append("\"}\n");
        }
        Files.writeString(big, sb);
        Random random = new Random(7);
        String java = ProcessHandle.current().info().command().orElse("java");
        int killedMidBuild = 0;
        for (int k = 0; k < KILLS; k++) {
            Process p = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"), "dev.zhsearch.cli.Main",
                    "index", "--quiet", "--input", big.toString(), "--index", index.toString())
                    .redirectErrorStream(true).redirectOutput(tmp.resolve("child-" + k + ".log").toFile()).start();
            Thread.sleep(1_500 + random.nextInt(4_000)); // JVM start and OpenCC load take ~1 s; then mid-indexing
            if (p.isAlive()) {
                killedMidBuild++;
            }
            p.destroyForcibly(); // SIGKILL
            p.waitFor();
            try (SearchService service = SearchService.open(index, SeedIndex.ANALYSIS)) {
                // all or nothing: the previous index whole, or (killed while merging, after the
                // rebuild's commit) the new one whole; never a part of either
                long n = service.documentCount();
                assertTrue(n == 5 || n == 30_000, "after kill " + k + ": " + n + " documents served, not one whole index");
                assertTrue(service.search(SearchRequest.of("台积电", 10)).total() >= 2);
            }
        }
        assertTrue(killedMidBuild >= KILLS - 1, "the kills must land while the child was indexing: " + killedMidBuild);
        System.out.printf("kills: %d SIGKILLs during a rebuild (%d mid-build), %d left one whole index served%n",
                KILLS, killedMidBuild, KILLS);
        IndexSummary after = new Indexer(SeedIndex.ANALYSIS, CorpusReaders.standard(), 2, null, 0).build(List.of(big), index);
        assertEquals(30_000, after.documentsInIndex(), "a rebuild after the kills succeeds");
    }
}

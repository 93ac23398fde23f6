package dev.zhsearch.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.zhsearch.search.SeedIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The GSD cross-script benchmark, with the foundation issue's targets, on the dev split. */
class CrossScriptBenchTest {

    static final Path GSD = Path.of("../shared/corpora/ud-chinese-gsd-parallel");

    @Test
    void crossScriptRecallIsWithinAHundredthOfSameScriptAndTopTenAgree() throws Exception {
        assumeTrue(Files.isDirectory(GSD), "GSD parallel corpus not found at " + GSD.toAbsolutePath() + "; skipping");
        CrossScriptBench.Report r = new CrossScriptBench(SeedIndex.ANALYSIS).run(GSD, "dev");
        System.out.print(r.table());
        for (CrossScriptBench.Row row : r.rows()) {
            if (!row.mode().equals("both")) {
                continue; // what zhsearch runs
            }
            double delta = row.same().recallAt1() - row.cross().recallAt1();
            assertTrue(delta <= 0.01, row.direction() + ": R@1 cross " + row.cross().recallAt1() + " vs same " + row.same().recallAt1());
            assertTrue(row.identicalTop10() >= 0.99, row.direction() + ": identical top 10 " + row.identicalTop10());
        }
    }
}

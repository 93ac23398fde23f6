package dev.zhsearch.convert;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.zhsearch.bench.OpenccCases;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class OpenccCasesTest {

    static final Path CASES = Path.of("../shared/corpora/opencc/test/testcases/testcases.json");

    @Test
    void openccTestCasesPassAtLeast98Percent() throws Exception {
        assumeTrue(Files.exists(CASES), "OpenCC test cases not found at " + CASES.toAbsolutePath() + "; skipping");
        OpenccCases.Report report = OpenccCases.run(CASES, new OpenccConfigs());
        System.out.println(report.table());
        assertTrue(report.rate() >= 0.98, "pass rate " + report.rate() + "\n" + report.table());
    }
}

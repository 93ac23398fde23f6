package dev.zhsearch.analysis;

import dev.zhsearch.convert.OpenccConfigs;
import dev.zhsearch.convert.ScriptDetector;
import dev.zhsearch.convert.ScriptFolder;
import dev.zhsearch.entity.CompanyMatcher;
import dev.zhsearch.entity.CompanyTable;

/**
 * The read-only data every analyzer shares: OpenCC's dictionaries, the fold's tables, the script
 * detector, the company table and its matcher. Loaded once (a few seconds); analyzers are cheap and
 * each owner makes its own ({@link #analyzer}), as OpenSearch needs one per index: it closes an
 * index's analyzers with the index.
 */
public record AnalysisData(OpenccConfigs configs, ScriptFolder folder, ScriptDetector scripts,
                           CompanyTable companyTable, CompanyMatcher companies) {

    /** The tables shipped in this library's resources. */
    public static AnalysisData standard() {
        OpenccConfigs configs = new OpenccConfigs();
        ScriptFolder folder = ScriptFolder.standard(configs);
        ScriptDetector scripts = new ScriptDetector(configs);
        CompanyTable table = CompanyTable.standard();
        return new AnalysisData(configs, folder, scripts, table, new CompanyMatcher(table, folder, scripts));
    }

    /** A new analyzer over the shared tables. */
    public ZhAnalyzer analyzer(ZhAnalyzer.Mode mode) {
        return new ZhAnalyzer(folder, mode);
    }
}

package dev.zhsearch.index;

import dev.zhsearch.analysis.AnalysisData;
import dev.zhsearch.analysis.ZhAnalyzer;
import dev.zhsearch.convert.OpenccConfigs;
import dev.zhsearch.convert.ScriptDetector;
import dev.zhsearch.convert.ScriptFolder;
import dev.zhsearch.entity.CompanyMatcher;
import dev.zhsearch.entity.CompanyTable;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;

/**
 * The analysis resources shared by indexing and search: one OpenCC load, one folder, the
 * per-field analyzer (words for text fields, bigrams for their {@code _bigram} twins), the company
 * table and its matcher, and the finder of the people texts name.
 */
public record Analysis(OpenccConfigs configs, ScriptFolder folder, ScriptDetector scripts, ZhAnalyzer words, ZhAnalyzer bigrams, Analyzer perField,
                       CompanyTable companyTable, CompanyMatcher companies, dev.zhsearch.entity.PersonNames people) {

    public static Analysis standard() {
        AnalysisData data = AnalysisData.standard();
        ZhAnalyzer words = data.analyzer(ZhAnalyzer.Mode.WORDS);
        ZhAnalyzer bigrams = data.analyzer(ZhAnalyzer.Mode.BIGRAMS);
        Analyzer perField = new PerFieldAnalyzerWrapper(words, Map.of(
                Fields.TITLE_BIGRAM, bigrams, Fields.BODY_BIGRAM, bigrams));
        return new Analysis(data.configs(), data.folder(), data.scripts(), words, bigrams, perField, data.companyTable(), data.companies(),
                dev.zhsearch.entity.PersonNames.standard(text -> words.fold(text).text()));
    }
}

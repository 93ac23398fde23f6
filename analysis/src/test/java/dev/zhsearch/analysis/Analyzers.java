package dev.zhsearch.analysis;

import dev.zhsearch.convert.OpenccConfigs;
import dev.zhsearch.convert.ScriptFolder;

/** One ScriptFolder for the whole test run: loading OpenCC's dictionaries takes a second. */
final class Analyzers {

    static final ScriptFolder FOLDER = ScriptFolder.standard(new OpenccConfigs());
    static final ZhAnalyzer WORDS = new ZhAnalyzer(FOLDER, ZhAnalyzer.Mode.WORDS);
    static final ZhAnalyzer BIGRAMS = new ZhAnalyzer(FOLDER, ZhAnalyzer.Mode.BIGRAMS);

    private Analyzers() {}
}

package dev.zhsearch.opensearch;

import dev.zhsearch.analysis.ZhAnalyzer;
import dev.zhsearch.convert.ScriptFolder;
import java.io.Reader;
import org.opensearch.index.IndexSettings;
import org.opensearch.index.analysis.AbstractCharFilterFactory;
import org.opensearch.index.analysis.NormalizingCharFilterFactory;

/** {@code zh_fold}: the fold zhsearch's analyzers begin with, as a char filter (offsets corrected). */
final class ZhFoldCharFilterFactory extends AbstractCharFilterFactory implements NormalizingCharFilterFactory {

    private final ScriptFolder folder;

    ZhFoldCharFilterFactory(IndexSettings indexSettings, String name, ScriptFolder folder) {
        super(indexSettings, name);
        this.folder = folder;
    }

    @Override
    public Reader create(Reader reader) {
        return ZhAnalyzer.foldingChain(reader, folder);
    }
}

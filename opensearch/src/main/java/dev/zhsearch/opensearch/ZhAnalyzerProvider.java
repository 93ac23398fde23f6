package dev.zhsearch.opensearch;

import dev.zhsearch.analysis.AnalysisData;
import dev.zhsearch.analysis.ZhAnalyzer;
import org.opensearch.common.settings.Settings;
import org.opensearch.index.IndexSettings;
import org.opensearch.index.analysis.AbstractIndexAnalyzerProvider;

/** {@code zh_words} / {@code zh_bigrams}: one analyzer per index, over the node's shared tables. */
final class ZhAnalyzerProvider extends AbstractIndexAnalyzerProvider<ZhAnalyzer> {

    private final ZhAnalyzer analyzer;

    ZhAnalyzerProvider(IndexSettings indexSettings, String name, Settings settings, AnalysisData data, ZhAnalyzer.Mode mode) {
        super(indexSettings, name, settings);
        this.analyzer = data.analyzer(mode);
    }

    @Override
    public ZhAnalyzer get() {
        return analyzer;
    }
}

package dev.zhsearch.opensearch;

import dev.zhsearch.analysis.AnalysisData;
import dev.zhsearch.analysis.ZhAnalyzer;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.opensearch.index.analysis.AnalyzerProvider;
import org.opensearch.index.analysis.CharFilterFactory;
import org.opensearch.index.analysis.TokenFilterFactory;
import org.opensearch.index.analysis.TokenizerFactory;
import org.opensearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.opensearch.ingest.Processor;
import org.opensearch.plugins.AnalysisPlugin;
import org.opensearch.plugins.IngestPlugin;
import org.opensearch.plugins.Plugin;

/**
 * zhsearch's analysis in OpenSearch.
 * <ul>
 *   <li>char filter {@code zh_fold}: full-width forms, Traditional/Simplified and Taiwan/mainland
 *       vocabulary folded at phrase level, offsets kept (highlights land on the original characters);
 *       usable in normalizers too;</li>
 *   <li>tokenizer {@code zh_words}: smartcn's words (hhmm), run on folded text;</li>
 *   <li>token filter {@code zh_bigram}: CJK bigrams;</li>
 *   <li>analyzers {@code zh_words} and {@code zh_bigrams}: the fold plus words, or plus bigrams, as
 *       zhsearch indexes a field and its {@code _bigram} twin;</li>
 *   <li>ingest processor {@code zh_companies}: company ids named in the given fields, in either script.</li>
 * </ul>
 * The tables (OpenCC, the fold, companies) are loaded once per node, on first use, and shared
 * read-only; every index gets analyzers of its own, because OpenSearch closes them with the index.
 */
public class ZhsearchPlugin extends Plugin implements AnalysisPlugin, IngestPlugin {

    private volatile AnalysisData data;

    /** The shared tables, loaded by the first caller. */
    AnalysisData data() {
        AnalysisData d = data;
        if (d == null) {
            synchronized (this) {
                d = data;
                if (d == null) {
                    d = AnalysisData.standard();
                    data = d;
                }
            }
        }
        return d;
    }

    @Override
    public Map<String, AnalysisProvider<CharFilterFactory>> getCharFilters() {
        return Map.of("zh_fold", (indexSettings, env, name, settings) -> new ZhFoldCharFilterFactory(indexSettings, name, data().folder()));
    }

    @Override
    public Map<String, AnalysisProvider<TokenizerFactory>> getTokenizers() {
        return Map.of("zh_words", (indexSettings, env, name, settings) -> new ZhWordsTokenizerFactory(indexSettings, name, settings, data().folder()));
    }

    @Override
    public Map<String, AnalysisProvider<TokenFilterFactory>> getTokenFilters() {
        return Map.of("zh_bigram", ZhBigramTokenFilterFactory::new);
    }

    @Override
    public Map<String, AnalysisProvider<AnalyzerProvider<? extends Analyzer>>> getAnalyzers() {
        return Map.of(
                "zh_words", (indexSettings, env, name, settings) -> new ZhAnalyzerProvider(indexSettings, name, settings, data(), ZhAnalyzer.Mode.WORDS),
                "zh_bigrams", (indexSettings, env, name, settings) -> new ZhAnalyzerProvider(indexSettings, name, settings, data(), ZhAnalyzer.Mode.BIGRAMS));
    }

    @Override
    public Map<String, Processor.Factory> getProcessors(Processor.Parameters parameters) {
        return Map.of(ZhCompaniesProcessor.TYPE, new ZhCompaniesProcessor.Factory(this::data));
    }
}

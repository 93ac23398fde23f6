package dev.zhsearch.opensearch;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.index.IndexSettings;
import org.opensearch.index.analysis.AbstractTokenFilterFactory;

/** {@code zh_bigram}: overlapping CJK bigrams, for names the word segmenter does not know. */
final class ZhBigramTokenFilterFactory extends AbstractTokenFilterFactory {

    ZhBigramTokenFilterFactory(IndexSettings indexSettings, Environment environment, String name, Settings settings) {
        super(indexSettings, name, settings);
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new CJKBigramFilter(tokenStream);
    }
}

package dev.zhsearch.opensearch;

import dev.zhsearch.analysis.hhmm.HhmmSegmenter;
import dev.zhsearch.analysis.hhmm.HhmmTokenizer;
import org.apache.lucene.analysis.Tokenizer;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.index.IndexSettings;
import org.opensearch.index.analysis.AbstractTokenizerFactory;

/** {@code zh_words}: smartcn's word segmentation (the same words, through zhsearch's faster hhmm). */
final class ZhWordsTokenizerFactory extends AbstractTokenizerFactory {

    private final HhmmSegmenter segmenter = new HhmmSegmenter();

    ZhWordsTokenizerFactory(IndexSettings indexSettings, Environment environment, String name, Settings settings) {
        super(indexSettings, settings, name);
    }

    @Override
    public Tokenizer create() {
        return new HhmmTokenizer(segmenter);
    }
}

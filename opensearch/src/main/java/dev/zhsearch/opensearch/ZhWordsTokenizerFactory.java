package dev.zhsearch.opensearch;

import dev.zhsearch.analysis.hhmm.HhmmSegmenter;
import dev.zhsearch.convert.ScriptFolder;
import dev.zhsearch.analysis.hhmm.HhmmTokenizer;
import org.apache.lucene.analysis.Tokenizer;
import org.opensearch.common.settings.Settings;
import org.opensearch.index.IndexSettings;
import org.opensearch.index.analysis.AbstractTokenizerFactory;

/** {@code zh_words}: smartcn's word segmentation (the same words, through zhsearch's faster hhmm). */
final class ZhWordsTokenizerFactory extends AbstractTokenizerFactory {

    private final HhmmSegmenter segmenter;

    /** Over folded text: the segmenter knows the words the fold writes (as ZhAnalyzer's does). */
    ZhWordsTokenizerFactory(IndexSettings indexSettings, String name, Settings settings, ScriptFolder folder) {
        super(indexSettings, settings, name);
        this.segmenter = new HhmmSegmenter(folder.canonicalWords());
    }

    @Override
    public Tokenizer create() {
        return new HhmmTokenizer(segmenter);
    }
}

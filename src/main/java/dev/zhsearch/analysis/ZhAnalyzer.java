package dev.zhsearch.analysis;

import dev.zhsearch.analysis.hhmm.HhmmSegmenter;
import dev.zhsearch.analysis.hhmm.HhmmTokenizer;
import dev.zhsearch.convert.ScriptFolder;
import java.io.Reader;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthCharFilter;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Chinese across scripts: full-width forms folded ({@link CJKWidthCharFilter}), then Traditional/
 * Simplified and Taiwan/mainland vocabulary folded ({@link ScriptFoldingCharFilter}), both as
 * CharFilters so offsets stay on the original text and queries fold exactly like documents. Then
 * either smartcn's word segmentation ({@link Mode#WORDS}, through {@link HhmmTokenizer}: the same words,
 * three times faster) or CJK bigrams ({@link Mode#BIGRAMS}, for
 * names smartcn does not know); Latin words lower-cased and Porter-stemmed in both.
 */
public final class ZhAnalyzer extends Analyzer {

    public enum Mode { WORDS, BIGRAMS }

    private final ScriptFolder folder;
    private final Mode mode;
    private final HhmmSegmenter segmenter;

    public ZhAnalyzer(ScriptFolder folder, Mode mode) {
        this.folder = folder;
        this.mode = mode;
        this.segmenter = mode == Mode.WORDS ? new HhmmSegmenter() : null;
    }

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        return new ScriptFoldingCharFilter(new CJKWidthCharFilter(reader), folder);
    }

    @Override
    protected Reader initReaderForNormalization(String fieldName, Reader reader) {
        return initReader(fieldName, reader);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer tokenizer;
        TokenStream stream;
        if (mode == Mode.WORDS) {
            tokenizer = new HhmmTokenizer(segmenter);
            stream = new LowerCaseFilter(tokenizer);
            stream = new StopFilter(stream, SmartChineseAnalyzer.getDefaultStopSet());
        } else {
            tokenizer = new StandardTokenizer();
            stream = new LowerCaseFilter(tokenizer);
            stream = new CJKBigramFilter(stream);
        }
        return new TokenStreamComponents(tokenizer, new PorterStemFilter(stream));
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new LowerCaseFilter(in);
    }
}

package dev.zhsearch.analysis;

import dev.zhsearch.analysis.hhmm.HhmmSegmenter;
import dev.zhsearch.analysis.hhmm.HhmmTokenizer;
import dev.zhsearch.convert.ScriptFolder;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharFilter;
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
        this.segmenter = mode == Mode.WORDS ? new HhmmSegmenter(folder.canonicalWords()) : null;
    }

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        if (reader instanceof FoldedText.Prefolded) {
            return reader; // folded once for all the fields of a document
        }
        return foldingChain(reader, folder);
    }

    /**
     * The fold every text goes through, documents and queries alike: full-width forms, then scripts
     * and vocabulary. The OpenSearch char filter {@code zh_fold} is this chain too.
     */
    public static CharFilter foldingChain(Reader reader, ScriptFolder folder) {
        return new ScriptFoldingCharFilter(new CJKWidthCharFilter(reader), folder);
    }

    /** The text as this analyzer's CharFilters fold it, with the offset of every folded position in the original. */
    public FoldedText fold(String text) {
        try (CharFilter chain = (CharFilter) initReader(null, new TextReader(text))) {
            StringBuilder out = new StringBuilder(text.length());
            char[] buf = new char[4096];
            for (int n; (n = chain.read(buf, 0, buf.length)) != -1; ) {
                out.append(buf, 0, n);
            }
            int[] offsets = new int[out.length() + 1];
            for (int i = 0; i < offsets.length; i++) {
                offsets[i] = chain.correctOffset(i);
            }
            return new FoldedText(out.toString(), offsets);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading a String does not fail
        }
    }

    /**
     * A String as a Reader without {@link StringReader}'s lock per call: CJKWidthCharFilter reads
     * its input one character at a time, and taking the lock was 1% of indexing.
     */
    private static final class TextReader extends Reader {
        private final String text;
        private int pos;

        TextReader(String text) {
            this.text = text;
        }

        @Override
        public int read() {
            return pos < text.length() ? text.charAt(pos++) : -1;
        }

        @Override
        public int read(char[] cbuf, int off, int len) {
            java.util.Objects.checkFromIndexSize(off, len, cbuf.length);
            if (len == 0) {
                return 0;
            }
            if (pos >= text.length()) {
                return -1;
            }
            int n = Math.min(len, text.length() - pos);
            text.getChars(pos, pos + n, cbuf, off);
            pos += n;
            return n;
        }

        @Override
        public void close() {
            // nothing to release
        }
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

package dev.zhsearch.analysis;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import org.apache.lucene.analysis.CharFilter;

/**
 * A text as {@link ZhAnalyzer}'s CharFilters fold it (width, script, vocabulary), with each position
 * of the folded text mapped to the original ({@code offsets}, one longer than the text). A document's
 * title and body are folded once this way and then analysed by their word field, their bigram twin
 * and the company matcher, instead of three folds each.
 */
public record FoldedText(String text, int[] offsets) {

    /**
     * The folded text as a Reader that {@link ZhAnalyzer} takes as already folded: token offsets are
     * corrected to the original, exactly as its own CharFilters would correct them.
     */
    public Reader reader() {
        return new Prefolded(this);
    }

    static final class Prefolded extends CharFilter {
        private final int[] offsets;

        Prefolded(FoldedText folded) {
            super(new StringReader(folded.text()));
            this.offsets = folded.offsets();
        }

        @Override
        protected int correct(int currentOff) {
            return offsets[Math.min(Math.max(currentOff, 0), offsets.length - 1)];
        }

        @Override
        public int read(char[] cbuf, int off, int len) throws IOException {
            return input.read(cbuf, off, len);
        }
    }
}

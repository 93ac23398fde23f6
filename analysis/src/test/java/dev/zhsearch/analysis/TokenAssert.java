package dev.zhsearch.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * A Jupiter stand-in for Lucene's BaseTokenStreamTestCase.assertAnalyzesTo (which needs the JUnit 4
 * randomized runner): terms, start and end offsets, and the final offset, checked together.
 */
final class TokenAssert {

    record Token(String term, int start, int end) {}

    record Analysis(List<Token> tokens, int finalOffset) {
        String[] terms() {
            return tokens.stream().map(Token::term).toArray(String[]::new);
        }
    }

    private TokenAssert() {}

    static Analysis analyze(Analyzer analyzer, String text) {
        return analyzeReader(analyzer, new java.io.StringReader(text), text.length());
    }

    /** Analyses what the reader gives (an already folded text, say); offsets must stay within {@code length}. */
    static Analysis analyzeReader(Analyzer analyzer, java.io.Reader reader, int length) {
        List<Token> tokens = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("f", reader)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            int lastStart = 0;
            while (ts.incrementToken()) {
                int s = offset.startOffset();
                int e = offset.endOffset();
                if (s < lastStart || e < s || e > length) {
                    throw new AssertionError("bad offsets " + s + "-" + e + " for '" + term + "' (previous start " + lastStart + ", length " + length + ")");
                }
                lastStart = s;
                tokens.add(new Token(term.toString(), s, e));
            }
            ts.end();
            return new Analysis(tokens, offset.endOffset());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void assertAnalyzesTo(Analyzer analyzer, String text, String[] terms, int[] starts, int[] ends, int finalOffset) {
        Analysis a = analyze(analyzer, text);
        assertArrayEquals(terms, a.terms(), "terms of " + text + ": " + a.tokens());
        assertArrayEquals(starts, a.tokens().stream().mapToInt(Token::start).toArray(), "start offsets: " + a.tokens());
        assertArrayEquals(ends, a.tokens().stream().mapToInt(Token::end).toArray(), "end offsets: " + a.tokens());
        assertEquals(finalOffset, a.finalOffset(), "final offset");
    }
}

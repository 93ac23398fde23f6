package dev.zhsearch.analysis.hhmm;

import java.text.BreakIterator;
import java.util.Iterator;
import java.util.Locale;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.analysis.util.SegmentingTokenizerBase;

/**
 * smartcn's {@code HMMChineseTokenizer} over {@link HhmmSegmenter}: the text is cut into sentences,
 * each sentence into words. Same terms, offsets and types as smartcn's tokenizer.
 */
public final class HhmmTokenizer extends SegmentingTokenizerBase {

    private static final BreakIterator SENTENCES = BreakIterator.getSentenceInstance(Locale.ROOT);

    private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offsetAtt = addAttribute(OffsetAttribute.class);
    private final TypeAttribute typeAtt = addAttribute(TypeAttribute.class);
    private final HhmmSegmenter segmenter;
    private Iterator<HhmmSegmenter.Word> words;
    private int sentenceOffset;

    public HhmmTokenizer(HhmmSegmenter segmenter) {
        super(DEFAULT_TOKEN_ATTRIBUTE_FACTORY, (BreakIterator) SENTENCES.clone());
        this.segmenter = segmenter;
    }

    @Override
    protected void setNextSentence(int sentenceStart, int sentenceEnd) {
        String sentence = new String(buffer, sentenceStart, sentenceEnd - sentenceStart);
        words = segmenter.segment(sentence).iterator();
        sentenceOffset = offset + sentenceStart;
    }

    @Override
    protected boolean incrementWord() {
        if (words == null || !words.hasNext()) {
            return false;
        }
        HhmmSegmenter.Word w = words.next();
        clearAttributes();
        termAtt.copyBuffer(w.term(), 0, w.term().length);
        offsetAtt.setOffset(correctOffset(sentenceOffset + w.start()), correctOffset(sentenceOffset + w.end()));
        typeAtt.setType("word");
        return true;
    }

    @Override
    public void reset() throws java.io.IOException {
        super.reset();
        words = null;
    }
}

package dev.zhsearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

class HighlightingTest {

    @Test
    void leanPassageScorerScoresExactlyLikeLucenes() {
        PassageScorer lucene = new PassageScorer();
        PassageScorer lean = new Highlighting.LeanPassageScorer();
        BytesRef[] vocabulary = {new BytesRef("台积电"), new BytesRef("英伟达"), new BytesRef("ai"), new BytesRef("芯片"), new BytesRef("台积")};
        Random random = new Random(7);
        for (int round = 0; round < 2_000; round++) {
            Passage p = new Passage();
            int start = random.nextInt(5_000);
            p.setStartOffset(start);
            p.setEndOffset(start + 40 + random.nextInt(400)); // every match below lies inside
            int matches = random.nextInt(12);
            for (int i = 0; i < matches; i++) {
                int term = random.nextInt(vocabulary.length);
                int at = start + i * 3;
                // a term's frequency in the document is the same wherever it matches
                p.addMatch(at, at + 2, BytesRef.deepCopyOf(vocabulary[term]), 1 + term * 3);
            }
            int contentLength = p.getEndOffset() + random.nextInt(20_000);
            assertEquals(lucene.score(p, contentLength), lean.score(p, contentLength), 0f, p.toString());
        }
    }
}

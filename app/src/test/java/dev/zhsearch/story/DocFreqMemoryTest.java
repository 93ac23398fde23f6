package dev.zhsearch.story;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The live writes' memory of document frequencies follows the index it reads. */
class DocFreqMemoryTest {

    /** An index of {@code documents} documents where 新詞 has frequency {@code df}; counts its lookups. */
    private record Index(long documents, int df, AtomicInteger lookups) implements StoryVector.DocFreqs {
        public int docFreq(String term) {
            lookups.incrementAndGet();
            return Map.of("新詞", df).getOrDefault(term, 0);
        }
    }

    @Test
    void aTermIsLookedUpOnceWhileTheIndexStaysTheSame() {
        AtomicInteger lookups = new AtomicInteger();
        StoryLinker.DocFreqMemory memory = new StoryLinker.DocFreqMemory(1_000);
        assertEquals(1, memory.over(new Index(10_000, 1, lookups)).docFreq("新詞"));
        // a refresh that added a few documents: the remembered frequency stands
        assertEquals(1, memory.over(new Index(10_050, 40, lookups)).docFreq("新詞"));
        assertEquals(1, lookups.get());
    }

    @Test
    void aGrownIndexIsReadAgain() {
        AtomicInteger lookups = new AtomicInteger();
        StoryLinker.DocFreqMemory memory = new StoryLinker.DocFreqMemory(1_000);
        memory.over(new Index(10_000, 1, lookups)).docFreq("新詞");
        // a day of news later the word new this morning is no longer rare
        StoryVector.DocFreqs later = memory.over(new Index(10_500, 300, lookups));
        assertEquals(300, later.docFreq("新詞"));
        assertEquals(10_500, later.documents());
        assertEquals(2, lookups.get());
    }

    @Test
    void aRebuildForgetsTheOldIndex() {
        AtomicInteger lookups = new AtomicInteger();
        StoryLinker.DocFreqMemory memory = new StoryLinker.DocFreqMemory(1_000);
        memory.over(new Index(10_000, 1, lookups)).docFreq("新詞");
        memory.clear();
        // a rebuilt index of the same size but other documents
        assertEquals(7, memory.over(new Index(10_000, 7, lookups)).docFreq("新詞"));
    }

    @Test
    void aFullMemoryStartsAgain() {
        AtomicInteger lookups = new AtomicInteger();
        StoryLinker.DocFreqMemory memory = new StoryLinker.DocFreqMemory(2);
        StoryVector.DocFreqs df = memory.over(new Index(10_000, 1, lookups));
        df.docFreq("甲");
        df.docFreq("乙");
        df.docFreq("丙");
        assertEquals(1, memory.size());
    }
}

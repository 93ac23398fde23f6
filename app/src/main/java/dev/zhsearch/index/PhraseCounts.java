package dev.zhsearch.index;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many documents of one reader hold each phrase asked of it, kept while the reader lives (a
 * {@link FacetedSearcher}'s; a refreshed reader starts empty, so a count is never stale). Suggestions
 * by sound ask a dozen such counts a keystroke, and the next keystroke of the same word asks most of
 * them again (jiaquanz, jiaquanzh: the spellings of jiaquan). The {@value #KEPT} asked last are kept.
 */
public final class PhraseCounts {

    /**
     * What is known of a phrase: {@code rarest}, the documents of its rarest character pair (an upper
     * bound, and exact for a pair alone); {@code documents}, those holding the phrase, counted no
     * further than {@code countedTo} (−1 if not counted: its rarest pair was too rare to count it).
     */
    public record Known(int rarest, int documents, int countedTo) {
        /** Whether the count answers a count stopped at {@code upTo}: exact, or counted as far. */
        public boolean answers(int upTo) {
            return documents >= 0 && (documents < countedTo || upTo <= countedTo);
        }
    }

    static final int KEPT = 100_000;

    private final Map<String, Known> kept = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Known> eldest) {
            return size() > KEPT;
        }
    };

    /** What is known of {@code key} (a folded phrase, and the documents it was counted among), or null. */
    public synchronized Known get(String key) {
        return kept.get(key);
    }

    public synchronized void put(String key, Known known) {
        kept.put(key, known);
    }

    public synchronized int size() {
        return kept.size();
    }
}

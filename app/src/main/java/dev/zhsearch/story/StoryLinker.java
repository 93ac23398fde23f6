package dev.zhsearch.story;

import dev.zhsearch.clean.PageTypes;
import dev.zhsearch.index.Fields;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.util.Bits;

/**
 * Finds the stories of a whole index after a full build, in order of publication: each document that
 * takes part is compared with the earlier documents of its day window that share one of its heaviest
 * terms, and joins the story of the most like it whose first report it is also like by the
 * {@link StoryRule} (so a story never grows by a chain of documents each like the last: every
 * document of a story is like its first report); otherwise it starts a story. A story's key is its
 * first report's own key; the documents whose key changes are updated in place (numeric doc values).
 * One day window in memory at a time.
 */
public final class StoryLinker {

    /** What linking did: documents that took part, pairs compared, stories of two or more and their documents, the largest. */
    public record Summary(int documents, long compared, int stories, int storyDocuments, int largest, double seconds) {}

    private final Analyzer bigrams;
    private final StoryRule rule;

    public StoryLinker(Analyzer bigrams, StoryRule rule) {
        this.bigrams = bigrams;
        this.rule = rule;
    }

    public Summary link(IndexWriter writer, PrintStream log) throws IOException {
        long start = System.nanoTime();
        try (DirectoryReader reader = DirectoryReader.open(writer)) {
            Entries entries = entries(reader);
            int n = entries.size;
            long[] keys = new long[n];
            String[] ids = new String[n];
            String[] sources = new String[n];
            StoryVector.DocFreqs df = cachedDocFreqs(reader);
            StoryVector[] vectors = new StoryVector[n];
            StoryWindow window = new StoryWindow(rule, 0);
            int computed = 0; // vectors are computed ahead in blocks, in parallel; the window holds them while their day is near
            long lastLog = System.nanoTime();
            for (int i = 0; i < n; i++) {
                if (i == computed) {
                    computed = Math.min(n, i + BLOCK);
                    computeVectors(reader, entries, i, computed, vectors, ids, sources, df);
                }
                int day = entries.day[i];
                window.dropBefore(day - rule.windowDays());
                keys[i] = window.join(new StoryWindow.Member(ids[i], vectors[i], day, sources[i])).key();
                vectors[i] = null;
                if (log != null && System.nanoTime() - lastLog > 5_000_000_000L) {
                    log.printf("… stories: %,d of %,d documents compared (%,d pairs)%n", i + 1, n, window.compared());
                    lastLog = System.nanoTime();
                }
            }
            // the documents that joined another's story get its key (the others keep their own)
            Map<Long, Integer> size = new HashMap<>();
            for (int k = 0; k < n; k++) {
                size.merge(keys[k], 1, Integer::sum);
            }
            int stories = 0;
            int storyDocs = 0;
            int largest = 1;
            for (int s : size.values()) {
                if (s > 1) {
                    stories++;
                    storyDocs += s;
                    largest = Math.max(largest, s);
                }
            }
            for (int k = 0; k < n; k++) {
                if (keys[k] != Stories.ownKey(ids[k])) {
                    writer.updateNumericDocValue(new Term(Fields.ID, ids[k]), Fields.STORY, keys[k]);
                }
            }
            return new Summary(n, window.compared(), stories, storyDocs, largest, (System.nanoTime() - start) / 1e9);
        }
    }

    /** Documents whose vectors are computed together, in parallel. */
    static final int BLOCK = 4_096;

    /** The vectors of entries {@code from}..{@code to}, on every core; their ids too. */
    private void computeVectors(DirectoryReader reader, Entries entries, int from, int to, StoryVector[] vectors, String[] ids,
                                String[] sources, StoryVector.DocFreqs df) {
        java.util.stream.IntStream.range(from, to).parallel().forEach(k -> {
            try {
                Document d = entries.stored(reader, k);
                ids[k] = d.get(Fields.ID);
                sources[k] = d.get(Fields.SOURCE);
                vectors[k] = StoryVector.of(bigrams, Fields.BODY_BIGRAM, d.get(Fields.TITLE), d.get(Fields.BODY),
                        df, rule.idfPower(), StoryLinker::termId);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** Most document frequencies remembered: a window's terms, and most of the corpus's common ones. */
    static final int DF_CACHE = 1 << 20;

    /** The index's document frequencies, remembered (a term's is looked up once, not once per document). */
    private static StoryVector.DocFreqs cachedDocFreqs(DirectoryReader reader) {
        return new DocFreqMemory(DF_CACHE).over(docFreqs(reader));
    }

    /**
     * Document frequencies, each looked up once and kept; the memory may outlive one reader, as a term's
     * frequency changes little between refreshes. It starts again when it holds {@code most} terms, when
     * the index it reads has grown or shrunk by more than {@link #CHANGED} since it started (a term new
     * this morning is not rare all day), and when told to ({@link #clear}, after a rebuild).
     */
    static final class DocFreqMemory {
        /** The share of documents added or removed after which remembered frequencies are stale. */
        static final double CHANGED = 0.01;

        private final java.util.concurrent.ConcurrentHashMap<String, Integer> known = new java.util.concurrent.ConcurrentHashMap<>();
        private final int most;
        /** The index's document count when the memory started; -1 when empty. */
        private long basis = -1;

        DocFreqMemory(int most) {
            this.most = most;
        }

        synchronized void clear() {
            known.clear();
            basis = -1;
        }

        /** {@code index}'s frequencies through this memory. */
        StoryVector.DocFreqs over(StoryVector.DocFreqs index) {
            long documents = index.documents();
            synchronized (this) {
                if (basis < 0 || Math.abs(documents - basis) > CHANGED * basis) {
                    known.clear();
                    basis = documents;
                }
            }
            return new StoryVector.DocFreqs() {
                public long documents() {
                    return documents;
                }

                public int docFreq(String term) {
                    Integer remembered = known.get(term);
                    if (remembered != null) {
                        return remembered;
                    }
                    int f = index.docFreq(term);
                    if (known.size() >= most) {
                        known.clear();
                    }
                    known.put(term, f);
                    return f;
                }
            };
        }

        int size() {
            return known.size();
        }
    }

    /** A term's number for the merge-join: a 32-bit hash (two terms of one comparison colliding is negligible). */
    public static int termId(String term) {
        long h = 0x84222325CBF29CE4L;
        for (int i = 0; i < term.length(); i++) {
            h = (h ^ term.charAt(i)) * 0x100000001B3L;
        }
        h ^= h >>> 29;
        return (int) (h ^ (h >>> 32));
    }

    /** The index's document frequencies in the bigram body field. */
    public static StoryVector.DocFreqs docFreqs(org.apache.lucene.index.IndexReader reader) {
        return docFreqs(reader, 1.0);
    }

    /**
     * Document frequencies in the bigram body field of the largest segments that hold at least
     * {@code share} of the index's documents (all of them at 1): a living index has many small
     * segments, and a term looked up in each cost more than the rest of finding a write's story,
     * while its frequency in the large ones stands for the index's.
     */
    public static StoryVector.DocFreqs docFreqs(org.apache.lucene.index.IndexReader reader, double share) {
        List<org.apache.lucene.index.LeafReader> bySize = new ArrayList<>();
        reader.leaves().forEach(l -> bySize.add(l.reader()));
        bySize.sort((x, y) -> Integer.compare(y.numDocs(), x.numDocs()));
        List<org.apache.lucene.index.LeafReader> used = new ArrayList<>();
        long held = 0;
        for (org.apache.lucene.index.LeafReader leaf : bySize) {
            if (!used.isEmpty() && held >= share * reader.numDocs()) {
                break;
            }
            used.add(leaf);
            held += leaf.numDocs();
        }
        long documents = held;
        return new StoryVector.DocFreqs() {
            public long documents() {
                return documents;
            }

            public int docFreq(String term) {
                Term t = new Term(Fields.BODY_BIGRAM, term);
                int f = 0;
                try {
                    for (org.apache.lucene.index.LeafReader leaf : used) {
                        f += leaf.docFreq(t);
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return f;
            }
        };
    }

    /** The documents that take part, sorted by day, time, then leaf and doc. */
    private static Entries entries(DirectoryReader reader) throws IOException {
        List<long[]> rows = new ArrayList<>();
        for (LeafReaderContext leaf : reader.leaves()) {
            NumericDocValues time = leaf.reader().getNumericDocValues(Fields.DATE_SORT);
            NumericDocValues type = leaf.reader().getNumericDocValues(Fields.PAGE_CLASS);
            Bits live = leaf.reader().getLiveDocs();
            if (time == null) {
                continue;
            }
            for (int doc = time.nextDoc(); doc != NumericDocValues.NO_MORE_DOCS; doc = time.nextDoc()) {
                if (live != null && !live.get(doc)) {
                    continue;
                }
                int t = type != null && type.advanceExact(doc) ? (int) type.longValue() : PageTypes.Type.STORY.ordinal();
                if (!Stories.takesPart(PageTypes.Type.values()[t])) {
                    continue;
                }
                rows.add(new long[] {time.longValue(), leaf.ord, doc});
            }
        }
        rows.sort((x, y) -> x[0] != y[0] ? Long.compare(x[0], y[0]) : x[1] != y[1] ? Long.compare(x[1], y[1]) : Long.compare(x[2], y[2]));
        Entries e = new Entries(rows.size());
        for (int k = 0; k < rows.size(); k++) {
            long[] r = rows.get(k);
            e.day[k] = (int) Math.floorDiv(r[0], 86_400L);
            e.leaf[k] = (int) r[1];
            e.doc[k] = (int) r[2];
        }
        return e;
    }

    private static final class Entries {
        final int size;
        final int[] day;
        final int[] leaf;
        final int[] doc;

        Entries(int size) {
            this.size = size;
            this.day = new int[size];
            this.leaf = new int[size];
            this.doc = new int[size];
        }

        /** The entry's id, title, body and outlet (from any thread: each call has its own StoredFields). */
        Document stored(DirectoryReader reader, int k) throws IOException {
            StoredFields f = reader.leaves().get(leaf[k]).reader().storedFields();
            return f.document(doc[k], java.util.Set.of(Fields.ID, Fields.TITLE, Fields.BODY, Fields.SOURCE));
        }
    }
}

package dev.zhsearch.search;

import dev.zhsearch.index.Fields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

/**
 * For the stories shown on a page of collapsed hits, in one pass over the search's matches: how many
 * of each story's documents matched, and its earliest ones (publication time, then index order), so
 * that a story is shown by its earliest report and names its other outlets. One pass instead of a
 * search per story.
 */
final class StoryCopies implements CollectorManager<StoryCopies.Collector, Map<Long, StoryCopies.Found>> {

    /** A story's matching documents: how many, and the earliest {@code keep} as {time, doc} pairs. */
    static final class Found {
        long count;
        final TreeSet<long[]> earliest = new TreeSet<>((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));

        void add(long time, long doc, int keep) {
            count++;
            if (earliest.size() < keep || Long.compare(time, earliest.last()[0]) < 0
                    || (time == earliest.last()[0] && doc < earliest.last()[1])) {
                earliest.add(new long[] {time, doc});
                if (earliest.size() > keep) {
                    earliest.pollLast();
                }
            }
        }

        void addAll(Found other, int keep) {
            count += other.count - other.earliest.size();
            for (long[] e : other.earliest) {
                add(e[0], e[1], keep);
            }
        }

        /** The earliest documents, earliest first (global doc ids). */
        List<Integer> docs() {
            List<Integer> out = new ArrayList<>(earliest.size());
            earliest.forEach(e -> out.add((int) e[1]));
            return out;
        }
    }

    private final Set<Long> keys;
    private final int keep;

    StoryCopies(Set<Long> keys, int keep) {
        this.keys = keys;
        this.keep = keep;
    }

    @Override
    public Collector newCollector() {
        return new Collector();
    }

    @Override
    public Map<Long, Found> reduce(Collection<Collector> collectors) {
        Map<Long, Found> all = new HashMap<>();
        for (Collector c : collectors) {
            c.found.forEach((k, f) -> all.computeIfAbsent(k, x -> new Found()).addAll(f, keep));
        }
        return all;
    }

    final class Collector extends SimpleCollector {
        final Map<Long, Found> found = new HashMap<>();
        private NumericDocValues story;
        private NumericDocValues time;
        private int base;

        @Override
        protected void doSetNextReader(LeafReaderContext context) throws IOException {
            story = context.reader().getNumericDocValues(Fields.STORY);
            time = context.reader().getNumericDocValues(Fields.DATE_SORT);
            base = context.docBase;
        }

        @Override
        public void collect(int doc) throws IOException {
            if (story == null || !story.advanceExact(doc) || !keys.contains(story.longValue())) {
                return;
            }
            long t = time != null && time.advanceExact(doc) ? time.longValue() : Long.MAX_VALUE; // undated last
            found.computeIfAbsent(story.longValue(), k -> new Found()).add(t, base + doc, keep);
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }
}

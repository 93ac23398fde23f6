package dev.zhsearch.index;

import java.io.IOException;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;

/**
 * An IndexSearcher that carries the facet state of its reader. The state (ordinal maps over the
 * facet doc values) is built once when SearcherManager opens or refreshes a reader, never per request.
 * It carries the phrase counts asked of the reader too ({@link PhraseCounts}), which live as long.
 */
public final class FacetedSearcher extends IndexSearcher {

    private final SortedSetDocValuesReaderState facetState;
    private final PhraseCounts phraseCounts = new PhraseCounts();

    private FacetedSearcher(IndexReader reader, SortedSetDocValuesReaderState facetState) {
        super(reader);
        this.facetState = facetState;
    }

    /** Null for an index without facet fields (an empty one). */
    public SortedSetDocValuesReaderState facetState() {
        return facetState;
    }

    /** The phrase counts asked of this searcher's reader so far. */
    public PhraseCounts phraseCounts() {
        return phraseCounts;
    }

    public static final class Factory extends SearcherFactory {
        @Override
        public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader) throws IOException {
            SortedSetDocValuesReaderState state;
            try {
                state = new UnlockedState(reader);
            } catch (IllegalArgumentException e) {
                state = null; // no facet doc values in this index yet
            }
            return new FacetedSearcher(reader, state);
        }
    }

    /**
     * Lucene's state looks up its ordinal map under a lock on every {@code getDocValues()}, which
     * each facet count calls; with one segment there is no map, yet the leaf's doc values are still
     * opened inside the lock. At 8 clients on 2 cores searches queued there for 10 ms and more (JFR
     * monitor events). One leaf needs no map and no lock; several go through Lucene's code.
     */
    private static final class UnlockedState extends DefaultSortedSetDocValuesReaderState {
        UnlockedState(IndexReader reader) throws IOException {
            super(reader, IndexFacets.CONFIG);
        }

        @Override
        public SortedSetDocValues getDocValues() throws IOException {
            List<LeafReaderContext> leaves = getReader().leaves();
            if (leaves.size() == 1) {
                return leaves.getFirst().reader().getSortedSetDocValues(getField());
            }
            return super.getDocValues();
        }
    }
}

package dev.zhsearch.search;

import dev.zhsearch.index.IndexFacets;
import java.io.IOException;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;

/**
 * An IndexSearcher that carries the facet state of its reader. The state (ordinal maps over the
 * facet doc values) is built once when SearcherManager opens or refreshes a reader, never per request.
 */
final class FacetedSearcher extends IndexSearcher {

    private final SortedSetDocValuesReaderState facetState;

    private FacetedSearcher(IndexReader reader, SortedSetDocValuesReaderState facetState) {
        super(reader);
        this.facetState = facetState;
    }

    /** Null for an index without facet fields (an empty one). */
    SortedSetDocValuesReaderState facetState() {
        return facetState;
    }

    static final class Factory extends SearcherFactory {
        @Override
        public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader) throws IOException {
            SortedSetDocValuesReaderState state;
            try {
                state = new DefaultSortedSetDocValuesReaderState(reader, IndexFacets.CONFIG);
            } catch (IllegalArgumentException e) {
                state = null; // no facet doc values in this index yet
            }
            return new FacetedSearcher(reader, state);
        }
    }
}

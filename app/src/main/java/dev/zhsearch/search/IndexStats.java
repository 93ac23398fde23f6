package dev.zhsearch.search;

import dev.zhsearch.index.FacetedSearcher;
import dev.zhsearch.index.Fields;
import java.io.IOException;
import java.util.List;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ReferenceManager;
import org.apache.lucene.store.Directory;

/**
 * What /api/stats says of the index: documents, bytes on disk of the searched commit, when it was
 * built, and documents per source and per script (counted by Lucene's facets).
 */
public final class IndexStats {

    private IndexStats() {}

    /** Index statistics for /api/stats. */
    public record Stats(int documents, long indexBytes, String lastIndexed, List<FacetValue> sources, List<FacetValue> scripts) {}

    /** Counted on the current searcher of {@code manager}; bytes are the searched commit's files in {@code directory}. */
    static Stats of(ReferenceManager<IndexSearcher> manager, Directory directory) throws IOException {
        FacetedSearcher searcher = (FacetedSearcher) manager.acquire();
        try {
            org.apache.lucene.index.DirectoryReader reader = (org.apache.lucene.index.DirectoryReader) searcher.getIndexReader();
            String last = reader.getIndexCommit().getUserData().get(dev.zhsearch.index.Indexer.LAST_INDEXED);
            long bytes = 0;
            for (String f : reader.getIndexCommit().getFileNames()) {
                try {
                    bytes += directory.fileLength(f);
                } catch (java.nio.file.NoSuchFileException | java.io.FileNotFoundException e) {
                    // a newer commit replaced this one while we looked: its files are going away
                }
            }
            List<FacetValue> sources = List.of();
            List<FacetValue> scripts = List.of();
            if (searcher.facetState() != null) {
                org.apache.lucene.facet.FacetsCollectorManager fcm = new org.apache.lucene.facet.FacetsCollectorManager();
                org.apache.lucene.facet.FacetsCollector fc = searcher.search(new org.apache.lucene.search.MatchAllDocsQuery(), fcm);
                Facets f = new org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts(searcher.facetState(), fc);
                sources = FacetShaping.top(f, Fields.FACET_SOURCE, 1000).stream()
                        .map(lv -> new FacetValue(lv.label, lv.label, lv.value.longValue(), false)).toList();
                scripts = FacetShaping.top(f, Fields.FACET_SCRIPT, 10).stream()
                        .map(lv -> new FacetValue(lv.label, lv.label, lv.value.longValue(), false)).toList();
            }
            return new Stats(reader.numDocs(), bytes, last, sources, scripts);
        } finally {
            manager.release(searcher);
        }
    }
}

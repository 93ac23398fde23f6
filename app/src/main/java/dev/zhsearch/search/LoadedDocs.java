package dev.zhsearch.search;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;

/**
 * The stored documents one request reads, each decompressed once: the highlighter's passes (word
 * fields, then bigram twins) and the hit list all read the same copy. Decompressing stored fields
 * was a tenth of a faceted search when each of them loaded its own. One request, one thread.
 */
final class LoadedDocs {

    private final StoredFields stored;
    private final Map<Integer, Document> docs = new HashMap<>();

    LoadedDocs(IndexSearcher searcher) throws IOException {
        this.stored = searcher.storedFields();
    }

    Document get(int docId) throws IOException {
        Document d = docs.get(docId);
        if (d == null) {
            d = stored.document(docId);
            docs.put(docId, d);
        }
        return d;
    }
}

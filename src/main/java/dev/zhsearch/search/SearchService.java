package dev.zhsearch.search;

import dev.zhsearch.index.Analysis;
import dev.zhsearch.index.Fields;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Searches one index. Owns one {@link SearcherManager}: every request acquires the current
 * searcher and releases it in {@code finally}; {@link #refresh()} picks up a new commit.
 */
public final class SearchService implements Closeable {

    private final Directory directory;
    private final SearcherManager manager;
    private final QueryFactory queries;
    private final Highlighting highlighting;

    public SearchService(Directory directory, Analysis analysis) throws IOException {
        this.directory = directory;
        this.manager = new SearcherManager(directory, null);
        this.queries = new QueryFactory(analysis.perField());
        this.highlighting = new Highlighting(analysis.perField());
    }

    public static SearchService open(Path indexDir, Analysis analysis) throws IOException {
        return new SearchService(FSDirectory.open(indexDir), analysis);
    }

    public SearchResult search(SearchRequest request) throws InvalidQueryException, IOException {
        long start = System.nanoTime();
        Query query = queries.parse(request.query());
        IndexSearcher searcher = manager.acquire();
        try {
            int want = Math.multiplyExact(request.page(), Math.max(1, request.size()));
            TopDocs top = searcher.search(query, want);
            ScoreDoc[] all = top.scoreDocs;
            int from = Math.min(all.length, (request.page() - 1) * request.size());
            int to = Math.min(all.length, from + request.size());
            int[] docIds = new int[to - from];
            for (int i = from; i < to; i++) {
                docIds[i - from] = all[i].doc;
            }
            Highlighting.Marked marked = request.highlight() && !request.query().isBlank()
                    ? highlighting.highlight(searcher, query, docIds)
                    : null;
            StoredFields stored = searcher.storedFields();
            List<Hit> hits = new ArrayList<>(docIds.length);
            for (int i = 0; i < docIds.length; i++) {
                Document d = stored.document(docIds[i]);
                String title = marked != null && marked.titles()[i] != null ? marked.titles()[i] : Highlighting.escape(d.get(Fields.TITLE));
                List<String> snippets = marked != null ? marked.snippets().get(i) : List.of(Highlighting.escape(lead(d.get(Fields.BODY))));
                hits.add(new Hit(d.get(Fields.ID), title, d.get(Fields.DATE), d.get(Fields.DATE_SOURCE), d.get(Fields.SOURCE),
                        d.get(Fields.URL), d.get(Fields.SCRIPT), all[from + i].score, snippets));
            }
            long tookMs = (System.nanoTime() - start) / 1_000_000;
            return new SearchResult(request.query(), top.totalHits.value(), tookMs, request.page(), request.size(), hits);
        } finally {
            manager.release(searcher);
        }
    }

    public Optional<StoredDocument> document(String id) throws IOException {
        IndexSearcher searcher = manager.acquire();
        try {
            TopDocs top = searcher.search(new TermQuery(new Term(Fields.ID, id)), 1);
            if (top.scoreDocs.length == 0) {
                return Optional.empty();
            }
            Document d = searcher.storedFields().document(top.scoreDocs[0].doc);
            return Optional.of(new StoredDocument(d.get(Fields.ID), d.get(Fields.TITLE), d.get(Fields.BODY), d.get(Fields.DATE),
                    d.get(Fields.DATE_SOURCE), d.get(Fields.SOURCE), d.get(Fields.URL), d.get(Fields.SCRIPT), d.get(Fields.ORIGIN)));
        } finally {
            manager.release(searcher);
        }
    }

    /** Number of documents in the current searcher. */
    public int documentCount() throws IOException {
        IndexSearcher searcher = manager.acquire();
        try {
            return searcher.getIndexReader().numDocs();
        } finally {
            manager.release(searcher);
        }
    }

    public void refresh() throws IOException {
        manager.maybeRefreshBlocking();
    }

    private static String lead(String body) {
        if (body == null) {
            return "";
        }
        return body.length() <= 160 ? body : body.substring(0, 160) + "…";
    }

    @Override
    public void close() throws IOException {
        try {
            manager.close();
        } finally {
            directory.close();
        }
    }
}

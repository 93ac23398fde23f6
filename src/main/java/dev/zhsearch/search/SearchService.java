package dev.zhsearch.search;

import dev.zhsearch.convert.ScriptFolder;
import dev.zhsearch.entity.CompanyTable;
import dev.zhsearch.entity.OrgNames;
import dev.zhsearch.index.Analysis;
import dev.zhsearch.index.FacetedSearcher;
import dev.zhsearch.index.LiveIndex;
import dev.zhsearch.index.Fields;
import dev.zhsearch.index.IndexFacets;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ReferenceManager;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Searches one index. Owns one {@link SearcherManager} (whose searchers carry their facet state):
 * every request acquires the current searcher and releases it in {@code finally}; {@link #refresh()}
 * picks up a new commit. Filters and facets go through {@link DrillSideways}: each facet is counted
 * as if its own selection were not made (multi-select), and the hits honour every selection.
 */
public final class SearchService implements Closeable {

    static final int COMPANY_FACET_SIZE = 30;
    static final int SOURCE_FACET_SIZE = 30;

    private final Directory directory;
    private final ReferenceManager<IndexSearcher> manager;
    /** What closing this service closes: its own searchers and directory (read-only use), or nothing (a live index's). */
    private final Closeable owned;
    private final QueryFactory queries;
    private final Highlighting highlighting;
    private final CompanyTable companies;
    private final dev.zhsearch.convert.OpenccConfigs configs;
    private final ScriptFolder folder;

    private SearchService(Directory directory, ReferenceManager<IndexSearcher> manager, Closeable owned, Analysis analysis) {
        this.directory = directory;
        this.manager = manager;
        this.owned = owned;
        this.queries = new QueryFactory(analysis.perField());
        this.highlighting = new Highlighting(analysis.perField());
        this.companies = analysis.companyTable();
        this.configs = analysis.configs();
        this.folder = analysis.folder();
    }

    /** Searches the last commit in {@code indexDir}, read-only; {@link #refresh()} picks up a newer one. */
    public static SearchService open(Path indexDir, Analysis analysis) throws IOException {
        Directory dir = FSDirectory.open(indexDir);
        try {
            SearcherManager manager = new SearcherManager(dir, new FacetedSearcher.Factory());
            return new SearchService(dir, manager, () -> {
                try {
                    manager.close();
                } finally {
                    dir.close();
                }
            }, analysis);
        } catch (IOException | RuntimeException e) {
            dir.close();
            throw e;
        }
    }

    /** Searches a live index, which owns the searchers: closing this service leaves the index open. */
    public static SearchService over(LiveIndex index, Analysis analysis) {
        return new SearchService(index.directory(), index.searchers(), () -> { }, analysis);
    }

    public SearchResult search(SearchRequest request) throws InvalidQueryException, IOException {
        return search(request, true);
    }

    /** With {@code withFacets} false, hits only: no DrillSideways, no counts (facets are EMPTY). */
    public SearchResult search(SearchRequest request, boolean withFacets) throws InvalidQueryException, IOException {
        try {
            return doSearch(request, withFacets);
        } catch (IndexSearcher.TooManyClauses e) {
            // a prefix or fuzzy term that expands past Lucene's clause limit on this index
            throw new InvalidQueryException("query too broad: a wildcard or fuzzy term matches too many words; make it more specific");
        }
    }

    private SearchResult doSearch(SearchRequest request, boolean withFacets) throws InvalidQueryException, IOException {
        long start = System.nanoTime();
        Query base = queries.parse(request.query(), request.syntax());
        DrillDownQuery query = new DrillDownQuery(IndexFacets.CONFIG, base);
        request.companies().forEach(c -> query.add(Fields.FACET_COMPANY, c));
        request.sources().forEach(s -> query.add(Fields.FACET_SOURCE, s));
        request.scripts().forEach(s -> query.add(Fields.FACET_SCRIPT, s));
        if (request.from() != null || request.to() != null) {
            int from = request.from() == null ? Integer.MIN_VALUE : (int) request.from().toEpochDay();
            int to = request.to() == null ? Integer.MAX_VALUE : (int) request.to().toEpochDay();
            query.add(Fields.FACET_MONTH, IntPoint.newRangeQuery(Fields.DATE_DAYS, from, to));
        }
        FacetedSearcher searcher = (FacetedSearcher) manager.acquire();
        try {
            int want = Math.max(1, request.page() * request.size());
            TopDocs top;
            FacetCounts facets;
            // exact totals: by default Lucene stops counting at 1,000 hits and reports a lower bound
            Sort sort = sort(request.sort());
            CollectorManager<?, ? extends TopDocs> collector = sort == null
                    ? new TopScoreDocCollectorManager(want, Integer.MAX_VALUE)
                    : new TopFieldCollectorManager(sort, want, Integer.MAX_VALUE);
            if (searcher.facetState() == null || !withFacets) {
                top = searcher.search(query, collector);
                facets = FacetCounts.EMPTY;
            } else {
                DrillSideways ds = new DrillSideways(searcher, IndexFacets.CONFIG, searcher.facetState());
                DrillSideways.ConcurrentDrillSidewaysResult<? extends TopDocs> r = ds.search(query, collector);
                top = r.collectorResult;
                facets = facets(r.facets, request);
            }
            ScoreDoc[] all = top.scoreDocs;
            int from = Math.min(all.length, (request.page() - 1) * request.size());
            int to = Math.min(all.length, from + request.size());
            int[] docIds = new int[to - from];
            for (int i = from; i < to; i++) {
                docIds[i - from] = all[i].doc;
            }
            LoadedDocs docs = new LoadedDocs(searcher);
            List<ScriptFolder.VocabularyMatch> queryWords = request.query().isBlank() ? List.of() : folder.vocabularyMatches(request.query());
            Highlighting.Marked marked = request.highlight() && !request.query().isBlank()
                    ? highlighting.highlight(searcher, base, docIds, docs)
                    : null;
            List<Hit> hits = new ArrayList<>(docIds.length);
            for (int i = 0; i < docIds.length; i++) {
                Document d = docs.get(docIds[i]);
                String title = marked != null && marked.titles()[i] != null ? marked.titles()[i] : Highlighting.escape(d.get(Fields.TITLE));
                List<String> snippets = marked != null ? marked.snippets().get(i) : List.of(Highlighting.escape(lead(d.get(Fields.BODY))));
                float score = all[from + i].score;
                Display display = request.display();
                hits.add(new Hit(d.get(Fields.ID), display.html(title, configs), d.get(Fields.DATE), d.get(Fields.DATE_SOURCE),
                        d.get(Fields.SOURCE), d.get(Fields.URL), d.get(Fields.SCRIPT), Float.isNaN(score) ? 0f : score,
                        snippets.stream().map(sn -> display.html(sn, configs)).toList(), companyRefs(d, display),
                        foldNotes(request.query(), queryWords, Highlighting.escape(d.get(Fields.TITLE)) + "\n" + String.join("\n", snippets))));
            }
            long tookMs = (System.nanoTime() - start) / 1_000_000;
            return new SearchResult(request.query(), top.totalHits.value(), tookMs, request.page(), request.size(), hits, facets);
        } finally {
            manager.release(searcher);
        }
    }

    /**
     * The words of a hit that matched the query only through the vocabulary fold: a word of the hit
     * and a word of the query with the same canonical form but different even after the script fold
     * (伺服器 and 服务器; not 服務器 and 服务器, which differ only in script).
     */
    private List<Hit.FoldNote> foldNotes(String query, List<ScriptFolder.VocabularyMatch> queryWords, String hitText) {
        if (queryWords.isEmpty()) {
            return List.of();
        }
        String text = Highlighting.plainText(hitText);
        List<Hit.FoldNote> notes = new ArrayList<>();
        for (ScriptFolder.VocabularyMatch d : folder.vocabularyMatches(text)) {
            for (ScriptFolder.VocabularyMatch q : queryWords) {
                if (!q.canonical().equals(d.canonical())) {
                    continue;
                }
                String docWord = text.substring(d.start(), d.end());
                String queryWord = query.substring(q.start(), q.end());
                Hit.FoldNote note = new Hit.FoldNote(docWord, queryWord);
                if (!folder.foldScript(docWord).equals(folder.foldScript(queryWord)) && !notes.contains(note)) {
                    notes.add(note);
                }
            }
        }
        return notes;
    }

    private static Sort sort(SearchRequest.Sort sort) {
        return switch (sort) {
            case RELEVANCE -> null;
            case DATE_DESC -> {
                SortField f = new SortField(Fields.DATE_SORT, SortField.Type.LONG, true);
                f.setMissingValue(Long.MIN_VALUE); // unknown dates last
                yield new Sort(f, SortField.FIELD_SCORE);
            }
            case DATE_ASC -> {
                SortField f = new SortField(Fields.DATE_SORT, SortField.Type.LONG, false);
                f.setMissingValue(Long.MAX_VALUE); // unknown dates last
                yield new Sort(f, SortField.FIELD_SCORE);
            }
        };
    }

    private FacetCounts facets(Facets facets, SearchRequest request) throws IOException {
        Set<String> selectedCompanies = Set.copyOf(request.companies());
        List<FacetValue> company = new ArrayList<>();
        for (LabelAndValue lv : top(facets, Fields.FACET_COMPANY, COMPANY_FACET_SIZE)) {
            company.add(new FacetValue(lv.label, companyName(lv.label, request.display()), lv.value.longValue(),
                    selectedCompanies.contains(lv.label)));
        }
        for (String id : request.companies()) { // a selection stays visible even with no matches
            if (company.stream().noneMatch(v -> v.id().equals(id))) {
                company.add(new FacetValue(id, companyName(id, request.display()), 0, true));
            }
        }
        List<FacetValue> months = chronological(all(facets, Fields.FACET_MONTH), Set.of());
        List<FacetValue> years = years(months);
        Set<String> selectedSources = Set.copyOf(request.sources());
        List<FacetValue> source = new ArrayList<>();
        for (LabelAndValue lv : top(facets, Fields.FACET_SOURCE, SOURCE_FACET_SIZE)) {
            source.add(new FacetValue(lv.label, lv.label, lv.value.longValue(), selectedSources.contains(lv.label)));
        }
        Set<String> selectedScripts = Set.copyOf(request.scripts());
        List<FacetValue> script = new ArrayList<>();
        for (LabelAndValue lv : top(facets, Fields.FACET_SCRIPT, 10)) {
            script.add(new FacetValue(lv.label, lv.label, lv.value.longValue(), selectedScripts.contains(lv.label)));
        }
        return new FacetCounts(company, months, years, source, script);
    }

    private static List<LabelAndValue> top(Facets facets, String dim, int n) throws IOException {
        try {
            FacetResult r = facets.getTopChildren(n, dim);
            return r == null ? List.of() : List.of(r.labelValues);
        } catch (IllegalArgumentException e) {
            return List.of(); // dimension never indexed
        }
    }

    private static List<LabelAndValue> all(Facets facets, String dim) throws IOException {
        try {
            FacetResult r = facets.getAllChildren(dim);
            return r == null ? List.of() : List.of(r.labelValues);
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }

    private static List<FacetValue> chronological(List<LabelAndValue> values, Set<String> selected) {
        return values.stream()
                .sorted(Comparator.comparing((LabelAndValue lv) -> lv.label.equals(Fields.UNKNOWN_DATE)).thenComparing(lv -> lv.label))
                .map(lv -> new FacetValue(lv.label, lv.label, lv.value.longValue(), selected.contains(lv.label)))
                .toList();
    }

    /** Month counts summed by year (a document has one month), in the months' order: unknown last. */
    static List<FacetValue> years(List<FacetValue> months) {
        java.util.LinkedHashMap<String, Long> byYear = new java.util.LinkedHashMap<>();
        for (FacetValue m : months) {
            String year = m.id().equals(Fields.UNKNOWN_DATE) ? Fields.UNKNOWN_DATE : m.id().substring(0, 4);
            byYear.merge(year, m.count(), Long::sum);
        }
        List<FacetValue> years = new ArrayList<>(byYear.size());
        byYear.forEach((year, count) -> years.add(new FacetValue(year, year, count, false)));
        return years;
    }

    private String companyName(String id, Display display) {
        if (id.startsWith(OrgNames.PREFIX)) { // a recognised name, kept folded (Simplified) in its id
            String name = id.substring(OrgNames.PREFIX.length());
            return display == Display.SIMPLIFIED ? name : configs.converter("s2twp").convert(name);
        }
        return companies.get(id).map(display::companyName).orElse(id);
    }

    private List<CompanyRef> companyRefs(Document d, Display display) {
        String[] ids = d.getValues(Fields.COMPANY);
        List<CompanyRef> refs = new ArrayList<>(ids.length);
        for (String id : ids) {
            refs.add(new CompanyRef(id, companyName(id, display)));
        }
        return refs;
    }

    public Optional<StoredDocument> document(String id) throws IOException {
        try {
            return document(id, "", Display.ORIGINAL);
        } catch (InvalidQueryException e) {
            throw new IllegalStateException(e); // an empty query always parses
        }
    }

    /** The whole document; with a query, its matches marked in the title and the whole body. */
    public Optional<StoredDocument> document(String id, String query, Display display) throws IOException, InvalidQueryException {
        return document(id, query, QueryFactory.Syntax.PEOPLE, display);
    }

    /** The whole document; with a query in {@code syntax}, its matches marked in the title and the whole body. */
    public Optional<StoredDocument> document(String id, String query, QueryFactory.Syntax syntax, Display display)
            throws IOException, InvalidQueryException {
        Query q = query == null || query.isBlank() ? null : queries.parse(query, syntax);
        IndexSearcher searcher = manager.acquire();
        try {
            TopDocs top = searcher.search(new TermQuery(new Term(Fields.ID, id)), 1);
            if (top.scoreDocs.length == 0) {
                return Optional.empty();
            }
            int doc = top.scoreDocs[0].doc;
            LoadedDocs docs = new LoadedDocs(searcher);
            Document d = docs.get(doc);
            String titleHtml = Highlighting.escape(d.get(Fields.TITLE));
            String bodyHtml = Highlighting.escape(d.get(Fields.BODY));
            if (q != null) {
                Highlighting.Marked m = highlighting.highlight(searcher, q, new int[] {doc}, true, docs);
                if (m.titles()[0] != null) {
                    titleHtml = m.titles()[0];
                }
                if (!m.snippets().getFirst().isEmpty()) {
                    bodyHtml = m.snippets().getFirst().getFirst();
                }
            }
            return Optional.of(new StoredDocument(d.get(Fields.ID), d.get(Fields.TITLE), d.get(Fields.BODY), d.get(Fields.DATE),
                    d.get(Fields.DATE_SOURCE), d.get(Fields.SOURCE), d.get(Fields.URL), d.get(Fields.SCRIPT), d.get(Fields.ORIGIN),
                    companyRefs(d, display), display.html(titleHtml, configs), display.html(bodyHtml, configs)));
        } finally {
            manager.release(searcher);
        }
    }

    /** A word of the index and how many documents hold it. */
    public record TermCount(String term, int documents) {}

    /**
     * The most frequent title words starting with {@code foldedPrefix} (already folded the way the
     * analyzer folds), for suggestions. Scans at most {@code scanLimit} terms in order.
     */
    public List<TermCount> frequentTitleTerms(String foldedPrefix, int max, int scanLimit) throws IOException {
        if (foldedPrefix.isEmpty()) {
            return List.of();
        }
        IndexSearcher searcher = manager.acquire();
        try {
            org.apache.lucene.index.Terms terms = org.apache.lucene.index.MultiTerms.getTerms(searcher.getIndexReader(), Fields.TITLE);
            if (terms == null) {
                return List.of();
            }
            org.apache.lucene.index.TermsEnum te = terms.iterator();
            org.apache.lucene.util.BytesRef prefix = new org.apache.lucene.util.BytesRef(foldedPrefix);
            if (te.seekCeil(prefix) == org.apache.lucene.index.TermsEnum.SeekStatus.END) {
                return List.of();
            }
            List<TermCount> found = new ArrayList<>();
            int scanned = 0;
            do {
                org.apache.lucene.util.BytesRef t = te.term();
                if (!org.apache.lucene.util.StringHelper.startsWith(t, prefix) || scanned++ >= scanLimit) {
                    break;
                }
                if (t.length > prefix.length) {
                    found.add(new TermCount(t.utf8ToString(), te.docFreq()));
                }
            } while (te.next() != null);
            found.sort(Comparator.comparingInt(TermCount::documents).reversed());
            return found.subList(0, Math.min(max, found.size()));
        } finally {
            manager.release(searcher);
        }
    }

    /** Index statistics for /api/stats. */
    public record Stats(int documents, long indexBytes, String lastIndexed, List<FacetValue> sources, List<FacetValue> scripts) {}

    public Stats stats() throws IOException {
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
                sources = top(f, Fields.FACET_SOURCE, 1000).stream()
                        .map(lv -> new FacetValue(lv.label, lv.label, lv.value.longValue(), false)).toList();
                scripts = top(f, Fields.FACET_SCRIPT, 10).stream()
                        .map(lv -> new FacetValue(lv.label, lv.label, lv.value.longValue(), false)).toList();
            }
            return new Stats(reader.numDocs(), bytes, last, sources, scripts);
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
        owned.close();
    }
}

package dev.zhsearch.search;

import dev.zhsearch.clean.PageTypes;
import dev.zhsearch.convert.ScriptFolder;
import dev.zhsearch.index.Analysis;
import dev.zhsearch.index.FacetedSearcher;
import dev.zhsearch.index.LiveIndex;
import dev.zhsearch.index.Fields;
import dev.zhsearch.index.IndexFacets;
import dev.zhsearch.story.Stories;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ReferenceManager;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.queries.function.FunctionScoreQuery;
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
public final class SearchService implements Searching {

    private final Directory directory;
    private final ReferenceManager<IndexSearcher> manager;
    /** What closing this service closes: its own searchers and directory (read-only use), or nothing (a live index's). */
    private final Closeable owned;
    private final QueryFactory queries;
    private final Highlighting highlighting;
    private final dev.zhsearch.convert.OpenccConfigs configs;
    private final FacetShaping shaping;
    private final FoldNotes foldNotes;
    private final NewsRanking ranking;
    /** The index's own analysis, for the words of a related-articles query. */
    private final org.apache.lucene.analysis.Analyzer analyzer;
    private final FeedbackTerms feedback;

    private SearchService(Directory directory, ReferenceManager<IndexSearcher> manager, Closeable owned, Analysis analysis,
                          NewsRanking ranking) {
        this.ranking = ranking;
        this.directory = directory;
        this.manager = manager;
        this.owned = owned;
        this.queries = new QueryFactory(analysis.perField(), QueryFactory.Mode.BOTH, analysis.companies(), ranking.titleBoost());
        this.highlighting = new Highlighting(analysis.perField());
        this.configs = analysis.configs();
        this.shaping = new FacetShaping(analysis.companyTable(), analysis.configs());
        this.foldNotes = new FoldNotes(analysis.folder());
        this.analyzer = analysis.perField();
        this.feedback = new FeedbackTerms(analysis.perField());
    }

    /** Searches the last commit in {@code indexDir}, read-only; {@link #refresh()} picks up a newer one. */
    public static SearchService open(Path indexDir, Analysis analysis) throws IOException {
        return open(indexDir, analysis, NewsRanking.standard());
    }

    /** As {@link #open(Path, Analysis)}, ranking {@code sort=relevance} by this ranking. */
    public static SearchService open(Path indexDir, Analysis analysis, NewsRanking ranking) throws IOException {
        Directory dir = FSDirectory.open(indexDir);
        try {
            SearcherManager manager = new SearcherManager(dir, new FacetedSearcher.Factory());
            return new SearchService(dir, manager, () -> {
                try {
                    manager.close();
                } finally {
                    dir.close();
                }
            }, analysis, ranking);
        } catch (IOException | RuntimeException e) {
            dir.close();
            throw e;
        }
    }

    /** Searches a live index, which owns the searchers: closing this service leaves the index open. */
    public static SearchService over(LiveIndex index, Analysis analysis) {
        return over(index, analysis, NewsRanking.standard());
    }

    public static SearchService over(LiveIndex index, Analysis analysis, NewsRanking ranking) {
        return new SearchService(index.directory(), index.searchers(), () -> { }, analysis, ranking);
    }

    @Override
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
        Query strict = queries.parse(request.query(), request.syntax());
        FacetedSearcher searcher = (FacetedSearcher) manager.acquire();
        try {
            Query base = strict;
            boolean partial = false;
            java.util.Optional<Query> loose = request.sort() == SearchRequest.Sort.RELEVANCE || request.sort() == SearchRequest.Sort.SCORE
                    ? queries.partial(request.query(), request.syntax(), strict) : java.util.Optional.empty();
            if (loose.isPresent() && searcher.count(filtered(strict, request)) < QueryFactory.PARTIAL_BELOW) {
                base = loose.get();
                partial = true;
            }
            Query scored = scored(base, strict, partial, request.sort(), searcher);
            if (request.sort() == SearchRequest.Sort.RELEVANCE && ranking.feedback().on() && !request.query().isBlank()) {
                java.util.Optional<Query> words = feedbackWords(scored, request, searcher);
                if (words.isPresent()) {
                    scored = scored(FeedbackTerms.fed(base, words.get()), strict, partial, request.sort(), searcher);
                }
            }
            return doSearch(request, withFacets, queries.marked(request.query(), request.syntax(), base), scored, searcher, start, partial);
        } finally {
            manager.release(searcher);
        }
    }

    /**
     * The text's score: with partial matches, those with all the words ({@code strict}) times
     * {@link QueryFactory#WHOLE_MATCH_FACTOR}; for sort=relevance, under the news ranking's priors.
     */
    private Query scored(Query text, Query strict, boolean partial, SearchRequest.Sort sort, IndexSearcher searcher) throws IOException {
        Query q = partial ? FunctionScoreQuery.boostByQuery(text, strict, QueryFactory.WHOLE_MATCH_FACTOR) : text;
        return sort == SearchRequest.Sort.RELEVANCE && !ranking.isNone() ? NewsPrior.apply(q, searcher.getIndexReader(), ranking) : q;
    }

    /**
     * The ranking's second pass ({@link FeedbackTerms}): the words the first pass's best documents
     * share, as a query to add to the text's (empty if they share none).
     */
    private java.util.Optional<Query> feedbackWords(Query scored, SearchRequest request, FacetedSearcher searcher) throws IOException {
        NewsRanking.Feedback fb = ranking.feedback();
        ScoreDoc[] first = searcher.search(filtered(scored, request), fb.docs() + 1).scoreDocs;
        float[] scores = new float[first.length];
        for (int i = 0; i < first.length; i++) {
            scores[i] = first[i].score;
        }
        List<FeedbackTerms.Doc> docs = new ArrayList<>();
        for (int i = 0; i < FeedbackTerms.kept(scores, fb.docs()); i++) {
            Document d = searcher.storedFields().document(first[i].doc, java.util.Set.of(Fields.TITLE, Fields.BODY));
            docs.add(new FeedbackTerms.Doc(d.get(Fields.TITLE), d.get(Fields.BODY)));
        }
        return feedback.words(docs, request.query(), words -> {
            java.util.Map<String, Long> bodyDocs = new java.util.HashMap<>();
            for (String w : words) {
                bodyDocs.put(w, (long) searcher.count(new TermQuery(new Term(Fields.BODY, w))));
            }
            return new FeedbackTerms.Counts(bodyDocs, searcher.getIndexReader().numDocs());
        }, fb, ranking.titleBoost());
    }

    /** The query within the request's filters (companies, outlets, scripts, dates), as a drill-down. */
    private static DrillDownQuery filtered(Query q, SearchRequest request) {
        DrillDownQuery query = new DrillDownQuery(IndexFacets.CONFIG, q);
        request.companies().forEach(c -> query.add(Fields.FACET_COMPANY, c));
        request.sources().forEach(s -> query.add(Fields.FACET_SOURCE, s));
        request.scripts().forEach(s -> query.add(Fields.FACET_SCRIPT, s));
        if (request.from() != null || request.to() != null) {
            int from = request.from() == null ? Integer.MIN_VALUE : (int) request.from().toEpochDay();
            int to = request.to() == null ? Integer.MAX_VALUE : (int) request.to().toEpochDay();
            query.add(Fields.FACET_MONTH, IntPoint.newRangeQuery(Fields.DATE_DAYS, from, to));
        }
        return query;
    }

    /** The most documents read to fill a page with one hit per story (a story's copies rank close together). */
    static final int MAX_COLLAPSE_WINDOW = 50_000;

    private SearchResult doSearch(SearchRequest request, boolean withFacets, Query base, Query scored,
                                  FacetedSearcher searcher, long start, boolean partial) throws IOException {
        DrillDownQuery query = filtered(scored, request);
        int want = Math.max(1, request.page() * request.size());
        boolean collapse = request.collapse() && hasStories(searcher);
        // collapsed, read more than a page: the copies of a story that ranks high take places of their own
        int window = collapse ? Math.min(MAX_COLLAPSE_WINDOW, 3 * want + 30) : want;
        TopDocs top;
        FacetCounts facets;
        // exact totals: by default Lucene stops counting at 1,000 hits and reports a lower bound
        Sort sort = sort(request.sort());
        if (searcher.facetState() == null || !withFacets) {
            top = searcher.search(query, collector(sort, window));
            facets = FacetCounts.EMPTY;
        } else {
            DrillSideways ds = new DrillSideways(searcher, IndexFacets.CONFIG, searcher.facetState());
            DrillSideways.ConcurrentDrillSidewaysResult<? extends TopDocs> r = ds.search(query, collector(sort, window));
            top = r.collectorResult;
            facets = shaping.facets(FacetShaping.Counts.of(r.facets), request);
            java.util.Optional<RisingCompanies.Ranges> ranges = RisingCompanies.ranges(request);
            if (ranges.isPresent()) {
                // without a company filter the hits are the range's documents already; with one, count them
                long nowDocs = request.companies().isEmpty() ? r.collectorResult.totalHits.value() : searcher.count(filtered(scored, ranges.get().now()));
                facets = facets.withRising(rising(searcher, scored, request, ranges.get().before(), nowDocs, FacetShaping.Counts.of(r.facets)));
            }
        }
        ScoreDoc[] all = top.scoreDocs;
        long[] keys = null;
        if (collapse) {
            while (true) {
                keys = new long[all.length];
                ScoreDoc[] firsts = firstOfEachStory(searcher, all, keys);
                if (firsts.length >= want || all.length >= top.totalHits.value() || window >= MAX_COLLAPSE_WINDOW) {
                    long[] firstKeys = java.util.Arrays.copyOf(keys, firsts.length);
                    all = firsts;
                    keys = firstKeys;
                    break;
                }
                window = Math.min(MAX_COLLAPSE_WINDOW, window * 4);
                all = searcher.search(query, collector(sort, window)).scoreDocs;
            }
        }
        int from = Math.min(all.length, (request.page() - 1) * request.size());
        int to = Math.min(all.length, from + request.size());
        int[] docIds = new int[to - from];
        Hit.StoryRef[] stories = new Hit.StoryRef[to - from];
        java.util.Map<Long, StoryCopies.Found> copies = java.util.Map.of();
        if (collapse && to > from) {
            java.util.Set<Long> shown = new java.util.HashSet<>();
            for (int i = from; i < to; i++) {
                shown.add(keys[i]);
            }
            copies = searcher.search(query, new StoryCopies(shown, STORY_SOURCES));
        }
        for (int i = from; i < to; i++) {
            int doc = all[i].doc;
            docIds[i - from] = doc;
            if (collapse) {
                // the story at the rank of its best document, shown by its earliest report
                StoryCopies.Found found = copies.get(keys[i]);
                List<Integer> earliest = found == null ? List.of(doc) : found.docs();
                docIds[i - from] = earliest.getFirst();
                java.util.LinkedHashSet<String> sources = new java.util.LinkedHashSet<>();
                for (int other : earliest.subList(1, earliest.size())) {
                    String source = searcher.storedFields().document(other, java.util.Set.of(Fields.SOURCE)).get(Fields.SOURCE);
                    if (source != null) {
                        sources.add(source);
                    }
                }
                stories[i - from] = new Hit.StoryRef(Stories.format(keys[i]), found == null ? 0 : found.count - 1, List.copyOf(sources));
            } else {
                stories[i - from] = Stories.keyOf(searcher, doc).stream().mapToObj(k -> new Hit.StoryRef(Stories.format(k), 0, List.of()))
                        .findFirst().orElse(null);
            }
        }
        LoadedDocs docs = new LoadedDocs(searcher);
        List<ScriptFolder.VocabularyMatch> queryWords = foldNotes.queryWords(request.query());
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
            Hit.StoryRef story = stories[i];
            hits.add(new Hit(d.get(Fields.ID), display.html(title, configs), d.get(Fields.DATE), d.get(Fields.DATE_SOURCE),
                    d.get(Fields.SOURCE), d.get(Fields.URL), d.get(Fields.SCRIPT), Float.isNaN(score) ? 0f : score,
                    snippets.stream().map(sn -> display.html(sn, configs)).toList(), shaping.companyRefs(d, display),
                    foldNotes.notes(request.query(), queryWords, Highlighting.escape(d.get(Fields.TITLE)) + "\n" + String.join("\n", snippets)),
                    story));
        }
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        return new SearchResult(request.query(), top.totalHits.value(), tookMs, request.page(), request.size(), hits, facets, partial, collapse);
    }

    private static CollectorManager<?, ? extends TopDocs> collector(Sort sort, int n) {
        return sort == null
                ? new TopScoreDocCollectorManager(n, Integer.MAX_VALUE)
                : new TopFieldCollectorManager(sort, n, Integer.MAX_VALUE);
    }

    /** Whether the index keeps stories (an index built before them does not: nothing to collapse). */
    private static boolean hasStories(IndexSearcher searcher) {
        return org.apache.lucene.index.FieldInfos.getMergedFieldInfos(searcher.getIndexReader()).fieldInfo(Fields.STORY) != null;
    }

    /** The first hit of each story, in rank order; {@code keys} receives their story keys. */
    private static ScoreDoc[] firstOfEachStory(IndexSearcher searcher, ScoreDoc[] ranked, long[] keys) throws IOException {
        java.util.Set<Long> seen = new java.util.HashSet<>();
        List<ScoreDoc> firsts = new ArrayList<>();
        for (ScoreDoc sd : ranked) {
            // a document without a key (written before the index kept stories) stands alone
            long key = Stories.keyOf(searcher, sd.doc).orElse(Stories.ownKey("#" + sd.doc));
            if (seen.add(key)) {
                keys[firsts.size()] = key;
                firsts.add(sd);
            }
        }
        return firsts.toArray(new ScoreDoc[0]);
    }

    /** The documents of a story, as a filter. */
    static Query storyFilter(long key) {
        return org.apache.lucene.document.NumericDocValuesField.newSlowExactQuery(Fields.STORY, key);
    }

    /** How many of a story's documents a hit names by outlet. */
    static final int STORY_SOURCES = 12;

    /** Companies rising in the request's range against the range before ({@link RisingCompanies}), the company filter left out. */
    private List<RisingCompanies.Rising> rising(FacetedSearcher searcher, Query text, SearchRequest request, SearchRequest before,
                                                long nowDocs, FacetShaping.Counts now) throws IOException {
        org.apache.lucene.facet.FacetsCollector fc = searcher.search(filtered(text, before), new org.apache.lucene.facet.FacetsCollectorManager());
        long beforeDocs = fc.getMatchingDocs().stream().mapToLong(m -> m.totalHits()).sum();
        java.util.Map<String, Long> counts = new java.util.HashMap<>();
        FacetShaping.Counts.of(new org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts(searcher.facetState(), fc))
                .top(Fields.FACET_COMPANY, RisingCompanies.CANDIDATES).forEach(c -> counts.put(c.label(), c.count()));
        return RisingCompanies.score(now.top(Fields.FACET_COMPANY, RisingCompanies.CANDIDATES), nowDocs, counts, beforeDocs,
                shaping, request.display());
    }

    private static Sort sort(SearchRequest.Sort sort) {
        return switch (sort) {
            case RELEVANCE, SCORE -> null;
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

    /** Most words a related-articles query takes from the document (the most distinctive by tf-idf). */
    public static final int RELATED_TERMS = 25;

    /**
     * The most documents a word of a related-articles query may be in: 5% of them (such words say
     * nothing about a story), but at least 50, since 5% of a small index is too few to judge by.
     */
    public static int relatedMaxDocFreq(long documents) {
        return (int) Math.max(50, documents / 20);
    }

    /**
     * Documents like this one: more-like-this over the title and body as the index analysed them,
     * folded, so a Traditional story finds its Simplified reprints and the other way round; the
     * document itself and the rest of its corpus record (a roundup and its items) left out. Empty
     * when no document has the id.
     */
    @Override
    public Optional<SearchResult> related(String id, int size, Display display) throws IOException {
        long start = System.nanoTime();
        FacetedSearcher searcher = (FacetedSearcher) manager.acquire();
        try {
            TopDocs own = searcher.search(new TermQuery(new Term(Fields.ID, id)), 1);
            if (own.scoreDocs.length == 0) {
                return Optional.empty();
            }
            int docNum = own.scoreDocs[0].doc;
            Document d = searcher.storedFields().document(docNum);
            org.apache.lucene.queries.mlt.MoreLikeThis mlt = new org.apache.lucene.queries.mlt.MoreLikeThis(searcher.getIndexReader());
            mlt.setAnalyzer(analyzer);
            mlt.setFieldNames(new String[] {Fields.TITLE, Fields.BODY});
            mlt.setMinTermFreq(1);
            mlt.setMinDocFreq(2);
            mlt.setMaxQueryTerms(RELATED_TERMS);
            mlt.setMaxDocFreq(relatedMaxDocFreq(searcher.getIndexReader().maxDoc()));
            Query like = mlt.like(docNum);
            String family = d.get(Fields.PARENT) != null ? d.get(Fields.PARENT) : id;
            org.apache.lucene.search.BooleanQuery.Builder query = new org.apache.lucene.search.BooleanQuery.Builder()
                    .add(like, org.apache.lucene.search.BooleanClause.Occur.MUST)
                    .add(new TermQuery(new Term(Fields.ID, id)), org.apache.lucene.search.BooleanClause.Occur.MUST_NOT)
                    .add(new TermQuery(new Term(Fields.FAMILY, family)), org.apache.lucene.search.BooleanClause.Occur.MUST_NOT)
                    .add(new TermQuery(new Term(Fields.PARENT, id)), org.apache.lucene.search.BooleanClause.Occur.MUST_NOT);
            java.util.OptionalLong story = Stories.keyOf(searcher, docNum);
            if (story.isPresent()) {
                query.add(storyFilter(story.getAsLong()), org.apache.lucene.search.BooleanClause.Occur.MUST_NOT); // its copies are the story, not related
            }
            Query built = query.build();
            return Optional.of(doSearch(relatedRequest(size, display), false, built, built, searcher, start, false));
        } finally {
            manager.release(searcher);
        }
    }

    @Override
    public Optional<SearchResult> story(String id, String query, QueryFactory.Syntax syntax, Display display)
            throws IOException, InvalidQueryException {
        java.util.OptionalLong key = Stories.parse(id);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        long start = System.nanoTime();
        String q = query == null ? "" : query;
        Query marked = q.isBlank() ? null : queries.marked(q, syntax, queries.parse(q, syntax));
        Query members = new org.apache.lucene.search.ConstantScoreQuery(storyFilter(key.getAsLong()));
        SearchRequest request = SearchRequest.of(q, SearchRequest.MAX_SIZE).withSort(SearchRequest.Sort.DATE_ASC).withCollapse(false)
                .withDisplay(display).withSyntax(syntax).withHighlight(marked != null);
        FacetedSearcher searcher = (FacetedSearcher) manager.acquire();
        try {
            SearchResult r = doSearch(request, false, marked == null ? members : marked, members, searcher, start, false);
            return r.total() == 0 ? Optional.empty() : Optional.of(r);
        } finally {
            manager.release(searcher);
        }
    }

    /** The request a related-articles list answers: no query or filters, by score, no marks. */
    public static SearchRequest relatedRequest(int size, Display display) {
        return SearchRequest.of("", size).withSort(SearchRequest.Sort.SCORE).withHighlight(false).withDisplay(display).withCollapse(false);
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
    @Override
    public Optional<StoredDocument> document(String id, String query, QueryFactory.Syntax syntax, Display display)
            throws IOException, InvalidQueryException {
        Query q = query == null || query.isBlank() ? null : queries.marked(query, syntax, queries.parse(query, syntax));
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
                    shaping.companyRefs(d, display), display.html(titleHtml, configs), display.html(bodyHtml, configs),
                    d.get(Fields.PAGE_TYPE), d.get(Fields.PARENT)));
        } finally {
            manager.release(searcher);
        }
    }

    /**
     * The most frequent title words starting with {@code foldedPrefix} (already folded the way the
     * analyzer folds), for suggestions. Scans at most {@code scanLimit} terms in order.
     */
    @Override
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

    /**
     * The words of the titles, for suggestions by sound: the word field's title terms of two or more
     * Han characters, the title bigram field's terms (营收, 川普's 特朗普), and sequences of three to
     * {@link #LONGEST_SEQUENCE} Han characters that {@code minDocs} folded titles or more hold and
     * which usually continue their beginning or their end and begin and end where the word analysis
     * cuts the titles that hold them (赖清德, 习近平, 联播快讯, 粤港澳大湾区: the word analysis splits names into characters); a
     * sequence nearly always continued by one character gives way to the longer one, unless that
     * character begins or ends a word of the other side (中央经济工作会议 of 中央经济工作会议精神, 人大常委会
     * of 全国人大常委会 stay; 联播快 of 联播快讯 and 粤港澳大湾 of 粤港澳大湾区 go). Each with the documents
     * using it. (Tried and left out: sequences counted over the bodies' first sentences too found a
     * few more names but many pieces of sentences, 政府今 and 年的時間, and took three times as long; a
     * surname and two characters in the bodies' openings found few of the people wanted.)
     */
    @Override
    public List<TermCount> titleTerms(int minDocs, int max) throws IOException {
        IndexSearcher searcher = manager.acquire();
        try {
            org.apache.lucene.index.IndexReader reader = searcher.getIndexReader();
            java.util.Map<String, Integer> words = new java.util.HashMap<>();
            java.util.Map<String, Integer> bigrams = new java.util.HashMap<>();
            // a tag or topic page's title is a name and a label (彈飛相關報導, 關鍵詞): no words of its
            // own, and its label's words are counted without it (相關 was in thousands of them)
            org.apache.lucene.util.FixedBitSet counted = storyTitles(reader);
            forEachHanTerm(reader, Fields.TITLE, minDocs, counted, (w, df) -> {
                if (w.codePointCount(0, w.length()) >= 2) {
                    words.merge(w, df, Math::max);
                }
            });
            java.util.Set<String> analysed = java.util.Set.copyOf(words.keySet());
            forEachHanTerm(reader, Fields.TITLE_BIGRAM, minDocs, counted, (w, df) -> {
                if (w.codePointCount(0, w.length()) == 2) {
                    bigrams.put(w, df);
                }
            });
            // the titles, folded, as code points
            org.apache.lucene.index.StoredFields stored = reader.storedFields();
            List<int[]> titles = new ArrayList<>();
            List<java.util.BitSet> titleCuts = new ArrayList<>(); // where the word analysis cuts each
            for (int doc = 0; doc < reader.maxDoc(); doc++) {
                if (!counted.get(doc)) {
                    continue;
                }
                String title = stored.document(doc, java.util.Set.of(Fields.TITLE)).get(Fields.TITLE);
                if (title != null) {
                    String folded = analyzer.normalize(Fields.TITLE, title).utf8ToString();
                    titles.add(folded.codePoints().toArray());
                    titleCuts.add(wordCuts(folded));
                }
            }
            // sequences[n]: titles that hold the n-character sequence of Han characters, up to two
            // characters longer than a word may be: one to see a sequence of a word's length continued
            // into a longer phrase, one more to see what the analysis makes of that phrase. Counted a
            // length at a time, each only where both its shorter sequences are in minDocs titles or more
            // (one in fewer titles holds none that is in more): rare given names stay (林郁婷, 田馥甄)
            List<java.util.Map<String, Integer>> sequences = new ArrayList<>();
            for (int n = 0; n <= LONGEST_SEQUENCE + 2; n++) {
                sequences.add(new java.util.HashMap<>());
            }
            // and the titles whose word analysis cuts the title where the sequence begins and ends
            List<java.util.Map<String, Integer>> aligned = new ArrayList<>();
            for (int n = 0; n <= LONGEST_SEQUENCE + 2; n++) {
                aligned.add(new java.util.HashMap<>());
            }
            // where in each title a sequence of the last length counted begins that is in minDocs titles or more
            List<java.util.BitSet> frequent = new ArrayList<>(titles.size());
            java.util.Set<String> seen = new java.util.HashSet<>();
            java.util.Set<String> seenAligned = new java.util.HashSet<>();
            for (int[] cps : titles) {
                java.util.BitSet han = new java.util.BitSet(cps.length);
                for (int i = 0; i < cps.length; i++) {
                    if (Character.UnicodeScript.of(cps[i]) == Character.UnicodeScript.HAN) {
                        han.set(i);
                    }
                }
                frequent.add(han); // (characters: length 1)
            }
            for (int n = 2; n <= LONGEST_SEQUENCE + 2; n++) {
                java.util.Map<String, Integer> counts = sequences.get(n);
                java.util.Map<String, Integer> alignedCounts = aligned.get(n);
                for (int t = 0; t < titles.size(); t++) {
                    int[] cps = titles.get(t);
                    java.util.BitSet f = frequent.get(t);
                    java.util.BitSet cuts = titleCuts.get(t);
                    seen.clear();
                    seenAligned.clear();
                    for (int i = f.nextSetBit(0); i >= 0 && i + n <= cps.length; i = f.nextSetBit(i + 1)) {
                        if (f.get(i + 1)) {
                            String g = new String(cps, i, n);
                            if (seen.add(g)) {
                                counts.merge(g, 1, Integer::sum);
                            }
                            if (cuts.get(i) && cuts.get(i + n) && seenAligned.add(g)) {
                                alignedCounts.merge(g, 1, Integer::sum);
                            }
                        }
                    }
                }
                for (int t = 0; t < titles.size(); t++) {
                    int[] cps = titles.get(t);
                    java.util.BitSet f = frequent.get(t);
                    java.util.BitSet next = new java.util.BitSet(cps.length);
                    for (int i = f.nextSetBit(0); i >= 0 && i + n <= cps.length; i = f.nextSetBit(i + 1)) {
                        if (f.get(i + 1) && counts.get(new String(cps, i, n)) >= minDocs) {
                            next.set(i);
                        }
                    }
                    frequent.set(t, next);
                }
            }
            // each sequence's commonest continuation by one character, after it and before it
            java.util.Map<String, String> after = new java.util.HashMap<>();
            java.util.Map<String, String> before = new java.util.HashMap<>();
            for (int n = 3; n <= LONGEST_SEQUENCE + 2; n++) {
                java.util.Map<String, Integer> counts = sequences.get(n);
                counts.forEach((g, count) -> {
                    if (count >= CONTINUED * minDocs) { // (a rarer one continues no sequence counted often enough)
                        after.merge(head(g), g, (a, b) -> counts.get(a) >= counts.get(b) ? a : b);
                        before.merge(tail(g), g, (a, b) -> counts.get(a) >= counts.get(b) ? a : b);
                    }
                });
            }
            // a sequence is a word when it usually continues its beginning or its end (马斯克: 马斯 is also
            // Hamas's 哈马斯), and is not a piece of a longer one (see pieceOf)
            java.util.Map<String, Integer> longer = new java.util.HashMap<>();
            for (int n = LONGEST_SEQUENCE; n >= 3; n--) {
                java.util.Map<String, Integer> shorter = sequences.get(n - 1);
                java.util.Map<String, Integer> longerCounts = sequences.get(n + 1);
                for (var e : sequences.get(n).entrySet()) {
                    String g = e.getKey();
                    int count = e.getValue();
                    int ends = Math.min(shorter.getOrDefault(head(g), Integer.MAX_VALUE), shorter.getOrDefault(tail(g), Integer.MAX_VALUE));
                    if (count < minDocs || count < TRIGRAM_SHARE * ends
                            || aligned.get(n).getOrDefault(g, 0) < ALIGNED * count
                            || FUNCTION_ENDS.indexOf(g.codePointBefore(g.length())) >= 0) {
                        continue; // (链博会将 "the chain expo will": a word and the next sentence's first character)
                    }
                    if (pieceOf(g, count, after, longerCounts, true) || pieceOf(g, count, before, longerCounts, false)) {
                        continue;
                    }
                    longer.put(g, count);
                }
            }
            // a pair that is a piece of a longer sequence gives way to it as well (a word of the word
            // analysis stays, below: 台南 beside 台南市)
            java.util.Set<String> absorbed = new java.util.HashSet<>();
            java.util.Map<String, Integer> triples = sequences.get(3);
            for (var e : sequences.get(2).entrySet()) {
                if (e.getValue() >= minDocs && (pieceOf(e.getKey(), e.getValue(), after, triples, true)
                        || pieceOf(e.getKey(), e.getValue(), before, triples, false))) {
                    absorbed.add(e.getKey());
                }
            }
            longer.forEach((g, n) -> {
                if (!absorbed.contains(g) && g.codePointCount(0, g.length()) <= LONGEST_SEQUENCE) {
                    words.merge(g, n, Math::max);
                }
            });
            // and any shorter piece of a word kept that is nearly always in it (播快 of 联播快讯), unless
            // the word analysis cuts the word there on both sides: 从严治党 of 全面从严治党 is typed alone
            java.util.Map<String, Integer> pairs = sequences.get(2);
            for (var e : longer.entrySet()) {
                String g = e.getKey();
                int len = g.codePointCount(0, g.length());
                if (absorbed.contains(g) || len > LONGEST_SEQUENCE) {
                    continue;
                }
                java.util.BitSet cuts = null;
                for (int from = 0; from < len; from++) {
                    for (int to = from + 2; to <= len; to++) {
                        if (to - from == len) {
                            continue;
                        }
                        String piece = g.substring(g.offsetByCodePoints(0, from), g.offsetByCodePoints(0, to));
                        Integer pieceCount = to - from == 2 ? pairs.get(piece) : longer.get(piece);
                        // (a word of the word analysis stays: 台南 beside 台南市)
                        if (pieceCount == null || e.getValue() < 0.8 * pieceCount || analysed.contains(piece)) {
                            continue;
                        }
                        if (to - from >= 3 && (cuts = cuts == null ? wordCuts(g) : cuts).get(from) && cuts.get(to)) {
                            continue; // a word of its own inside the longer one
                        }
                        absorbed.add(piece);
                        words.remove(piece);
                    }
                }
            }
            java.util.Map<String, Integer> alignedPairs = aligned.get(2);
            bigrams.forEach((ab, df) -> {
                if (analysed.contains(ab) || !absorbed.contains(ab)
                        && alignedPairs.getOrDefault(ab, 0) >= ALIGNED * pairs.getOrDefault(ab, 0)) {
                    words.merge(ab, df, Math::max);
                }
            });
            return mostUsed(words, max);
        } finally {
            manager.release(searcher);
        }
    }

    /** The sequence without its last character. */
    private static String head(String g) {
        return g.substring(0, g.offsetByCodePoints(g.length(), -1));
    }

    /** The sequence without its first character. */
    private static String tail(String g) {
        return g.substring(g.offsetByCodePoints(0, 1));
    }

    /** Where the word analysis cuts a (folded, Han) sequence: code point offsets of its words' starts and ends. */
    private java.util.BitSet wordCuts(String sequence) throws IOException {
        java.util.BitSet cuts = new java.util.BitSet();
        try (org.apache.lucene.analysis.TokenStream ts = analyzer.tokenStream(Fields.TITLE, sequence)) {
            var offsets = ts.addAttribute(org.apache.lucene.analysis.tokenattributes.OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                cuts.set(sequence.codePointCount(0, offsets.startOffset()));
                cuts.set(sequence.codePointCount(0, offsets.endOffset()));
            }
            ts.end();
        }
        return cuts;
    }

    /** The {@code max} words of {@code documents} (each with the documents using it) that the most use, most used first. */
    private static List<TermCount> mostUsed(java.util.Map<String, Integer> documents, int max) {
        java.util.PriorityQueue<TermCount> best = new java.util.PriorityQueue<>(Comparator.comparingInt(TermCount::documents));
        documents.forEach((w, n) -> {
            best.add(new TermCount(w, n));
            if (best.size() > max) {
                best.poll();
            }
        });
        List<TermCount> out = new ArrayList<>(best);
        out.sort(Comparator.comparingInt(TermCount::documents).reversed());
        return out;
    }

    /** The longest sequence of characters counted as a word for suggestions (粤港澳大湾区, 中央经济工作会议, 和平共处五项原则). */
    static final int LONGEST_SEQUENCE = 8;

    /**
     * Characters that end no word of three or more characters: they begin what the title says next
     * (链博会将, 台积电的, 美国对, 大泓第). Folded (Simplified); 等, 为 and 于 are left out, as they end words (不平等, 不作为, 相当于).
     */
    public static final String FUNCTION_ENDS = "将的了在是与和及对被把也都就又已再向从第";

    /**
     * A title sequence is a word only where the word analysis cuts the title at its beginning and its
     * end in this share of the titles that hold it: a name it splits into characters (林郁婷) is, a
     * run across words is not (外资回 of 外资回补, 资规模 of 投资规模); nor is a pair of the titles the
     * analysis does not make a word (是台 of 是台湾; 都更 and 竹科 are).
     */
    static final double ALIGNED = 0.5;


    /** A sequence continued this often by one character on one side may be a piece of the longer one (see pieceOf). */
    static final double CONTINUED = 0.8;

    private static boolean continued(int longer, int count) {
        return longer >= CONTINUED * count;
    }

    /**
     * Whether title sequence {@code g}, in {@code count} titles, is a piece of a longer one rather than a
     * word: its commonest continuation by one character on one side ({@code continuations}: after it if
     * {@code right}, else before it; counted in {@code longerCounts}) holds it {@link #CONTINUED} of the
     * time, and the word analysis of that continuation, one character further still, puts the added
     * character in a word with g's characters or alone (联播快 of 联播快讯, 粤港澳大湾 of 粤港澳大湾区), not
     * in a word of the other side's (中央经济工作会议 of 中央经济工作会议精神, 人大常委会 of 全国人大常委会,
     * 夏季达沃斯 of 夏季达沃斯论坛 are words).
     */
    private boolean pieceOf(String g, int count, java.util.Map<String, String> continuations,
                            java.util.Map<String, Integer> longerCounts, boolean right) throws IOException {
        String longer = continuations.get(g);
        if (longer == null || !continued(longerCounts.get(longer), count)) {
            return false;
        }
        String further = continuations.get(longer);
        String context = further != null ? further : longer;
        java.util.BitSet cuts = wordCuts(context);
        int n = g.codePointCount(0, g.length());
        int x = right ? n : (further != null ? 1 : 0); // the added character
        if (!(right ? cuts.get(n) : cuts.get(x + 1))) {
            return true; // the analysis puts it in one word with g's characters (快讯 of 联播快讯)
        }
        boolean outsideWord = further != null && (right ? !cuts.get(n + 1) : !cuts.get(x));
        if (outsideWord) {
            return false; // in a word of the other side's (精神, 全国, 论坛)
        }
        // alone: a piece only where g is (nearly) never without it, and it is no word that begins or
        // ends what the title says next (区 of 粤港澳大湾区; not 为 of 采购经理指数为, 第 of …委员会第)
        int cp = context.codePointAt(context.offsetByCodePoints(0, x));
        return longerCounts.get(longer) >= ALWAYS * count && FUNCTION_ENDS.indexOf(cp) < 0 && NOT_CONTINUING.indexOf(cp) < 0;
    }

    /** A sequence continued this often by a character the analysis leaves alone is part of the longer one (粤港澳大湾 of 粤港澳大湾区). */
    static final double ALWAYS = 0.95;

    /** Characters that, besides {@link #FUNCTION_ENDS}, begin or end a phrase of their own beside a word: a classifier, copulas (届, 为, 于). */
    public static final String NOT_CONTINUING = "届为于";

    /** A sequence of three or more characters is a word when it continues its beginning or its end at least this often. */
    static final double TRIGRAM_SHARE = 0.3;

    /** The live documents but tag and topic pages (page type listing), by their number in {@code reader}. */
    private static org.apache.lucene.util.FixedBitSet storyTitles(org.apache.lucene.index.IndexReader reader) throws IOException {
        org.apache.lucene.util.FixedBitSet out = new org.apache.lucene.util.FixedBitSet(Math.max(1, reader.maxDoc()));
        out.set(0, reader.maxDoc());
        org.apache.lucene.util.Bits live = org.apache.lucene.index.MultiBits.getLiveDocs(reader);
        if (live != null) {
            for (int doc = 0; doc < reader.maxDoc(); doc++) {
                if (!live.get(doc)) {
                    out.clear(doc);
                }
            }
        }
        org.apache.lucene.index.PostingsEnum listings = org.apache.lucene.index.MultiTerms.getTermPostingsEnum(reader, Fields.PAGE_TYPE,
                new org.apache.lucene.util.BytesRef(PageTypes.Type.LISTING.label()), org.apache.lucene.index.PostingsEnum.NONE);
        if (listings != null) {
            for (int doc = listings.nextDoc(); doc != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS; doc = listings.nextDoc()) {
                out.clear(doc);
            }
        }
        return out;
    }

    /**
     * As {@link #forEachHanTerm(org.apache.lucene.index.IndexReader, String, int, java.util.function.ObjIntConsumer)},
     * each term's documents counted among {@code among} only.
     */
    private static void forEachHanTerm(org.apache.lucene.index.IndexReader reader, String field, int minDocs,
                                       org.apache.lucene.util.FixedBitSet among, java.util.function.ObjIntConsumer<String> each) throws IOException {
        forEachTerm(reader, field, minDocs, SearchService::han, among, each);
    }

    private static void forEachHanTerm(org.apache.lucene.index.IndexReader reader, String field, int minDocs,
                                       java.util.function.ObjIntConsumer<String> each) throws IOException {
        forEachTerm(reader, field, minDocs, SearchService::han, null, each);
    }

    private static boolean han(String w) {
        return w.codePoints().allMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
    }

    /**
     * Each term of {@code field} that {@code minDocs} documents or more hold and {@code keep} takes, with
     * its document count: all its documents, or with {@code among} those among them only (a walk over
     * its postings).
     */
    private static void forEachTerm(org.apache.lucene.index.IndexReader reader, String field, int minDocs,
                                    java.util.function.Predicate<String> keep, org.apache.lucene.util.FixedBitSet among,
                                    java.util.function.ObjIntConsumer<String> each) throws IOException {
        org.apache.lucene.index.Terms terms = org.apache.lucene.index.MultiTerms.getTerms(reader, field);
        if (terms == null) {
            return;
        }
        org.apache.lucene.index.TermsEnum te = terms.iterator();
        org.apache.lucene.index.PostingsEnum postings = null;
        for (org.apache.lucene.util.BytesRef t = te.next(); t != null; t = te.next()) {
            if (te.docFreq() < minDocs) {
                continue;
            }
            String word = t.utf8ToString();
            if (!keep.test(word)) {
                continue;
            }
            int n = te.docFreq();
            if (among != null) {
                postings = te.postings(postings, org.apache.lucene.index.PostingsEnum.NONE);
                n = 0;
                for (int doc = postings.nextDoc(); doc != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                    if (among.get(doc)) {
                        n++;
                    }
                }
            }
            if (n >= minDocs) {
                each.accept(word, n);
            }
        }
    }

    @Override
    public void forEachHanPair(int minDocs, java.util.function.ObjIntConsumer<String> each) throws IOException {
        IndexSearcher searcher = manager.acquire();
        try {
            for (String field : List.of(Fields.TITLE_BIGRAM, Fields.BODY_BIGRAM)) {
                forEachHanTerm(searcher.getIndexReader(), field, minDocs, (w, df) -> {
                    if (w.codePointCount(0, w.length()) == 2) {
                        each.accept(w, df);
                    }
                });
            }
        } finally {
            manager.release(searcher);
        }
    }

    @Override
    public List<TermCount> people(int minDocs, int max) throws IOException {
        IndexSearcher searcher = manager.acquire();
        try {
            java.util.Map<String, Integer> people = new java.util.HashMap<>();
            // Han characters, and the dots of a foreign name the fold writes in full (基尔·斯塔默)
            forEachTerm(searcher.getIndexReader(), Fields.PERSON, minDocs, dev.zhsearch.entity.PersonNames::nameCharacters, null, people::put);
            return mostUsed(people, max);
        } finally {
            manager.release(searcher);
        }
    }

    @Override
    public String folded(String text) {
        return analyzer.normalize(Fields.TITLE, text).utf8ToString();
    }

    /**
     * Counted on the bigram fields: a word whose rarest bigram fewer than {@code minDocs} documents
     * hold is passed over at the cost of a term lookup; a two-character word counts the documents of
     * its bigram (the title's or the body's, the larger); a longer one those that hold its bigram
     * phrase in title or body.
     */
    @Override
    public java.util.Map<String, Integer> documentsUsing(java.util.Collection<String> words, int minDocs) throws IOException {
        return documentsUsing(words, minDocs, Integer.MAX_VALUE);
    }

    @Override
    public java.util.Map<String, Integer> documentsUsing(java.util.Collection<String> words, int minDocs, int upTo) throws IOException {
        return using(words, minDocs, upTo, false);
    }

    @Override
    public java.util.Map<String, Integer> storiesUsing(java.util.Collection<String> words, int minDocs, int upTo) throws IOException {
        return using(words, minDocs, upTo, true);
    }

    /** The documents holding each word as written, or (with {@code storiesOnly}) the documents that are no tag or topic page. */
    private java.util.Map<String, Integer> using(java.util.Collection<String> words, int minDocs, int upTo, boolean storiesOnly) throws IOException {
        IndexSearcher searcher = manager.acquire();
        try {
            org.apache.lucene.index.IndexReader reader = searcher.getIndexReader();
            org.apache.lucene.index.Terms titles = org.apache.lucene.index.MultiTerms.getTerms(reader, Fields.TITLE_BIGRAM);
            org.apache.lucene.index.Terms bodies = org.apache.lucene.index.MultiTerms.getTerms(reader, Fields.BODY_BIGRAM);
            java.util.Map<String, Integer> out = new java.util.HashMap<>();
            if (titles == null || bodies == null) {
                return out;
            }
            org.apache.lucene.index.TermsEnum inTitles = titles.iterator();
            org.apache.lucene.index.TermsEnum inBodies = bodies.iterator();
            // what this reader was asked before (the next keystroke asks most of it again)
            dev.zhsearch.index.PhraseCounts memo = searcher instanceof FacetedSearcher f ? f.phraseCounts() : new dev.zhsearch.index.PhraseCounts();
            java.util.Map<String, Integer> pairs = new java.util.HashMap<>();
            for (String word : words) {
                String folded = analyzer.normalize(Fields.TITLE, word).utf8ToString();
                if (out.containsKey(folded) || !QueryFactory.Parser.hanWord(folded)) {
                    continue;
                }
                String key = (storiesOnly ? "stories\t" : "documents\t") + folded;
                dev.zhsearch.index.PhraseCounts.Known known = memo.get(key);
                int[] cps = folded.codePoints().toArray();
                int rarest = Integer.MAX_VALUE;
                if (known != null) {
                    rarest = known.rarest();
                } else {
                    for (int i = 0; i + 1 < cps.length && rarest >= minDocs; i++) {
                        String pair = new String(cps, i, 2);
                        Integer df = pairs.get(pair);
                        if (df == null) {
                            org.apache.lucene.util.BytesRef term = new org.apache.lucene.util.BytesRef(pair);
                            df = Math.max(inTitles.seekExact(term) ? inTitles.docFreq() : 0, inBodies.seekExact(term) ? inBodies.docFreq() : 0);
                            pairs.put(pair, df);
                        }
                        rarest = Math.min(rarest, df);
                    }
                }
                // (a rarest pair found below minDocs may not be the rarest: enough to pass the word over)
                if (rarest < minDocs) {
                    if (known == null) {
                        memo.put(key, new dev.zhsearch.index.PhraseCounts.Known(rarest, -1, 0));
                    }
                    continue;
                }
                int count;
                if (cps.length == 2 && !storiesOnly) {
                    count = Math.min(rarest, upTo); // (a pair's documents: its term's)
                    if (known == null) {
                        memo.put(key, new dev.zhsearch.index.PhraseCounts.Known(rarest, rarest, Integer.MAX_VALUE));
                    }
                } else if (known != null && known.answers(upTo)) {
                    count = Math.min(known.documents(), upTo);
                } else {
                    List<String> chars = new ArrayList<>();
                    for (int cp : cps) {
                        chars.add(Character.toString(cp));
                    }
                    org.apache.lucene.search.Query phrase = new org.apache.lucene.search.BooleanQuery.Builder()
                            .add(QueryFactory.Parser.bigramPhrase(Fields.TITLE_BIGRAM, chars), org.apache.lucene.search.BooleanClause.Occur.SHOULD)
                            .add(QueryFactory.Parser.bigramPhrase(Fields.BODY_BIGRAM, chars), org.apache.lucene.search.BooleanClause.Occur.SHOULD).build();
                    if (storiesOnly) {
                        phrase = new org.apache.lucene.search.BooleanQuery.Builder()
                                .add(phrase, org.apache.lucene.search.BooleanClause.Occur.MUST)
                                .add(new org.apache.lucene.search.TermQuery(new org.apache.lucene.index.Term(Fields.PAGE_TYPE, PageTypes.Type.LISTING.label())),
                                        org.apache.lucene.search.BooleanClause.Occur.MUST_NOT).build();
                    }
                    count = upTo == Integer.MAX_VALUE ? searcher.count(phrase) : countUpTo(searcher, phrase, upTo);
                    memo.put(key, new dev.zhsearch.index.PhraseCounts.Known(rarest, count, upTo));
                }
                if (count >= minDocs) {
                    out.put(folded, count);
                }
            }
            return out;
        } finally {
            manager.release(searcher);
        }
    }

    /**
     * The documents matching {@code query}, counted no further than {@code upTo}: Lucene's hit count
     * threshold stops exact counting there, and with every hit scoring alike nothing after it is visited.
     */
    private static int countUpTo(IndexSearcher searcher, org.apache.lucene.search.Query query, int upTo) throws IOException {
        long hits = searcher.search(new org.apache.lucene.search.ConstantScoreQuery(query),
                new org.apache.lucene.search.TopScoreDocCollectorManager(1, upTo)).totalHits.value();
        return (int) Math.min(hits, upTo);
    }

    @Override
    public java.util.Map<String, Integer> companyDocuments() throws IOException {
        IndexSearcher searcher = manager.acquire();
        try {
            java.util.Map<String, Integer> out = new java.util.HashMap<>();
            org.apache.lucene.index.Terms terms = org.apache.lucene.index.MultiTerms.getTerms(searcher.getIndexReader(), Fields.COMPANY);
            if (terms != null) {
                org.apache.lucene.index.TermsEnum te = terms.iterator();
                for (org.apache.lucene.util.BytesRef t = te.next(); t != null; t = te.next()) {
                    out.put(t.utf8ToString(), te.docFreq());
                }
            }
            return out;
        } finally {
            manager.release(searcher);
        }
    }

    /** Index statistics for /api/stats, counted by {@link IndexStats}. */
    @Override
    public IndexStats.Stats stats() throws IOException {
        return IndexStats.of(manager, directory);
    }

    /** Number of documents in the current searcher. */
    @Override
    public long documentCount() throws IOException {
        IndexSearcher searcher = manager.acquire();
        try {
            return searcher.getIndexReader().numDocs();
        } finally {
            manager.release(searcher);
        }
    }

    @Override
    public void refresh() throws IOException {
        manager.maybeRefreshBlocking();
    }

    /** The opening of a body, a hit's snippet when nothing in it matched. */
    public static String lead(String body) {
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

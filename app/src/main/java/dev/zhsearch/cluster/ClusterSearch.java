package dev.zhsearch.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.zhsearch.convert.OpenccConfigs;
import dev.zhsearch.convert.ScriptFolder;
import dev.zhsearch.index.Analysis;
import dev.zhsearch.index.Fields;
import dev.zhsearch.search.Display;
import dev.zhsearch.search.FacetCounts;
import dev.zhsearch.search.FacetShaping;
import dev.zhsearch.search.FeedbackTerms;
import dev.zhsearch.search.FoldNotes;
import dev.zhsearch.search.Highlighting;
import dev.zhsearch.search.Hit;
import dev.zhsearch.search.InvalidQueryException;
import dev.zhsearch.search.QueryFactory;
import dev.zhsearch.search.RisingCompanies;
import dev.zhsearch.search.SearchRequest;
import dev.zhsearch.search.SearchResult;
import dev.zhsearch.search.SearchService;
import dev.zhsearch.search.NewsRanking;
import dev.zhsearch.clean.PageTypes;
import dev.zhsearch.search.Searching;
import dev.zhsearch.search.StoredDocument;
import dev.zhsearch.search.IndexStats;
import dev.zhsearch.search.FacetValue;
import java.util.Optional;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.Query;

/**
 * Search on the cluster, answering as the embedded {@link SearchService} does: the query parsed
 * and analysed by the same {@link QueryFactory} and sent as DSL ({@link QueryDsl}); facets
 * multi-select as DrillSideways counts them (hits: every selection, post_filter; each dimension:
 * every selection but its own, a filter aggregation), shaped by the same {@link FacetShaping};
 * highlights by OpenSearch on the original characters, adjacent marks joined.
 */
public final class ClusterSearch implements Searching {

    /** Facet dimensions and how many values each returns; months all of them. */
    private static final List<Map.Entry<String, Integer>> DIMENSIONS = List.of(
            Map.entry(Fields.FACET_COMPANY, FacetShaping.COMPANY_FACET_SIZE),
            Map.entry(Fields.FACET_SOURCE, FacetShaping.SOURCE_FACET_SIZE),
            Map.entry(Fields.FACET_SCRIPT, FacetShaping.SCRIPT_FACET_SIZE),
            Map.entry(Fields.FACET_MONTH, 10_000));

    /**
     * Values each shard returns per dimension: far more than shown, so that the counts of the top
     * values are exact (each shard's own top N would miss values that are second everywhere).
     */
    private static final int SHARD_SIZE = 10_000;

    private final OpenSearchClient client;
    private final String alias;
    private final QueryFactory queries;
    private final FacetShaping shaping;
    private final FoldNotes foldNotes;
    private final OpenccConfigs configs;
    private final ObjectMapper json;
    private final NewsRanking ranking;
    private final FeedbackTerms feedback;
    /** The newest document's day, asked at most every {@link #NEWEST_TTL_NANOS}: [nanoTime, epoch day]. */
    private volatile long[] newest;
    private static final long NEWEST_TTL_NANOS = 10_000_000_000L;

    public ClusterSearch(OpenSearchClient client, String alias, Analysis analysis) {
        this(client, alias, analysis, NewsRanking.standard());
    }

    public ClusterSearch(OpenSearchClient client, String alias, Analysis analysis, NewsRanking ranking) {
        this.ranking = ranking;
        this.client = client;
        this.alias = alias;
        this.queries = new QueryFactory(analysis.perField(), QueryFactory.Mode.BOTH, analysis.companies(), ranking.titleBoost());
        this.shaping = new FacetShaping(analysis.companyTable(), analysis.configs());
        this.foldNotes = new FoldNotes(analysis.folder());
        this.configs = analysis.configs();
        this.feedback = new FeedbackTerms(analysis.perField());
        this.json = client.json();
    }

    @Override
    public SearchResult search(SearchRequest request) throws InvalidQueryException, IOException {
        long start = System.nanoTime();
        Query base = queries.parse(request.query(), request.syntax());
        Map<String, ObjectNode> filters = filters(request);
        boolean partial = false;
        Optional<Query> loose = request.sort() == SearchRequest.Sort.RELEVANCE || request.sort() == SearchRequest.Sort.SCORE
                ? queries.partial(request.query(), request.syntax(), base) : Optional.empty();
        ObjectNode strict = QueryDsl.of(base);
        if (loose.isPresent() && count(strict, filters) < QueryFactory.PARTIAL_BELOW) {
            // as the embedded engine: part of the words, when all of them find less than a page,
            // those with all of them first (their score times WHOLE_MATCH_FACTOR)
            base = loose.get();
            partial = true;
        }
        ObjectNode body = json.createObjectNode();
        ObjectNode scored = scored(QueryDsl.of(base), strict, partial, request.sort());
        if (request.sort() == SearchRequest.Sort.RELEVANCE && ranking.feedback().on() && !request.query().isBlank()) {
            Optional<Query> words = feedbackWords(scored, filters, request);
            if (words.isPresent()) {
                scored = scored(QueryDsl.of(FeedbackTerms.fed(base, words.get())), strict, partial, request.sort());
            }
        }
        body.set("query", scored);
        if (!filters.isEmpty()) {
            body.set("post_filter", all(filters.values()));
        }
        body.put("from", (request.page() - 1) * request.size());
        body.put("size", request.size());
        body.put("track_total_hits", true);
        switch (request.sort()) {
            case RELEVANCE, SCORE -> { }
            case DATE_DESC, DATE_ASC -> {
                ArrayNode sort = body.putArray("sort");
                sort.addObject().putObject(Fields.DATE_SORT).put("order", request.sort() == SearchRequest.Sort.DATE_DESC ? "desc" : "asc")
                        .put("missing", "_last");
                sort.add("_score");
            }
        }
        ObjectNode aggs = body.putObject("aggs");
        for (Map.Entry<String, Integer> dim : DIMENSIONS) {
            Map<String, ObjectNode> others = new HashMap<>(filters);
            others.remove(dim.getKey());
            ObjectNode agg = aggs.putObject(dim.getKey());
            agg.set("filter", others.isEmpty() ? wrap("match_all", json.createObjectNode()) : all(others.values()));
            agg.putObject("aggs").putObject("values").putObject("terms").put("field", dim.getKey()).put("size", dim.getValue())
                    .put("shard_size", Math.max(SHARD_SIZE, dim.getValue()));
        }
        Optional<RisingCompanies.Ranges> ranges = RisingCompanies.ranges(request);
        if (ranges.isPresent()) { // as the embedded engine: the range and the range before, the company filter left out
            for (Map.Entry<String, SearchRequest> range : Map.of(RISING_NOW, ranges.get().now(), RISING_BEFORE, ranges.get().before()).entrySet()) {
                ObjectNode agg = aggs.putObject(range.getKey());
                agg.set("filter", all(filters(range.getValue()).values()));
                agg.putObject("aggs").putObject("values").putObject("terms").put("field", Fields.FACET_COMPANY)
                        .put("size", RisingCompanies.CANDIDATES).put("shard_size", Math.max(SHARD_SIZE, RisingCompanies.CANDIDATES));
            }
        }
        if (request.highlight() && !request.query().isBlank()) {
            ObjectNode hl = body.putObject("highlight");
            // private-use characters as marks, no encoder: the text is escaped here as the embedded
            // highlighter escapes it, then the marks become <mark>
            hl.putArray("pre_tags").add(MARK_START);
            hl.putArray("post_tags").add(MARK_END);
            Query marked = queries.marked(request.query(), request.syntax(), base);
            if (marked != base) { // a company's other names are marked too (as the embedded highlighter does)
                hl.set("highlight_query", QueryDsl.of(marked));
            }
            ObjectNode fields = hl.putObject("fields");
            for (String f : List.of(Fields.TITLE, QueryDsl.field(Fields.TITLE_BIGRAM))) {
                fields.putObject(f).put("number_of_fragments", 0);
            }
            for (String f : List.of(Fields.BODY, QueryDsl.field(Fields.BODY_BIGRAM))) {
                fields.putObject(f).put("fragment_size", 60).put("number_of_fragments", 2);
            }
        }
        // dfs: term statistics over every shard, so scores (and the order of hits) are the one index's
        JsonNode r = client.send("POST", "/" + alias + "/_search?search_type=dfs_query_then_fetch", body);
        List<Hit> hits = hits(r, request);
        FacetCounts facets = shaping.facets(counts(r.path("aggregations")), request);
        if (ranges.isPresent()) {
            JsonNode now = r.path("aggregations").path(RISING_NOW);
            JsonNode was = r.path("aggregations").path(RISING_BEFORE);
            Map<String, Long> beforeCounts = new HashMap<>();
            was.path("values").path("buckets").forEach(b -> beforeCounts.put(b.path("key").asText(), b.path("doc_count").asLong()));
            List<FacetShaping.LabelCount> nowCounts = new ArrayList<>();
            now.path("values").path("buckets").forEach(b -> nowCounts.add(new FacetShaping.LabelCount(b.path("key").asText(), b.path("doc_count").asLong())));
            facets = facets.withRising(RisingCompanies.score(nowCounts, now.path("doc_count").asLong(), beforeCounts,
                    was.path("doc_count").asLong(), shaping, request.display()));
        }
        long total = r.path("hits").path("total").path("value").asLong();
        return new SearchResult(request.query(), total, (System.nanoTime() - start) / 1_000_000, request.page(), request.size(), hits, facets, partial, false);
    }

    /** The response's hits as the API gives them, marks and fold notes for the request's query. */
    private List<Hit> hits(JsonNode r, SearchRequest request) {
        List<ScriptFolder.VocabularyMatch> queryWords = foldNotes.queryWords(request.query());
        Display display = request.display();
        List<Hit> hits = new ArrayList<>();
        for (JsonNode h : r.path("hits").path("hits")) {
            JsonNode src = h.path("_source");
            String rawTitle = src.path(Fields.TITLE).asText("");
            // the words' highlight where there is one, else the bigrams' (as the embedded highlighter chooses)
            JsonNode hlTitle = marked(h.path("highlight"), Fields.TITLE);
            String title = hlTitle.isArray() && !hlTitle.isEmpty() ? markedHtml(hlTitle.get(0).asText()) : Highlighting.escape(rawTitle);
            List<String> snippets = new ArrayList<>();
            marked(h.path("highlight"), Fields.BODY).forEach(s -> snippets.add(markedHtml(s.asText().replaceAll("\\s*\n\\s*", " ").strip())));
            if (snippets.isEmpty()) {
                snippets.add(Highlighting.escape(SearchService.lead(src.path(Fields.BODY).asText(""))));
            }
            List<String> companyIds = new ArrayList<>();
            src.path(Fields.COMPANY).forEach(c -> companyIds.add(c.asText()));
            float score = h.path("_score").isNumber() ? (float) h.path("_score").asDouble() : 0f;
            hits.add(new Hit(src.path(Fields.ID).asText(), display.html(title, configs), text(src, Fields.DATE), text(src, Fields.DATE_SOURCE),
                    text(src, Fields.SOURCE), text(src, Fields.URL), text(src, Fields.SCRIPT), score,
                    snippets.stream().map(s -> display.html(s, configs)).toList(), shaping.companyRefs(companyIds, display),
                    foldNotes.notes(request.query(), queryWords, Highlighting.escape(rawTitle) + "\n" + String.join("\n", snippets)), null));
        }
        return hits;
    }

    private static final String RISING_NOW = "rising_now";
    private static final String RISING_BEFORE = "rising_before";

    @Override
    public Optional<SearchResult> related(String id, int size, Display display) throws IOException {
        long start = System.nanoTime();
        Optional<StoredDocument> doc;
        try {
            doc = document(id, null, QueryFactory.Syntax.PEOPLE, Display.ORIGINAL);
        } catch (InvalidQueryException e) {
            throw new IllegalStateException(e); // no query: nothing to parse
        }
        if (doc.isEmpty()) {
            return Optional.empty();
        }
        StoredDocument d = doc.get();
        String family = d.parent() != null ? d.parent() : id;
        ObjectNode body = json.createObjectNode();
        ObjectNode bool = body.putObject("query").putObject("bool");
        // the same words as the embedded engine's more-like-this: the document's text, analysed by
        // the fields' own (folding) analyzers, the most distinctive words, none in over 5% of documents
        ObjectNode mlt = bool.putArray("must").addObject().putObject("more_like_this");
        mlt.putArray("fields").add(Fields.TITLE).add(Fields.BODY);
        mlt.putArray("like").add((d.title() == null ? "" : d.title()) + "\n" + (d.body() == null ? "" : d.body()));
        mlt.put("min_term_freq", 1).put("min_doc_freq", 2).put("max_query_terms", SearchService.RELATED_TERMS)
                .put("max_doc_freq", SearchService.relatedMaxDocFreq(documentCount()));
        ArrayNode not = bool.putArray("must_not");
        not.addObject().putObject("term").put(Fields.ID, id);
        not.addObject().putObject("term").put(Fields.FAMILY, family);
        not.addObject().putObject("term").put(Fields.PARENT, id);
        body.put("size", size);
        JsonNode r = client.send("POST", "/" + alias + "/_search?search_type=dfs_query_then_fetch", body);
        SearchRequest request = SearchService.relatedRequest(size, display);
        long total = r.path("hits").path("total").path("value").asLong();
        return Optional.of(new SearchResult("", total, (System.nanoTime() - start) / 1_000_000, 1, size, hits(r, request), FacetCounts.EMPTY, false, false));
    }

    @Override
    public Optional<StoredDocument> document(String id, String query, QueryFactory.Syntax syntax, Display display)
            throws IOException, InvalidQueryException {
        ObjectNode body = json.createObjectNode();
        ObjectNode bool = body.putObject("query").putObject("bool");
        bool.putArray("filter").addObject().putObject("term").put(Fields.ID, id);
        if (query != null && !query.isBlank()) {
            // the query scores nothing here (a should clause): it is there to mark its matches
            bool.putArray("should").add(QueryDsl.of(queries.marked(query, syntax, queries.parse(query, syntax))));
            ObjectNode hl = body.putObject("highlight");
            hl.putArray("pre_tags").add(MARK_START);
            hl.putArray("post_tags").add(MARK_END);
            ObjectNode fields = hl.putObject("fields");
            for (String f : List.of(Fields.TITLE, QueryDsl.field(Fields.TITLE_BIGRAM), Fields.BODY, QueryDsl.field(Fields.BODY_BIGRAM))) {
                fields.putObject(f).put("number_of_fragments", 0); // the whole text, marked
            }
        }
        JsonNode hits = client.send("POST", "/" + alias + "/_search", body).path("hits").path("hits");
        if (hits.isEmpty()) {
            return Optional.empty();
        }
        JsonNode h = hits.get(0);
        JsonNode src = h.path("_source");
        JsonNode t = marked(h.path("highlight"), Fields.TITLE);
        JsonNode b = marked(h.path("highlight"), Fields.BODY);
        String titleHtml = t.isArray() && !t.isEmpty() ? markedHtml(t.get(0).asText()) : Highlighting.escape(src.path(Fields.TITLE).asText(""));
        String bodyHtml = b.isArray() && !b.isEmpty() ? markedHtml(b.get(0).asText()) : Highlighting.escape(src.path(Fields.BODY).asText(""));
        List<String> companyIds = new ArrayList<>();
        src.path(Fields.COMPANY).forEach(c -> companyIds.add(c.asText()));
        return Optional.of(new StoredDocument(src.path(Fields.ID).asText(), text(src, Fields.TITLE), text(src, Fields.BODY), text(src, Fields.DATE),
                text(src, Fields.DATE_SOURCE), text(src, Fields.SOURCE), text(src, Fields.URL), text(src, Fields.SCRIPT), text(src, Fields.ORIGIN),
                shaping.companyRefs(companyIds, display), display.html(titleHtml, configs), display.html(bodyHtml, configs),
                text(src, Fields.PAGE_TYPE), text(src, Fields.PARENT)));
    }

    /**
     * Title words by prefix, counted over the {@code title_words} keywords (the title's analysed
     * words, one keyword each): as the embedded index counts its title terms' document frequency.
     */
    @Override
    public List<TermCount> frequentTitleTerms(String foldedPrefix, int max, int scanLimit) throws IOException {
        if (foldedPrefix.isEmpty() || max <= 0) {
            return List.of();
        }
        ObjectNode body = json.createObjectNode();
        body.put("size", 0);
        body.putObject("aggs").putObject("words").putObject("terms").put("field", ClusterIndex.TITLE_WORDS)
                .put("include", regexpLiteral(foldedPrefix) + ".+").put("size", max);
        List<TermCount> out = new ArrayList<>();
        for (JsonNode b : client.send("POST", "/" + alias + "/_search", body).path("aggregations").path("words").path("buckets")) {
            out.add(new TermCount(b.path("key").asText(), b.path("doc_count").asInt()));
        }
        return out;
    }

    /** Text as a Lucene regular expression that matches it literally. */
    static String regexpLiteral(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 8);
        text.codePoints().forEach(c -> {
            if (".?+*|{}[]()\"\\#@&<>~".indexOf(c) >= 0) {
                sb.append('\\');
            }
            sb.appendCodePoint(c);
        });
        return sb.toString();
    }

    @Override
    public IndexStats.Stats stats() throws IOException {
        ObjectNode body = json.createObjectNode();
        body.put("size", 0);
        body.put("track_total_hits", true);
        ObjectNode aggs = body.putObject("aggs");
        aggs.putObject(Fields.SOURCE).putObject("terms").put("field", Fields.SOURCE).put("size", 1000);
        aggs.putObject(Fields.SCRIPT).putObject("terms").put("field", Fields.SCRIPT).put("size", 10);
        JsonNode r = client.send("POST", "/" + alias + "/_search", body);
        long bytes = client.get("/" + alias + "/_stats/store").path("_all").path("primaries").path("store").path("size_in_bytes").asLong();
        return new IndexStats.Stats((int) r.path("hits").path("total").path("value").asLong(), bytes, null,
                values(r.path("aggregations").path(Fields.SOURCE)), values(r.path("aggregations").path(Fields.SCRIPT)));
    }

    private static List<FacetValue> values(JsonNode terms) {
        List<FacetValue> out = new ArrayList<>();
        terms.path("buckets").forEach(b -> out.add(new FacetValue(b.path("key").asText(), b.path("key").asText(), b.path("doc_count").asLong(), false)));
        return out;
    }

    /** Writes are acknowledged once searchable (refresh=wait_for): there is nothing to do. */
    @Override
    public void refresh() {
        // nothing: see above
    }

    /**
     * The query under the news ranking, as the embedded engine scores it ({@code NewsPrior}): its
     * score times the recency factor (an inner function_score summing a constant and an exp decay),
     * then times the page type's weight (an outer one, a weight per type).
     */
    private ObjectNode ranked(ObjectNode query) throws IOException {
        ObjectNode q = query;
        if (ranking.recencyWeight() > 0) {
            ObjectNode fs = json.createObjectNode();
            ObjectNode inner = fs.putObject("function_score");
            inner.set("query", q);
            ArrayNode functions = inner.putArray("functions");
            functions.addObject().put("weight", (float) (1 - ranking.recencyWeight()));
            ObjectNode decay = functions.addObject();
            decay.putObject("filter").putObject("exists").put("field", Fields.DATE_SORT);
            decay.put("weight", (float) ranking.recencyWeight());
            decay.putObject("exp").putObject(Fields.DATE_SORT)
                    .put("origin", (double) newestSecond())
                    .put("scale", ranking.halfLifeSeconds())
                    .put("decay", 0.5);
            inner.put("score_mode", "sum");
            inner.put("boost_mode", "multiply");
            q = fs;
        }
        ObjectNode fs = json.createObjectNode();
        ObjectNode outer = fs.putObject("function_score");
        outer.set("query", q);
        ArrayNode functions = outer.putArray("functions");
        for (PageTypes.Type t : PageTypes.Type.values()) {
            if (ranking.weight(t) != 1.0) {
                ObjectNode f = functions.addObject();
                f.putObject("filter").putObject("term").put(Fields.PAGE_TYPE, t.label());
                f.put("weight", (float) ranking.weight(t));
            }
        }
        outer.put("score_mode", "multiply");
        outer.put("boost_mode", "multiply");
        return fs;
    }

    /**
     * The text's score as the embedded engine computes it: with partial matches, those with all the
     * words ({@code strict}) times {@link QueryFactory#WHOLE_MATCH_FACTOR}; for sort=relevance, under
     * the news ranking ({@link #ranked}).
     */
    private ObjectNode scored(ObjectNode text, ObjectNode strict, boolean partial, SearchRequest.Sort sort) throws IOException {
        ObjectNode q = text;
        if (partial) {
            q = json.createObjectNode();
            ObjectNode fs = q.putObject("function_score");
            fs.set("query", text);
            ObjectNode whole = fs.putArray("functions").addObject();
            whole.set("filter", strict);
            whole.put("weight", QueryFactory.WHOLE_MATCH_FACTOR);
            fs.put("score_mode", "multiply");
            fs.put("boost_mode", "multiply");
        }
        return sort == SearchRequest.Sort.RELEVANCE && !ranking.isNone() ? ranked(q) : q;
    }

    /**
     * As the embedded engine's second pass ({@link FeedbackTerms}): the first pass's best documents
     * within the filters, the bodies' counts of the words they share (one filters aggregation), and
     * those words as a query to add to the text's (empty if they share none).
     */
    private Optional<Query> feedbackWords(ObjectNode scored, Map<String, ObjectNode> filters, SearchRequest request) throws IOException {
        NewsRanking.Feedback fb = ranking.feedback();
        ObjectNode first = json.createObjectNode();
        ObjectNode bool = first.putObject("query").putObject("bool");
        bool.putArray("must").add(scored);
        ArrayNode filter = bool.putArray("filter");
        filters.values().forEach(filter::add);
        first.put("size", fb.docs() + 1);
        first.put("track_total_hits", false);
        first.putArray("_source").add(Fields.TITLE).add(Fields.BODY);
        JsonNode hits = client.send("POST", "/" + alias + "/_search?search_type=dfs_query_then_fetch", first).path("hits").path("hits");
        float[] scores = new float[hits.size()];
        for (int i = 0; i < hits.size(); i++) {
            scores[i] = hits.get(i).path("_score").floatValue();
        }
        List<FeedbackTerms.Doc> docs = new ArrayList<>();
        for (int i = 0; i < FeedbackTerms.kept(scores, fb.docs()); i++) {
            JsonNode src = hits.get(i).path("_source");
            docs.add(new FeedbackTerms.Doc(src.path(Fields.TITLE).asText(""), src.path(Fields.BODY).asText("")));
        }
        return feedback.words(docs, request.query(), shared -> {
            ObjectNode counts = json.createObjectNode(); // one filters aggregation for every word
            counts.put("size", 0);
            counts.put("track_total_hits", true);
            ObjectNode each = counts.putObject("aggs").putObject("df").putObject("filters").putObject("filters");
            List<String> words = new ArrayList<>(shared);
            for (int i = 0; i < words.size(); i++) {
                each.set("w" + i, QueryDsl.of(new org.apache.lucene.search.TermQuery(new org.apache.lucene.index.Term(Fields.BODY, words.get(i)))));
            }
            JsonNode r = client.send("POST", "/" + alias + "/_search", counts);
            Map<String, Long> bodyDocs = new HashMap<>();
            for (int i = 0; i < words.size(); i++) {
                bodyDocs.put(words.get(i), r.path("aggregations").path("df").path("buckets").path("w" + i).path("doc_count").asLong());
            }
            return new FeedbackTerms.Counts(bodyDocs, r.path("hits").path("total").path("value").asLong());
        }, fb, ranking.titleBoost());
    }

    /** How many documents match the query within every filter. */
    private long count(ObjectNode query, Map<String, ObjectNode> filters) throws IOException {
        ObjectNode body = json.createObjectNode();
        ObjectNode bool = body.putObject("query").putObject("bool");
        bool.putArray("must").add(query);
        ArrayNode filter = bool.putArray("filter");
        filters.values().forEach(filter::add);
        return client.send("POST", "/" + alias + "/_count", body).path("count").asLong();
    }

    /** The end of the newest document's day, as the embedded engine counts ages from it. */
    private long newestSecond() throws IOException {
        long[] cached = newest;
        if (cached == null || System.nanoTime() - cached[0] > NEWEST_TTL_NANOS) {
            ObjectNode body = json.createObjectNode();
            body.put("size", 0);
            body.putObject("aggs").putObject("newest").putObject("max").put("field", Fields.DATE_DAYS);
            JsonNode value = client.send("POST", "/" + alias + "/_search", body).path("aggregations").path("newest").path("value");
            long day = value.isNumber() ? (long) value.asDouble() : -1;
            cached = new long[] {System.nanoTime(), day};
            newest = cached;
        }
        return cached[1] < 0 ? 0 : NewsRanking.endOfDay(cached[1]);
    }

    @Override
    public long documentCount() throws IOException {
        return client.get("/" + alias + "/_count").path("count").asLong();
    }

    @Override
    public void close() {
        // the HTTP client holds no connection open between requests
    }

    /** One filter per facet dimension with a selection: OR within the dimension. */
    private Map<String, ObjectNode> filters(SearchRequest request) {
        Map<String, ObjectNode> out = new LinkedHashMap<>();
        terms(out, Fields.FACET_COMPANY, request.companies());
        terms(out, Fields.FACET_SOURCE, request.sources());
        terms(out, Fields.FACET_SCRIPT, request.scripts());
        if (request.from() != null || request.to() != null) {
            ObjectNode range = json.createObjectNode();
            if (request.from() != null) {
                range.put("gte", request.from().toEpochDay());
            }
            if (request.to() != null) {
                range.put("lte", request.to().toEpochDay());
            }
            ObjectNode field = json.createObjectNode();
            field.set(Fields.DATE_DAYS, range);
            out.put(Fields.FACET_MONTH, wrap("range", field)); // the date range is the month dimension's selection
        }
        return out;
    }

    private void terms(Map<String, ObjectNode> out, String field, List<String> values) {
        if (!values.isEmpty()) {
            ObjectNode t = json.createObjectNode();
            ArrayNode a = t.putArray(field);
            values.forEach(a::add);
            out.put(field, wrap("terms", t));
        }
    }

    private ObjectNode all(java.util.Collection<ObjectNode> filters) {
        ObjectNode bool = json.createObjectNode();
        ArrayNode f = bool.putArray("filter");
        filters.forEach(f::add);
        return wrap("bool", bool);
    }

    private ObjectNode wrap(String type, ObjectNode inner) {
        ObjectNode o = json.createObjectNode();
        o.set(type, inner);
        return o;
    }

    private static FacetShaping.Counts counts(JsonNode aggregations) {
        return new FacetShaping.Counts() {
            @Override
            public List<FacetShaping.LabelCount> top(String dim, int n) {
                List<FacetShaping.LabelCount> out = new ArrayList<>();
                for (JsonNode b : aggregations.path(dim).path("values").path("buckets")) {
                    if (out.size() == n) {
                        break;
                    }
                    out.add(new FacetShaping.LabelCount(b.path("key").asText(), b.path("doc_count").asLong()));
                }
                return out;
            }

            @Override
            public List<FacetShaping.LabelCount> all(String dim) {
                return top(dim, Integer.MAX_VALUE);
            }
        };
    }

    private static JsonNode marked(JsonNode highlight, String field) {
        JsonNode words = highlight.path(field);
        return words.isArray() && !words.isEmpty() ? words : highlight.path(QueryDsl.field(Fields.bigramOf(field)));
    }

    /** Private-use characters (OpenSearch trims control characters off a fragment's ends). */
    private static final String MARK_START = "\uE000";
    private static final String MARK_END = "\uE001";

    /**
     * A highlighted fragment as zhsearch's HTML: escaped like the embedded highlighter's, and a run
     * of marked words marked once (OpenSearch marks each word of 台积电 on its own).
     */
    static String markedHtml(String marked) {
        String joined = marked.replace(MARK_END + MARK_START, "");
        return Highlighting.escape(joined).replace(MARK_START, "<mark>").replace(MARK_END, "</mark>");
    }

    private static String text(JsonNode src, String field) {
        JsonNode v = src.path(field);
        return v.isMissingNode() || v.isNull() ? null : v.asText();
    }
}

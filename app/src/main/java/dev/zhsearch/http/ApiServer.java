package dev.zhsearch.http;

import dev.zhsearch.index.Analysis;
import dev.zhsearch.index.DocumentStore;
import dev.zhsearch.index.LiveIndex;
import dev.zhsearch.search.InvalidQueryException;
import dev.zhsearch.search.QueryFactory;
import dev.zhsearch.search.Searching;
import dev.zhsearch.search.SearchRequest;
import dev.zhsearch.search.SearchResult;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP API and the search page, as a Javalin app built from its dependencies. Handlers are
 * thin: parse, call {@link SearchService}, answer JSON. Errors are always JSON {@code {"error",
 * "detail"}}; a stack trace never reaches the client.
 */
public final class ApiServer {

    private static final Logger LOG = LoggerFactory.getLogger("zhsearch.http");
    /** A suggestion slower than this is logged like any request. */
    private static final int SLOW_SUGGESTION_MS = 100;
    static final long MAX_BODY_BYTES = 64 * 1024;
    /** Largest body {@code POST /api/documents} and {@code PUT /api/documents/{id}} take. */
    static final long MAX_DOCUMENTS_BODY_BYTES = 16L << 20;
    static final int MAX_REQUEST_HEADER_BYTES = 512 * 1024;

    /**
     * Where to listen and what to serve. {@code tokens} empty: writes and POST /api/reindex are off;
     * otherwise each request that changes the index needs one of them as {@code Authorization: Bearer}.
     * {@code corsOrigins} empty: no cross-origin access (the default).
     */
    public record Config(String host, int port, Path webDir, List<String> tokens, List<String> corsOrigins) {

        public Config {
            tokens = tokens == null ? List.of() : tokens.stream().filter(t -> t != null && !t.isBlank()).toList();
            corsOrigins = corsOrigins == null ? List.of() : List.copyOf(corsOrigins);
        }

        public Config(String host, int port, Path webDir, Optional<String> token, List<String> corsOrigins) {
            this(host, port, webDir, token.stream().toList(), corsOrigins);
        }

        public Config(String host, int port, Path webDir, Optional<String> reindexToken) {
            this(host, port, webDir, reindexToken, List.of());
        }
    }

    /** No inline script or style anywhere: the page is files from 'self' only. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /** Rebuilds the index behind the service; returns a one-line summary. */
    public interface Reindexer {
        String rebuild() throws IOException;
    }

    private final Searching service;
    private final Suggester suggester;
    private final PinyinSuggester pinyin;
    private final Analysis analysis;
    private final dev.zhsearch.search.TextAnalysis textAnalysis;
    private final Reindexer reindexer;
    private final Config config;
    private final AtomicBoolean reindexing = new AtomicBoolean();
    private volatile String lastReindex = null;
    /** Where writes go; null for a read-only server (writes answer 405). */
    private final DocumentStore index;
    private final Authorization authorization;
    private final DocumentWrites writes;

    /** A read-only server: search, documents, suggestions, stats; reindexing through {@code reindexer}. */
    public ApiServer(Searching service, Analysis analysis, Reindexer reindexer, Config config) {
        this(service, null, analysis, reindexer, config);
    }

    /** A server over a live index (embedded or on a cluster): search, and writes to {@code index} (with a token). */
    public ApiServer(Searching service, DocumentStore index, Analysis analysis, Reindexer reindexer, Config config) {
        this.index = index;
        this.service = service;
        this.authorization = new Authorization(config.tokens());
        this.writes = new DocumentWrites(index, authorization);
        this.analysis = analysis;
        this.reindexer = reindexer;
        this.config = config;
        this.suggester = new Suggester(analysis.companyTable(), analysis.configs().converter("t2s"), analysis.scripts());
        this.pinyin = new PinyinSuggester(dev.zhsearch.pinyin.Readings.standard(), analysis.companyTable(),
                analysis.configs().converter("t2s"), analysis.configs().converter("s2twp"), analysis.configs().converter("s2tw"),
                analysis.folder()::wordsFoldingTo, service);
        Thread.ofVirtual().name("pinyin-suggestions").start(pinyin::warm);
        this.textAnalysis = new dev.zhsearch.search.TextAnalysis(analysis, dev.zhsearch.clean.Cleaner.standard());
    }

    public Javalin start() {
        return create().start(config.host(), config.port());
    }

    Javalin create() {
        return Javalin.create(c -> {
            c.http.maxRequestSize = MAX_DOCUMENTS_BODY_BYTES;
            c.http.prefer405over404 = true;
            c.http.defaultContentType = "application/json";
            c.jetty.modifyHttpConfiguration(h -> {
                h.setRequestHeaderSize(MAX_REQUEST_HEADER_BYTES);
                h.setSendServerVersion(false);
            });
            c.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
            c.startup.showJavalinBanner = false;
            if (!config.corsOrigins().isEmpty()) {
                c.bundledPlugins.enableCors(cors -> cors.addRule(rule -> {
                    String first = config.corsOrigins().getFirst();
                    rule.allowHost(first, config.corsOrigins().subList(1, config.corsOrigins().size()).toArray(String[]::new));
                }));
            }
            if (config.webDir() != null && Files.isDirectory(config.webDir())) {
                c.staticFiles.add(s -> {
                    s.hostedPath = "/";
                    s.directory = config.webDir().toAbsolutePath().toString();
                    s.location = Location.EXTERNAL;
                });
            }
            c.requestLogger.http((ctx, ms) -> {
                // a suggestion is asked at every keystroke: answered well and quickly, it is logged only
                // at debug level (a line per keystroke cost the server more than the suggestion did)
                if (ctx.path().equals("/api/suggest") && ctx.statusCode() < 400 && ms < SLOW_SUGGESTION_MS) {
                    LOG.debug("{} {} {} {}ms", ctx.method(), ctx.path(), ctx.statusCode(), Math.round(ms));
                } else {
                    LOG.info("{} {} {} {}ms", ctx.method(), ctx.path(), ctx.statusCode(), Math.round(ms));
                }
            });
            c.routes.before(ctx -> {
                if (ctx.contentLength() > maxBody(ctx)) {
                    throw new TooLarge(maxBody(ctx));
                }
            });
            c.routes.after(ctx -> {
                ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
                ctx.header("X-Content-Type-Options", "nosniff");
                ctx.header("Referrer-Policy", "no-referrer");
                ctx.header("X-Frame-Options", "DENY");
                if (ctx.path().startsWith("/api/")) {
                    ctx.header("Cache-Control", "no-store");
                }
            });
            c.routes.get("/api/search", this::search);
            c.routes.get("/api/export", this::export);
            c.routes.get("/feed.atom", this::feed);
            c.routes.get("/api/documents/{id}", this::document);
            c.routes.get("/api/documents/{id}/related", this::related);
            c.routes.get("/api/stories/{id}", this::story);
            c.routes.get("/api/suggest", this::suggest);
            c.routes.get("/api/analyze", this::analyze);
            c.routes.get("/api/health", ctx -> ctx.json(Map.of("status", "ok")));
            c.routes.get("/api/stats", this::stats);
            c.routes.get("/api/openapi.json", this::openapi);
            c.routes.post("/api/reindex", this::reindex);
            c.routes.post("/api/documents", writes::post);
            c.routes.put("/api/documents/{id}", writes::put);
            c.routes.delete("/api/documents/{id}", writes::delete);
            c.routes.exception(TooLarge.class, (e, ctx) -> error(ctx, 413, "request too large", Map.of("maxBytes", e.max)));
            c.routes.exception(LiveIndex.RebuildingException.class, (e, ctx) -> error(ctx, 409, e.getMessage(), null));
            c.routes.exception(Authorization.Refused.class, (e, ctx) -> error(ctx, e.status, e.getMessage(), null));
            c.routes.exception(BadRequest.class, (e, ctx) -> error(ctx, 400, e.getMessage(), e.detail()));
            c.routes.exception(InvalidQueryException.class, (e, ctx) -> error(ctx, 400, e.getMessage(), Map.of("q", String.valueOf(ctx.queryParam("q")))));
            c.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
                error(ctx, 500, "internal error", null);
            });
            c.routes.error(404, ctx -> {
                if (!ctx.path().startsWith("/api/documents/")) { // that handler says which id
                    error(ctx, 404, "not found", Map.of("path", ctx.path()));
                }
            });
            c.routes.error(405, ctx -> error(ctx, 405, "method not allowed", Map.of("method", ctx.method().name(), "path", ctx.path())));
            c.routes.error(413, ctx -> error(ctx, 413, "request too large", Map.of("maxBytes", maxBody(ctx))));
        });
    }

    /** Document writes take large bodies; every other route, small ones. */
    private static long maxBody(Context ctx) {
        return ctx.path().startsWith("/api/documents") ? MAX_DOCUMENTS_BODY_BYTES : MAX_BODY_BYTES;
    }

    private static final class TooLarge extends RuntimeException {
        final long max;

        TooLarge(long max) {
            super("request too large", null, false, false);
            this.max = max;
        }
    }


    static void error(Context ctx, int status, String message, Object detail) {
        ctx.status(status).json(new ApiError(message, detail));
    }

    private void search(Context ctx) throws Exception {
        SearchRequest r = Params.searchRequest(ctx);
        SearchResult result = service.search(r);
        if (result.total() == 0 && r.syntax() == QueryFactory.Syntax.PEOPLE && !r.query().isBlank()) {
            // pinyin that finds nothing as letters: the word it reads as (taijidian → 台積電)
            var meaning = pinyin.meaning(r.query());
            if (meaning.isPresent()) {
                String word = r.display() == dev.zhsearch.search.Display.SIMPLIFIED ? meaning.get().hans() : meaning.get().hant();
                result = service.search(r.withQuery(word)).withByReading(new SearchResult.ByReading(r.query().strip(), word));
            }
        }
        ctx.json(result);
    }

    /** Entries a feed gives by default (at most {@link SearchRequest#MAX_SIZE}). */
    static final int FEED_SIZE = 20;

    /** {@code /feed.atom?q=…&company=…}: the search, newest first, as Atom; the same parameters and errors as /api/search. */
    private void feed(Context ctx) throws Exception {
        SearchRequest r = Params.searchRequest(ctx);
        int size = ctx.queryParam("size") == null ? FEED_SIZE : r.size();
        SearchResult result = service.search(r.withSort(SearchRequest.Sort.DATE_DESC).withPage(1, size).withHighlight(true));
        String query = ctx.queryString() == null ? "" : ctx.queryString();
        String base = ctx.scheme() + "://" + ctx.host();
        StringBuilder title = new StringBuilder("zhsearch: ").append(r.query().isBlank() ? "最新新聞" : r.query());
        if (!r.companies().isEmpty()) {
            title.append(" · ").append(String.join("、", r.companies().stream()
                    .map(id -> analysis.companyTable().get(id).map(r.display()::companyName).orElse(id)).toList()));
        }
        String display = ctx.queryParam("display") == null ? "orig" : ctx.queryParam("display").strip();
        ctx.contentType(AtomFeed.TYPE).result(AtomFeed.write(result, base, "/feed.atom" + (query.isEmpty() ? "" : "?" + query),
                "/" + (query.isEmpty() ? "" : "?" + query), title.toString(), display));
    }

    /**
     * {@code /api/export?format=csv|jsonl&q=…}: the search's documents, in its order, up to
     * {@code limit} (default 1,000, at most 10,000), streamed a page at a time so that memory stays
     * flat whatever the size; the same parameters and errors as /api/search.
     */
    private void export(Context ctx) throws Exception {
        ResultExport format;
        try {
            format = ResultExport.parse(ctx.queryParam("format"));
        } catch (IllegalArgumentException e) {
            throw new BadRequest(e.getMessage(), Map.of("format", String.valueOf(ctx.queryParam("format"))));
        }
        int limit = Params.integer(ctx, "limit", ResultExport.DEFAULT_ROWS);
        if (limit < 1 || limit > ResultExport.MAX_ROWS) {
            throw new BadRequest("limit must be between 1 and " + ResultExport.MAX_ROWS, Map.of("limit", limit));
        }
        SearchRequest r = Params.searchRequest(ctx).withHighlight(false);
        int pageSize = SearchRequest.MAX_SIZE;
        // the first page before any byte is sent: a bad query still gets its 400
        SearchResult first = service.search(r.withPage(1, Math.min(pageSize, limit)));
        ctx.contentType(format.contentType);
        ctx.header("Content-Disposition", "attachment; filename=\"zhsearch-export." + format.extension + "\"");
        ctx.header("X-Total-Count", Long.toString(Math.min(first.total(), limit)));
        try (var out = new java.io.BufferedWriter(new java.io.OutputStreamWriter(ctx.outputStream(), java.nio.charset.StandardCharsets.UTF_8))) {
            format.header(out);
            int written = 0;
            SearchResult page = first;
            for (int p = 1; ; p++) {
                for (var h : page.hits()) {
                    if (written++ < limit) {
                        format.row(h, out);
                    }
                }
                if (written >= limit || page.hits().size() < pageSize || (long) (p + 1) * pageSize > SearchRequest.MAX_PAGE_DEPTH) {
                    break;
                }
                out.flush();
                page = service.search(r.withPage(p + 1, pageSize));
            }
        }
    }

    /** Related articles a document view shows by default (at most {@link SearchRequest#MAX_SIZE}). */
    static final int RELATED_SIZE = 5;

    /** {@code /api/documents/{id}/related}: documents like this one, in either script; 404 if unknown. */
    private void related(Context ctx) throws Exception {
        String id = ctx.pathParam("id");
        int size = Params.integer(ctx, "size", RELATED_SIZE);
        if (size < 1 || size > SearchRequest.MAX_SIZE) {
            throw new BadRequest("size must be between 1 and " + SearchRequest.MAX_SIZE, Map.of("size", size));
        }
        var result = service.related(id, size, Params.display(ctx));
        if (result.isEmpty()) {
            error(ctx, 404, "no document with this id", Map.of("id", id));
            return;
        }
        ctx.json(result.get());
    }

    /** {@code /api/stories/{id}}: every document of a story, earliest first, the query's matches marked; 404 if unknown. */
    private void story(Context ctx) throws Exception {
        String id = ctx.pathParam("id");
        Optional<SearchResult> result;
        try {
            result = service.story(id, ctx.queryParam("q"), Params.syntax(ctx), Params.display(ctx));
        } catch (UnsupportedOperationException e) {
            error(ctx, 501, e.getMessage(), Map.of("id", id));
            return;
        }
        if (result.isEmpty()) {
            error(ctx, 404, "no story with this id", Map.of("id", id));
            return;
        }
        ctx.json(result.get());
    }

    private void document(Context ctx) throws Exception {
        String id = ctx.pathParam("id");
        var doc = service.document(id, ctx.queryParam("q"), Params.syntax(ctx), Params.display(ctx));
        if (doc.isEmpty()) {
            error(ctx, 404, "no document with this id", Map.of("id", id));
            return;
        }
        ctx.json(doc.get());
    }

    private void suggest(Context ctx) throws IOException {
        String q = ctx.queryParam("q");
        if (q == null || q.isBlank()) {
            ctx.json(Map.of("query", "", "suggestions", List.of()));
            return;
        }
        if (q.length() > 100) {
            throw new BadRequest("q too long for suggestions (at most 100 characters)", Map.of("length", q.length()));
        }
        if (!pinyin.applies(q)) {
            completions(ctx, q);
            return;
        }
        // typed by sound (taiji, tjd, ㄊㄞˊㄐ, 台ji): the words it reads as, companies first
        List<Suggester.Suggestion> byCompanyName = suggester.suggest(q, 5);
        // a name in letters (tsmc) keeps its company first; pinyin and initials (taiji, tw) put the words first
        List<Suggester.Suggestion> merged = new java.util.ArrayList<>(pinyin.latinName(q) ? byCompanyName : List.of());
        merged.addAll(pinyin.suggest(q, 8, displaySimplified(ctx, q)));
        merged.addAll(byCompanyName);
        List<Suggester.Suggestion> out = new java.util.ArrayList<>();
        for (Suggester.Suggestion s : merged) {
            if (out.size() < 8 && out.stream().noneMatch(o -> o.text().equals(s.text()))) {
                out.add(s);
            }
        }
        ctx.json(Map.of("query", q, "suggestions", out));
    }

    /** Whether suggestions are shown in Simplified: the display script asked for, else the script typed (Traditional where the text says nothing of it). */
    private boolean displaySimplified(Context ctx, String q) {
        return "hans".equals(ctx.queryParam("display"))
                || (!"hant".equals(ctx.queryParam("display")) && analysis.scripts().detect(q) == dev.zhsearch.convert.Script.SIMPLIFIED);
    }

    /**
     * Completions of text typed in Chinese characters (no letters, no Zhuyin): the words and companies
     * of the suggestions' table that begin so, the most used first (賴清: 賴清德, 习近: 习近平, which the
     * word analysis splits into characters; 台積: 台積電), then companies by any of their names that
     * begins so, then the index's title words; in the display script ({@link #displaySimplified}).
     */
    private void completions(Context ctx, String q) throws IOException {
        boolean simplified = displaySimplified(ctx, q);
        List<Suggester.Suggestion> out = new java.util.ArrayList<>();
        java.util.function.Consumer<Suggester.Suggestion> add = s -> {
            if (out.size() < 8 && out.stream().noneMatch(o -> o.text().equals(s.text()) || s.id() != null && s.id().equals(o.id()))) {
                out.add(s);
            }
        };
        pinyin.beginningWith(q, 8, simplified).forEach(add);
        suggester.suggest(q, 5).forEach(add);
        if (out.size() < 8) {
            // the index's title words (a scan of up to 5,000 terms, not asked once eight stand): folded
            // by the analyzer's own normalisation (its CharFilters, then lower case), as its terms are
            String folded = analysis.words().normalize(dev.zhsearch.index.Fields.TITLE, q.strip()).utf8ToString();
            var toTraditional = simplified ? null : analysis.configs().converter("s2twp");
            for (Searching.TermCount t : service.frequentTitleTerms(folded, 8, 5000)) {
                add.accept(new Suggester.Suggestion(simplified ? t.term() : toTraditional.convert(t.term()), "term", null));
            }
        }
        ctx.json(Map.of("query", q, "suggestions", out));
    }

    /** Longest text {@code /api/analyze} takes: it lists every token. */
    static final int MAX_ANALYZE_CHARS = 10_000;

    private void analyze(Context ctx) {
        String text = ctx.queryParam("text");
        if (text == null) {
            throw new BadRequest("text is required", null);
        }
        if (text.length() > MAX_ANALYZE_CHARS) {
            throw new BadRequest("text too long to analyse (at most " + MAX_ANALYZE_CHARS + " characters)", Map.of("length", text.length()));
        }
        String field = ctx.queryParam("field");
        try {
            ctx.json(textAnalysis.analyze(text, field == null || field.isBlank() ? null : field.strip()));
        } catch (IllegalArgumentException e) {
            throw new BadRequest(e.getMessage(), Map.of("field", field));
        }
    }

    private void stats(Context ctx) throws IOException {
        // read the reindex state before the index: a reindex reported done has already been
        // refreshed into the searcher, so the counts below are never older than the state
        boolean running = reindexing.get();
        String last = lastReindex;
        dev.zhsearch.search.IndexStats.Stats s = service.stats();
        java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("documents", s.documents());
        body.put("indexBytes", s.indexBytes());
        body.put("lastIndexed", s.lastIndexed());
        body.put("sources", s.sources());
        body.put("scripts", s.scripts());
        body.put("reindexing", running);
        if (index != null) {
            LiveIndex.WriteStats w = index.writeStats();
            Map<String, Object> writes = new java.util.LinkedHashMap<>();
            writes.put("total", w.writes());
            writes.put("lastWrite", w.lastWrite());
            writes.put("perMinute", w.writesLastMinute());
            writes.put("pending", w.pendingWrites());
            writes.put("segments", w.segments());
            writes.put("refreshes", w.refreshes());
            writes.put("refreshMillisMean", Math.round(w.refreshMillis() * 10) / 10.0);
            writes.put("commits", w.commits());
            writes.put("commitMillisMean", Math.round(w.commitMillis() * 10) / 10.0);
            body.put("writes", writes);
        }
        body.put("jvm", jvm());
        body.put("lastReindex", last);
        ctx.json(body);
    }

    /** Heap figures without forcing a GC: "after GC" is what the collector left at its last run. */
    static Map<String, Long> jvm() {
        long afterGc = 0;
        for (var pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP && pool.getCollectionUsage() != null) {
                afterGc += pool.getCollectionUsage().getUsed();
            }
        }
        Runtime rt = Runtime.getRuntime();
        return Map.of("heapMaxBytes", rt.maxMemory(), "heapUsedBytes", rt.totalMemory() - rt.freeMemory(), "heapAfterLastGcBytes", afterGc);
    }

    private void openapi(Context ctx) throws IOException {
        try (var in = ApiServer.class.getClassLoader().getResourceAsStream("http/openapi.json")) {
            ctx.contentType("application/json").result(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private void reindex(Context ctx) {
        authorization.require(ctx, "reindexing");
        if (!reindexing.compareAndSet(false, true)) {
            error(ctx, 409, "a reindex is already running", null);
            return;
        }
        Thread.ofPlatform().name("reindex").start(() -> {
            try {
                String summary = reindexer.rebuild();
                service.refresh();
                lastReindex = Instant.now() + ": " + summary;
                LOG.info("reindex done: {}", summary);
            } catch (Exception e) {
                lastReindex = Instant.now() + ": failed: " + e;
                LOG.error("reindex failed", e);
            } finally {
                reindexing.set(false);
            }
        });
        ctx.status(HttpStatus.ACCEPTED).json(Map.of("status", "reindexing", "check", "/api/stats"));
    }
}

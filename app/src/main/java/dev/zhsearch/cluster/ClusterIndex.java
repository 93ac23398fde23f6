package dev.zhsearch.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.zhsearch.clean.Cleaner;
import dev.zhsearch.corpus.CorpusReaders;
import dev.zhsearch.corpus.CorpusSink;
import dev.zhsearch.corpus.PubDate;
import dev.zhsearch.corpus.ReadProblem;
import dev.zhsearch.corpus.SourceDoc;
import dev.zhsearch.index.Analysis;
import dev.zhsearch.index.DocumentMapper;
import dev.zhsearch.index.DocumentStore;
import dev.zhsearch.index.DocumentPreparer;
import dev.zhsearch.index.Fields;
import dev.zhsearch.index.IndexedDoc;
import dev.zhsearch.index.LiveIndex;
import dev.zhsearch.index.WriteRate;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * zhsearch's index on an OpenSearch cluster, and the owner of its life there: the alias searches
 * go through ({@code zhsearch} unless named), rebuilds into a new index swapped in under the alias
 * in one step (no downtime, searches see one index or the other), upserts and deletes acknowledged
 * when searchable. Documents are prepared here exactly as for the embedded index (reader,
 * cleaning, script, companies); the plugin's analyzers analyse them in the cluster.
 */
public final class ClusterIndex implements DocumentStore {

    private static final int BATCH = 500;

    private final OpenSearchClient client;
    private final String alias;
    private final DocumentPreparer preparer;
    private final ObjectMapper json;
    private final org.apache.lucene.analysis.Analyzer words;
    private final WriteRate rate = new WriteRate();
    /** Writes through this server during a rebuild would reach the old index only: refused, as the embedded index refuses them. */
    private final java.util.concurrent.atomic.AtomicBoolean rebuilding = new java.util.concurrent.atomic.AtomicBoolean();

    public ClusterIndex(OpenSearchClient client, String alias, Analysis analysis) {
        this.client = client;
        this.alias = alias;
        this.preparer = dev.zhsearch.index.DocumentPreparer.standard(analysis);
        this.json = client.json();
        this.words = analysis.words();
    }

    public String alias() {
        return alias;
    }

    public OpenSearchClient client() {
        return client;
    }

    /** What a rebuild did. */
    public record Rebuilt(String index, long records, long indexed, long skipped, double seconds) {
        public String describe() {
            return String.format("%,d documents indexed into %s (%,d records read, %,d skipped) in %.1f s, %.0f docs/s; alias switched",
                    indexed, index, records, skipped, seconds, indexed / Math.max(seconds, 1e-9));
        }
    }

    /**
     * Reads {@code inputs} into a new index ({@code shards} primaries, {@code replicas} copies each),
     * then points the alias at it and deletes the indices it pointed at before.
     */
    public Rebuilt rebuild(List<Path> inputs, int shards, int replicas, PrintStream log) throws IOException {
        if (!rebuilding.compareAndSet(false, true)) {
            throw new IOException("a rebuild is already running");
        }
        try {
            return build(inputs, shards, replicas, log);
        } finally {
            rebuilding.set(false);
        }
    }

    private Rebuilt build(List<Path> inputs, int shards, int replicas, PrintStream log) throws IOException {
        long start = System.nanoTime();
        String index = alias + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS"));
        ObjectNode body = (ObjectNode) definition();
        ObjectNode settings = (ObjectNode) body.path("settings").path("index");
        settings.put("number_of_shards", shards);
        settings.put("number_of_replicas", replicas);
        settings.put("refresh_interval", "-1"); // a bulk build: refreshed once at the end
        client.send("PUT", "/" + index, body);
        long[] counts = new long[3]; // records, indexed, skipped
        List<IndexedDoc> batch = new ArrayList<>(BATCH);
        IOException[] failure = new IOException[1];
        CorpusReaders.standard().readAll(inputs, new CorpusSink() {
            @Override
            public void accept(SourceDoc doc) {
                counts[0]++;
                if (failure[0] != null) {
                    return;
                }
                batch.addAll(preparer.prepareAll(doc));
                if (batch.size() >= BATCH) {
                    flush();
                }
            }

            @Override
            public void skip(ReadProblem p) {
                counts[2]++;
                log.println("skipped: " + p);
            }

            void flush() {
                try {
                    bulk(index, batch, false);
                    counts[1] += records(batch);
                    if (counts[1] % 10_000 < BATCH) {
                        log.printf("%,d documents indexed…%n", counts[1]);
                    }
                } catch (IOException e) {
                    failure[0] = e;
                }
                batch.clear();
            }
        });
        if (failure[0] == null && !batch.isEmpty()) {
            bulk(index, batch, false);
            counts[1] += records(batch);
        }
        if (failure[0] != null) {
            client.send("DELETE", "/" + index, null);
            throw new IOException("rebuild failed, the alias still points where it did: " + failure[0].getMessage(), failure[0]);
        }
        ObjectNode restore = json.createObjectNode();
        restore.putObject("index").put("refresh_interval", "1s");
        client.send("PUT", "/" + index + "/_settings", restore);
        client.send("POST", "/" + index + "/_refresh", null);
        client.get("/_cluster/health/" + index + "?wait_for_status=" + (replicas == 0 ? "green" : "yellow") + "&timeout=60s");
        List<String> previous = aliased();
        ObjectNode swap = json.createObjectNode();
        ArrayNode actions = swap.putArray("actions");
        actions.addObject().putObject("add").put("index", index).put("alias", alias);
        for (String old : previous) {
            actions.addObject().putObject("remove_index").put("index", old);
        }
        client.send("POST", "/_aliases", swap); // one step: the alias moves and the old indices go
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Rebuilt(index, counts[0], counts[1], counts[2], seconds);
    }

    /** The indices the alias points at now (none before the first build). */
    private List<String> aliased() throws IOException {
        List<String> out = new ArrayList<>();
        try {
            client.get("/_alias/" + alias).fieldNames().forEachRemaining(out::add);
        } catch (OpenSearchClient.ClusterException e) {
            if (e.status() != 404) {
                throw e;
            }
        }
        return out;
    }

    /**
     * Creates or replaces each document by id; acknowledged when durable (OpenSearch syncs its
     * translog before it answers) and searchable (refresh=wait_for).
     */
    @Override
    public List<LiveIndex.Outcome> upsertAll(List<SourceDoc> docs) throws IOException {
        if (rebuilding.get()) {
            throw new LiveIndex.RebuildingException();
        }
        List<IndexedDoc> prepared = new ArrayList<>(docs.size());
        for (SourceDoc d : docs) {
            prepared.addAll(preparer.prepareAll(d));
        }
        // a record's items from an earlier version go first (a roundup may now list fewer)
        deleteItems(docs.stream().map(SourceDoc::id).toList());
        List<LiveIndex.Outcome> all = bulk(alias, prepared, true);
        List<LiveIndex.Outcome> out = new ArrayList<>(docs.size());
        for (int i = 0; i < prepared.size(); i++) {
            if (!prepared.get(i).isPart()) {
                out.add(all.get(i));
            }
        }
        rate.written(out.size());
        return out;
    }

    /** How many corpus records (not roundup items) a batch holds. */
    private static int records(List<IndexedDoc> batch) {
        return (int) batch.stream().filter(d -> !d.isPart()).count();
    }

    /**
     * Deletes the roundup items made from these records, if any, and waits until that is searchable.
     * Found by their {@code parent}, deleted by id in one bulk request: {@code _delete_by_query} is in
     * OpenSearch's reindex module, which a minimal distribution lacks.
     */
    private void deleteItems(List<String> recordIds) throws IOException {
        ObjectNode body = json.createObjectNode();
        ArrayNode ids = body.putObject("query").putObject("terms").putArray(Fields.PARENT);
        recordIds.forEach(ids::add);
        body.put("size", 10_000); // a roundup has tens of items; a batch of records a few thousand at most
        body.put("_source", false);
        JsonNode hits = client.send("POST", "/" + alias + "/_search", body).path("hits").path("hits");
        if (hits.isEmpty()) {
            return;
        }
        StringBuilder nd = new StringBuilder();
        for (JsonNode h : hits) {
            ObjectNode action = json.createObjectNode();
            action.putObject("delete").put("_id", h.path("_id").asText());
            nd.append(json.writeValueAsString(action)).append('\n');
        }
        client.bulk("/" + alias + "/_bulk?refresh=wait_for", nd.toString());
    }

    @Override
    public LiveIndex.Outcome delete(String id) throws IOException {
        if (rebuilding.get()) {
            throw new LiveIndex.RebuildingException();
        }
        try {
            JsonNode r = client.send("DELETE", "/" + alias + "/_doc/" + java.net.URLEncoder.encode(documentId(id), java.nio.charset.StandardCharsets.UTF_8)
                    + "?refresh=wait_for", null);
            boolean deleted = r.path("result").asText().equals("deleted");
            if (deleted) {
                deleteItems(List.of(id));
            }
            if (deleted) {
                rate.written(1);
            }
            return deleted ? LiveIndex.Outcome.DELETED : LiveIndex.Outcome.NOT_FOUND;
        } catch (OpenSearchClient.ClusterException e) {
            if (e.status() == 404) {
                return LiveIndex.Outcome.NOT_FOUND;
            }
            throw e;
        }
    }

    /** This server's writes; segments, refreshes and flushes (Lucene commits) as the cluster counts them for the index. */
    @Override
    public LiveIndex.WriteStats writeStats() throws IOException {
        JsonNode all = client.get("/" + alias + "/_stats/segments,refresh,flush").path("_all").path("primaries");
        long refreshes = all.path("refresh").path("total").asLong();
        long flushes = all.path("flush").path("total").asLong();
        return new LiveIndex.WriteStats(rate.total(), rate.last(), rate.lastMinute(), 0, all.path("segments").path("count").asInt(),
                refreshes, refreshes == 0 ? 0 : all.path("refresh").path("total_time_in_millis").asDouble() / refreshes,
                flushes, flushes == 0 ? 0 : all.path("flush").path("total_time_in_millis").asDouble() / flushes);
    }

    /** Whether the alias points at an index (a first serve builds one). */
    public boolean exists() throws IOException {
        return !aliased().isEmpty();
    }

    private List<LiveIndex.Outcome> bulk(String target, List<IndexedDoc> docs, boolean waitForRefresh) throws IOException {
        if (docs.isEmpty()) {
            return List.of();
        }
        StringBuilder nd = new StringBuilder();
        for (IndexedDoc d : docs) {
            ObjectNode action = json.createObjectNode();
            action.putObject("index").put("_id", documentId(d.id()));
            nd.append(json.writeValueAsString(action)).append('\n');
            nd.append(json.writeValueAsString(source(d))).append('\n');
        }
        JsonNode r = client.bulk("/" + target + "/_bulk" + (waitForRefresh ? "?refresh=wait_for" : ""), nd.toString());
        List<LiveIndex.Outcome> out = new ArrayList<>(docs.size());
        List<String> errors = new ArrayList<>();
        for (JsonNode item : r.path("items")) {
            JsonNode i = item.path("index");
            if (i.has("error")) {
                errors.add(i.path("_id").asText() + ": " + i.path("error").path("reason").asText());
            }
            out.add(i.path("result").asText().equals("created") ? LiveIndex.Outcome.CREATED : LiveIndex.Outcome.UPDATED);
        }
        if (!errors.isEmpty()) {
            throw new IOException(errors.size() + " document(s) refused by the cluster, the first: " + errors.getFirst());
        }
        return out;
    }

    /**
     * The title's words as the index has them (folded, segmented), one keyword each: what title
     * suggestions count on a cluster, where the text field's own terms cannot be listed.
     */
    public static final String TITLE_WORDS = "title_words";

    private java.util.Set<String> titleWords(IndexedDoc d) {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        try (org.apache.lucene.analysis.TokenStream ts = words.tokenStream(Fields.TITLE, d.foldedTitle().reader())) {
            var term = ts.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // analysing a String does not fail
        }
        return out;
    }

    /** OpenSearch's limit on an {@code _id}, in UTF-8 bytes. */
    static final int MAX_ID_BYTES = 512;

    /**
     * The cluster's {@code _id} for a zhsearch id: the id itself, or, past OpenSearch's 512 bytes
     * (tw-news-digest's ids are URLs, some 600 bytes long), {@code sha256:} and its digest. The
     * {@code id} field keeps the id as it is; searches and documents look it up there.
     */
    public static String documentId(String id) {
        byte[] utf8 = id.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (utf8.length <= MAX_ID_BYTES) {
            return id;
        }
        try {
            return "sha256:" + java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(utf8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The document as the cluster index stores it: the fields {@link Fields} names, valued as the embedded index values them. */
    ObjectNode source(IndexedDoc d) {
        ObjectNode o = json.createObjectNode();
        o.put(Fields.ID, d.id());
        o.put(Fields.TITLE, d.title());
        o.put(Fields.BODY, d.body());
        ArrayNode titleWords = o.putArray(TITLE_WORDS);
        titleWords(d).forEach(titleWords::add);
        PubDate date = d.date();
        o.put(Fields.DATE_SOURCE, date.provenance().label());
        if (date.known()) {
            o.put(Fields.DATE, date.iso());
            o.put(Fields.DATE_DAYS, DocumentMapper.days(date));
            o.put(Fields.DATE_SORT, DocumentMapper.sortSeconds(date));
        }
        o.put(Fields.FACET_MONTH, DocumentMapper.month(date));
        if (d.source() != null) {
            o.put(Fields.SOURCE, d.source());
        }
        if (d.url() != null) {
            o.put(Fields.URL, d.url());
        }
        o.put(Fields.SCRIPT, d.script().label());
        ArrayNode companies = o.putArray(Fields.COMPANY);
        d.companies().forEach(companies::add);
        if (d.origin() != null) {
            o.put(Fields.ORIGIN, d.origin());
        }
        o.put(Fields.PAGE_TYPE, d.pageType().label());
        o.put(Fields.FAMILY, d.family());
        if (d.isPart()) {
            o.put(Fields.PARENT, d.family());
        }
        return o;
    }

    /** The index settings and mappings (resource {@code cluster/index.json}): the plugin's analyzers on zhsearch's fields. */
    public JsonNode definition() throws IOException {
        try (InputStream in = ClusterIndex.class.getClassLoader().getResourceAsStream("cluster/index.json")) {
            if (in == null) {
                throw new IllegalStateException("missing resource cluster/index.json");
            }
            return json.readTree(in);
        }
    }
}

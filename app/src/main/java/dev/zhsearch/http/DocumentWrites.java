package dev.zhsearch.http;

import dev.zhsearch.index.DocumentStore;
import dev.zhsearch.index.LiveIndex;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The write routes: {@code POST /api/documents} (JSON Lines), {@code PUT} and {@code DELETE
 * /api/documents/{id}}, each behind the admin token, each answered once its change is durable.
 */
final class DocumentWrites {

    private final DocumentStore index; // null: a read-only server
    private final Authorization authorization;
    private final dev.zhsearch.corpus.JsonLinesReader documents = new dev.zhsearch.corpus.OwnJsonLinesReader();

    DocumentWrites(DocumentStore index, Authorization authorization) {
        this.index = index;
        this.authorization = authorization;
    }

    private DocumentStore writable(Context ctx) {
        if (index == null) {
            throw new Authorization.Refused(405, "this server is read-only");
        }
        authorization.require(ctx, "writing");
        return index;
    }

    /**
     * JSON Lines in zhsearch's own format, each line created or replacing the document with its id.
     * An invalid line is reported with its number and the others are applied; the answer comes once
     * every applied line is durable.
     */
    void post(Context ctx) throws IOException {
        DocumentStore live = writable(ctx);
        List<Map<String, Object>> results = new java.util.ArrayList<>();
        List<dev.zhsearch.corpus.SourceDoc> docs = new java.util.ArrayList<>();
        List<Integer> lines = new java.util.ArrayList<>();
        int n = 0;
        for (String line : ctx.body().split("\r?\n", -1)) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            try {
                docs.add(documents.parse(line, "request:" + n));
                lines.add(n);
                results.add(null);
            } catch (IllegalArgumentException e) {
                results.add(Map.of("line", n, "error", e.getMessage()));
            }
        }
        List<LiveIndex.Outcome> outcomes = live.upsertAll(docs);
        int created = 0;
        int updated = 0;
        for (int i = 0, d = 0; i < results.size(); i++) {
            if (results.get(i) == null) {
                LiveIndex.Outcome o = outcomes.get(d);
                created += o == LiveIndex.Outcome.CREATED ? 1 : 0;
                updated += o == LiveIndex.Outcome.UPDATED ? 1 : 0;
                results.set(i, Map.of("line", lines.get(d), "id", docs.get(d).id(), "status", o.name().toLowerCase(java.util.Locale.ROOT)));
                d++;
            }
        }
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("created", created);
        body.put("updated", updated);
        body.put("errors", results.size() - created - updated);
        body.put("results", results);
        ctx.json(body);
    }

    /** One document, as one JSON object; its id is the path's (an "id" in the body must agree). */
    void put(Context ctx) throws IOException {
        DocumentStore live = writable(ctx);
        String id = ctx.pathParam("id");
        com.fasterxml.jackson.databind.JsonNode node;
        try {
            node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(ctx.body());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BadRequest("invalid JSON: " + e.getOriginalMessage(), null);
        }
        if (node == null || !node.isObject()) {
            throw new BadRequest("the body must be one JSON object {\"title\",\"body\",\"date\",\"source\",\"url\"}", null);
        }
        if (node.has("id") && !node.path("id").asText().equals(id)) {
            throw new BadRequest("the body's id differs from the path's", Map.of("path", id, "body", node.path("id").asText()));
        }
        ((com.fasterxml.jackson.databind.node.ObjectNode) node).put("id", id);
        dev.zhsearch.corpus.SourceDoc doc;
        try {
            doc = documents.parse(node.toString(), "request");
        } catch (IllegalArgumentException e) {
            throw new BadRequest(e.getMessage(), null);
        }
        LiveIndex.Outcome o = live.upsert(doc);
        ctx.status(o == LiveIndex.Outcome.CREATED ? 201 : 200).json(Map.of("id", id, "status", o.name().toLowerCase(java.util.Locale.ROOT)));
    }

    void delete(Context ctx) throws IOException {
        DocumentStore live = writable(ctx);
        String id = ctx.pathParam("id");
        if (live.delete(id) == LiveIndex.Outcome.NOT_FOUND) {
            ApiServer.error(ctx, 404, "no document with this id", Map.of("id", id));
            return;
        }
        ctx.json(Map.of("id", id, "status", "deleted"));
    }
}

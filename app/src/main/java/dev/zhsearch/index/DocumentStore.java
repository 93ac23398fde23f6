package dev.zhsearch.index;

import dev.zhsearch.corpus.SourceDoc;
import java.io.IOException;
import java.util.List;

/**
 * Where writes go: the embedded {@link LiveIndex} or an index on a cluster. Every write is
 * acknowledged when it is durable and searchable, and prepared (cleaned, tagged) as a full build prepares it.
 */
public interface DocumentStore {

    /** Creates the document, or replaces the one with its id. */
    default LiveIndex.Outcome upsert(SourceDoc doc) throws IOException {
        return upsertAll(List.of(doc)).getFirst();
    }

    /** Creates or replaces each document; one outcome per document, in order. */
    List<LiveIndex.Outcome> upsertAll(List<SourceDoc> docs) throws IOException;

    /** Deletes the document with this id, or says NOT_FOUND. */
    LiveIndex.Outcome delete(String id) throws IOException;

    /** Write counters for /api/stats. */
    LiveIndex.WriteStats writeStats() throws IOException;
}

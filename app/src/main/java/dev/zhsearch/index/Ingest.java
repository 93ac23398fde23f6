package dev.zhsearch.index;

import dev.zhsearch.corpus.CorpusReaders;
import dev.zhsearch.corpus.CorpusSink;
import dev.zhsearch.corpus.ReadProblem;
import dev.zhsearch.corpus.SourceDoc;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Adds files to a live index (embedded or on a cluster): read by the same readers as a full build, each document created or
 * replacing the one with its id (cleaned, folded and tagged by the index's own preparation), in
 * batches that each end durable. Adding the same files twice changes nothing.
 */
public final class Ingest {

    /** Documents per batch: one durable commit each. */
    static final int BATCH = 1_000;

    /**
     * What an add did: records read, documents created and replaced, documents left alone because
     * this ingest already wrote them exactly so, records skipped (each reported).
     */
    public record Summary(long read, long created, long updated, long unchanged, long skipped) {
        public String describe() {
            return String.format("read %,d documents: %,d created, %,d replaced, %,d unchanged, %,d skipped",
                    read, created, updated, unchanged, skipped);
        }
    }

    private final DocumentStore index;
    private final CorpusReaders readers;
    /** Id → hash of the version this ingest last wrote, when it remembers (an inbox re-reading growing files). */
    private final java.util.Map<String, Integer> written;

    /** Writes every document it reads. */
    public Ingest(DocumentStore index, CorpusReaders readers) {
        this(index, readers, false);
    }

    /** With {@code skipUnchanged}, a document read again exactly as this ingest last wrote it is not written again. */
    public Ingest(DocumentStore index, CorpusReaders readers, boolean skipUnchanged) {
        this.index = index;
        this.readers = readers;
        this.written = skipUnchanged ? new java.util.concurrent.ConcurrentHashMap<>() : null;
    }

    /** Adds every document under {@code inputs}; problems are printed to {@code log} (if any) as they are met. */
    public Summary add(List<Path> inputs, PrintStream log) throws IOException {
        Batches batches = new Batches(log);
        try {
            readers.readAll(inputs, batches);
            batches.flush();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return new Summary(batches.read, batches.created, batches.updated, batches.unchanged, batches.skipped);
    }

    /** Adds the documents of one file. */
    public Summary add(Path file, PrintStream log) throws IOException {
        return add(List.of(file), log);
    }

    private final class Batches implements CorpusSink {
        private final PrintStream log;
        private final List<SourceDoc> pending = new ArrayList<>(BATCH);
        long read;
        long created;
        long updated;
        long unchanged;
        long skipped;

        Batches(PrintStream log) {
            this.log = log;
        }

        @Override
        public void accept(SourceDoc doc) {
            read++;
            if (written != null) {
                int hash = java.util.Objects.hash(doc.title(), doc.body(), doc.date(), doc.source(), doc.url());
                Integer before = written.put(doc.id(), hash);
                if (before != null && before == hash) {
                    unchanged++;
                    return;
                }
            }
            pending.add(doc);
            if (pending.size() >= BATCH) {
                try {
                    flush();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        @Override
        public void skip(ReadProblem problem) {
            skipped++;
            if (log != null) {
                log.println("skipped " + problem);
            }
        }

        void flush() throws IOException {
            if (pending.isEmpty()) {
                return;
            }
            List<LiveIndex.Outcome> outcomes;
            try {
                outcomes = index.upsertAll(pending);
            } catch (IOException | RuntimeException e) {
                if (written != null) {
                    pending.forEach(d -> written.remove(d.id())); // not written: a later read must write them
                }
                pending.clear();
                throw e;
            }
            for (LiveIndex.Outcome o : outcomes) {
                created += o == LiveIndex.Outcome.CREATED ? 1 : 0;
                updated += o == LiveIndex.Outcome.UPDATED ? 1 : 0;
            }
            pending.clear();
        }
    }
}

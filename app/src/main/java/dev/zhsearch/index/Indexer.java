package dev.zhsearch.index;

import dev.zhsearch.corpus.CorpusReaders;
import dev.zhsearch.corpus.CorpusSink;
import dev.zhsearch.corpus.ReadProblem;
import dev.zhsearch.corpus.SourceDoc;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Builds an index from corpus files. One thread reads; {@code threads} workers clean, detect the
 * script and analyse (IndexWriter analyses in the calling thread, so analysis runs in parallel).
 * The workers share one queue, so while one of them flushes a segment (seconds, for a large RAM
 * buffer) the others keep indexing. Of two documents with one id the last read wins: a worker
 * indexes a document only if no later copy has been read, holding that id's lock while it writes,
 * so an earlier copy can never overwrite a later one (and a flush in one worker blocks no other).
 * Until every document is in, readers of the directory keep seeing the previous index; then one
 * commit makes the new one durable and searchable whole.
 *
 * <p>The index ends as one segment per worker, not one segment: the RAM buffer is sized from the
 * heap so that each worker can hold its whole share in memory and write it once, on its own core,
 * at the end. Merging those into one segment would take a tenth of the build on a single core and
 * buy about 7% more faceted queries per second. Only when the heap is too small for that (a server
 * rebuilding inside -Xmx512m, a corpus several times this one) do segments pile up; then a merge
 * down to one per worker follows the commit, and a second commit records it.
 */
public final class Indexer {

    /** Commit user-data key: when the index was built (ISO instant). */
    public static final String LAST_INDEXED = "zhsearch.lastIndexed";
    private static final int MAX_PROBLEMS_KEPT = 10_000;

    private final Analysis analysis;
    private final CorpusReaders readers;
    private final DocumentPreparer preparer;
    private final DocumentMapper mapper = new DocumentMapper();
    private final int threads;
    private final PrintStream log;
    private final long progressEveryMillis;
    private final double ramBufferMb;
    /** How stories are found once every document is in; null: not at all (a bench's baseline). */
    private final dev.zhsearch.story.StoryRule stories;

    /** Share of the heap for in-memory segments: the rest is for the documents in flight, the dictionaries, the merge. */
    static final double HEAP_SHARE_FOR_SEGMENTS = 0.4;
    /** Below Lucene's limit for one in-memory segment (1,945 MB), which a single worker could reach. */
    private static final double MAX_RAM_BUFFER_MB = 1_900;

    /**
     * The RAM buffer for a heap of {@code maxHeapBytes}: {@value #HEAP_SHARE_FOR_SEGMENTS} of it, at
     * least 16 MB. With the launcher's -Xmx2g that is 819 MB, which holds tw-news-digest + cctv-xwlb
     * (164k documents) whole: two segments, written at the end, one on each core.
     */
    static double ramBufferMbFor(long maxHeapBytes) {
        return Math.clamp(maxHeapBytes * HEAP_SHARE_FOR_SEGMENTS / (1 << 20), 16, MAX_RAM_BUFFER_MB);
    }

    public Indexer(Analysis analysis, CorpusReaders readers, int threads, PrintStream log, long progressEveryMillis) {
        this(analysis, readers, threads, log, progressEveryMillis, ramBufferMbFor(Runtime.getRuntime().maxMemory()));
    }

    /** {@code ramBufferMb}: memory for in-memory segments, all workers together; a worker writes a segment when its share is full. */
    public Indexer(Analysis analysis, CorpusReaders readers, int threads, PrintStream log, long progressEveryMillis, double ramBufferMb) {
        this(analysis, readers, threads, log, progressEveryMillis, ramBufferMb, dev.zhsearch.story.StoryRule.standard());
    }

    private Indexer(Analysis analysis, CorpusReaders readers, int threads, PrintStream log, long progressEveryMillis, double ramBufferMb,
                    dev.zhsearch.story.StoryRule stories) {
        this.stories = stories;
        this.ramBufferMb = ramBufferMb;
        this.analysis = analysis;
        this.readers = readers;
        this.preparer = DocumentPreparer.standard(analysis);
        this.threads = Math.max(1, threads);
        this.log = log;
        this.progressEveryMillis = progressEveryMillis;
    }

    /** This indexer finding stories by {@code rule}, or not at all when it is null. */
    public Indexer withStories(dev.zhsearch.story.StoryRule rule) {
        return new Indexer(analysis, readers, threads, log, progressEveryMillis, ramBufferMb, rule);
    }

    /** Replaces whatever index is in {@code indexDir} with one built from {@code inputs}. */
    public IndexSummary build(List<Path> inputs, Path indexDir) throws IOException {
        Files.createDirectories(indexDir);
        try (Directory dir = FSDirectory.open(indexDir)) {
            return build(inputs, dir);
        }
    }

    public IndexSummary build(List<Path> inputs, Directory dir) throws IOException {
        long start = System.nanoTime();
        IndexWriterConfig config = new IndexWriterConfig(analysis.perField())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                .setRAMBufferSizeMB(ramBufferMb)
                .setUseCompoundFile(false) // a bulk build: do not copy every flushed segment into a .cfs
                .setCommitOnClose(false);
        Counters c = new Counters();
        dev.zhsearch.story.StoryLinker.Summary storySummary = null;
        double searchable;
        int written;
        try (IndexWriter writer = new IndexWriter(dir, config)) {
            BlockingQueue<Job> queue = new ArrayBlockingQueue<>(QUEUED_PER_WORKER * threads);
            List<Thread> workers = new ArrayList<>();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            for (int i = 0; i < threads; i++) {
                workers.add(Thread.ofPlatform().name("indexer-" + i).start(() -> work(queue, writer, c, failure)));
            }
            Thread progress = Thread.ofPlatform().daemon().name("indexer-progress").start(() -> progress(c, start));
            CorpusSink sink = new CorpusSink() {
                @Override
                public void accept(SourceDoc doc) {
                    long seq = c.records.incrementAndGet();
                    AtomicLong latest = c.latest.computeIfAbsent(doc.id(), id -> new AtomicLong());
                    boolean first = latest.getAndSet(seq) == 0;
                    if (!first) {
                        c.duplicates.incrementAndGet();
                        problem(c, new ReadProblem(doc.origin(), 0, "duplicate id " + doc.id() + ": replaces the earlier one"), false);
                    }
                    try {
                        while (!queue.offer(new Job(doc, seq, first, latest), 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                            if (failure.get() != null) {
                                throw new IllegalStateException("indexing failed", failure.get());
                            }
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted", e);
                    }
                }

                @Override
                public void skip(ReadProblem p) {
                    problem(c, p, true);
                }
            };
            try {
                readers.readAll(inputs, sink);
            } finally {
                for (int i = 0; i < threads; i++) {
                    putPoison(queue);
                }
                for (Thread w : workers) {
                    join(w);
                }
                progress.interrupt();
            }
            if (failure.get() != null) {
                writer.rollback();
                throw new IOException("indexing failed: " + failure.get(), failure.get());
            }
            // every document is in: commit, so the new index is durable and searchable (a server
            // refreshing now sees all of it) before any merge below, which only makes it faster
            writer.setLiveCommitData(Map.of(LAST_INDEXED, Instant.now().toString()).entrySet());
            writer.commit();
            searchable = (System.nanoTime() - start) / 1e9;
            written = SegmentInfos.readLatestCommit(dir).size();
            if (written > threads) {
                // the buffer filled before the input ended: each extra segment costs every query a
                // term lookup, and four instead of one cost a fifth of faceted throughput here
                boolean tell = log != null && progressEveryMillis > 0;
                if (tell) {
                    log.printf("… committed %,d documents in %.1f s: searchable; merging %d segments into %d for search speed%n",
                            writer.getDocStats().numDocs, searchable, written, threads);
                }
                long mergeStart = System.nanoTime();
                writer.forceMerge(threads);
                writer.commit();
                if (tell) {
                    log.printf("… merged in %.1f s%n", (System.nanoTime() - mergeStart) / 1e9);
                }
            }
            if (stories != null) {
                // the documents are searchable already; the stories follow in a second commit
                boolean tell = log != null && progressEveryMillis > 0;
                dev.zhsearch.story.StoryLinker.Summary linked = new dev.zhsearch.story.StoryLinker(analysis.bigrams(), stories)
                        .link(writer, tell ? log : null);
                writer.commit();
                storySummary = linked;
                if (tell) {
                    log.printf("… stories: %,d documents compared in %,d pairs; %,d stories of 2 or more documents (%,d documents, the largest %d) in %.1f s%n",
                            linked.documents(), linked.compared(), linked.stories(), linked.storyDocuments(), linked.largest(), linked.seconds());
                }
            }
        }
        long docsInIndex;
        int segments;
        try (DirectoryReader r = DirectoryReader.open(dir)) {
            docsInIndex = r.numDocs();
            segments = r.leaves().size();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        List<ReadProblem> problems;
        synchronized (c.problems) {
            problems = List.copyOf(c.problems);
        }
        return new IndexSummary(c.records.get(), c.indexed.get() - c.duplicates.get(), c.duplicates.get(), c.skipped.get(),
                c.chars.get(), c.bytes.get(), searchable, seconds, sizeOf(dir), docsInIndex, written, segments, problems, storySummary);
    }

    /**
     * A document as read: its place in the reading order, whether its id was new then, and the
     * reading order of the last copy of its id read so far (also the id's lock).
     */
    private record Job(SourceDoc doc, long seq, boolean first, AtomicLong latest) {}

    private static final Job POISON = new Job(null, -1, false, null);
    /** Documents waiting per worker: enough to ride out a pause of the reader, little memory. */
    private static final int QUEUED_PER_WORKER = 256;

    private void work(BlockingQueue<Job> queue, IndexWriter writer, Counters c, AtomicReference<Throwable> failure) {
        try {
            while (true) {
                Job job = queue.take();
                if (job == POISON) {
                    // flush a buffered segment here, on this worker's core, while the other workers
                    // finish or flush theirs; left to the commit, the flushes would run one by one
                    if (failure.get() == null) {
                        writer.flushNextBuffer();
                    }
                    return;
                }
                SourceDoc doc = job.doc();
                if (failure.get() != null) {
                    continue; // drain, so the reader is never blocked
                }
                List<IndexedDoc> family = preparer.prepareAll(doc);
                IndexedDoc prepared = family.getLast();
                if (doc.body().length() > DocumentPreparer.MAX_BODY_CHARS && prepared.body().length() >= DocumentPreparer.MAX_BODY_CHARS - 1) {
                    problem(c, new ReadProblem(doc.origin(), 0, "document " + doc.id() + " is " + doc.body().length()
                            + " characters: indexed its first " + DocumentPreparer.MAX_BODY_CHARS), false);
                }
                List<org.apache.lucene.document.Document> documents = new java.util.ArrayList<>(family.size());
                for (IndexedDoc d : family) {
                    documents.add(IndexFacets.CONFIG.build(mapper.toDocument(d)));
                }
                synchronized (job.latest()) {
                    // a later copy read already: it wins, so this one need not be indexed at all; the
                    // check and the write under the id's lock, so a later copy is never written first
                    if (job.latest().get() == job.seq()) {
                        if (job.first()) {
                            writer.addDocuments(documents); // a later copy, if any, replaces them by family
                        } else {
                            writer.updateDocuments(new Term(Fields.FAMILY, prepared.id()), documents);
                        }
                    }
                }
                c.indexed.incrementAndGet();
                c.chars.addAndGet(prepared.title().length() + prepared.body().length());
                c.bytes.addAndGet(utf8Length(prepared.title()) + utf8Length(prepared.body()));
            }
        } catch (Throwable t) {
            failure.compareAndSet(null, t);
            // keep draining so the reading thread can finish and report
            try {
                while (queue.take() != POISON) {
                    // discard
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void problem(Counters c, ReadProblem p, boolean skipped) {
        if (skipped) {
            c.skipped.incrementAndGet();
        }
        synchronized (c.problems) {
            if (c.problems.size() < MAX_PROBLEMS_KEPT) {
                c.problems.add(p);
            }
        }
        if (log != null) {
            log.println((skipped ? "skipped " : "note: ") + p);
        }
    }

    private void progress(Counters c, long start) {
        if (log == null || progressEveryMillis <= 0) {
            return;
        }
        try {
            while (true) {
                Thread.sleep(progressEveryMillis);
                double s = (System.nanoTime() - start) / 1e9;
                log.printf("… %,d documents read, %,d indexed, %,d skipped — %,.0f docs/s, %.1f MB/s, %.0f s%n",
                        c.records.get(), c.indexed.get(), c.skipped.get(), c.indexed.get() / s, c.bytes.get() / 1e6 / s, s);
            }
        } catch (InterruptedException e) {
            // done
        }
    }

    private static void putPoison(BlockingQueue<Job> q) {
        try {
            q.put(POISON);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void join(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static long sizeOf(Directory dir) throws IOException {
        long total = 0;
        for (String f : dir.listAll()) {
            try {
                total += dir.fileLength(f);
            } catch (IOException | UncheckedIOException e) {
                // a file removed while listing: not part of the index any more
            }
        }
        return total;
    }

    private static long utf8Length(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch < 0x80) {
                n += 1;
            } else if (ch < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(ch)) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    private static final class Counters {
        final AtomicLong records = new AtomicLong();
        final AtomicLong indexed = new AtomicLong();
        final AtomicLong duplicates = new AtomicLong();
        final AtomicLong skipped = new AtomicLong();
        final AtomicLong chars = new AtomicLong();
        final AtomicLong bytes = new AtomicLong();
        /** id → the reading order of its last copy read. */
        final Map<String, AtomicLong> latest = new ConcurrentHashMap<>();
        final List<ReadProblem> problems = Collections.synchronizedList(new ArrayList<>());
    }

}

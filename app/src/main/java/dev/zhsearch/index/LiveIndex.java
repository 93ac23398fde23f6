package dev.zhsearch.index;

import dev.zhsearch.corpus.SourceDoc;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ReferenceManager;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The one owner of a served index's life: its directory, its IndexWriter (open for as long as the
 * server runs), the near-real-time SearcherManager whose searchers carry their facet state, the
 * refresh that makes writes searchable, the commits that make them durable, rebuilds, and close.
 * Searching gets its searchers from {@link #searchers()}; writing goes through {@link #upsert} and
 * {@link #delete}.
 *
 * <p><b>What a write promises.</b> {@link #upsert} and {@link #delete} return once the change is in
 * a Lucene commit (fsync'd): an acknowledged write survives {@code kill -9}. Commits are grouped: one
 * thread commits whatever is pending, and every write that arrived before that commit started is
 * released by it, so many concurrent writers share one fsync. A write is searchable, with its
 * facets, usually at once (the commit thread opens a reader after each commit), and otherwise within
 * {@link #REFRESH_MILLIS} ms plus the time to open the new reader.
 *
 * <p><b>Rebuilds.</b> {@link #rebuild} builds a new index beside this one, with the bulk indexer,
 * while searches and this index go on as they are; writes are refused meanwhile
 * ({@link RebuildingException}, HTTP 409), since they would not reach the new index. Then the new
 * index replaces the documents of this one in a single commit and one refresh: searchers see the
 * old index or the new one, never a mix, and a crash at any point leaves one of the two whole.
 */
public final class LiveIndex implements DocumentStore, Closeable {

    /** How often pending writes are made searchable. */
    public static final long REFRESH_MILLIS = 200;
    /** Commit user-data key: when the last write was committed. */
    public static final String LAST_WRITE = "zhsearch.lastWrite";
    /** Pause before a commit is tried again after one failed. */
    private static final long COMMIT_RETRY_MILLIS = 500;
    /** In-memory buffer for writes between refreshes (they are flushed at each refresh anyway). */
    private static final double LIVE_RAM_BUFFER_MB = 64;

    /** A write refused because a rebuild is running. */
    public static final class RebuildingException extends IOException {
        public RebuildingException() {
            super("a full rebuild is running: writes are refused until it ends (they would not reach the new index); retry shortly");
        }
    }

    /** What a write did to one document. */
    public enum Outcome { CREATED, UPDATED, DELETED, NOT_FOUND }

    /** Write counters for /api/stats. */
    public record WriteStats(long writes, String lastWrite, int writesLastMinute, long pendingWrites, int segments,
                             long refreshes, double refreshMillis, long commits, double commitMillis) {}

    private final Path path;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager manager;
    private final DocumentPreparer preparer;
    private final DocumentMapper mapper = new DocumentMapper();
    private final dev.zhsearch.story.StoryFinder stories;
    private final ReentrantReadWriteLock rebuildLock = new ReentrantReadWriteLock();
    /** Held while a refresh runs, and by a rebuild's swap, so no searcher ever sees half a swap. */
    private final ReentrantLock refreshLock = new ReentrantLock();
    private final Object[] idLocks = new Object[64];
    private final Committer committer = new Committer();
    private final Thread refresher;
    /** Refreshes wait on it for their interval; waiters for visibility wait on it for a refresh. */
    private final Object refreshSignal = new Object();
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Ids written since the searchers last refreshed, and whether each exists now. */
    private final Map<String, Boolean> unrefreshed = new HashMap<>();
    private final WriteRate rate = new WriteRate();
    private volatile long visibleSeq;
    private final AtomicLong refreshes = new AtomicLong();
    private final AtomicLong refreshNanos = new AtomicLong();
    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong commitNanos = new AtomicLong();
    private volatile String lastWrite;

    private LiveIndex(Path path, Directory directory, IndexWriter writer, Analysis analysis) throws IOException {
        this.path = path;
        this.directory = directory;
        this.writer = writer;
        this.manager = new SearcherManager(writer, new FacetedSearcher.Factory());
        this.preparer = DocumentPreparer.standard(analysis);
        this.stories = new dev.zhsearch.story.StoryFinder(analysis.bigrams(), dev.zhsearch.story.StoryRule.standard());
        for (int i = 0; i < idLocks.length; i++) {
            idLocks[i] = new Object();
        }
        this.lastWrite = writer.getLiveCommitData() == null ? null : commitValue(LAST_WRITE);
        this.refresher = Thread.ofPlatform().daemon().name("index-refresh").start(this::refreshLoop);
        Thread.ofPlatform().daemon().name("index-commit").start(committer::run);
    }

    /** Opens (or creates) the index in {@code indexDir} for searching and writing. */
    public static LiveIndex open(Path indexDir, Analysis analysis) throws IOException {
        Files.createDirectories(indexDir);
        Directory dir = FSDirectory.open(indexDir);
        try {
            IndexWriterConfig config = new IndexWriterConfig(analysis.perField())
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setRAMBufferSizeMB(LIVE_RAM_BUFFER_MB)
                    .setCommitOnClose(false); // only what a write acknowledged, or a whole rebuild, is ever committed
            IndexWriter writer = new IndexWriter(dir, config);
            if (!DirectoryReader.indexExists(dir)) {
                writer.commit();
            }
            return new LiveIndex(indexDir, dir, writer, analysis);
        } catch (IOException | RuntimeException e) {
            dir.close();
            throw e;
        }
    }

    /** Where searches get their searchers ({@link FacetedSearcher}s): acquire, and release in finally. */
    public ReferenceManager<IndexSearcher> searchers() {
        return manager;
    }

    public Directory directory() {
        return directory;
    }

    /**
     * Creates or replaces each document (cleaned, folded and tagged exactly as a full build does) and
     * returns once all of them are durable.
     */
    @Override
    public List<Outcome> upsertAll(List<SourceDoc> docs) throws IOException {
        if (!rebuildLock.readLock().tryLock()) {
            throw new RebuildingException();
        }
        try {
            ensureOpen();
            Outcome[] outcomes = new Outcome[docs.size()];
            long seq = 0;
            // each document joins the story of the most like it of its days, searchable or written before it
            IndexSearcher searcher = manager.acquire();
            try {
                for (int i = 0; i < docs.size(); i++) {
                    SourceDoc doc = docs.get(i);
                    List<Document> documents = new java.util.ArrayList<>();
                    for (IndexedDoc d : preparer.prepareAll(doc)) {
                        documents.add(IndexFacets.CONFIG.build(mapper.toDocument(d, stories.keyFor(searcher, d))));
                    }
                    synchronized (lockFor(doc.id())) {
                        boolean existed = exists(doc.id());
                        // the record and the documents made from it (a roundup's items) go and come together
                        seq = Math.max(seq, writer.updateDocuments(new Term(Fields.FAMILY, doc.id()), documents));
                        written(doc.id(), true);
                        outcomes[i] = existed ? Outcome.UPDATED : Outcome.CREATED;
                    }
                }
            } finally {
                manager.release(searcher);
            }
            committer.awaitDurable(seq);
            return List.of(outcomes);
        } finally {
            rebuildLock.readLock().unlock();
        }
    }

    /** Deletes the document with this id; returns once durable, or NOT_FOUND if there is none. */
    @Override
    public Outcome delete(String id) throws IOException {
        if (!rebuildLock.readLock().tryLock()) {
            throw new RebuildingException();
        }
        try {
            ensureOpen();
            long seq;
            synchronized (lockFor(id)) {
                if (!exists(id)) {
                    return Outcome.NOT_FOUND;
                }
                seq = writer.deleteDocuments(new Term(Fields.FAMILY, id));
                stories.forget(id);
                written(id, false);
            }
            committer.awaitDurable(seq);
            return Outcome.DELETED;
        } finally {
            rebuildLock.readLock().unlock();
        }
    }

    /** Blocks until every write acknowledged so far is searchable (at most {@code timeoutMillis}). */
    public boolean awaitSearchable(long timeoutMillis) throws InterruptedException {
        long target = writer.getMaxCompletedSequenceNumber();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        synchronized (refreshSignal) {
            while (visibleSeq < target) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return false;
                }
                refreshSignal.notifyAll();
                refreshSignal.wait(Math.min(left, REFRESH_MILLIS));
            }
        }
        return true;
    }

    /**
     * Replaces every document with those {@code indexer} reads from {@code inputs}, built beside this
     * index and swapped in with one commit. Writes are refused while it runs.
     */
    public IndexSummary rebuild(List<Path> inputs, Indexer indexer) throws IOException {
        rebuildLock.writeLock().lock();
        Path fresh = path.resolveSibling(path.getFileName() + ".rebuild");
        try {
            ensureOpen();
            deleteTree(fresh);
            IndexSummary summary = indexer.build(inputs, fresh);
            try (Directory built = FSDirectory.open(fresh)) {
                refreshLock.lock();
                try {
                    writer.deleteAll();
                    writer.addIndexes(built);
                    writer.setLiveCommitData(Map.of(Indexer.LAST_INDEXED, Instant.now().toString()).entrySet());
                    writer.commit();
                    synchronized (unrefreshed) {
                        unrefreshed.clear();
                    }
                    stories.clear();
                    refreshNow();
                } finally {
                    refreshLock.unlock();
                }
            }
            return summary;
        } finally {
            deleteTree(fresh);
            rebuildLock.writeLock().unlock();
        }
    }

    public boolean rebuilding() {
        return rebuildLock.isWriteLocked();
    }

    @Override
    public WriteStats writeStats() throws IOException {
        int lastMinute = rate.lastMinute();
        int segments;
        IndexSearcher s = manager.acquire();
        try {
            segments = s.getIndexReader().leaves().size();
        } finally {
            manager.release(s);
        }
        long pending = Math.max(0, writer.getMaxCompletedSequenceNumber() - visibleSeq);
        long r = refreshes.get();
        long c = commits.get();
        return new WriteStats(rate.total(), lastWrite, lastMinute, pending, segments,
                r, r == 0 ? 0 : refreshNanos.get() / 1e6 / r, c, c == 0 ? 0 : commitNanos.get() / 1e6 / c);
    }

    /** The last commit's value for a user-data key, or null. */
    public String commitValue(String key) throws IOException {
        for (Map.Entry<String, String> e : writer.getLiveCommitData()) {
            if (e.getKey().equals(key)) {
                return e.getValue();
            }
        }
        return null;
    }

    private Object lockFor(String id) {
        return idLocks[Math.floorMod(id.hashCode(), idLocks.length)];
    }

    /** Whether a document with this id exists now, counting writes not yet refreshed into the searchers. */
    private boolean exists(String id) throws IOException {
        synchronized (unrefreshed) {
            Boolean recent = unrefreshed.get(id);
            if (recent != null) {
                return recent;
            }
        }
        IndexSearcher s = manager.acquire();
        try {
            return s.count(new TermQuery(new Term(Fields.ID, id))) > 0;
        } finally {
            manager.release(s);
        }
    }

    private void written(String id, boolean exists) {
        synchronized (unrefreshed) {
            unrefreshed.put(id, exists);
        }
        rate.written(1);
    }

    private void refreshLoop() {
        while (!closed.get()) {
            try {
                synchronized (refreshSignal) {
                    refreshSignal.wait(REFRESH_MILLIS);
                }
                if (writer.getMaxCompletedSequenceNumber() > visibleSeq) {
                    refreshLock.lock();
                    try {
                        refreshNow();
                    } finally {
                        refreshLock.unlock();
                    }
                }
            } catch (InterruptedException e) {
                return;
            } catch (IOException | RuntimeException e) {
                if (!closed.get()) {
                    System.getLogger(LiveIndex.class.getName()).log(System.Logger.Level.WARNING, "refresh failed", e);
                }
            }
        }
    }

    /** Opens a searcher on everything written so far; the caller holds {@link #refreshLock}. */
    private void refreshNow() throws IOException {
        long seq = writer.getMaxCompletedSequenceNumber();
        Map<String, Boolean> before;
        synchronized (unrefreshed) {
            before = Map.copyOf(unrefreshed);
        }
        long t0 = System.nanoTime();
        manager.maybeRefreshBlocking();
        refreshNanos.addAndGet(System.nanoTime() - t0);
        refreshes.incrementAndGet();
        synchronized (unrefreshed) {
            before.forEach(unrefreshed::remove); // a later write to the same id keeps its entry only if it differs
        }
        synchronized (refreshSignal) {
            visibleSeq = Math.max(visibleSeq, seq);
            refreshSignal.notifyAll();
        }
    }

    private void ensureOpen() throws IOException {
        if (closed.get()) {
            throw new org.apache.lucene.store.AlreadyClosedException("the index is closed");
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Override
    public void close() throws IOException {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        refresher.interrupt();
        committer.stop();
        try {
            manager.close();
        } finally {
            try {
                writer.rollback(); // everything acknowledged is committed already; nothing else is owed
            } finally {
                directory.close();
            }
        }
    }

    /**
     * Group commit: writers wait for a sequence number to be durable; one thread commits whatever is
     * pending and releases every writer whose change that commit holds.
     */
    private final class Committer {
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition work = lock.newCondition();
        private final Condition done = lock.newCondition();
        private long requested;
        private long committed;
        private IOException failure;
        private boolean stopped;

        void awaitDurable(long seq) throws IOException {
            lock.lock();
            try {
                requested = Math.max(requested, seq);
                work.signal();
                while (committed < seq) {
                    if (failure != null) {
                        throw new IOException("commit failed: " + failure.getMessage(), failure);
                    }
                    if (stopped) {
                        throw new IOException("the index closed before the write was committed");
                    }
                    done.awaitUninterruptibly();
                }
            } finally {
                lock.unlock();
            }
        }

        void run() {
            while (true) {
                long target;
                lock.lock();
                try {
                    while (requested <= committed && !stopped) {
                        work.awaitUninterruptibly();
                    }
                    if (stopped) {
                        return;
                    }
                    target = requested;
                } finally {
                    lock.unlock();
                }
                try {
                    String now = Instant.now().toString();
                    writer.setLiveCommitData(withLastWrite(now).entrySet());
                    long t0 = System.nanoTime();
                    long last = writer.commit();
                    commitNanos.addAndGet(System.nanoTime() - t0);
                    commits.incrementAndGet();
                    lastWrite = now;
                    lock.lock();
                    try {
                        committed = Math.max(committed, Math.max(last, target));
                        failure = null;
                        done.signalAll();
                    } finally {
                        lock.unlock();
                    }
                    // the commit flushed every pending change: opening a reader on it now costs
                    // little, and spares the refresh thread a second full flush of its own
                    refreshLock.lock();
                    try {
                        refreshNow();
                    } finally {
                        refreshLock.unlock();
                    }
                } catch (IOException | RuntimeException e) {
                    lock.lock();
                    try {
                        failure = e instanceof IOException io ? io : new IOException(e);
                        done.signalAll(); // the waiting writes fail: none of them is acknowledged
                    } finally {
                        lock.unlock();
                    }
                    if (closed.get()) {
                        return;
                    }
                    System.getLogger(LiveIndex.class.getName()).log(System.Logger.Level.ERROR, "commit failed; retrying", e);
                    try {
                        Thread.sleep(COMMIT_RETRY_MILLIS); // a full disk, say: do not spin
                    } catch (InterruptedException ie) {
                        return;
                    }
                }
            }
        }

        void stop() {
            lock.lock();
            try {
                stopped = true;
                work.signalAll();
                done.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    private Map<String, String> withLastWrite(String now) {
        Map<String, String> data = new HashMap<>();
        Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
        if (live != null) {
            live.forEach(e -> data.put(e.getKey(), e.getValue()));
        }
        data.put(LAST_WRITE, now);
        return data;
    }
}

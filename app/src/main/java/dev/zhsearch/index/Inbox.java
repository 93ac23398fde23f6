package dev.zhsearch.index;

import dev.zhsearch.corpus.CorpusReaders;
import dev.zhsearch.corpus.CorpusSink;
import dev.zhsearch.corpus.ReadProblem;
import java.io.Closeable;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A folder whose files are ingested as they appear or grow ({@code serve --watch DIR}): any format
 * the readers take, a daily tw-news-digest file that grows during the day included. A file is read
 * once it has stopped changing for one poll (so a half-written last line is not read as an error);
 * it is read whole again after every change, and only its new or changed documents are written.
 */
public final class Inbox implements Closeable {

    /** A file's size and modification time: it changed if either did. */
    private record Stamp(long size, long modified) {}

    private final Path dir;
    private final Ingest ingest;
    private final PrintStream log;
    private final long pollMillis;
    private final Map<Path, Stamp> seen = new HashMap<>();
    private final Map<Path, Stamp> changing = new HashMap<>();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong unchanged = new AtomicLong();
    private final Thread thread;

    public Inbox(Path dir, LiveIndex index, CorpusReaders readers, PrintStream log, long pollMillis) {
        this.dir = dir;
        this.ingest = new Ingest(index, readers, true);
        this.log = log;
        this.pollMillis = pollMillis;
        this.thread = Thread.ofPlatform().daemon().name("inbox").unstarted(this::run);
    }

    public Inbox start() {
        thread.start();
        return this;
    }

    /** Documents written so far, and documents read again unchanged (not written). */
    public long written() {
        return written.get();
    }

    public long unchanged() {
        return unchanged.get();
    }

    private void run() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                poll();
                Thread.sleep(pollMillis);
            } catch (InterruptedException e) {
                return;
            } catch (IOException | RuntimeException e) {
                log("inbox: " + e.getMessage());
                try {
                    Thread.sleep(pollMillis);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    /** One look at the folder: files that changed since the last look wait; files that were changed and now hold still are read. */
    void poll() throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        List<Path> files = CorpusReaders.expand(List.of(dir), new CorpusSink() {
            @Override
            public void accept(dev.zhsearch.corpus.SourceDoc doc) {
                // expand only lists files
            }

            @Override
            public void skip(ReadProblem problem) {
                log("inbox: " + problem);
            }
        });
        for (Path file : files) {
            Stamp now;
            try {
                now = new Stamp(Files.size(file), Files.getLastModifiedTime(file).toMillis());
            } catch (IOException e) {
                continue; // gone since the listing
            }
            if (now.equals(seen.get(file))) {
                continue; // read as it is
            }
            if (!now.equals(changing.put(file, now))) {
                continue; // still changing: wait for it to hold still one poll
            }
            changing.remove(file);
            Ingest.Summary s = ingest.add(file, log);
            seen.put(file, now);
            written.addAndGet(s.created() + s.updated());
            unchanged.addAndGet(s.unchanged());
            if (s.created() + s.updated() + s.skipped() > 0) {
                log("inbox: " + dir.relativize(file) + ": " + s.describe());
            }
        }
    }

    private void log(String line) {
        if (log != null) {
            log.println(line);
        }
    }

    @Override
    public void close() {
        thread.interrupt();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

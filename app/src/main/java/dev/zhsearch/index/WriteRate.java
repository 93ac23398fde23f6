package dev.zhsearch.index;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicLong;

/** Writes counted for /api/stats: in all, the last one's time, and those of the last minute. Thread-safe. */
public final class WriteRate {

    private final AtomicLong total = new AtomicLong();
    private final ArrayDeque<Long> recent = new ArrayDeque<>();
    private volatile String last;

    public void written(int n) {
        long now = System.currentTimeMillis();
        total.addAndGet(n);
        last = Instant.ofEpochMilli(now).toString();
        synchronized (recent) {
            for (int i = 0; i < n; i++) {
                recent.addLast(now);
            }
        }
    }

    public long total() {
        return total.get();
    }

    /** When the last write was made (ISO-8601); null before the first. */
    public String last() {
        return last;
    }

    public int lastMinute() {
        synchronized (recent) {
            long cutoff = System.currentTimeMillis() - 60_000;
            while (!recent.isEmpty() && recent.peekFirst() < cutoff) {
                recent.pollFirst();
            }
            return recent.size();
        }
    }
}

package dev.zhsearch.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-loop load: {@code clients} threads, each repeating its own operation (one request) for a
 * fixed time. Latencies of every request, failures counted. Shared by the HTTP and in-process benchmarks.
 */
final class ClosedLoop {

    /**
     * One client's next request; throws to count a failure, or {@link Done} when it has no more to ask
     * (a client that works through a list). {@code i} counts this client's requests.
     */
    interface Client {
        void request(int i) throws Exception;
    }

    /** Thrown by a client that has asked all it had to: it stops, and nothing is counted for this turn. */
    static final class Done extends Exception {
        Done() {
            super(null, null, false, false);
        }
    }

    interface ClientFactory {
        Client open(int clientIndex) throws Exception;
    }

    /** {@code cpuNanos}: CPU time the client threads themselves used (the requests' own work, in-process). */
    record Result(double seconds, long requests, long failures, Latencies latency, long cpuNanos) {
        double perSecond() {
            return requests / seconds;
        }
    }

    private ClosedLoop() {}

    static Result run(int clients, int seconds, ClientFactory factory) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong failures = new AtomicLong();
        AtomicLong cpu = new AtomicLong();
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        List<long[]> samples = new ArrayList<>();
        List<int[]> counts = new ArrayList<>();
        List<Client> opened = new ArrayList<>();
        for (int t = 0; t < clients; t++) {
            opened.add(factory.open(t));
        }
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < clients; t++) {
            Client client = opened.get(t);
            long[] lat = new long[1 << 20];
            int[] n = new int[1];
            samples.add(lat);
            counts.add(n);
            threads.add(Thread.ofPlatform().start(() -> {
                long cpu0 = mx.getCurrentThreadCpuTime();
                try {
                    loop(client, end, lat, n, failures);
                } finally {
                    cpu.addAndGet(mx.getCurrentThreadCpuTime() - cpu0);
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        int total = counts.stream().mapToInt(a -> a[0]).sum();
        long[] all = new long[total];
        int k = 0;
        for (int t = 0; t < clients; t++) {
            System.arraycopy(samples.get(t), 0, all, k, counts.get(t)[0]);
            k += counts.get(t)[0];
        }
        return new Result(elapsed, total, failures.get(), Latencies.of(all), cpu.get());
    }

    private static void loop(Client client, long end, long[] lat, int[] n, AtomicLong failures) {
        while (System.nanoTime() < end && n[0] < lat.length) {
            long t0 = System.nanoTime();
            try {
                client.request(n[0]);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Done e) {
                return;
            } catch (Exception e) {
                failures.incrementAndGet();
            }
            lat[n[0]++] = (System.nanoTime() - t0) / 1000;
        }
    }
}

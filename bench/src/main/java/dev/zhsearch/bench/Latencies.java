package dev.zhsearch.bench;

import java.util.Arrays;

/** Latency samples in microseconds, summarised. */
public record Latencies(int count, double p50Ms, double p90Ms, double p99Ms, double maxMs, double meanMs) {

    public static Latencies of(long[] micros) {
        long[] s = micros.clone();
        Arrays.sort(s);
        double mean = Arrays.stream(s).average().orElse(0) / 1000.0;
        return new Latencies(s.length, pct(s, 50), pct(s, 90), pct(s, 99), s.length == 0 ? 0 : s[s.length - 1] / 1000.0, mean);
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1000.0;
    }

    public String row() {
        return String.format("%6d %9.2f %9.2f %9.2f %9.2f %9.2f", count, p50Ms, p90Ms, p99Ms, maxMs, meanMs);
    }

    public static String header() {
        return String.format("%6s %9s %9s %9s %9s %9s", "n", "p50 ms", "p90 ms", "p99 ms", "max ms", "mean ms");
    }
}

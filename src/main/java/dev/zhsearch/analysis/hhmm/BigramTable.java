package dev.zhsearch.analysis.hhmm;

/**
 * smartcn's word-pair frequencies ({@code bigramdict.mem}): pairs {@code word1@word2} keyed by their
 * 64-bit FNV-1 hash, as smartcn keys them. smartcn keeps them in a double-hashed table filled to
 * 82%, where a pair that is absent (most of them) costs about five probes, each a cache miss and a
 * division; here the same keys sit in a linear-probed table filled to a third, so the usual lookup
 * reads one slot. Same keys, same frequencies, same answers.
 */
final class BigramTable {

    static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 1099511628211L;
    static final char WORD_SEPARATOR = '@';

    private final long[] keys;
    private final int[] frequencies;
    private final int mask;
    private final int shift;

    private BigramTable(long[] hashes, int[] freqs) {
        int n = 0;
        for (long h : hashes) {
            if (h != 0) {
                n++;
            }
        }
        int bits = 64 - Long.numberOfLeadingZeros(Math.max(16L, n * 3L) - 1);
        keys = new long[1 << bits];
        frequencies = new int[1 << bits];
        mask = (1 << bits) - 1;
        shift = 64 - bits;
        for (int i = 0; i < hashes.length; i++) {
            if (hashes[i] != 0) { // 0 marks an empty slot, in smartcn's table and here
                int slot = slot(hashes[i]);
                while (keys[slot] != 0 && keys[slot] != hashes[i]) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = hashes[i];
                frequencies[slot] += freqs[i];
            }
        }
    }

    static BigramTable load() {
        return SmartcnResource.read("bigramdict.mem", in -> new BigramTable((long[]) in.readObject(), (int[]) in.readObject()));
    }

    private int slot(long hash) {
        return (int) ((hash * 0x9E3779B97F4A7C15L) >>> shift);
    }

    /** How often the pair with this hash was seen, or 0. */
    int frequency(long hash) {
        int slot = slot(hash);
        long k;
        while ((k = keys[slot]) != 0) {
            if (k == hash) {
                return frequencies[slot];
            }
            slot = (slot + 1) & mask;
        }
        return 0;
    }

    /** smartcn's hash, continued over {@code w}: start from {@link #FNV_OFFSET}. */
    static long hash(long h, char[] w) {
        for (char c : w) {
            h = hash(h, c);
        }
        return h;
    }

    static long hash(long h, char c) {
        h = (h ^ (c & 0xFF)) * FNV_PRIME;
        return (h ^ (c >> 8)) * FNV_PRIME;
    }
}

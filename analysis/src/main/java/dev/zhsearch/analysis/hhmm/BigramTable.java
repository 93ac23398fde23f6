package dev.zhsearch.analysis.hhmm;

/**
 * smartcn's word-pair frequencies ({@code bigramdict.mem}): pairs {@code word1@word2} keyed by their
 * 64-bit FNV-1 hash, as smartcn keys them. smartcn keeps them in a double-hashed table filled to
 * 82%, where a pair that is absent (most of them) costs about five probes, each a cache miss and a
 * division; here the same keys sit in a linear-probed table filled to a third, so the usual lookup
 * reads one slot. Same keys, same frequencies, same answers.
 *
 * <p>The table is 12 MB, and while a document is indexed the postings being built push it out of
 * the cache, so most lookups missed it. A blocked Bloom filter in front (two bits per pair in one
 * 64-bit word, 512 KB: it stays in a core's L2) answers most absent pairs without touching the
 * table; only pairs it cannot rule out (those present, and about 3% of the absent) are looked up.
 */
final class BigramTable {

    static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 1099511628211L;
    static final char WORD_SEPARATOR = '@';

    private final long[] keys;
    private final int[] frequencies;
    private final int mask;
    private final int shift;
    /** Bloom filter words: 2^{@value #FILTER_WORD_BITS} of them. */
    private final long[] filter = new long[1 << FILTER_WORD_BITS];
    private static final int FILTER_WORD_BITS = 16;

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
                long mixed = mix(hashes[i]);
                filter[filterWord(mixed)] |= filterBits(mixed);
            }
        }
    }

    static BigramTable load() {
        return SmartcnResource.read("bigramdict.mem", in -> new BigramTable((long[]) in.readObject(), (int[]) in.readObject()));
    }

    private static long mix(long hash) {
        return hash * 0x9E3779B97F4A7C15L;
    }

    private int slot(long hash) {
        return (int) (mix(hash) >>> shift);
    }

    /** The filter word of a mixed hash: its top bits. */
    private static int filterWord(long mixed) {
        return (int) (mixed >>> (64 - FILTER_WORD_BITS));
    }

    /** Two bits of the word, from the middle of the mixed hash (the low bits of a product mix poorly). */
    private static long filterBits(long mixed) {
        return (1L << (mixed >>> 20)) | (1L << (mixed >>> 26)); // shifts use the low 6 bits
    }

    /** How often the pair with this hash was seen, or 0. */
    int frequency(long hash) {
        long mixed = mix(hash);
        long bits = filterBits(mixed);
        if ((filter[filterWord(mixed)] & bits) != bits) {
            return 0; // certainly absent
        }
        int slot = (int) (mixed >>> shift);
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

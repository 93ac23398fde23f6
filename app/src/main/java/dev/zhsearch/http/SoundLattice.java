package dev.zhsearch.http;

import dev.zhsearch.search.Searching;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Words spelled from their sound when no word of the suggestion table reads so, as an input method
 * spells them: each syllable may be any character the readings give it, and a spelling goes on only
 * through pairs of characters the documents hold, best by how often each pair follows its first
 * character (a bigram model of the index, counted in documents). 中華職棒 is in 77 documents but one
 * title, 公平會 in 25 documents and no dictionary, and the titles' sequences do not make either a word;
 * the pairs 中华 华职 职棒 spell it from zhonghuazhibang. A spelling is only a guess: the caller keeps
 * those the documents hold as written.
 */
final class SoundLattice {

    /** Spellings kept at each syllable. */
    static final int BEAM = 40;
    /** What a character read by another than its commonest reading costs (温 read yun): a factor of 20. */
    static final double OTHER_READING = Math.log(20);

    /** One position of a word: the characters it may be, and which of them are read so only at times. */
    record Choices(int[] characters, java.util.BitSet rarely) {
        static Choices of(int cp) {
            return new Choices(new int[] {cp}, new java.util.BitSet());
        }
    }

    /** Pairs by their two code points ({@code first << 21 | second}), open addressing; 0 is no key. */
    private long[] keys;
    private int[] counts;
    private int size;
    /** For each character, the documents of the pairs it begins (how often it is followed at all). */
    private final Map<Integer, Long> begins = new HashMap<>();
    /** For each character, the characters most often after it and before it ({@value #NEIGHBOURS}, commonest first). */
    private final Map<Integer, int[]> after = new HashMap<>();
    private final Map<Integer, int[]> before = new HashMap<>();

    /** Neighbours kept of each character. */
    static final int NEIGHBOURS = 2;

    /**
     * For each character, the characters that follow it in the most documents, {@value #FOLLOWING}
     * at most, commonest first: each packed as its documents {@code << 21 |} its code point.
     */
    private final Map<Integer, long[]> following = new HashMap<>();
    /** Characters kept that follow each: the ways a phrase typed part way may go on ({@link #following}). */
    static final int FOLLOWING = 16;

    private SoundLattice(int capacity) {
        keys = new long[capacity];
        counts = new int[capacity];
    }

    /** The pairs of characters that {@code minDocs} documents or more hold, from the index. */
    static SoundLattice of(Searching service, int minDocs) throws IOException {
        SoundLattice lattice = new SoundLattice(1 << 16);
        service.forEachHanPair(minDocs, (pair, documents) -> {
            int first = pair.codePointAt(0);
            int second = pair.codePointAt(Character.charCount(first));
            lattice.put(first, second, documents);
        });
        for (int i = 0; i < lattice.keys.length; i++) {
            if (lattice.keys[i] != 0) {
                int first = (int) (lattice.keys[i] >>> 21);
                int second = (int) (lattice.keys[i] & ((1 << 21) - 1));
                lattice.begins.merge(first, (long) lattice.counts[i], Long::sum);
                lattice.keep(lattice.after, first, second, lattice.counts[i]);
                lattice.keep(lattice.before, second, first, lattice.counts[i]);
                long[] top = lattice.following.computeIfAbsent(first, k -> new long[FOLLOWING]);
                int least = 0;
                for (int j = 1; j < FOLLOWING; j++) {
                    if (top[j] < top[least]) {
                        least = j;
                    }
                }
                long packed = ((long) lattice.counts[i] << 21) | second;
                if (packed > top[least]) {
                    top[least] = packed;
                }
            }
        }
        lattice.following.values().forEach(top -> {
            java.util.Arrays.sort(top);
            for (int l = 0, r = top.length - 1; l < r; l++, r--) {
                long x = top[l];
                top[l] = top[r];
                top[r] = x;
            }
        });
        return lattice;
    }

    /** Keeps {@code other} among {@code of}'s commonest neighbours ({@code pairs} of them together). */
    private void keep(Map<Integer, int[]> neighbours, int of, int other, int pairs) {
        int[] top = neighbours.computeIfAbsent(of, k -> new int[NEIGHBOURS]);
        for (int i = 0; i < NEIGHBOURS; i++) {
            int there = top[i] == 0 ? -1 : (neighbours == after ? count(of, top[i]) : count(top[i], of));
            if (pairs > there) {
                System.arraycopy(top, i, top, i + 1, NEIGHBOURS - i - 1);
                top[i] = other;
                return;
            }
        }
    }

    /** How often {@code second} follows {@code first}, of the pairs {@code first} begins (log); minus infinity if the documents hold no such pair. */
    double follows(int first, int second) {
        Long pairs = begins.get(first);
        return pairs == null ? Double.NEGATIVE_INFINITY : follows(first, second, Math.log(pairs));
    }

    /** {@link #follows(int, int)} given the log of how many pairs {@code first} begins (the beam looks it up once a spelling). */
    private double follows(int first, int second, double logBegun) {
        int n = count(first, second);
        return n == 0 ? Double.NEGATIVE_INFINITY : Math.log(n) - logBegun;
    }

    /** The characters most often right after {@code cp} in the documents, commonest first. */
    int[] after(int cp) {
        return java.util.Arrays.stream(after.getOrDefault(cp, new int[0])).filter(c -> c != 0).toArray();
    }

    /** The characters that follow {@code cp} in the most documents, {@value #FOLLOWING} at most, commonest first. */
    int[] following(int cp) {
        long[] top = following.get(cp);
        return top == null ? new int[0] : java.util.Arrays.stream(top).filter(p -> p != 0).mapToInt(p -> (int) (p & ((1 << 21) - 1))).toArray();
    }

    /** The characters most often right before {@code cp} in the documents, commonest first. */
    int[] before(int cp) {
        return java.util.Arrays.stream(before.getOrDefault(cp, new int[0])).filter(c -> c != 0).toArray();
    }

    private static long key(int first, int second) {
        return ((long) first << 21) | second;
    }

    private int slot(long key) {
        return (int) (mix(key) & (keys.length - 1));
    }

    private static long mix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        return k;
    }

    /** Keeps the larger count of a pair given twice (its title and its body counts). */
    private void put(int first, int second, int documents) {
        if (size * 2 >= keys.length) {
            grow();
        }
        long k = key(first, second);
        int i = slot(k);
        while (keys[i] != 0 && keys[i] != k) {
            i = (i + 1) & (keys.length - 1);
        }
        if (keys[i] == 0) {
            keys[i] = k;
            size++;
        }
        counts[i] = Math.max(counts[i], documents);
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldCounts = counts;
        keys = new long[oldKeys.length * 2];
        counts = new int[oldKeys.length * 2];
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != 0) {
                int i = slot(oldKeys[j]);
                while (keys[i] != 0) {
                    i = (i + 1) & (keys.length - 1);
                }
                keys[i] = oldKeys[j];
                counts[i] = oldCounts[j];
            }
        }
    }

    /** The documents holding the pair, 0 if fewer than the minimum. */
    int count(int first, int second) {
        long k = key(first, second);
        int i = slot(k);
        while (keys[i] != 0) {
            if (keys[i] == k) {
                return counts[i];
            }
            i = (i + 1) & (keys.length - 1);
        }
        return 0;
    }

    /** A spelling as its last character and the spelling before it (none for the first). */
    private record Spelling(Spelling before, int cp, double score) {
        String text() {
            StringBuilder reversed = new StringBuilder();
            for (Spelling s = this; s != null; s = s.before()) {
                reversed.appendCodePoint(s.cp());
            }
            int[] cps = reversed.codePoints().toArray();
            StringBuilder out = new StringBuilder();
            for (int i = cps.length - 1; i >= 0; i--) {
                out.appendCodePoint(cps[i]);
            }
            return out.toString();
        }
    }

    /**
     * The best spellings of a word, one character from each position's choices in turn (a typed
     * character is a position of one), each pair of neighbours held by the documents, a character
     * read by a rarer reading of it costing {@link #OTHER_READING}; at most {@code max}, best first.
     */
    List<String> spell(List<Choices> positions, int max) {
        if (positions.size() < 2) {
            return List.of();
        }
        Comparator<Spelling> byScore = Comparator.comparingDouble(Spelling::score);
        List<Spelling> beam = new ArrayList<>();
        Choices first = positions.getFirst();
        for (int i = 0; i < first.characters().length; i++) {
            Long n = begins.get(first.characters()[i]);
            if (n != null) {
                beam.add(new Spelling(null, first.characters()[i], Math.log(n) - (first.rarely().get(i) ? OTHER_READING : 0)));
            }
        }
        for (int p = 1; p < positions.size() && !beam.isEmpty(); p++) {
            // the best BEAM kept as they come, the worst on top
            java.util.PriorityQueue<Spelling> next = new java.util.PriorityQueue<>(BEAM + 1, byScore);
            for (Spelling s : beam) {
                Choices choices = positions.get(p);
                // follows(s, c)'s denominator looked up once a spelling (tens of thousands of pairs are tried)
                Long pairs = begins.get(s.cp());
                if (pairs == null) {
                    continue; // (no pair begins with it: nothing follows)
                }
                double begun = Math.log(pairs);
                for (int i = 0; i < choices.characters().length; i++) {
                    int c = choices.characters()[i];
                    double follows = follows(s.cp(), c, begun);
                    if (follows == Double.NEGATIVE_INFINITY) {
                        continue;
                    }
                    double score = s.score() + follows - (choices.rarely().get(i) ? OTHER_READING : 0);
                    if (next.size() < BEAM || score > next.peek().score()) {
                        next.add(new Spelling(s, c, score));
                        if (next.size() > BEAM) {
                            next.poll();
                        }
                    }
                }
            }
            beam = new ArrayList<>(next);
        }
        beam.sort(byScore.reversed());
        List<String> out = new ArrayList<>();
        for (int i = 0; i < Math.min(max, beam.size()); i++) {
            out.add(beam.get(i).text());
        }
        return out;
    }
}

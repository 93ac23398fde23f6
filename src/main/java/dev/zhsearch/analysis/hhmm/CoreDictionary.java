package dev.zhsearch.analysis.hhmm;

import java.util.Arrays;

/**
 * smartcn's word dictionary ({@code coredict.mem}, shipped in lucene-analysis-smartcn), looked up
 * the way its {@code WordDictionary} does, with the same results: one sorted table of word tails
 * per first character, found by binary search. The first character selects its table through a
 * direct array instead of smartcn's double-hashed probe.
 */
final class CoreDictionary {

    /** Per first character: its table, or -1. */
    private final short[] tableOfChar = new short[Character.MAX_VALUE + 1];
    /** Per table: word tails (without the first character), sorted; and their frequencies. */
    private final char[][][] tails;
    private final int[][] frequencies;
    /** Per table: whether its tails are strictly ascending, so that a match found by scanning is the one binary search finds. */
    private final boolean[] unique;
    /** Per character: its frequency as a one-character word (what {@code frequency(c, 1)} answers). */
    private final int[] singleFrequency = new int[Character.MAX_VALUE + 1];

    private CoreDictionary(short[] wordIndexTable, char[] charIndexTable, char[][][] tails, int[][] frequencies) {
        this.tails = tails;
        this.frequencies = frequencies;
        this.unique = new boolean[tails.length];
        for (int t = 0; t < tails.length; t++) {
            char[][] table = tails[t];
            for (int i = 0; table != null && i < table.length; i++) {
                if (table[i] == null) {
                    table[i] = new char[0]; // smartcn compares a null tail as an empty one: a one-character word
                }
            }
            unique[t] = table != null && strictlyAscending(table);
        }
        Arrays.fill(tableOfChar, (short) -1);
        for (int i = 0; i < charIndexTable.length; i++) {
            char c = charIndexTable[i];
            if (c != 0 && wordIndexTable[i] >= 0 && tails[wordIndexTable[i]] != null) {
                tableOfChar[c] = wordIndexTable[i];
            }
        }
        char[] one = new char[1];
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            if (tableOfChar[c] >= 0) {
                one[0] = (char) c;
                singleFrequency[c] = frequency(one, 1);
            }
        }
    }

    private static boolean strictlyAscending(char[][] table) {
        for (int i = 1; i < table.length; i++) {
            if (Arrays.compare(table[i - 1], table[i]) >= 0) {
                return false;
            }
        }
        return true;
    }

    /** {@code frequency(c, 1)} without the search: a table lookup per character. */
    int frequency(char c) {
        return singleFrequency[c];
    }

    /**
     * {@code frequency(w, len)} for a word {@link #isWord} found at {@code index}: in a table of
     * distinct tails that entry is the one binary search would find.
     */
    int frequencyOfEntry(char[] w, int len, int index) {
        int table = tableOfChar[w[0]];
        return unique[table] ? frequencies[table][index] : frequency(w, len);
    }

    static CoreDictionary load() {
        return SmartcnResource.read("coredict.mem", in -> new CoreDictionary((short[]) in.readObject(), (char[]) in.readObject(),
                (char[][][]) in.readObject(), (int[][]) in.readObject()));
    }

    /** How often the word {@code w[0, len)} occurs, or 0 if it is not a word. */
    int frequency(char[] w, int len) {
        int table = tableOfChar[w[0]];
        if (table < 0) {
            return 0;
        }
        char[][] items = tails[table];
        int lo = 0;
        int hi = items.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int cmp = compare(items[mid], w, len);
            if (cmp == 0) {
                return frequencies[table][mid];
            } else if (cmp < 0) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return 0;
    }

    /**
     * The first word of {@code w[0]}'s table that {@code w[0, len)} is a prefix of, or -1; the search
     * starts at {@code knownStart}, a match found for a shorter prefix.
     */
    int prefixMatch(char[] w, int len, int knownStart) {
        int table = tableOfChar[w[0]];
        if (table < 0) {
            return -1;
        }
        char[][] items = tails[table];
        int lo = knownStart;
        int hi = items.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int cmp = comparePrefix(w, len, items[mid]);
            if (cmp == 0) {
                while (mid >= 0 && comparePrefix(w, len, items[mid]) == 0) {
                    mid--;
                }
                return mid + 1;
            } else if (cmp < 0) {
                hi = mid - 1;
            } else {
                lo = mid + 1;
            }
        }
        return -1;
    }

    /** Whether entry {@code index} of {@code w[0]}'s table is exactly {@code w[0, len)}. */
    boolean isWord(char[] w, int len, int index) {
        char[] tail = tails[tableOfChar[w[0]]][index];
        return tail.length == len - 1 && Arrays.equals(tail, 0, tail.length, w, 1, len);
    }

    /** smartcn's {@code Utility.compareArray(tail, 0, w, 1)} over {@code w[0, len)}. */
    private static int compare(char[] tail, char[] w, int len) {
        int a = 0;
        int b = 1;
        while (a < tail.length && b < len && tail[a] == w[b]) {
            a++;
            b++;
        }
        if (a == tail.length) {
            return b == len ? 0 : -1;
        }
        if (b == len) {
            return 1;
        }
        return tail[a] > w[b] ? 1 : -1;
    }

    /** smartcn's {@code Utility.compareArrayByPrefix(w, 1, tail, 0)}: 0 when {@code w[1, len)} is a prefix of the tail. */
    private static int comparePrefix(char[] w, int len, char[] tail) {
        int a = 1;
        int b = 0;
        while (a < len && b < tail.length && w[a] == tail[b]) {
            a++;
            b++;
        }
        if (a == len) {
            return 0;
        }
        if (b == tail.length) {
            return 1;
        }
        return w[a] > tail[b] ? 1 : -1;
    }
}

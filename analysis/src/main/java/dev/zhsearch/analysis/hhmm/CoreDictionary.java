package dev.zhsearch.analysis.hhmm;

import java.util.Arrays;

/**
 * smartcn's word dictionary ({@code coredict.mem}, shipped in lucene-analysis-smartcn), with the
 * same answers as its {@code WordDictionary}: one sorted table of word tails per first character.
 * smartcn finds every word starting at a position by extending a prefix one character at a time,
 * each step a binary search over the first character's table (a cache miss per comparison, a
 * fifth of segmentation time). Here those steps are walked once, when the dictionary loads, into a
 * trie: one node per prefix that smartcn's search finds, with the frequency smartcn would report
 * when the prefix is a word. A step is then a search among a node's few children, stored side by
 * side. The first character selects its table (and its trie root) through a direct array instead
 * of smartcn's double-hashed probe.
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

    /** {@link #wordFrequency} of a prefix that is not a word. */
    static final int NOT_A_WORD = Integer.MIN_VALUE;
    /** The trie. Per first character: its node, or -1. */
    private final int[] rootOfChar = new int[Character.MAX_VALUE + 1];
    /** Per node, numbered breadth first so that a node's children are consecutive and ordered by character. */
    private final char[] label;
    private final int[] firstChild;
    private final int[] childCount;
    private final int[] wordFrequency;

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
            if (table != null) {
                int order = order(table);
                if (order < 0) { // the trie below walks a prefix's entries as one run of the sorted table
                    throw new IllegalStateException("a table of smartcn's coredict.mem is not sorted; its prefix search and this trie would differ");
                }
                unique[t] = order > 0;
            }
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
        Trie trie = new Trie();
        this.label = trie.label;
        this.firstChild = trie.firstChild;
        this.childCount = trie.childCount;
        this.wordFrequency = trie.wordFrequency;
    }

    /**
     * The trie of every prefix smartcn's {@code prefixMatch} finds, built by making its calls: the
     * children of a prefix are the next characters of the table entries it is a prefix of (a run,
     * the table being sorted), each kept if {@code prefixMatch} finds it from the parent's match, as
     * the segmenter would; a node is a word if {@code isWord} says so, with {@code frequencyOfEntry}.
     */
    private final class Trie {
        /** At most one node per first character and per character of a tail: no array needs to grow. */
        private final int capacity = maxNodes();
        char[] label = new char[capacity];
        int[] firstChild = new int[capacity];
        int[] childCount = new int[capacity];
        int[] wordFrequency = new int[capacity];
        /** While building: each node's prefix and the table index prefixMatch found for it. */
        private final char[][] prefix = new char[capacity][];
        private final int[] found = new int[capacity];
        int size;

        private int maxNodes() {
            int n = Character.MAX_VALUE + 1;
            for (char[][] table : tails) {
                for (int i = 0; table != null && i < table.length; i++) {
                    n += table[i].length;
                }
            }
            return n;
        }

        Trie() {
            Arrays.fill(rootOfChar, -1);
            for (int c = 0; c <= Character.MAX_VALUE; c++) {
                char[] w = {(char) c};
                if (tableOfChar[c] >= 0) {
                    int f = prefixMatch(w, 1, 0);
                    if (f >= 0) {
                        rootOfChar[c] = add(w, f, NOT_A_WORD); // the segmenter takes one character from singleFrequency
                    }
                }
            }
            for (int node = 0; node < size; node++) { // breadth first: children are added after every node before them
                char[] p = prefix[node];
                int len = p.length;
                char[][] table = tails[tableOfChar[p[0]]];
                firstChild[node] = size;
                char last = 0;
                boolean any = false;
                char[] w = Arrays.copyOf(p, len + 1);
                for (int e = found[node]; e < table.length && comparePrefix(p, len, table[e]) == 0; e++) {
                    if (table[e].length < len) {
                        continue; // the prefix itself (a word): no next character
                    }
                    char next = table[e][len - 1];
                    if (any && next == last) {
                        continue;
                    }
                    any = true;
                    last = next;
                    w[len] = next;
                    int f = prefixMatch(w, len + 1, found[node]);
                    if (f >= 0) {
                        int freq = isWord(w, len + 1, f) ? frequencyOfEntry(w, len + 1, f) : NOT_A_WORD;
                        add(w.clone(), f, freq);
                    }
                }
                childCount[node] = size - firstChild[node];
                prefix[node] = null;
            }
            label = Arrays.copyOf(label, size);
            firstChild = Arrays.copyOf(firstChild, size);
            childCount = Arrays.copyOf(childCount, size);
            wordFrequency = Arrays.copyOf(wordFrequency, size);
        }

        private int add(char[] w, int f, int freq) {
            label[size] = w[w.length - 1];
            wordFrequency[size] = freq;
            prefix[size] = w;
            found[size] = f;
            return size++;
        }
    }

    /** The trie node of the one-character prefix {@code c}, or -1 if no word starts with it. */
    int root(char c) {
        return rootOfChar[c];
    }

    /** The node of {@code node}'s prefix followed by {@code c}, or -1 if no word starts with that. */
    int child(int node, char c) {
        int lo = firstChild[node];
        int hi = lo + childCount[node] - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            char m = label[mid];
            if (m < c) {
                lo = mid + 1;
            } else if (m > c) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    /** How often {@code node}'s prefix occurs as a word of two or more characters, or {@link #NOT_A_WORD}. */
    int wordFrequency(int node) {
        return wordFrequency[node];
    }

    /** 1 if the table's tails are strictly ascending, 0 if ascending with repeats, -1 if not sorted. */
    private static int order(char[][] table) {
        int order = 1;
        for (int i = 1; i < table.length; i++) {
            int cmp = Arrays.compare(table[i - 1], table[i]);
            if (cmp > 0) {
                return -1;
            }
            if (cmp == 0) {
                order = 0;
            }
        }
        return order;
    }

    /** {@code frequency(c, 1)} without the search: a table lookup per character. */
    int frequency(char c) {
        return singleFrequency[c];
    }

    /**
     * {@code frequency(w, len)} for a word {@link #isWord} found at {@code index}: in a table of
     * distinct tails that entry is the one binary search would find.
     */
    private int frequencyOfEntry(char[] w, int len, int index) {
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
    private int prefixMatch(char[] w, int len, int knownStart) {
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
    private boolean isWord(char[] w, int len, int index) {
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

package dev.zhsearch.convert;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An immutable dictionary of OpenCC phrases, answering "the longest key that starts here" in one
 * pass over the text. It is a trie over UTF-16 code units whose edges live in one open-addressing
 * hash table (node id and code unit packed in a long), with a direct array for the root's edges,
 * so a lookup costs one array read and then one probe per further code unit.
 */
public final class PrefixDictionary implements Dictionary {

    private static final int NO_NODE = -1;

    private final int[] rootEdges = new int[Character.MAX_VALUE + 1];
    /**
     * One bit per code unit: does any key start with it? 8 KB, so it stays in the L1 cache where
     * the 256 KB of root edges do not; most characters of a text start no key of most dictionaries.
     */
    private final long[] startsKey = new long[(Character.MAX_VALUE + 1) / 64];
    /**
     * A filter over the first two code units of the keys (32 KB, one bit per hashed pair): a text's
     * second character usually continues no key that its first starts, and the filter says so
     * without the cache miss of probing the edge table. Set bits may be false positives, never
     * false negatives.
     */
    private final long[] startsKeyPair = new long[PAIR_FILTER_BITS / 64];
    private static final int PAIR_FILTER_BITS = 1 << 18;
    private final long[] edgeKeys;
    private final int[] edgeTargets;
    private final int edgeMask;
    private final String[] values; // per node; null where no key ends
    private final int maxKeyLength;
    private final int size;

    private PrefixDictionary(Map<String, String> entries) {
        java.util.Arrays.fill(rootEdges, NO_NODE);
        int capacity = Integer.highestOneBit(Math.max(16, entries.size() * 6)) << 1;
        edgeKeys = new long[capacity];
        edgeTargets = new int[capacity];
        java.util.Arrays.fill(edgeKeys, -1L);
        edgeMask = capacity - 1;
        java.util.ArrayList<String> nodeValues = new java.util.ArrayList<>();
        nodeValues.add(null); // node 0 is the root
        int longest = 0;
        for (Map.Entry<String, String> e : entries.entrySet()) {
            String key = e.getKey();
            int node = 0;
            if (key.length() >= 2) {
                int bit = pairBit(key.charAt(0), key.charAt(1));
                startsKeyPair[bit >>> 6] |= 1L << bit;
            }
            for (int i = 0; i < key.length(); i++) {
                int next = child(node, key.charAt(i));
                if (next == NO_NODE) {
                    next = nodeValues.size();
                    nodeValues.add(null);
                    putChild(node, key.charAt(i), next);
                }
                node = next;
            }
            nodeValues.set(node, e.getValue());
            longest = Math.max(longest, key.length());
        }
        values = nodeValues.toArray(new String[0]);
        maxKeyLength = longest;
        size = entries.size();
    }

    /** Builds a dictionary from key → value pairs (the first value of an OpenCC line). */
    public static PrefixDictionary of(Map<String, String> entries) {
        return new PrefixDictionary(entries);
    }

    /**
     * Reads OpenCC's text format: {@code key<TAB>value[ value...]}, '#' comments and blank lines
     * ignored; the first value is the conversion. With {@code reverse}, each value maps back to the
     * key (how OpenCC derives its *Rev dictionaries); the first key seen for a value wins.
     */
    public static PrefixDictionary read(BufferedReader in, String name, boolean reverse) {
        Map<String, String> entries = new LinkedHashMap<>();
        try {
            String line;
            int lineNo = 0;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                if (tab <= 0 || tab == line.length() - 1) {
                    throw new IllegalArgumentException(name + ":" + lineNo + ": expected 'key<TAB>value', got: " + line);
                }
                String key = line.substring(0, tab).strip();
                String[] targets = line.substring(tab + 1).strip().split(" +");
                if (reverse) {
                    for (String t : targets) {
                        entries.putIfAbsent(t, key);
                    }
                } else {
                    entries.putIfAbsent(key, targets[0]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(name, e);
        }
        return new PrefixDictionary(entries);
    }

    private int child(int node, char c) {
        if (node == 0) {
            return rootEdges[c];
        }
        long key = ((long) node << 16) | c;
        int slot = mix(key) & edgeMask;
        while (true) {
            long k = edgeKeys[slot];
            if (k == key) {
                return edgeTargets[slot];
            }
            if (k == -1L) {
                return NO_NODE;
            }
            slot = (slot + 1) & edgeMask;
        }
    }

    private void putChild(int node, char c, int target) {
        if (node == 0) {
            rootEdges[c] = target;
            startsKey[c >>> 6] |= 1L << c;
            return;
        }
        long key = ((long) node << 16) | c;
        int slot = mix(key) & edgeMask;
        while (edgeKeys[slot] != -1L) {
            slot = (slot + 1) & edgeMask;
        }
        edgeKeys[slot] = key;
        edgeTargets[slot] = target;
    }

    private static int pairBit(char first, char second) {
        return mix(((long) first << 16) | second) & (PAIR_FILTER_BITS - 1);
    }

    private static int mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    @Override
    public int match(CharSequence text, int start, int end, String[] valueOut) {
        if (start >= end) {
            return 0;
        }
        char first = text.charAt(start);
        if ((startsKey[first >>> 6] & (1L << first)) == 0) {
            return 0;
        }
        int node = rootEdges[first];
        int best = 0;
        if (values[node] != null) {
            best = 1;
            valueOut[0] = values[node];
        }
        int limit = Math.min(end, start + maxKeyLength);
        if (start + 1 >= limit) {
            return best;
        }
        int bit = pairBit(first, text.charAt(start + 1));
        if ((startsKeyPair[bit >>> 6] & (1L << bit)) == 0) {
            return best;
        }
        for (int i = start + 1; i < limit; i++) {
            node = child(node, text.charAt(i));
            if (node == NO_NODE) {
                break;
            }
            if (values[node] != null) {
                best = i - start + 1;
                valueOut[0] = values[node];
            }
        }
        return best;
    }

    @Override
    public int maxKeyLength() {
        return maxKeyLength;
    }

    /** Number of keys. */
    public int size() {
        return size;
    }

    /** Whether {@code key} is a key of this dictionary, and its value if so (else null). */
    public String get(String key) {
        String[] out = new String[1];
        return match(key, 0, key.length(), out) == key.length() && !key.isEmpty() ? out[0] : null;
    }
}

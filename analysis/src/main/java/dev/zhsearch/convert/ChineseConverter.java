package dev.zhsearch.convert;

import java.util.List;

/**
 * OpenCC's conversion algorithm over OpenCC's dictionaries: optional normalization, maximum-match
 * segmentation by a phrase dictionary, then a chain of conversions each applied by forward maximum
 * matching within a segment. Unlike OpenCC it also tracks where every output character came from,
 * so that analysis can report offsets in the original text. Thread-safe and immutable.
 */
public final class ChineseConverter {

    private final String name;
    private final List<Dictionary> normalization;
    private final Dictionary segmentation; // null: the whole text is one segment
    private final List<Dictionary> chain;

    public ChineseConverter(String name, List<Dictionary> normalization, Dictionary segmentation, List<Dictionary> chain) {
        this.name = name;
        this.normalization = List.copyOf(normalization);
        this.segmentation = segmentation;
        this.chain = List.copyOf(chain);
    }

    public String name() {
        return name;
    }

    /** Converts text, discarding offsets. */
    public String convert(String text) {
        return convertWithOffsets(text).text();
    }

    public Converted convertWithOffsets(String text) {
        int n = text.length();
        int[] map = new int[n + 1];
        for (int i = 0; i <= n; i++) {
            map[i] = i;
        }
        State state = new State(text, map, new int[] {0, n});
        for (Dictionary d : normalization) {
            state = apply(d, state);
        }
        if (segmentation != null) {
            state = new State(state.text, state.map, segment(segmentation, state.text));
        }
        for (Dictionary d : chain) {
            state = apply(d, state);
        }
        return new Converted(state.text, state.map);
    }

    /** Text, origin map (length+1) and segment boundaries (sorted, first 0, last length). */
    private record State(String text, int[] map, int[] bounds) {}

    private static int[] segment(Dictionary dict, String text) {
        int n = text.length();
        IntList bounds = new IntList(Math.max(4, n / 2));
        bounds.add(0);
        String[] value = new String[1];
        int i = 0;
        while (i < n) {
            int len = dict.match(text, i, n, value);
            if (len > 0) {
                bounds.addIfNew(i);
                bounds.add(i + len);
                i += len;
            } else {
                i += Character.charCount(text.codePointAt(i));
            }
        }
        bounds.addIfNew(n);
        return bounds.toArray();
    }

    private static void copyRun(String text, int[] map, int from, int to, StringBuilder out, IntList outMap) {
        if (from < to) {
            out.append(text, from, to);
            for (int k = from; k < to; k++) {
                outMap.add(map[k]);
            }
        }
    }

    /**
     * One dictionary applied by forward maximum matching within each segment. Output is built only
     * from the first match on: a pass that matches nothing (most passes over most text, e.g. the
     * Taiwan-variant pass over Simplified text) returns its input as it is.
     */
    private static State apply(Dictionary dict, State in) {
        String text = in.text;
        int[] map = in.map;
        int n = text.length();
        int[] bounds = in.bounds;
        int[] outBounds = new int[bounds.length];
        StringBuilder out = null;
        IntList outMap = null;
        int copied = 0; // text before this is in out (once out exists)
        String[] value = new String[1];
        for (int s = 0; s + 1 < bounds.length; s++) {
            outBounds[s] = (out == null ? 0 : out.length()) + bounds[s] - copied;
            int segEnd = bounds[s + 1];
            int i = bounds[s];
            while (i < segEnd) {
                int len = dict.match(text, i, segEnd, value);
                if (len == 0) {
                    i = Math.min(i + Character.charCount(text.codePointAt(i)), segEnd);
                    continue;
                }
                String v = value[0];
                int m = v.length();
                if (m == len && text.regionMatches(i, v, 0, m)) { // a key that maps to itself: nothing to write
                    i += len;
                    continue;
                }
                if (out == null) {
                    out = new StringBuilder(n + 16);
                    outMap = new IntList(n + 17);
                }
                copyRun(text, map, copied, i, out, outMap);
                out.append(v);
                if (m == len) {
                    for (int t = 0; t < m; t++) {
                        outMap.add(map[i + t]);
                    }
                } else {
                    for (int t = 0; t < m; t++) {
                        outMap.add(map[i + (int) ((long) t * len / m)]);
                    }
                }
                i += len;
                copied = i;
            }
        }
        if (out == null) {
            return in;
        }
        copyRun(text, map, copied, n, out, outMap);
        outBounds[bounds.length - 1] = out.length();
        outMap.add(map[n]);
        return new State(out.toString(), outMap.toArray(), outBounds);
    }

    /** A growable int array; avoids boxing on the hot path. */
    private static final class IntList {
        private int[] a;
        private int size;

        IntList(int capacity) {
            a = new int[Math.max(1, capacity)];
        }

        void add(int v) {
            if (size == a.length) {
                a = java.util.Arrays.copyOf(a, a.length * 2);
            }
            a[size++] = v;
        }

        void addIfNew(int v) {
            if (size == 0 || a[size - 1] != v) {
                add(v);
            }
        }

        int[] toArray() {
            return java.util.Arrays.copyOf(a, size);
        }
    }
}

package dev.zhsearch.analysis.hhmm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.cn.smart.CharType;
import org.apache.lucene.analysis.cn.smart.Utility;
import org.apache.lucene.analysis.cn.smart.WordType;

/**
 * Lucene smartcn's hidden-Markov word segmentation (its {@code HHMMSegmenter}, {@code BiSegGraph} and
 * {@code WordSegmenter}, Apache License 2.0), re-implemented over the same dictionaries so that it
 * gives the same words faster. smartcn builds the word graph of a sentence as maps of lists of
 * objects, allocates a {@code word1@word2} array for every pair of adjacent candidates and looks it
 * up in a crowded hash table (a quarter of all indexing time). Here the graph is arrays in the order
 * smartcn numbers its tokens, the pair hash is continued from the first word's, the pair table is
 * sparse, and the shortest path is relaxed while the edges are generated, in smartcn's edge order
 * with its strict comparison, so ties break the same way.
 *
 * <p>Thread-safe: the dictionaries are read-only and each call works on its own arrays.
 */
public final class HhmmSegmenter {

    /** One word of a sentence: its term as smartcn emits it, and its offsets within the sentence. */
    public record Word(char[] term, int start, int end) {}

    private static final class Dictionaries {
        static final CoreDictionary WORDS = CoreDictionary.load();
        static final BigramTable PAIRS = BigramTable.load();
    }

    private static final double SMOOTH = 0.1;
    private static final double TINY = 1.0 / Utility.MAX_FREQUENCE;

    private final CoreDictionary words;
    private final BigramTable pairs;
    /** Words beyond smartcn's dictionary (the fold's vocabulary), by length; empty: smartcn's words alone. */
    private final Set<String> extraWords;
    /** The first two characters of each extra word: most positions start none, and are passed at once. */
    private final Set<Integer> extraStarts;
    private final int longestExtra;
    /**
     * How often smartcn is told an extra word occurs: about a common noun's count in its dictionary,
     * enough that 特朗普 stays one word rather than 特|朗|普, not so much that it wins over a longer word.
     */
    static final int EXTRA_FREQUENCY = 200;
    private final int stringFrequency;
    private final int numberFrequency;
    private final int startFrequency;
    private final int endFrequency;

    public HhmmSegmenter() {
        this(Set.of());
    }

    /**
     * smartcn's segmentation that also knows these words (Han characters only, two or more; longer
     * than 16 are ignored): the words the fold writes in place of a Taiwan or mainland word, which
     * smartcn's 1990s dictionary often lacks, so that a rewritten word is not cut inside.
     */
    public HhmmSegmenter(Set<String> extraWords) {
        this.words = Dictionaries.WORDS;
        java.util.Set<String> extra = new java.util.HashSet<>();
        int longest = 0;
        for (String w : extraWords) {
            if (w.length() >= 2 && w.length() <= 16 && w.chars().allMatch(c -> Utility.getCharType((char) c) == CharType.HANZI)
                    && words.frequency(w.toCharArray(), w.length()) == 0) {
                extra.add(w);
                longest = Math.max(longest, w.length());
            }
        }
        this.extraWords = Set.copyOf(extra);
        this.extraStarts = extra.stream().map(w -> w.charAt(0) << 16 | w.charAt(1)).collect(java.util.stream.Collectors.toUnmodifiableSet());
        this.longestExtra = longest;
        this.pairs = Dictionaries.PAIRS;
        this.stringFrequency = frequency(words, Utility.STRING_CHAR_ARRAY);
        this.numberFrequency = frequency(words, Utility.NUMBER_CHAR_ARRAY);
        this.startFrequency = frequency(words, Utility.START_CHAR_ARRAY);
        this.endFrequency = frequency(words, Utility.END_CHAR_ARRAY);
    }

    private static int frequency(CoreDictionary words, char[] w) {
        return words.frequency(w, w.length);
    }

    /** The candidate words of a sentence, numbered as smartcn numbers them (by start, then as found). */
    private static final class Graph {
        int size;
        char[][] chars = new char[16][];
        int[] start = new int[16];
        int[] end = new int[16];
        int[] type = new int[16];
        int[] freq = new int[16];

        void add(char[] c, int s, int e, int t, int f) {
            if (size == start.length) {
                int n = size * 2;
                chars = Arrays.copyOf(chars, n);
                start = Arrays.copyOf(start, n);
                end = Arrays.copyOf(end, n);
                type = Arrays.copyOf(type, n);
                freq = Arrays.copyOf(freq, n);
            }
            chars[size] = c;
            start[size] = s;
            end[size] = e;
            type[size] = t;
            freq[size] = f;
            size++;
        }
    }

    /** The words of one sentence, in order, as smartcn's {@code WordSegmenter.segmentSentence} gives them. */
    public List<Word> segment(String sentence) {
        int length = sentence.length();
        Graph g = new Graph();
        g.add(Utility.START_CHAR_ARRAY, -1, 0, WordType.SENTENCE_BEGIN, startFrequency);
        candidates(sentence, g);
        g.add(Utility.END_CHAR_ARRAY, length, length + 1, WordType.SENTENCE_END, endFrequency);
        int[] previous = shortestPath(g, length);
        int last = g.size - 1;
        int count = 0;
        for (int k = previous[last]; k != 0; k = previous[k]) {
            count++;
        }
        Word[] out = new Word[count];
        for (int k = previous[last]; k != 0; k = previous[k]) {
            out[--count] = word(sentence, g, k);
        }
        return Arrays.asList(out);
    }

    /** Every dictionary word at every position, single characters, and runs of letters, digits, punctuation. */
    private void candidates(String sentence, Graph g) {
        int length = sentence.length();
        int[] types = new int[length];
        for (int i = 0; i < length; i++) {
            types[i] = Utility.getCharType(sentence.charAt(i));
        }
        char[] buf = new char[16];
        int i = 0;
        while (i < length) {
            switch (types[i]) {
                case CharType.SPACE_LIKE -> i++;
                case CharType.SURROGATE -> {
                    int count = Character.charCount(Character.codePointAt(sentence, i));
                    g.add(sentence.substring(i, i + count).toCharArray(), i, i + count, WordType.CHINESE_WORD, 0);
                    i += count;
                }
                case CharType.HANZI -> {
                    // the single character always, then every longer dictionary word from here;
                    // smartcn lets a word run over spaces (its offsets then include them)
                    int len = 1;
                    buf[0] = sentence.charAt(i);
                    g.add(new char[] {buf[0]}, i, i + 1, WordType.CHINESE_WORD, words.frequency(buf[0]));
                    int j = i + 1;
                    int node = words.root(buf[0]);
                    while (node != -1) {
                        int freq = words.wordFrequency(node);
                        if (len > 1 && freq != CoreDictionary.NOT_A_WORD) {
                            g.add(Arrays.copyOf(buf, len), i, j, WordType.CHINESE_WORD, freq);
                        }
                        while (j < length && types[j] == CharType.SPACE_LIKE) {
                            j++;
                        }
                        if (j < length && types[j] == CharType.HANZI) {
                            if (len == buf.length) {
                                buf = Arrays.copyOf(buf, len * 2);
                            }
                            char c = sentence.charAt(j);
                            buf[len++] = c;
                            node = words.child(node, c);
                            j++;
                        } else {
                            break;
                        }
                    }
                    extraCandidates(sentence, types, i, g);
                    i++;
                }
                case CharType.FULLWIDTH_LETTER, CharType.LETTER -> {
                    int j = runEnd(types, i, CharType.LETTER, CharType.FULLWIDTH_LETTER);
                    int type = anyOf(types, i, j, CharType.FULLWIDTH_LETTER) ? WordType.FULLWIDTH_STRING : WordType.STRING;
                    g.add(Utility.STRING_CHAR_ARRAY, i, j, type, stringFrequency);
                    i = j;
                }
                case CharType.FULLWIDTH_DIGIT, CharType.DIGIT -> {
                    int j = runEnd(types, i, CharType.DIGIT, CharType.FULLWIDTH_DIGIT);
                    int type = anyOf(types, i, j, CharType.FULLWIDTH_DIGIT) ? WordType.FULLWIDTH_NUMBER : WordType.NUMBER;
                    g.add(Utility.NUMBER_CHAR_ARRAY, i, j, type, numberFrequency);
                    i = j;
                }
                case CharType.DELIMITER -> {
                    g.add(new char[] {sentence.charAt(i)}, i, i + 1, WordType.DELIMITER, Utility.MAX_FREQUENCE);
                    i++;
                }
                default -> { // anything else is an unknown one-character string
                    g.add(Utility.STRING_CHAR_ARRAY, i, i + 1, WordType.STRING, stringFrequency);
                    i++;
                }
            }
        }
    }

    /** The extra words that start at {@code i} (Han characters only, as written). */
    private void extraCandidates(String sentence, int[] types, int i, Graph g) {
        int max = Math.min(longestExtra, sentence.length() - i);
        if (max < 2 || !extraStarts.contains(sentence.charAt(i) << 16 | sentence.charAt(i + 1))) {
            return;
        }
        for (int len = 2; len <= max && types[i + len - 1] == CharType.HANZI; len++) {
            String w = sentence.substring(i, i + len);
            if (extraWords.contains(w)) {
                g.add(w.toCharArray(), i, i + len, WordType.CHINESE_WORD, EXTRA_FREQUENCY);
            }
        }
    }

    /** End of the run from {@code from} of characters of type {@code half} or {@code full}. */
    private static int runEnd(int[] types, int from, int half, int full) {
        int j = from + 1;
        while (j < types.length && (types[j] == half || types[j] == full)) {
            j++;
        }
        return j;
    }

    private static boolean anyOf(int[] types, int from, int to, int type) {
        for (int k = from; k < to; k++) {
            if (types[k] == type) {
                return true;
            }
        }
        return false;
    }

    /**
     * The cheapest path from the begin marker (0) to the end marker over pairs of adjacent words,
     * weighted by smartcn's smoothed pair probability; returns each node's predecessor.
     */
    private int[] shortestPath(Graph g, int length) {
        int n = g.size;
        // first token starting at each position (0..length), or -1; tokens are numbered by start
        int[] firstAt = new int[length + 1];
        int[] countAt = new int[length + 1];
        Arrays.fill(firstAt, -1);
        for (int k = 1; k < n; k++) {
            int s = g.start[k];
            if (firstAt[s] < 0) {
                firstAt[s] = k;
            }
            countAt[s]++;
        }
        double[] cost = new double[n];
        int[] previous = new int[n];
        Arrays.fill(cost, Double.MAX_VALUE);
        cost[0] = 0;
        for (int k = 0; k < n - 1; k++) { // every token but the end marker
            int next = g.end[k];
            while (next <= length && firstAt[next] < 0) {
                next++;
            }
            if (next > length) {
                continue; // cannot happen: the end marker starts at length
            }
            double oneWordFreq = g.freq[k];
            long prefix = BigramTable.hash(BigramTable.hash(BigramTable.FNV_OFFSET, g.chars[k]), BigramTable.WORD_SEPARATOR);
            double a = SMOOTH * (1.0 + oneWordFreq) / (Utility.MAX_FREQUENCE + 0.0);
            for (int t = firstAt[next], stop = t + countAt[next]; t < stop; t++) {
                int pairFreq = pairs.frequency(BigramTable.hash(prefix, g.chars[t]));
                double weight = -Math.log(a + (1.0 - SMOOTH) * ((1.0 - TINY) * pairFreq / (1.0 + oneWordFreq) + TINY));
                double c = cost[k] + weight;
                if (c < cost[t]) {
                    cost[t] = c;
                    previous[t] = k;
                }
            }
        }
        return previous;
    }

    /** Token {@code k} as smartcn's WordSegmenter and SegTokenFilter emit it. */
    private static Word word(String sentence, Graph g, int k) {
        int s = g.start[k];
        int e = g.end[k];
        char[] term = g.chars[k];
        switch (g.type[k]) {
            case WordType.STRING, WordType.NUMBER -> {
                term = sentence.substring(s, e).toCharArray();
                for (int i = 0; i < term.length; i++) {
                    if (term[i] >= 'A' && term[i] <= 'Z') {
                        term[i] += 0x20;
                    }
                }
            }
            case WordType.FULLWIDTH_STRING, WordType.FULLWIDTH_NUMBER -> {
                term = sentence.substring(s, e).toCharArray();
                for (int i = 0; i < term.length; i++) {
                    if (term[i] >= 0xFF10) {
                        term[i] -= 0xFEE0;
                    }
                    if (term[i] >= 'A' && term[i] <= 'Z') {
                        term[i] += 0x20;
                    }
                }
            }
            case WordType.DELIMITER -> term = Utility.COMMON_DELIMITER;
            default -> { }
        }
        return new Word(term, s, e);
    }
}

package dev.zhsearch.story;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * A document's words as a tf-idf vector, for the cosine between two documents: the index's bigram
 * analysis of its title and body (folded, so both scripts and both regions' words meet; CJK bigrams,
 * Latin words, numbers), each term weighted by {@code (1 + ln tf) · ln((N + 1) / df)^p} against the
 * index's document frequencies and normalised to length 1. Words every outlet uses (報導, 記者, 今天)
 * weigh little; the names, places and numbers of one event weigh much, so two outlets' write-ups of
 * one event meet while two pages of one template (a weather alert, a state visit of another guest)
 * meet less. Terms are numbered by the caller ({@code ids}) and sorted, for a merge-join.
 */
public record StoryVector(int[] terms, float[] weights, String[] heaviest) {

    /** The index's document frequencies. */
    public interface DocFreqs {
        long documents();

        int docFreq(String term);
    }

    /**
     * Only the beginning of a body counts: a reprint is recognised by its beginning (and the labelled
     * pairs that chose the rule show at most the first 600 characters of a body).
     */
    public static final int MAX_BODY_CHARS = 1_000;
    /** How many of its heaviest terms a vector keeps by name, for finding candidates that share them. */
    public static final int HEAVIEST = 10;

    /**
     * The vector of a title and body as written ({@code analyzer} folds them; either may be null, as
     * a stored field may be absent), in {@code field}'s analysis; {@code ids} numbers the terms (the
     * same numbering for every vector compared).
     */
    public static StoryVector of(Analyzer analyzer, String field, String title, String body, DocFreqs df, double idfPower,
                                 ToIntFunction<String> ids) {
        Map<String, Integer> tf = new HashMap<>();
        String b = body == null ? "" : body;
        String text = (title == null ? "" : title) + "\n" + (b.length() > MAX_BODY_CHARS ? b.substring(0, MAX_BODY_CHARS) : b);
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                tf.merge(term.toString(), 1, Integer::sum);
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int n = tf.size();
        String[] names = tf.keySet().toArray(new String[0]);
        double[] raw = new double[n];
        double norm = 0;
        long docs = Math.max(1, df.documents());
        for (int i = 0; i < n; i++) {
            int d = Math.max(1, df.docFreq(names[i]));
            double v = (1 + Math.log(tf.get(names[i]))) * Math.pow(Math.log((docs + 1.0) / d), idfPower);
            raw[i] = v;
            norm += v * v;
        }
        double inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
        Integer[] byWeight = new Integer[n];
        for (int i = 0; i < n; i++) {
            byWeight[i] = i;
        }
        Arrays.sort(byWeight, (x, y) -> Double.compare(raw[y], raw[x]));
        String[] heaviest = new String[Math.min(HEAVIEST, n)];
        for (int i = 0; i < heaviest.length; i++) {
            heaviest[i] = names[byWeight[i]];
        }
        long[] packed = new long[n]; // id in the high bits, index in the low: sorted by id
        for (int i = 0; i < n; i++) {
            packed[i] = ((long) ids.applyAsInt(names[i]) << 32) | i;
        }
        Arrays.sort(packed);
        int[] terms = new int[n];
        float[] weights = new float[n];
        for (int k = 0; k < n; k++) {
            terms[k] = (int) (packed[k] >>> 32);
            weights[k] = (float) (raw[(int) packed[k]] * inv);
        }
        return new StoryVector(terms, weights, heaviest);
    }

    /** The cosine of the two vectors (both of length 1): 0 for nothing shared, 1 for the same words alike. */
    public double cosine(StoryVector o) {
        double dot = 0;
        int i = 0;
        int j = 0;
        int[] a = terms;
        int[] b = o.terms;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                dot += weights[i++] * o.weights[j++];
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return dot;
    }

    /** Numbers terms in the order first seen: one numbering for the vectors of one comparison. */
    public static ToIntFunction<String> numbering() {
        Map<String, Integer> ids = new HashMap<>();
        return t -> ids.computeIfAbsent(t, k -> ids.size());
    }
}

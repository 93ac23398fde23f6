package dev.zhsearch.search;

import dev.zhsearch.index.Fields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Pseudo-relevance feedback ({@link NewsRanking.Feedback}), the same on either engine: the words that
 * several of the first ranking's best documents share in their titles and leads, weighted by how many
 * of them hold the word and how rare the word is in the index's bodies, become a query that reorders
 * what the user's words matched. A query for 卡達世足賽 learns 世界杯 and 國際足聯 from its best hits, one
 * for 進博會 learns 展品 and 參展. The words are the index's own (the title field's analysis: folded,
 * either script). The engine supplies the documents and the counts; this class decides.
 */
public final class FeedbackTerms {

    /** How much of a document's body, after its title, speaks for it (the lead). */
    public static final int LEAD_CHARS = 150;
    /** A word must be in at least this share of the feedback documents, and in two. */
    public static final double MIN_SHARE = 0.2;
    /** Scores closer than this (relative) are a tie, which the two engines may break apart. */
    private static final double SAME_SCORE = 1e-4;

    /** A chosen word and its weight (the best has 1). */
    public record Weighted(String term, double weight) {}

    /** A feedback document: its title and body as stored. */
    public record Doc(String title, String body) {}

    /** How an engine counts the bodies holding each word, all in one go, and the documents it holds. */
    @FunctionalInterface
    public interface BodyCounts {
        Counts of(java.util.Collection<String> words) throws IOException;
    }

    /** How many bodies hold each word, of {@code documents} in all. */
    public record Counts(Map<String, Long> perWord, long documents) {}

    private final Analyzer analyzer;

    public FeedbackTerms(Analyzer perFieldAnalyzer) {
        this.analyzer = perFieldAnalyzer;
    }

    /**
     * How many of the best documents feed back, given the first ranking's scores (best first, one
     * more than wanted if there are): at most {@code docs}, less any that tie with the first one left
     * out, so that which documents count never depends on how an engine breaks ties.
     */
    public static int kept(float[] scores, int docs) {
        if (scores.length <= docs) {
            return scores.length;
        }
        float out = scores[docs];
        int n = docs;
        while (n > 0 && Math.abs(scores[n - 1] - out) <= SAME_SCORE * Math.max(Math.abs(out), 1e-9)) {
            n--;
        }
        return n;
    }

    /**
     * The words worth feeding back that the query does not hold, and how many of these documents
     * hold each, keeping only those enough of them share (sorted, so that the engines agree).
     */
    public Map<String, Integer> shared(List<Doc> docs, String queryText) {
        Set<String> own = words(queryText);
        Map<String, Integer> holders = new TreeMap<>();
        for (Doc d : docs) {
            String body = d.body() == null ? "" : d.body();
            String lead = body.substring(0, Math.min(body.length(), LEAD_CHARS));
            for (String w : words((d.title() == null ? "" : d.title()) + "\n" + lead)) {
                if (!own.contains(w) && worthFeeding(w)) {
                    holders.merge(w, 1, Integer::sum);
                }
            }
        }
        int least = Math.max(2, (int) Math.ceil(MIN_SHARE * docs.size()));
        holders.values().removeIf(n -> n < least);
        return holders;
    }

    /**
     * The feedback query of the first ranking's best documents ({@code docs}, as {@link #kept} chose
     * them) for {@code queryText}: the words they {@link #shared share}, {@link #weigh weighed} by the
     * engine's body counts, as a {@link #query}; empty if they share none.
     */
    public Optional<Query> words(List<Doc> docs, String queryText, BodyCounts counts, NewsRanking.Feedback fb, float titleBoost) throws IOException {
        Map<String, Integer> shared = shared(docs, queryText);
        if (shared.isEmpty()) {
            return Optional.empty();
        }
        Counts c = counts.of(shared.keySet());
        return query(weigh(shared, docs.size(), c.perWord(), c.documents(), fb.terms()), titleBoost, fb.weight());
    }

    /**
     * The {@code max} best of the shared words: the share of the documents holding one times its
     * BM25 idf over the bodies ({@code bodyDocs}: how many of the {@code documents} hold it).
     */
    public static List<Weighted> weigh(Map<String, Integer> shared, int docs, Map<String, Long> bodyDocs, long documents, int max) {
        List<Weighted> all = new ArrayList<>();
        for (var e : shared.entrySet()) {
            double df = bodyDocs.getOrDefault(e.getKey(), 0L);
            double idf = Math.log(1 + (documents - df + 0.5) / (df + 0.5));
            all.add(new Weighted(e.getKey(), e.getValue() / (double) docs * idf));
        }
        all.sort(Comparator.comparingDouble(Weighted::weight).reversed().thenComparing(Weighted::term));
        List<Weighted> chosen = all.subList(0, Math.min(Math.max(0, max), all.size()));
        if (chosen.isEmpty()) {
            return List.of();
        }
        double best = chosen.getFirst().weight();
        return chosen.stream().map(w -> new Weighted(w.term(), w.weight() / best)).toList();
    }

    /**
     * The query of these words, worth {@code weight} in all: each in the title (times
     * {@code titleBoost}) or the body, scored by BM25 times its own weight. Empty without words.
     */
    public static Optional<Query> query(List<Weighted> words, float titleBoost, double weight) {
        if (words.isEmpty()) {
            return Optional.empty();
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (Weighted w : words) {
            b.add(new BoostQuery(new TermQuery(new Term(Fields.TITLE, w.term())), (float) (w.weight() * titleBoost)), BooleanClause.Occur.SHOULD);
            b.add(new BoostQuery(new TermQuery(new Term(Fields.BODY, w.term())), (float) w.weight()), BooleanClause.Occur.SHOULD);
        }
        return Optional.of(new BoostQuery(b.build(), (float) weight));
    }

    /** The text's query under the feedback: the same documents match; the words add to their scores. */
    public static Query fed(Query text, Query words) {
        return new BooleanQuery.Builder().add(text, BooleanClause.Occur.MUST).add(words, BooleanClause.Occur.SHOULD).build();
    }

    /** A word that can say what a story is about: two characters or more, not a number. */
    private static boolean worthFeeding(String w) {
        return w.codePointCount(0, w.length()) >= 2 && w.codePoints().anyMatch(Character::isLetter);
    }

    private Set<String> words(String text) {
        Set<String> out = new HashSet<>();
        try (TokenStream ts = analyzer.tokenStream(Fields.TITLE, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}

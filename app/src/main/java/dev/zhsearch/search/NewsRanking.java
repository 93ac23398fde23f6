package dev.zhsearch.search;

import dev.zhsearch.clean.PageTypes;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;

/**
 * How the default ranking ({@code sort=relevance}) weighs a text match: times a weight for the kind
 * of page, times a recency factor {@code (1 − w) + w · 0.5^(age / halfLife)}, the age counted from the
 * newest document in the index. Read from {@code search/ranking.properties}; a file can override any
 * key. {@link #NONE} is BM25 alone.
 */
public record NewsRanking(Map<PageTypes.Type, Double> weights, double recencyWeight, double halfLifeDays, float titleBoost,
                          Feedback feedback) {

    /**
     * Pseudo-relevance feedback: the words that {@code docs} of the first ranking's best documents share
     * (at most {@code terms} of them) reorder the documents the query matched, each worth {@code weight}
     * of a query word at most. {@code docs=0}: none. The matched documents (and so totals and facets)
     * stay the same; only their order changes.
     */
    public record Feedback(int docs, int terms, double weight) {
        public static final Feedback NONE = new Feedback(0, 0, 0);

        public Feedback {
            if (docs < 0 || docs > 100 || terms < 0 || terms > 100 || !(weight >= 0 && weight <= 1)) {
                throw new IllegalArgumentException("feedback.docs and feedback.terms must be in [0, 100], feedback.weight in [0, 1]: "
                        + docs + ", " + terms + ", " + weight);
            }
        }

        public boolean on() {
            return docs > 0 && terms > 0 && weight > 0;
        }
    }

    private static final String DEFAULTS = "search/ranking.properties";

    /** No weights, no recency: the text score alone ({@code sort=score}). */
    public static final NewsRanking NONE = new NewsRanking(Map.of(), 0, 365, QueryFactory.TITLE_BOOST, Feedback.NONE);

    public NewsRanking {
        EnumMap<PageTypes.Type, Double> all = new EnumMap<>(PageTypes.Type.class);
        for (PageTypes.Type t : PageTypes.Type.values()) {
            double w = weights.getOrDefault(t, 1.0);
            if (!(w > 0 && w <= 1)) {
                throw new IllegalArgumentException("weight of " + t.label() + " must be in (0, 1]: " + w);
            }
            all.put(t, w);
        }
        weights = java.util.Collections.unmodifiableMap(all);
        if (!(recencyWeight >= 0 && recencyWeight < 1)) {
            throw new IllegalArgumentException("recency.weight must be in [0, 1): " + recencyWeight);
        }
        if (!(halfLifeDays > 0)) {
            throw new IllegalArgumentException("recency.half-life-days must be positive: " + halfLifeDays);
        }
        if (!(titleBoost >= 1 && titleBoost <= 100)) {
            throw new IllegalArgumentException("title.boost must be in [1, 100]: " + titleBoost);
        }
    }

    public static NewsRanking standard() {
        try (InputStream in = NewsRanking.class.getClassLoader().getResourceAsStream(DEFAULTS)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + DEFAULTS);
            }
            Properties p = new Properties();
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            return of(p, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The defaults with the keys of this file in their place. */
    public static NewsRanking load(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return of(p, standard());
    }

    /** {@code key=value,key=value} over these settings (for benchmarks comparing variants). */
    public NewsRanking with(String overrides) {
        Properties p = new Properties();
        for (String kv : overrides.split(",")) {
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("expected key=value: " + kv);
            }
            p.setProperty(kv.substring(0, eq).strip(), kv.substring(eq + 1).strip());
        }
        return of(p, this);
    }

    private static NewsRanking of(Properties p, NewsRanking base) {
        Map<PageTypes.Type, Double> weights = new EnumMap<>(PageTypes.Type.class);
        if (base != null) {
            weights.putAll(base.weights());
        }
        for (String key : p.stringPropertyNames()) {
            String value = p.getProperty(key).strip();
            if (key.startsWith("weight.")) {
                weights.put(PageTypes.Type.parse(key.substring("weight.".length())), number(key, value));
            } else if (!SETTINGS.contains(key)) {
                throw new IllegalArgumentException("unknown ranking setting '" + key + "' (weight.TYPE, " + String.join(", ", SETTINGS) + ")");
            }
        }
        double recency = p.containsKey("recency.weight") ? number("recency.weight", p.getProperty("recency.weight"))
                : base == null ? 0 : base.recencyWeight();
        double halfLife = p.containsKey("recency.half-life-days") ? number("recency.half-life-days", p.getProperty("recency.half-life-days"))
                : base == null ? 365 : base.halfLifeDays();
        float titleBoost = p.containsKey("title.boost") ? (float) number("title.boost", p.getProperty("title.boost"))
                : base == null ? QueryFactory.TITLE_BOOST : base.titleBoost();
        Feedback f = base == null ? Feedback.NONE : base.feedback();
        Feedback feedback = new Feedback(
                p.containsKey("feedback.docs") ? (int) number("feedback.docs", p.getProperty("feedback.docs")) : f.docs(),
                p.containsKey("feedback.terms") ? (int) number("feedback.terms", p.getProperty("feedback.terms")) : f.terms(),
                p.containsKey("feedback.weight") ? number("feedback.weight", p.getProperty("feedback.weight")) : f.weight());
        return new NewsRanking(weights, recency, halfLife, titleBoost, feedback);
    }

    private static final java.util.List<String> SETTINGS = java.util.List.of("recency.weight", "recency.half-life-days", "title.boost",
            "feedback.docs", "feedback.terms", "feedback.weight");

    private static double number(String key, String value) {
        try {
            return Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": not a number: " + value);
        }
    }

    /** Whether this ranking changes nothing (every weight 1, no recency). */
    public boolean isNone() {
        return recencyWeight == 0 && !feedback.on() && weights.values().stream().allMatch(w -> w == 1.0);
    }

    /**
     * A page type's weight, as a float: OpenSearch's function_score takes weights as floats, and the
     * two engines must multiply by the same number.
     */
    public double weight(PageTypes.Type type) {
        return (float) (double) weights.get(type);
    }

    /**
     * The recency factor of a document this many seconds older than the newest (NaN: no date),
     * computed as OpenSearch's function_score computes {@code weight(1 − w) + weight(w) · exp decay}
     * (score_mode sum; an {@code exp} decay with decay 0.5 at the half-life), so both engines agree.
     */
    public double recency(double ageSeconds) {
        if (recencyWeight == 0) {
            return 1;
        }
        double floor = (float) (1 - recencyWeight);
        if (Double.isNaN(ageSeconds)) {
            return floor;
        }
        double scale = Math.log(0.5) / halfLifeSeconds();
        return 0 + floor + (float) recencyWeight * Math.exp(scale * Math.max(0.0, Math.abs(ageSeconds)));
    }

    /** Where ages count from: the end of the newest document's epoch day, in {@code date_sort} seconds. */
    public static long endOfDay(long epochDay) {
        return (epochDay + 1) * 86_400L;
    }

    public double halfLifeSeconds() {
        return halfLifeDays * 86_400;
    }
}

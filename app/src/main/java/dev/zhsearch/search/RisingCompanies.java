package dev.zhsearch.search;

import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Companies mentioned much more in a date range than in the range of the same length just before
 * it, for the current query and filters: a significant-terms score (JLH, as Elasticsearch's
 * {@code significant_terms} uses by default). With {@code fg} the share of the range's matching
 * documents that name the company and {@code bg} the share before (smoothed by one document, so a
 * company absent before is not infinitely significant), the score is {@code (fg − bg) · fg / bg}: it
 * wants both a large rise and a large share. A company needs {@link #MIN_DOCUMENTS} documents in the
 * range and more than before. Counted by each engine's facets or aggregations (the company filter
 * left out, as in the company facet); scored here, once, for both.
 */
public final class RisingCompanies {

    /** A rising company: documents naming it in the range and in the range before, and its score. */
    public record Rising(String id, String name, long count, long before, double score) {}

    public static final int MIN_DOCUMENTS = 3;
    public static final int SHOWN = 5;
    /** How many companies of each range are compared (the most frequent). */
    public static final int CANDIDATES = 200;

    private RisingCompanies() {}

    /** The two ranges compared, each the request's search and filters without the company filter. */
    public record Ranges(SearchRequest now, SearchRequest before) {}

    /** The request's date range, and that range moved back by its own length; empty unless both ends are set. */
    public static Optional<Ranges> ranges(SearchRequest r) {
        if (r.from() == null || r.to() == null || r.to().isBefore(r.from())) {
            return Optional.empty();
        }
        long days = ChronoUnit.DAYS.between(r.from(), r.to()) + 1;
        SearchRequest now = r.withCompanies(List.of());
        return Optional.of(new Ranges(now, now.withDates(r.from().minusDays(days), r.from().minusDays(1))));
    }

    /**
     * @param now        documents per company in the range (company filter left out)
     * @param nowDocs    documents matching in the range (company filter left out)
     * @param before     documents per company in the range before
     * @param beforeDocs documents matching in the range before
     */
    public static List<Rising> score(List<FacetShaping.LabelCount> now, long nowDocs, Map<String, Long> before, long beforeDocs,
                                     FacetShaping shaping, Display display) {
        if (nowDocs == 0) {
            return List.of();
        }
        return now.stream().filter(c -> c.count() >= MIN_DOCUMENTS && c.count() > before.getOrDefault(c.label(), 0L))
                .map(c -> {
                    long b = before.getOrDefault(c.label(), 0L);
                    double fg = (double) c.count() / nowDocs;
                    double bg = (b + 1.0) / (beforeDocs + 1.0);
                    return new Rising(c.label(), shaping.companyName(c.label(), display), c.count(), b, fg > bg ? (fg - bg) * fg / bg : 0);
                })
                .filter(r -> r.score() > 0)
                .sorted(Comparator.comparingDouble(Rising::score).reversed().thenComparing(Rising::id))
                .limit(SHOWN)
                .toList();
    }
}

package dev.zhsearch.search;

import java.util.List;

/**
 * Facet counts for a search. {@code date} is by month (chronological, "unknown" last), {@code year}
 * by year; the others by count. {@code rising}: with a date range, the companies mentioned much more
 * than in the range before it ({@link RisingCompanies}); empty without one.
 */
public record FacetCounts(List<FacetValue> company, List<FacetValue> date, List<FacetValue> year, List<FacetValue> source,
                          List<FacetValue> script, List<RisingCompanies.Rising> rising) {

    public static final FacetCounts EMPTY = new FacetCounts(List.of(), List.of(), List.of(), List.of(), List.of(), List.of());

    public FacetCounts withRising(List<RisingCompanies.Rising> rising) {
        return new FacetCounts(company, date, year, source, script, rising);
    }
}

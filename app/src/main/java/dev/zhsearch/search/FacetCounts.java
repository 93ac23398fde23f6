package dev.zhsearch.search;

import java.util.List;

/**
 * Facet counts for a search. {@code date} is by month (chronological, "unknown" last), {@code year}
 * by year; the others by count.
 */
public record FacetCounts(List<FacetValue> company, List<FacetValue> date, List<FacetValue> year, List<FacetValue> source,
                          List<FacetValue> script) {

    public static final FacetCounts EMPTY = new FacetCounts(List.of(), List.of(), List.of(), List.of(), List.of());
}

package dev.zhsearch.search;

import java.util.List;

/** A page of results: total matches, time taken, the hits, the facet counts. */
public record SearchResult(String query, long total, long tookMs, int page, int size, List<Hit> hits, FacetCounts facets) {}

package dev.zhsearch.search;

import java.util.List;

/**
 * A page of results: total matches, time taken, the hits, the facet counts. {@code partial}: the
 * search box's words all together found fewer than a page, so documents with part of them are
 * listed too, after those with all ({@code QueryFactory.partial}). {@code total} and the facets
 * count documents; {@code collapsed}: the hits are one per story, each naming its other copies.
 */
public record SearchResult(String query, long total, long tookMs, int page, int size, List<Hit> hits, FacetCounts facets,
                           boolean partial, boolean collapsed) {}

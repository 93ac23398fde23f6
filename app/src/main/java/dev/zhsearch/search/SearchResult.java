package dev.zhsearch.search;

import java.util.List;

/**
 * A page of results: total matches, time taken, the hits, the facet counts. {@code partial}: the
 * search box's words all together found fewer than a page, so documents with part of them are
 * listed too, after those with all ({@code QueryFactory.partial}). {@code total} and the facets
 * count documents; {@code collapsed}: the hits are one per story, each naming its other copies.
 * {@code byReading}: the query was pinyin that found nothing as letters, so the word it reads as was
 * searched instead (null otherwise).
 */
public record SearchResult(String query, long total, long tookMs, int page, int size, List<Hit> hits, FacetCounts facets,
                           boolean partial, boolean collapsed, ByReading byReading) {

    /** What was typed ({@code taijidian}) and the word searched for it ({@code 台積電}). */
    public record ByReading(String typed, String word) {}

    public SearchResult(String query, long total, long tookMs, int page, int size, List<Hit> hits, FacetCounts facets,
                        boolean partial, boolean collapsed) {
        this(query, total, tookMs, page, size, hits, facets, partial, collapsed, null);
    }

    public SearchResult withByReading(ByReading reading) {
        return new SearchResult(query, total, tookMs, page, size, hits, facets, partial, collapsed, reading);
    }
}

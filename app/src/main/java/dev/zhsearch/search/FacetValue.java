package dev.zhsearch.search;

/** One value of a facet: its key (a company id, a month, a source), a display name, its count. */
public record FacetValue(String id, String name, long count, boolean selected) {}

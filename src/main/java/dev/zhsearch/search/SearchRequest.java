package dev.zhsearch.search;

/** What to search for: query text (Lucene syntax; empty browses), 1-based page, page size. */
public record SearchRequest(String query, int page, int size, boolean highlight) {

    public static final int MAX_SIZE = 100;

    public SearchRequest {
        query = query == null ? "" : query;
        if (page < 1) {
            throw new IllegalArgumentException("page must be at least 1");
        }
        if (size < 0 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be between 0 and " + MAX_SIZE);
        }
    }

    public static SearchRequest of(String query, int size) {
        return new SearchRequest(query, 1, size, true);
    }
}

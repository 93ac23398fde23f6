package dev.zhsearch.search;

import java.time.LocalDate;
import java.util.List;

/**
 * What to search for. {@code query}: in {@code syntax} (the search box's by default, or Lucene's),
 * empty to browse. Filters: companies (OR among
 * them), sources (OR), scripts (OR), a publication-date range (inclusive; either end open); filters
 * of different kinds AND together. Facet counts use multi-select semantics: each facet is counted
 * with every filter but its own. {@code collapse}: one hit per story (the story's other copies
 * counted and named on the hit), or every copy as a hit of its own.
 */
public record SearchRequest(String query, List<String> companies, List<String> sources, List<String> scripts,
                            LocalDate from, LocalDate to, Sort sort, int page, int size, boolean highlight,
                            Display display, QueryFactory.Syntax syntax, boolean collapse) {

    public static final int MAX_SIZE = 100;
    public static final int MAX_PAGE_DEPTH = 10_000;

    public enum Sort {
        /** The news ranking: the text's score, weighed by the kind of page and, mildly, by recency (NewsRanking). */
        RELEVANCE,
        /** The text's score alone (BM25 over title and body), no weights. */
        SCORE,
        DATE_DESC, DATE_ASC;

        /** Parses the API's words: {@code relevance}, {@code score}, {@code date} / {@code -date} (newest first), {@code +date}. */
        public static Sort parse(String s) {
            return switch (s == null ? "" : s.strip()) {
                case "", "relevance" -> RELEVANCE;
                case "score" -> SCORE;
                case "date", "-date", "newest" -> DATE_DESC;
                case "+date", "oldest", "date_asc" -> DATE_ASC;
                default -> throw new IllegalArgumentException("unknown sort '" + s + "' (relevance | score | date | -date | +date)");
            };
        }
    }

    public SearchRequest {
        query = query == null ? "" : query;
        companies = companies == null ? List.of() : List.copyOf(companies);
        sources = sources == null ? List.of() : List.copyOf(sources);
        scripts = scripts == null ? List.of() : List.copyOf(scripts);
        sort = sort == null ? (query.isBlank() ? Sort.DATE_DESC : Sort.RELEVANCE) : sort;
        display = display == null ? Display.ORIGINAL : display;
        syntax = syntax == null ? QueryFactory.Syntax.PEOPLE : syntax;
        if (page < 1) {
            throw new IllegalArgumentException("page must be at least 1");
        }
        if (size < 0 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be between 0 and " + MAX_SIZE);
        }
        if ((long) page * size > MAX_PAGE_DEPTH) {
            throw new IllegalArgumentException("page × size must be at most " + MAX_PAGE_DEPTH);
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("from (" + from + ") is after to (" + to + ")");
        }
    }

    public static SearchRequest of(String query, int size) {
        return new SearchRequest(query, List.of(), List.of(), List.of(), null, null, null, 1, size, true, Display.ORIGINAL, null, true);
    }

    public SearchRequest withQuery(String newQuery) {
        return new SearchRequest(newQuery, companies, sources, scripts, from, to, sort, page, size, highlight, display, syntax, collapse);
    }

    public SearchRequest withSyntax(QueryFactory.Syntax newSyntax) {
        return new SearchRequest(query, companies, sources, scripts, from, to, sort, page, size, highlight, display, newSyntax, collapse);
    }

    public SearchRequest withCompanies(List<String> ids) {
        return new SearchRequest(query, ids, sources, scripts, from, to, sort, page, size, highlight, display, syntax, collapse);
    }

    public SearchRequest withSources(List<String> values) {
        return new SearchRequest(query, companies, values, scripts, from, to, sort, page, size, highlight, display, syntax, collapse);
    }

    public SearchRequest withScripts(List<String> values) {
        return new SearchRequest(query, companies, sources, values, from, to, sort, page, size, highlight, display, syntax, collapse);
    }

    public SearchRequest withDates(LocalDate newFrom, LocalDate newTo) {
        return new SearchRequest(query, companies, sources, scripts, newFrom, newTo, sort, page, size, highlight, display, syntax, collapse);
    }

    public SearchRequest withPage(int newPage, int newSize) {
        return new SearchRequest(query, companies, sources, scripts, from, to, sort, newPage, newSize, highlight, display, syntax, collapse);
    }

    public SearchRequest withDisplay(Display newDisplay) {
        return new SearchRequest(query, companies, sources, scripts, from, to, sort, page, size, highlight, newDisplay, syntax, collapse);
    }

    public SearchRequest withSort(Sort newSort) {
        return new SearchRequest(query, companies, sources, scripts, from, to, newSort, page, size, highlight, display, syntax, collapse);
    }

    public SearchRequest withCollapse(boolean newCollapse) {
        return new SearchRequest(query, companies, sources, scripts, from, to, sort, page, size, highlight, display, syntax, newCollapse);
    }

    public SearchRequest withHighlight(boolean newHighlight) {
        return new SearchRequest(query, companies, sources, scripts, from, to, sort, page, size, newHighlight, display, syntax, collapse);
    }
}

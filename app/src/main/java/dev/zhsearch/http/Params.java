package dev.zhsearch.http;

import dev.zhsearch.search.Display;
import dev.zhsearch.search.QueryFactory;
import dev.zhsearch.search.SearchRequest;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/** Query parameters → a {@link SearchRequest}, with a 400 naming the parameter for anything wrong. */
final class Params {

    private Params() {}

    static SearchRequest searchRequest(Context ctx) {
        String q = ctx.queryParam("q");
        int page = integer(ctx, "page", 1);
        int size = integer(ctx, "size", 10);
        if (page < 1) {
            throw new BadRequest("page must be at least 1", Map.of("page", page));
        }
        if (size < 0 || size > SearchRequest.MAX_SIZE) {
            throw new BadRequest("size must be between 0 and " + SearchRequest.MAX_SIZE, Map.of("size", size));
        }
        SearchRequest.Sort sort;
        try {
            sort = ctx.queryParam("sort") == null ? null : SearchRequest.Sort.parse(ctx.queryParam("sort"));
        } catch (IllegalArgumentException e) {
            throw new BadRequest(e.getMessage(), Map.of("sort", ctx.queryParam("sort")));
        }
        boolean highlight = switch (ctx.queryParam("highlight") == null ? "on" : ctx.queryParam("highlight")) {
            case "on", "true", "1", "" -> true;
            case "off", "false", "0" -> false;
            default -> throw new BadRequest("highlight must be on or off", Map.of("highlight", ctx.queryParam("highlight")));
        };
        boolean collapse = switch (ctx.queryParam("collapse") == null ? "on" : ctx.queryParam("collapse")) {
            case "on", "true", "1", "" -> true;
            case "off", "false", "0" -> false;
            default -> throw new BadRequest("collapse must be on (one hit per story) or off (every copy)", Map.of("collapse", ctx.queryParam("collapse")));
        };
        Display display = display(ctx);
        QueryFactory.Syntax syntax = syntax(ctx);
        try {
            return new SearchRequest(q, nonBlank(ctx.queryParams("company")), nonBlank(ctx.queryParams("source")),
                    nonBlank(ctx.queryParams("script")), date(ctx, "from"), date(ctx, "to"), sort, page, size, highlight, display, syntax,
                    collapse);
        } catch (IllegalArgumentException e) {
            throw new BadRequest(e.getMessage(), null);
        }
    }

    /** The {@code syntax} parameter: {@code people} (the default) or {@code lucene}. */
    static QueryFactory.Syntax syntax(Context ctx) {
        try {
            return QueryFactory.Syntax.parse(ctx.queryParam("syntax"));
        } catch (IllegalArgumentException e) {
            throw new BadRequest(e.getMessage(), Map.of("syntax", ctx.queryParam("syntax")));
        }
    }

    /** The {@code display} parameter (orig | hant | hans), for search results and the document view alike. */
    static Display display(Context ctx) {
        try {
            return Display.parse(ctx.queryParam("display"));
        } catch (IllegalArgumentException e) {
            throw new BadRequest(e.getMessage(), Map.of("display", ctx.queryParam("display")));
        }
    }

    private static List<String> nonBlank(List<String> values) {
        return values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).distinct().toList();
    }

    static int integer(Context ctx, String name, int fallback) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new BadRequest(name + " must be a whole number", Map.of(name, v));
        }
    }

    static LocalDate date(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(v.strip());
        } catch (DateTimeParseException e) {
            throw new BadRequest(name + " must be an ISO date (YYYY-MM-DD)", Map.of(name, v));
        }
    }
}

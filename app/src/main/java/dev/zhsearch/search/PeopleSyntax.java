package dev.zhsearch.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The search box's syntax, in the spirit of Elasticsearch's {@code simple_query_string}: any text is
 * accepted and never an error. Words are searched as words; {@code "quoted text"} is a phrase;
 * {@code -word} or {@code -"phrase"} (and {@code NOT word}) excludes; {@code OR} between two parts
 * makes them alternatives; {@code title:}, {@code body:} and {@code source:} before a word or a
 * quoted phrase restrict it to that field. Every other character is text (brackets, slashes,
 * colons, {@code !}, a lone quote): the analyzer keeps what it indexes and drops the rest.
 */
public final class PeopleSyntax {

    /** Fields a person may name; anything else before a colon is text ({@code 7:30}, {@code http:}). */
    public static final Set<String> FIELDS = Set.of("title", "body", "source");

    /** One part of the query: words or a phrase, optionally in one field. */
    public record Part(String field, String text, boolean phrase) {
        /** Plain words in no field: these are the ones a long query relaxes over. */
        public boolean plain() {
            return field == null && !phrase;
        }
    }

    /**
     * A parsed query: groups that must each match (a group of several parts matches if any of them
     * does: the parts were joined by OR), and parts that must not match.
     */
    public record Parsed(List<List<Part>> groups, List<Part> excluded) {
        public boolean isEmpty() {
            return groups.isEmpty() && excluded.isEmpty();
        }
    }

    private PeopleSyntax() {}

    public static Parsed parse(String text) {
        List<List<Part>> groups = new ArrayList<>();
        List<Part> excluded = new ArrayList<>();
        boolean orPending = false;
        boolean negateNext = false;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (isSpace(c)) {
                i++;
                continue;
            }
            // a token: [-] [field:] ( "phrase" | word )
            boolean exclude = negateNext;
            negateNext = false;
            int start = i;
            if (c == '-' && i + 1 < n && !isSpace(text.charAt(i + 1))) {
                exclude = true;
                i++;
            }
            String field = null;
            int colon = fieldPrefixEnd(text, i);
            if (colon > 0) {
                field = text.substring(i, colon).toLowerCase(Locale.ROOT);
                i = colon + 1;
            }
            Part part;
            if (i < n && text.charAt(i) == '"' && text.indexOf('"', i + 1) > 0) {
                int close = text.indexOf('"', i + 1);
                part = new Part(field, text.substring(i + 1, close), true);
                i = close + 1;
            } else {
                int end = i;
                while (end < n && !isSpace(text.charAt(end))) {
                    end++;
                }
                String word = text.substring(i, end);
                i = end;
                if (field == null && !exclude) {
                    if (word.equals("OR")) {
                        orPending = !groups.isEmpty();
                        continue;
                    }
                    if (word.equals("AND")) {
                        continue;
                    }
                    if (word.equals("NOT") && skipSpace(text, i) < n) {
                        negateNext = true;
                        continue;
                    }
                }
                if (word.isEmpty() && field != null) {
                    word = text.substring(start, i); // "title:" alone is text
                    field = null;
                    exclude = false;
                }
                part = new Part(field, word, false);
            }
            if (part.text().isBlank()) {
                orPending = false;
                continue;
            }
            if (exclude) {
                excluded.add(part);
                orPending = false;
            } else if (orPending) {
                groups.getLast().add(part);
                orPending = false;
            } else {
                List<Part> group = new ArrayList<>();
                group.add(part);
                groups.add(group);
            }
        }
        return new Parsed(groups.stream().map(List::copyOf).toList(), List.copyOf(excluded));
    }

    /** The colon's index if a known field name and a colon start at {@code i}, else -1. */
    private static int fieldPrefixEnd(String text, int i) {
        int colon = text.indexOf(':', i);
        if (colon <= i || colon - i > 6) {
            return -1;
        }
        String name = text.substring(i, colon).toLowerCase(Locale.ROOT);
        return FIELDS.contains(name) && colon + 1 < text.length() && !isSpace(text.charAt(colon + 1)) ? colon : -1;
    }

    private static int skipSpace(String text, int i) {
        while (i < text.length() && isSpace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
}

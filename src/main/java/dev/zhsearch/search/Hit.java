package dev.zhsearch.search;

import java.util.List;

/**
 * One result. {@code title} and {@code snippets} are HTML: the document's own text, escaped, with
 * {@code <mark>} around matches.
 */
public record Hit(String id, String title, String date, String dateSource, String source, String url, String script,
                  float score, List<String> snippets, List<CompanyRef> companies) {}

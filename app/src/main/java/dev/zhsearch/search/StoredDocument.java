package dev.zhsearch.search;

import java.util.List;

/**
 * A document's cleaned text and metadata as stored ({@code title}, {@code body}: plain text, as
 * written), and the same text as HTML for display ({@code titleHtml}, {@code bodyHtml}: escaped,
 * converted to the requested script, with {@code <mark>} around the query's matches when a query
 * is given). {@code pageType}: story | headline | listing | roundup | roundup-item; {@code parent}: for a
 * roundup's item, the roundup's id (else null).
 */
public record StoredDocument(String id, String title, String body, String date, String dateSource, String source,
                             String url, String script, String origin, List<CompanyRef> companies, String titleHtml,
                             String bodyHtml, String pageType, String parent) {}

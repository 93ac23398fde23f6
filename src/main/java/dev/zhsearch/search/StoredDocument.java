package dev.zhsearch.search;

/** A document's cleaned text and metadata as stored (plain text, not HTML). */
public record StoredDocument(String id, String title, String body, String date, String dateSource, String source,
                             String url, String script, String origin) {}

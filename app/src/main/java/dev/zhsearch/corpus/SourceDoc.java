package dev.zhsearch.corpus;

import java.util.Objects;

/**
 * One document as read from the corpus, before cleaning and analysis. {@code id} is the document's
 * id everywhere (results, /api/documents/{id}); {@code origin} says where it came from (file:line).
 */
public record SourceDoc(String id, String title, String body, PubDate date, String source, String url, String origin) {

    public SourceDoc {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(date, "date");
        title = title == null ? "" : title;
        body = body == null ? "" : body;
        source = source == null || source.isBlank() ? null : source;
        url = url == null || url.isBlank() ? null : url;
    }

    public SourceDoc withText(String newTitle, String newBody) {
        return new SourceDoc(id, newTitle, newBody, date, source, url, origin);
    }

    public SourceDoc withDate(PubDate newDate) {
        return new SourceDoc(id, title, body, newDate, source, url, origin);
    }
}

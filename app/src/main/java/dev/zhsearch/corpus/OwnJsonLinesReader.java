package dev.zhsearch.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;

/**
 * zhsearch's own format: one JSON object per line,
 * {@code {"id","title","body","date","source","url"}}. {@code id} is required and is the document's
 * id everywhere; {@code title} or {@code body} must be non-empty; {@code date} (ISO-8601) is
 * optional and counts as metadata.
 */
public final class OwnJsonLinesReader extends JsonLinesReader {

    @Override
    public String name() {
        return "jsonl";
    }

    @Override
    public boolean accepts(Path file, String head) {
        return isJsonLines(file, head) && head.contains("\"id\"") && !head.contains("\"source_name\"");
    }

    @Override
    SourceDoc map(JsonNode node, String origin) {
        String id = required(node, "id");
        String title = text(node, "title");
        String body = text(node, "body");
        if ((title == null || title.isBlank()) && (body == null || body.isBlank())) {
            throw new IllegalArgumentException("missing field \"title\" or \"body\": one must be non-empty");
        }
        String dateText = text(node, "date");
        PubDate date = PubDate.UNKNOWN;
        if (dateText != null && !dateText.isBlank()) {
            date = PubDate.parse(dateText, PubDate.Provenance.METADATA)
                    .orElseThrow(() -> new IllegalArgumentException("bad \"date\": " + dateText + " (want ISO-8601)"));
        }
        return new SourceDoc(id, title, body, date, text(node, "source"), text(node, "url"), origin);
    }
}

package dev.zhsearch.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;

/**
 * tw-news-digest: one article per line, {@code {"link","title","source","source_name","published",
 * "description",...}}. The link is unique across the corpus and is the id.
 */
public final class TwNewsDigestReader extends JsonLinesReader {

    @Override
    public String name() {
        return "tw-news-digest";
    }

    @Override
    public boolean accepts(Path file, String head) {
        return isJsonLines(file, head) && head.contains("\"link\"") && head.contains("\"source_name\"");
    }

    @Override
    SourceDoc map(JsonNode node, String origin) {
        String link = required(node, "link");
        String title = required(node, "title");
        PubDate date = PubDate.parse(text(node, "published"), PubDate.Provenance.METADATA).orElse(PubDate.UNKNOWN);
        String source = text(node, "source_name");
        if (source == null) {
            source = text(node, "source");
        }
        return new SourceDoc(link, title, text(node, "description"), date, source, link, origin);
    }
}

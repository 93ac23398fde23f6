package dev.zhsearch.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zhsearch.clean.HtmlText;
import java.io.IOException;
import java.nio.file.Path;

/**
 * CCTV 新闻联播: one JSON file per broadcast day, {@code {"videoList":[{"video_title","pub_date",
 * "video_url","brief","video_detail":{"id","content"(HTML)}}]}}. The detail id is the document id;
 * an item without content falls back to its brief.
 */
public final class CctvXwlbReader implements CorpusReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String SOURCE = "央视新闻联播";

    @Override
    public String name() {
        return "cctv-xwlb";
    }

    @Override
    public boolean accepts(Path file, String head) {
        return head.stripLeading().startsWith("{") && head.contains("\"videoList\"");
    }

    @Override
    public void read(Path file, CorpusSink sink) throws IOException {
        String name = file.toString();
        JsonNode root;
        // Parse strictly as UTF-8 first, so invalid bytes are reported rather than replaced.
        String text;
        try {
            text = InputFiles.readString(file);
        } catch (java.nio.charset.CharacterCodingException e) {
            sink.skip(new ReadProblem(name, 0, "invalid UTF-8"));
            return;
        }
        try {
            root = JSON.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            sink.skip(new ReadProblem(name, e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    "invalid JSON: " + e.getOriginalMessage()));
            return;
        }
        JsonNode list = root == null ? null : root.get("videoList");
        if (list == null || !list.isArray()) {
            sink.skip(new ReadProblem(name, 0, "no \"videoList\" array"));
            return;
        }
        int index = 0;
        for (JsonNode item : list) {
            index++;
            String origin = name + "#" + index;
            JsonNode detail = item.path("video_detail");
            String id = firstNonBlank(detail.path("id").asText(null), item.path("video_id").asText(null));
            String title = firstNonBlank(item.path("video_title").asText(null), detail.path("title").asText(null));
            if (id == null || title == null) {
                sink.skip(new ReadProblem(name, 0, "videoList item " + index + ": missing " + (id == null ? "id" : "video_title")));
                continue;
            }
            String body = HtmlText.toText(detail.path("content").asText(""));
            if (body.isBlank()) {
                body = item.path("brief").asText("");
            }
            PubDate date = PubDate.parse(firstNonBlank(item.path("pub_date").asText(null), detail.path("pubtime").asText(null)),
                    PubDate.Provenance.METADATA).orElse(PubDate.UNKNOWN);
            sink.accept(new SourceDoc(id, title, body, date, SOURCE, item.path("video_url").asText(null), origin));
        }
    }

    private static String firstNonBlank(String a, String b) {
        if (a != null && !a.isBlank()) {
            return a;
        }
        return b != null && !b.isBlank() ? b : null;
    }
}

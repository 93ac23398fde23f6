package dev.zhsearch.corpus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;

/**
 * JSON Lines, one object per line: the base of zhsearch's own format and of tw-news-digest. Each
 * line is decoded and parsed on its own; a bad line is reported with its number and skipped.
 */
public abstract class JsonLinesReader implements CorpusReader {

    static final int MAX_LINE_BYTES = 64 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Maps one parsed object to a document, or throws {@link IllegalArgumentException} saying why not. */
    abstract SourceDoc map(JsonNode node, String origin);

    @Override
    public void read(Path file, CorpusSink sink) throws IOException {
        String name = file.toString();
        try (LineReader lines = new LineReader(file, MAX_LINE_BYTES)) {
            LineReader.Line line;
            while ((line = lines.next()) != null) {
                if (line.error() != null) {
                    sink.skip(new ReadProblem(name, line.number(), line.error()));
                    continue;
                }
                if (line.text().isBlank()) {
                    continue;
                }
                try {
                    sink.accept(parse(line.text(), name + ":" + line.number()));
                } catch (IllegalArgumentException e) {
                    sink.skip(new ReadProblem(name, line.number(), e.getMessage()));
                }
            }
        }
    }

    /** One line of this format as a document; IllegalArgumentException saying what is wrong with it. */
    public SourceDoc parse(String line, String origin) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("invalid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        return map(node, origin);
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.isValueNode() ? v.asText() : v.toString();
    }

    static String required(JsonNode node, String field) {
        String v = text(node, field);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("missing field \"" + field + "\"");
        }
        return v;
    }

    static boolean isJsonLines(Path file, String head) {
        String ext = InputFiles.extension(file);
        return ext.equals("jsonl") || ext.equals("ndjson") || (ext.isEmpty() && head.stripLeading().startsWith("{"));
    }
}

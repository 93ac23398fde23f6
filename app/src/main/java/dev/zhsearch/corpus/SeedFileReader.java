package dev.zhsearch.corpus;

import dev.zhsearch.clean.Boilerplate;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One article per file: plain text as saved from a news page, or Markdown with YAML front matter
 * (a Hugo page). The id is the file name without extension. Metadata comes from the front matter
 * when there is one (provenance {@code metadata}); otherwise the header lines are searched for a
 * date ("时间:2025-09-08 18:17:06", "date 2025-12-19": provenance {@code text}), a source
 * ("經濟日報／ 記者…") and an original URL ("原文链接: …"). With neither, the date is unknown.
 */
public final class SeedFileReader implements CorpusReader {

    /** How many leading non-empty lines count as the header for dates and sources. */
    private static final int HEADER_LINES = 8;
    private static final Pattern FRONT_MATTER = Pattern.compile("\\A---\\s*\\n(.*?)\\n---\\s*(?:\\n|\\z)", Pattern.DOTALL);
    private static final Pattern YAML_SCALAR = Pattern.compile("^([A-Za-z_][\\w-]*):\\s*(.*?)\\s*$");
    private static final Pattern HEADER_DATE = Pattern.compile(
            "(?:^|\\s)(?:时间|時間|日期|发布时间|發布時間|date)\\s*[:：]?\\s*(\\d{4})[-/.年](\\d{1,2})[-/.月](\\d{1,2})日?(?:\\s+(\\d{1,2}:\\d{2}(?::\\d{2})?))?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BYLINE_SOURCE = Pattern.compile("^(\\S{2,10}?)\\s*[／/]\\s*記者|^(\\S{2,10}?)\\s*[／/]\\s*记者");
    private static final Pattern EDITOR_SOURCE = Pattern.compile("编辑[:：]\\S+\\s+(\\S{2,10})\\s+时间");
    private static final Pattern ORIGINAL_URL = Pattern.compile("^(?:原文链接|原文連結)[:：]\\s*(https?://\\S+)");
    private static final Pattern NOT_A_TITLE = Pattern.compile(
            "^(?:截圖|截图|圖片|图片|圖／|图/|圖/|資料照|资料照|IP属地|编辑[:：]|記者|记者|>).*|.*(?:報導|报道)$");
    private static final Pattern SENTENCE_END = Pattern.compile("[。！？!?]");

    private final Boilerplate boilerplate;

    public SeedFileReader(Boilerplate boilerplate) {
        this.boilerplate = boilerplate;
    }

    @Override
    public String name() {
        return "article";
    }

    @Override
    public boolean accepts(Path file, String head) {
        String ext = InputFiles.extension(file);
        return ext.equals("txt") || ext.equals("md") || ext.equals("markdown");
    }

    @Override
    public void read(Path file, CorpusSink sink) throws IOException {
        String name = file.toString();
        String text;
        try {
            text = InputFiles.readString(file).replace("\r\n", "\n").replace('\r', '\n');
        } catch (CharacterCodingException e) {
            sink.skip(new ReadProblem(name, 0, "invalid UTF-8"));
            return;
        }
        if (text.isBlank()) {
            sink.skip(new ReadProblem(name, 0, "empty file"));
            return;
        }
        sink.accept(parse(InputFiles.stem(file), text, name));
    }

    /** Parses one article's text; {@code id} is its file name without extension. */
    public SourceDoc parse(String id, String text, String origin) {
        Matcher fm = FRONT_MATTER.matcher(text);
        if (fm.find()) {
            Map<String, String> meta = frontMatter(fm.group(1));
            String body = text.substring(fm.end());
            PubDate date = PubDate.parse(meta.get("date"), PubDate.Provenance.METADATA).orElse(PubDate.UNKNOWN);
            String title = meta.getOrDefault("title", "");
            if (title.isBlank()) {
                title = guessTitle(boilerplate.clean(body)).orElse("");
            }
            return new SourceDoc(id, title, body, date, meta.get("source_name"), meta.get("source_url"), origin);
        }
        List<String> header = text.lines().map(String::strip).filter(l -> !l.isEmpty()).limit(HEADER_LINES).toList();
        PubDate date = PubDate.UNKNOWN;
        String source = null;
        String url = null;
        for (String line : header) {
            if (!date.known()) {
                date = headerDate(line).orElse(PubDate.UNKNOWN);
            }
            Matcher m = BYLINE_SOURCE.matcher(line);
            if (source == null && m.find()) {
                source = m.group(1) != null ? m.group(1) : m.group(2);
            }
            m = EDITOR_SOURCE.matcher(line);
            if (source == null && m.find()) {
                source = m.group(1);
            }
            m = ORIGINAL_URL.matcher(line);
            if (url == null && m.find()) {
                url = m.group(1);
            }
        }
        String cleaned = boilerplate.clean(text);
        Optional<String> titleLine = titleLine(cleaned);
        String title;
        String body;
        if (titleLine.isPresent()) {
            title = titleLine.get();
            body = removeFirstLine(text, title);
        } else {
            title = guessTitle(cleaned).orElse("");
            body = text;
        }
        return new SourceDoc(id, title, body, date, source, url, origin);
    }

    static Optional<PubDate> headerDate(String line) {
        Matcher m = HEADER_DATE.matcher(line);
        if (!m.find()) {
            return Optional.empty();
        }
        String iso = String.format("%s-%02d-%02d", m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        if (m.group(4) != null) {
            String t = m.group(4).length() == 5 ? m.group(4) + ":00" : m.group(4);
            iso += "T" + (t.length() == 7 ? "0" + t : t);
        }
        return PubDate.parse(iso, PubDate.Provenance.TEXT);
    }

    /** The first line that reads as a headline: 6..80 characters, no sentence end, not a caption. */
    static Optional<String> titleLine(String cleaned) {
        return cleaned.lines().map(String::strip)
                .filter(l -> l.codePointCount(0, l.length()) >= 6)
                .findFirst()
                .filter(l -> l.codePointCount(0, l.length()) <= 80)
                .filter(l -> !NOT_A_TITLE.matcher(l).matches())
                .filter(l -> !SENTENCE_END.matcher(l.substring(Math.max(0, l.length() - 1))).find()
                        || l.codePointCount(0, l.length()) <= 40 && !l.contains("，") && !l.contains(","));
    }

    /** No headline line: the first sentence of the first real paragraph, cut at 60 characters. */
    static Optional<String> guessTitle(String cleaned) {
        return cleaned.lines().map(String::strip)
                .filter(l -> l.codePointCount(0, l.length()) >= 12 && !NOT_A_TITLE.matcher(l).matches()
                        && !l.startsWith("#"))
                .findFirst()
                .map(l -> {
                    Matcher end = SENTENCE_END.matcher(l);
                    String s = end.find() ? l.substring(0, end.start()) : l;
                    return s.codePointCount(0, s.length()) > 60 ? s.substring(0, s.offsetByCodePoints(0, 60)) + "…" : s;
                });
    }

    private static String removeFirstLine(String text, String line) {
        int at = text.indexOf(line);
        if (at < 0) {
            return text;
        }
        int end = text.indexOf('\n', at);
        return text.substring(0, at) + (end < 0 ? "" : text.substring(end + 1));
    }

    /** The scalar keys of simple YAML front matter; quotes removed. Lists and nesting are skipped. */
    static Map<String, String> frontMatter(String yaml) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : yaml.split("\n")) {
            Matcher m = YAML_SCALAR.matcher(line);
            if (!m.matches()) {
                continue;
            }
            String v = m.group(2);
            if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
                v = v.substring(1, v.length() - 1).replace("\\\"", "\"");
            }
            if (!v.startsWith("[") && !v.isEmpty()) {
                out.put(m.group(1), v);
            }
        }
        return out;
    }
}

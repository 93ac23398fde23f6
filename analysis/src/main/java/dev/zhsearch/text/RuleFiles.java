package dev.zhsearch.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads TAB-separated resource files (rules, OpenCC-style dictionaries): '#' comments, blank lines ignored. */
public final class RuleFiles {

    private RuleFiles() {}

    /** Each line split at its first TAB; a line without one is an error naming the line. */
    public static List<Map.Entry<String, String>> pairs(String resource) {
        InputStream in = RuleFiles.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing resource " + resource);
        }
        List<Map.Entry<String, String>> out = new ArrayList<>();
        dataLines(new InputStreamReader(in, StandardCharsets.UTF_8), resource, (n, line) -> {
            int tab = line.indexOf('\t');
            if (tab <= 0) {
                throw new IllegalArgumentException(resource + ":" + n + ": expected KEY<TAB>VALUE: " + line);
            }
            out.add(Map.entry(line.substring(0, tab), line.substring(tab + 1)));
        });
        return out;
    }

    /** One data line of a file and its 1-based line number, for error messages. */
    public interface LineHandler {
        void line(int number, String line);
    }

    /** Hands every line that is neither blank nor a '#' comment to {@code handler}, then closes the reader. */
    public static void dataLines(Reader reader, String name, LineHandler handler) {
        try (BufferedReader r = new BufferedReader(reader)) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (!line.isBlank() && !line.startsWith("#")) {
                    handler.line(n, line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(name, e);
        }
    }
}

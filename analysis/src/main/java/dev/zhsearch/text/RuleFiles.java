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

    /**
     * Hands each of the shipped {@code resources} (each must exist), then the user's {@code local} file
     * beside the project if there is one, to {@code read} with its name: the user's rules add to ours.
     */
    public static void shippedThenLocal(java.nio.file.Path local, java.util.function.BiConsumer<Reader, String> read, String... resources) {
        for (String resource : resources) {
            InputStream in = RuleFiles.class.getClassLoader().getResourceAsStream(resource);
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            read.accept(new InputStreamReader(in, StandardCharsets.UTF_8), resource);
        }
        if (java.nio.file.Files.isRegularFile(local)) {
            try (Reader r = java.nio.file.Files.newBufferedReader(local)) {
                read.accept(r, local.toString());
            } catch (IOException e) {
                throw new UncheckedIOException(local.toString(), e);
            }
        }
    }

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

    /** One phrase of a {@code KIND<TAB>phrase|phrase…} line, folded; {@code where} names the line for errors. */
    public interface KindHandler {
        void phrase(String kind, String phrase, String where);
    }

    /**
     * Reads a rule file of {@code KIND<TAB>phrase|phrase…} lines and hands each phrase, stripped and
     * folded with {@code fold} (empty ones left out), to {@code handler} with its line's kind; a line
     * without a kind and phrases is an error that names it.
     */
    public static void kindPhrases(Reader reader, String name, java.util.function.UnaryOperator<String> fold, KindHandler handler) {
        dataLines(reader, name, (n, line) -> {
            String[] cols = line.split("\t", -1);
            if (cols.length != 2 || cols[1].isBlank()) {
                throw new IllegalArgumentException(name + ":" + n + ": expected KIND<TAB>phrase|phrase…: " + line);
            }
            for (String p : cols[1].split("\\|")) {
                String phrase = fold.apply(p.strip());
                if (!phrase.isEmpty()) {
                    handler.phrase(cols[0].strip(), phrase, name + ":" + n);
                }
            }
        });
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

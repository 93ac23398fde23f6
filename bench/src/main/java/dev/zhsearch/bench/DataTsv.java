package dev.zhsearch.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * The public reference data in {@code ../shared/data}: TAB-separated files with a header line, no
 * quoting, UTF-8, plain or gzip'd. One reader for every tool that takes them in (vocabulary, company
 * tables, name coverage).
 */
final class DataTsv {

    private DataTsv() {}

    /** The rows after the header, each split on TAB (empty fields kept) and stripped. */
    static List<String[]> rows(Path file) throws IOException {
        List<String[]> out = new ArrayList<>();
        each(file, c -> out.add(c));
        return out;
    }

    /** The rows after the header by column name (a short row's missing columns are ""). */
    static List<Map<String, String>> records(Path file) throws IOException {
        String[] head;
        try (BufferedReader r = open(file)) {
            head = r.readLine().split("\t", -1);
        }
        List<Map<String, String>> out = new ArrayList<>();
        each(file, c -> {
            Map<String, String> m = new LinkedHashMap<>();
            for (int i = 0; i < head.length; i++) {
                m.put(head[i].strip(), i < c.length ? c[i] : "");
            }
            out.add(m);
        });
        return out;
    }

    /** Streams the rows after the header (blank lines skipped), for files too big to hold. */
    static void each(Path file, Consumer<String[]> row) throws IOException {
        try (BufferedReader r = open(file)) {
            r.readLine(); // header
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank()) {
                    continue;
                }
                String[] c = line.split("\t", -1);
                for (int i = 0; i < c.length; i++) {
                    c[i] = c[i].strip();
                }
                row.accept(c);
            }
        }
    }

    private static BufferedReader open(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new IOException(file + " not found: the public reference data is read from ../shared/data");
        }
        return file.toString().endsWith(".gz")
                ? new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))
                : Files.newBufferedReader(file, StandardCharsets.UTF_8);
    }
}

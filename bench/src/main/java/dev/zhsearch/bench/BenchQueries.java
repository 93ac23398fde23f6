package dev.zhsearch.bench;

import dev.zhsearch.search.SearchRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The fixed benchmark query list ({@code bench/queries.tsv}): QUERY, then optional filters. */
public final class BenchQueries {

    public static final String RESOURCE = "bench/queries.tsv";

    private BenchQueries() {}

    public static List<SearchRequest> standard(int size) {
        try (InputStream in = BenchQueries.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), RESOURCE, size);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<SearchRequest> read(Path file, int size) throws IOException {
        return parse(Files.readString(file), file.toString(), size);
    }

    static List<SearchRequest> parse(String text, String name, int size) {
        List<SearchRequest> out = new ArrayList<>();
        int n = 0;
        for (String line : text.split("\n")) {
            n++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t", 2);
            List<String> companies = new ArrayList<>();
            List<String> sources = new ArrayList<>();
            List<String> scripts = new ArrayList<>();
            LocalDate from = null;
            LocalDate to = null;
            if (cols.length > 1) {
                for (String f : cols[1].split(";")) {
                    String[] kv = f.split("=", 2);
                    if (kv.length != 2) {
                        throw new IllegalArgumentException(name + ":" + n + ": filter must be key=value: " + f);
                    }
                    switch (kv[0].strip()) {
                        case "company" -> companies.add(kv[1].strip());
                        case "source" -> sources.add(kv[1].strip());
                        case "script" -> scripts.add(kv[1].strip());
                        case "from" -> from = LocalDate.parse(kv[1].strip());
                        case "to" -> to = LocalDate.parse(kv[1].strip());
                        default -> throw new IllegalArgumentException(name + ":" + n + ": unknown filter " + kv[0]);
                    }
                }
            }
            out.add(new SearchRequest(cols[0].strip(), companies, sources, scripts, from, to, null, 1, size, true, null, null, true));
        }
        return out;
    }
}

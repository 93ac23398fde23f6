package dev.zhsearch.entity;

import dev.zhsearch.text.RuleFiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The company alias table: data, not code. Lines are {@code id<TAB>繁<TAB>简<TAB>English<TAB>a|b|c};
 * An id is lower-case ASCII, or {@code org:} and the folded name for a company no registry lists (the
 * id {@link OrgNames} gives a name it recognises). {@code !block<TAB>a|b} lists phrases that block a
 * shorter company name inside them. A name in
 * brackets ({@code [泰山]}) is for display only, not matched (an ordinary word, or too short). Later files
 * may add aliases to an id an earlier file defined (names are kept from the first). A malformed line
 * is an error that names the file and line.
 */
public final class CompanyTable {

    public static final String BLOCK = "!block";
    /** The names the press writes before a company word, found by {@code entities mine} (generated against the other tables). */
    public static final String CORPUS_NAMES = "entities/corpus-names.tsv";
    static final List<String> RESOURCES = List.of("entities/companies.tsv", "entities/major.tsv",
            "entities/tw-listed.tsv", "entities/cn-listed.tsv", "entities/cn-soe.tsv", "entities/brands-cedict.tsv",
            CORPUS_NAMES);
    /** Beside the project: users' own additions, loaded after the shipped tables. */
    public static final Path LOCAL_DIR = Path.of("conf", "entities");

    private final Map<String, Company> companies;
    private final List<String> blocked;

    CompanyTable(Map<String, Company> companies, List<String> blocked) {
        this.companies = Map.copyOf(companies);
        this.blocked = List.copyOf(blocked);
    }

    public static CompanyTable standard() {
        return standardWithout(null);
    }

    /** The standard tables without one shipped resource (a table generated against the others is built so). */
    public static CompanyTable standardWithout(String left) {
        Builder b = new Builder();
        for (String r : RESOURCES) {
            if (r.equals(left)) {
                continue;
            }
            try (InputStream in = CompanyTable.class.getClassLoader().getResourceAsStream(r)) {
                if (in != null) {
                    b.read(new InputStreamReader(in, StandardCharsets.UTF_8), r);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(r, e);
            }
        }
        if (Files.isDirectory(LOCAL_DIR)) {
            try (Stream<Path> files = Files.list(LOCAL_DIR)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".tsv")).sorted().toList()) {
                    try (Reader in = Files.newBufferedReader(f)) {
                        b.read(in, f.toString());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(LOCAL_DIR.toString(), e);
            }
        }
        return b.build();
    }

    /**
     * The tables as files of a directory, under the shipped tables' names and in their order (an
     * earlier version's tables, say, to compare with); a name the directory lacks is skipped.
     */
    public static CompanyTable fromDirectory(Path dir) throws IOException {
        Builder b = new Builder();
        for (String r : RESOURCES) {
            Path f = dir.resolve(Path.of(r).getFileName().toString());
            if (Files.isRegularFile(f)) {
                try (Reader in = Files.newBufferedReader(f)) {
                    b.read(in, f.toString());
                }
            }
        }
        return b.build();
    }

    public static CompanyTable parse(String text, String name) {
        Builder b = new Builder();
        b.read(new java.io.StringReader(text), name);
        return b.build();
    }

    public Optional<Company> get(String id) {
        return Optional.ofNullable(companies.get(id));
    }

    public java.util.Collection<Company> companies() {
        return companies.values();
    }

    public List<String> blocked() {
        return blocked;
    }

    static final class Builder {
        private final Map<String, Company> companies = new LinkedHashMap<>();
        private final List<String> blocked = new ArrayList<>();

        void read(Reader reader, String name) {
            RuleFiles.dataLines(reader, name, (n, line) -> line(name, n, line));
        }

        private void line(String name, int n, String line) {
            String[] cols = line.split("\t", -1);
            if (cols[0].equals(BLOCK)) {
                if (cols.length != 2 || cols[1].isBlank()) {
                    throw new IllegalArgumentException(name + ":" + n + ": a !block line is '!block<TAB>phrase|phrase…'");
                }
                blocked.addAll(split(cols[1]));
                return;
            }
            if (cols.length != 5) {
                throw new IllegalArgumentException(name + ":" + n + ": expected 5 TAB-separated columns "
                        + "(id, 繁, 简, English, aliases), found " + cols.length + ": " + line);
            }
            String id = cols[0].strip();
            if (!id.matches("[a-z0-9][a-z0-9.-]*") && !id.matches(OrgNames.PREFIX + "\\S+")) {
                throw new IllegalArgumentException(name + ":" + n + ": id must be lower-case letters, digits, '-' or '.', or "
                        + OrgNames.PREFIX + " and the folded name (a company no registry lists): '" + id + "'");
            }
            for (int c = 1; c <= 3; c++) {
                if (cols[c].isBlank()) {
                    throw new IllegalArgumentException(name + ":" + n + ": empty name in column " + (c + 1));
                }
            }
            List<String> aliases = new ArrayList<>();
            String[] names = new String[4];
            for (int c = 1; c <= 3; c++) {
                String display = cols[c].strip();
                if (display.startsWith("[") && display.endsWith("]") && display.length() > 2) {
                    names[c] = display.substring(1, display.length() - 1); // display only
                } else {
                    names[c] = display;
                    aliases.add(display);
                }
            }
            for (String alias : split(cols[4])) {
                if (alias.matches(".*@[A-Za-z]+") && Company.aliasScript(alias) == null) {
                    throw new IllegalArgumentException(name + ":" + n + ": alias '" + alias + "': only "
                            + Company.ONLY_HANT + " or " + Company.ONLY_HANS + " may follow an alias");
                }
                aliases.add(alias);
            }
            Company existing = companies.get(id);
            if (existing != null) {
                List<String> merged = new ArrayList<>(existing.aliases());
                merged.addAll(aliases);
                companies.put(id, new Company(id, existing.nameHant(), existing.nameHans(), existing.nameEn(), merged));
            } else {
                companies.put(id, new Company(id, names[1], names[2], names[3], aliases));
            }
        }

        private static List<String> split(String aliases) {
            return Arrays.stream(aliases.split("\\|")).map(String::strip).filter(a -> !a.isEmpty()).toList();
        }

        CompanyTable build() {
            return new CompanyTable(companies, blocked);
        }
    }
}

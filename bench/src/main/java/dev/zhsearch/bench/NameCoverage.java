package dev.zhsearch.bench;

import dev.zhsearch.convert.OpenccConfigs;
import dev.zhsearch.convert.ScriptFolder;
import dev.zhsearch.corpus.CorpusReaders;
import dev.zhsearch.corpus.CorpusSink;
import dev.zhsearch.corpus.ReadProblem;
import dev.zhsearch.corpus.SourceDoc;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cross-strait coverage of the names the news uses most. {@code sample}: the most frequent proper
 * names of each corpus (CC-CEDICT entries whose pinyin is capitalised, two characters or more,
 * counted in documents, each region's corpus in its own script), for a person to write each one's
 * form in the other region; {@code score}: of the annotated names whose other-region form differs,
 * how many the fold now equates with it, beside OpenCC's tables alone.
 */
public final class NameCoverage {

    /** A name as one region's corpus writes it, and in how many of its documents. */
    public record Name(String corpus, String name, int documents, String english) {}

    /** Coverage for one corpus and kind: names annotated with a different other-region form; met by each fold. */
    public record Coverage(String corpus, String kind, int names, int differ, int metNow, int metOpenccOnly, List<String> missed) {}

    public static List<Name> sample(Path cedict, Path taiwan, Path mainland, int n, PrintStream progress) throws IOException {
        ScriptFolder script = ScriptFolder.withVocabularies(new OpenccConfigs(), List.of());
        Map<String, String[]> names = new LinkedHashMap<>(); // script-folded form → {traditional, simplified, english}
        DataTsv.each(cedict, c -> {
            if (c.length < 4 || c[2].isEmpty() || !Character.isUpperCase(c[2].charAt(0)) || c[1].codePointCount(0, c[1].length()) < 2
                    || !c[1].codePoints().allMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN || cp == '·')) {
                return;
            }
            names.putIfAbsent(script.foldScript(c[1]), new String[] {c[0], c[1], c[3]});
        });
        List<Name> out = new ArrayList<>();
        out.addAll(top("tw-news-digest", taiwan, names, 0, n, script, progress));
        out.addAll(top("cctv-xwlb", mainland, names, 1, n, script, progress));
        return out;
    }

    private static List<Name> top(String corpus, Path dir, Map<String, String[]> names, int form, int n, ScriptFolder script,
                                  PrintStream progress) {
        VocabularyBuild.DocumentCounts counts = new VocabularyBuild.DocumentCounts(names.keySet());
        int[] docs = new int[1];
        CorpusReaders.standard().readAll(List.of(dir), new CorpusSink() {
            @Override
            public void accept(SourceDoc doc) {
                counts.add(script.foldScript(doc.title() + "\n" + doc.body()));
                docs[0]++;
            }

            @Override
            public void skip(ReadProblem problem) {
                // nothing to count
            }
        });
        progress.printf("  %s: %,d documents counted%n", corpus, docs[0]);
        // a name inside a longer frequent name (美国 in 美国总统…) is counted on its own: documents, not words
        return names.entrySet().stream()
                .map(e -> new Name(corpus, e.getValue()[form], counts.of(e.getKey()), e.getValue()[2]))
                .filter(x -> x.documents() > 0)
                .sorted(Comparator.comparingInt(Name::documents).reversed().thenComparing(Name::name))
                .limit(n).toList();
    }

    public static void writeSample(List<Name> names, Path out) throws IOException {
        StringBuilder sb = new StringBuilder("corpus\tname\tdocuments\tenglish\tkind\tother_form\n");
        for (Name x : names) {
            sb.append(String.join("\t", x.corpus(), x.name(), Integer.toString(x.documents()), x.english().replace('\t', ' '), "", "")).append('\n');
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, sb.toString(), StandardCharsets.UTF_8);
    }

    /**
     * Scores an annotated sample: columns corpus, name, …, kind (person | place | other), other_form
     * (the name as the other region writes it; several separated by '/'; '=' the same up to script;
     * empty: unknown).
     */
    public static List<Coverage> score(Path annotated, ScriptFolder now, ScriptFolder openccOnly) throws IOException {
        Map<String, int[]> byKey = new LinkedHashMap<>(); // corpus|kind → names, differ, met now, met OpenCC only
        Map<String, List<String>> missed = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(annotated, StandardCharsets.UTF_8);
        List<String> header = List.of(lines.getFirst().split("\t", -1));
        int corpusCol = header.indexOf("corpus"), nameCol = header.indexOf("name"), kindCol = header.indexOf("kind"), otherCol = header.indexOf("other_form");
        if (corpusCol < 0 || nameCol < 0 || kindCol < 0 || otherCol < 0) {
            throw new IOException(annotated + ": needs the columns corpus, name, kind, other_form");
        }
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split("\t", -1);
            if (c.length <= Math.max(kindCol, otherCol)) {
                continue;
            }
            String kind = c[kindCol].strip();
            for (String k : List.of(kind, "all")) {
                if (k.isEmpty()) {
                    continue;
                }
                int[] v = byKey.computeIfAbsent(c[corpusCol].strip() + "|" + k, x -> new int[4]);
                v[0]++;
                Set<String> others = new HashSet<>();
                for (String o : c[otherCol].split("/")) {
                    if (!o.isBlank() && !o.strip().equals("=") && !now.foldScript(o.strip()).equals(now.foldScript(c[nameCol].strip()))) {
                        others.add(o.strip());
                    }
                }
                if (others.isEmpty()) {
                    continue; // the same name on both sides (up to script), or unknown
                }
                v[1]++;
                String name = c[nameCol].strip();
                if (others.stream().anyMatch(o -> now.fold(o).equals(now.fold(name)))) {
                    v[2]++;
                } else {
                    missed.computeIfAbsent(c[corpusCol].strip() + "|" + k, x -> new ArrayList<>()).add(name + "/" + String.join("/", others));
                }
                if (others.stream().anyMatch(o -> openccOnly.fold(o).equals(openccOnly.fold(name)))) {
                    v[3]++;
                }
            }
        }
        List<Coverage> out = new ArrayList<>();
        byKey.forEach((key, v) -> {
            String[] ck = key.split("\\|", 2);
            out.add(new Coverage(ck[0], ck[1], v[0], v[1], v[2], v[3], missed.getOrDefault(key, List.of())));
        });
        return out;
    }

    public static void print(List<Coverage> coverage, PrintStream out) {
        out.printf("%-16s %-7s %6s %7s %14s %14s%n", "corpus", "kind", "names", "differ", "met now", "OpenCC alone");
        for (Coverage c : coverage) {
            out.printf("%-16s %-7s %6d %7d %7d %5.1f%% %7d %5.1f%%%n", c.corpus(), c.kind(), c.names(), c.differ(),
                    c.metNow(), c.differ() == 0 ? 0 : 100.0 * c.metNow() / c.differ(),
                    c.metOpenccOnly(), c.differ() == 0 ? 0 : 100.0 * c.metOpenccOnly() / c.differ());
        }
        for (Coverage c : coverage) {
            if (!c.kind().equals("all") && !c.missed().isEmpty()) {
                out.printf("not met, %s %s: %s%n", c.corpus(), c.kind(), String.join("  ", c.missed()));
            }
        }
    }
}

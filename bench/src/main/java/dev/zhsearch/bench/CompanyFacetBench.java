package dev.zhsearch.bench;

import dev.zhsearch.clean.Cleaner;
import dev.zhsearch.convert.ScriptDetector;
import dev.zhsearch.convert.ScriptFolder;
import dev.zhsearch.corpus.CorpusReaders;
import dev.zhsearch.corpus.CorpusSink;
import dev.zhsearch.corpus.ReadProblem;
import dev.zhsearch.corpus.SourceDoc;
import dev.zhsearch.entity.CompanyMatcher;
import dev.zhsearch.entity.CompanyTable;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./zhsearch bench companies --baseline DIR}: the company extractor with the tables of an
 * earlier version (DIR holds its entities/*.tsv, e.g. from {@code git archive}) beside today's, on the
 * same documents in one run: each side's time per document (interleaved rounds, as the machine is
 * shared), and the top companies by how many documents name them, before and after, for a person
 * to check for sense.
 */
final class CompanyFacetBench {

    private CompanyFacetBench() {}

    record Report(int documents, List<Double> baselineMs, List<Double> currentMs, Map<String, Integer> before, Map<String, Integer> after) {}

    static CompanyMatcher baseline(Path dir, ScriptFolder folder, ScriptDetector scripts) throws IOException {
        // the baseline's recogniser rules too, when it has them, with the verbs and common words they were written with
        return new CompanyMatcher(CompanyTable.fromDirectory(dir), folder, scripts, Files.isRegularFile(dir.resolve("org-names.txt")) ? dir : null);
    }

    static Report run(List<Path> inputs, CompanyMatcher baseline, CompanyMatcher current, int rounds, PrintStream out) throws IOException {
        Cleaner cleaner = Cleaner.standard();
        List<String> texts = new ArrayList<>();
        CorpusReaders.standard().readAll(inputs, new CorpusSink() {
            @Override
            public void accept(SourceDoc d) {
                texts.add(cleaner.title(d.title()) + "\n" + cleaner.body(d.body()));
            }

            @Override
            public void skip(ReadProblem problem) {
            }
        });
        out.printf("%,d documents read; %d interleaved rounds of each extractor…%n", texts.size(), rounds);
        Map<String, Integer> before = new HashMap<>();
        Map<String, Integer> after = new HashMap<>();
        List<Double> baseMs = new ArrayList<>();
        List<Double> curMs = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            baseMs.add(time(texts, baseline, r == 0 ? before : null));
            curMs.add(time(texts, current, r == 0 ? after : null));
            out.printf("  round %d: baseline %.1f s, current %.1f s%n", r + 1, baseMs.getLast() / 1000, curMs.getLast() / 1000);
        }
        return new Report(texts.size(), baseMs, curMs, before, after);
    }

    private static double time(List<String> texts, CompanyMatcher matcher, Map<String, Integer> counts) {
        long t0 = System.nanoTime();
        for (String t : texts) {
            List<String> ids = matcher.companies(t);
            if (counts != null) {
                ids.forEach(id -> counts.merge(id, 1, Integer::sum));
            }
        }
        return (System.nanoTime() - t0) / 1e6;
    }

    static void print(Report r, CompanyMatcher current, int top, PrintStream out) {
        out.printf("%nTop %d companies by documents naming them (%,d documents), before → after%n", top, r.documents());
        out.printf("%4s  %-34s %8s   %-34s %8s%n", "rank", "before", "docs", "after", "docs");
        List<Map.Entry<String, Integer>> b = sorted(r.before());
        List<Map.Entry<String, Integer>> a = sorted(r.after());
        for (int i = 0; i < top; i++) {
            out.printf("%4d  %-34s %8s   %-34s %8s%n", i + 1,
                    i < b.size() ? label(b.get(i).getKey(), current) : "", i < b.size() ? String.format("%,d", b.get(i).getValue()) : "",
                    i < a.size() ? label(a.get(i).getKey(), current) : "", i < a.size() ? String.format("%,d", a.get(i).getValue()) : "");
        }
        long pairsBefore = r.before().values().stream().mapToLong(Integer::longValue).sum();
        long pairsAfter = r.after().values().stream().mapToLong(Integer::longValue).sum();
        out.printf("%n(document, company) pairs: %,d → %,d; distinct companies: %,d → %,d%n", pairsBefore, pairsAfter, r.before().size(), r.after().size());
        double base = median(r.baselineMs());
        double cur = median(r.currentMs());
        out.printf("extractor time over all documents, median of %d rounds: baseline %.2f s (%.1f µs/doc), current %.2f s (%.1f µs/doc): %+.1f%%%n",
                r.baselineMs().size(), base / 1000, 1000 * base / r.documents(), cur / 1000, 1000 * cur / r.documents(), 100 * (cur - base) / base);
    }

    private static String label(String id, CompanyMatcher m) {
        return m.table().get(id).map(c -> id + " " + c.nameHant()).orElse(id);
    }

    private static List<Map.Entry<String, Integer>> sorted(Map<String, Integer> counts) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey())).toList();
    }

    static double median(List<Double> xs) {
        List<Double> s = xs.stream().sorted().toList();
        return s.size() % 2 == 1 ? s.get(s.size() / 2) : (s.get(s.size() / 2 - 1) + s.get(s.size() / 2)) / 2;
    }
}

package dev.zhsearch.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.zhsearch.convert.Script;
import dev.zhsearch.corpus.CorpusReaders;
import dev.zhsearch.corpus.CorpusSink;
import dev.zhsearch.corpus.ReadProblem;
import dev.zhsearch.corpus.SourceDoc;
import dev.zhsearch.index.Analysis;
import dev.zhsearch.index.Fields;
import dev.zhsearch.search.InvalidQueryException;
import dev.zhsearch.search.QueryFactory;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.FSDirectory;

/**
 * Pasted headlines as queries: {@code n} corpus titles drawn at random with a seed, exactly as the
 * source files have them (CCTV's {@code [视频]} markers included), searched as typed, and again as
 * their other-script, other-region twins made by the official OpenCC ({@code s2twp} for Simplified
 * titles, {@code tw2sp} for Traditional ones). For each way of querying, in one run: how many were
 * refused (a syntax error), and whether the title's own document is first (R@1) or in the top ten
 * (R@10), over the titles that are unique in the corpus (folded, cleaned title seen once). A third
 * set adds a stray word to each title (two characters from another random title), as people paste
 * a headline with a word of their own.
 */
public final class PastedBench {

    /** One way of turning text into a query. */
    public record Method(String name, QueryFactory.Syntax syntax, double relax) {}

    /** One method on one query set. */
    public record Row(String queries, String method, int n, int unique, int refused, double r1, double r10,
                      double p50Ms, double p99Ms, List<Miss> misses) {}

    /** A unique title whose document was not first: the query, and its document's rank (-1: not in the top ten). */
    public record Miss(String query, String id, int rank) {}

    public record Report(long seed, int drawn, List<Row> rows, String twinsNote) {}

    private record Drawn(String id, String title, boolean unique, Script script) {}

    private final Analysis analysis;

    public PastedBench(Analysis analysis) {
        this.analysis = analysis;
    }

    public static List<Method> methods(List<Double> relaxations) {
        List<Method> methods = new ArrayList<>();
        methods.add(new Method("lucene, AND (before)", QueryFactory.Syntax.LUCENE, 1.0));
        methods.add(new Method("box, AND", QueryFactory.Syntax.PEOPLE, 1.0));
        for (double r : relaxations) {
            methods.add(new Method("box, relax " + Math.round(r * 100) + "%", QueryFactory.Syntax.PEOPLE, r));
        }
        return methods;
    }

    public Report run(Path indexDir, List<Path> inputs, int n, long seed, List<Method> methods, PrintStream progress) throws IOException {
        List<SourceDoc> docs = new ArrayList<>();
        CorpusReaders.standard().readAll(inputs, new CorpusSink() {
            @Override
            public void accept(SourceDoc doc) {
                docs.add(doc);
            }

            @Override
            public void skip(ReadProblem problem) {
                // not a document: nothing to draw
            }
        });
        progress.printf("read %,d documents; drawing %d titles with seed %d%n", docs.size(), n, seed);
        dev.zhsearch.clean.Cleaner cleaner = dev.zhsearch.clean.Cleaner.standard();
        Map<String, Integer> titleCounts = new HashMap<>();
        List<String> keys = new ArrayList<>(docs.size());
        for (SourceDoc d : docs) {
            String key = analysis.folder().fold(cleaner.title(d.title()).replaceAll("\\s+", ""));
            keys.add(key);
            titleCounts.merge(key, 1, Integer::sum);
        }
        Random random = new Random(seed);
        List<Drawn> drawn = new ArrayList<>();
        java.util.Set<Integer> taken = new java.util.HashSet<>();
        while (drawn.size() < Math.min(n, docs.size())) {
            int i = random.nextInt(docs.size());
            if (taken.add(i)) {
                SourceDoc d = docs.get(i);
                drawn.add(new Drawn(d.id(), d.title(), titleCounts.get(keys.get(i)) == 1, analysis.scripts().detect(d.title())));
            }
        }
        List<String> originals = drawn.stream().map(Drawn::title).toList();
        // the same titles with a stray word: two Han characters from another random title, appended
        List<String> stray = new ArrayList<>();
        for (String t : originals) {
            String other = docs.get(random.nextInt(docs.size())).title().replaceAll("[^\\p{IsHan}]", "");
            int at = other.length() < 2 ? 0 : random.nextInt(other.length() - 1);
            stray.add(other.length() < 2 ? t : t + " " + other.substring(at, at + 2));
        }
        List<Row> rows = new ArrayList<>();
        StringBuilder why = new StringBuilder();
        java.util.Optional<OfficialOpencc> opencc = OfficialOpencc.prepare(FoldCheck.OPENCC_DICTIONARIES, Path.of("target/opencc-official"), why);
        List<String> twins = null;
        if (opencc.isPresent()) {
            twins = twins(drawn, opencc.get());
        }
        try (FSDirectory dir = FSDirectory.open(indexDir); DirectoryReader reader = DirectoryReader.open(dir)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            QueryFactory queries = new QueryFactory(analysis.perField());
            for (Method m : methods) {
                rows.add(row("as pasted", m, originals, drawn, searcher, queries));
                rows.add(row("stray word", m, stray, drawn, searcher, queries));
                if (twins != null) {
                    rows.add(row("OpenCC twin", m, twins, drawn, searcher, queries));
                }
                progress.printf("  %s done%n", m.name());
            }
        }
        return new Report(seed, drawn.size(), rows, twins == null ? "twins not run: " + why : "twins made by the official opencc tool on OpenCC's current dictionaries");
    }

    private static List<String> twins(List<Drawn> drawn, OfficialOpencc opencc) {
        List<Integer> simplified = new ArrayList<>();
        List<Integer> traditional = new ArrayList<>();
        for (int i = 0; i < drawn.size(); i++) {
            (drawn.get(i).script() == Script.SIMPLIFIED ? simplified : traditional).add(i);
        }
        String[] out = new String[drawn.size()];
        List<String> s = opencc.convert(simplified.stream().map(i -> drawn.get(i).title()).toList(), "s2twp");
        List<String> t = opencc.convert(traditional.stream().map(i -> drawn.get(i).title()).toList(), "tw2sp");
        for (int k = 0; k < simplified.size(); k++) {
            out[simplified.get(k)] = s.get(k);
        }
        for (int k = 0; k < traditional.size(); k++) {
            out[traditional.get(k)] = t.get(k);
        }
        return List.of(out);
    }

    private Row row(String set, Method m, List<String> texts, List<Drawn> drawn, IndexSearcher searcher, QueryFactory queries) throws IOException {
        int refused = 0;
        int unique = 0;
        int r1 = 0;
        int r10 = 0;
        long[] micros = new long[texts.size()];
        List<Miss> misses = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            long start = System.nanoTime();
            int rank = -1;
            try {
                Query q = m.syntax() == QueryFactory.Syntax.LUCENE ? queries.parse(texts.get(i)) : queries.people(texts.get(i), m.relax());
                ScoreDoc[] hits = searcher.search(q, 10).scoreDocs;
                var stored = searcher.storedFields();
                for (int k = 0; k < hits.length && rank < 0; k++) {
                    if (stored.document(hits[k].doc, java.util.Set.of(Fields.ID)).get(Fields.ID).equals(drawn.get(i).id())) {
                        rank = k;
                    }
                }
            } catch (InvalidQueryException | IndexSearcher.TooManyClauses e) {
                refused++;
            }
            micros[i] = (System.nanoTime() - start) / 1000;
            if (drawn.get(i).unique()) {
                unique++;
                r1 += rank == 0 ? 1 : 0;
                r10 += rank >= 0 ? 1 : 0;
                if (rank != 0 && m.syntax() == QueryFactory.Syntax.PEOPLE) {
                    misses.add(new Miss(texts.get(i), drawn.get(i).id(), rank));
                }
            }
        }
        Latencies lat = Latencies.of(micros);
        return new Row(set, m.name(), texts.size(), unique, refused, unique == 0 ? 0 : (double) r1 / unique,
                unique == 0 ? 0 : (double) r10 / unique, lat.p50Ms(), lat.p99Ms(), misses);
    }

    public static String table(Report r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("pasted titles: %d drawn with seed %d; R@k over the titles unique in the corpus; %s%n", r.drawn(), r.seed(), r.twinsNote()));
        sb.append(String.format("%-12s %-22s %6s %7s %8s %8s %8s %8s %8s%n", "queries", "method", "n", "unique", "refused", "R@1", "R@10", "p50 ms", "p99 ms"));
        for (Row row : r.rows()) {
            sb.append(String.format("%-12s %-22s %6d %7d %8d %8.4f %8.4f %8.2f %8.2f%n", row.queries(), row.method(), row.n(), row.unique(),
                    row.refused(), row.r1(), row.r10(), row.p50Ms(), row.p99Ms()));
        }
        sb.append("targets: 0 refused; R@10 ≥ 0.99; twin R@1 within 0.005 of the pasted title's\n");
        return sb.toString();
    }

    public static void writeJson(Report r, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("seed", r.seed());
        json.put("drawn", r.drawn());
        json.put("twins", r.twinsNote());
        json.put("rows", r.rows());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json);
    }
}

package dev.zhsearch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zhsearch.clean.Cleaner;
import dev.zhsearch.corpus.PubDate;
import dev.zhsearch.corpus.SourceDoc;
import dev.zhsearch.index.Analysis;
import dev.zhsearch.index.DocumentMapper;
import dev.zhsearch.index.DocumentPreparer;
import dev.zhsearch.index.Fields;
import dev.zhsearch.index.IndexedDoc;
import dev.zhsearch.story.Stories;
import dev.zhsearch.story.StoryLinker;
import dev.zhsearch.story.StoryRule;
import dev.zhsearch.story.StoryVector;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;

/**
 * The story rule against hand-labelled document pairs ({@code stories/pairs.jsonl}): precision and
 * recall of "same story" by split (the rule's settings were chosen on {@code dev}) and by kind of
 * pair, a sweep of thresholds and day windows on dev, every error; and the stories of a whole index:
 * how many, their sizes, the largest.
 */
public final class StoryBench {

    /** One labelled pair, prepared as the indexer prepares documents. */
    public record Pair(String id, String kind, String split, boolean same, IndexedDoc a, IndexedDoc b) {}

    /** Precision and recall over some pairs. */
    public record Score(int pairs, int positives, int truePositives, int falsePositives) {
        public double precision() {
            return truePositives + falsePositives == 0 ? 1 : truePositives / (double) (truePositives + falsePositives);
        }

        public double recall() {
            return positives == 0 ? 1 : truePositives / (double) positives;
        }
    }

    public static List<Pair> read(Path file, Analysis analysis) throws IOException {
        DocumentPreparer preparer = dev.zhsearch.index.DocumentPreparer.standard(analysis);
        ObjectMapper json = new ObjectMapper();
        List<Pair> pairs = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = json.readTree(line);
            pairs.add(new Pair(n.get("pair").asText(), n.get("kind").asText(), n.get("split").asText(),
                    n.get("label").asText().equals("same"), preparer.prepare(doc(n.get("a"))), preparer.prepare(doc(n.get("b")))));
        }
        return pairs;
    }

    private static SourceDoc doc(JsonNode n) {
        PubDate date = PubDate.parse(n.path("date").asText(""), PubDate.Provenance.METADATA).orElse(PubDate.UNKNOWN);
        return new SourceDoc(n.get("id").asText(), n.path("title").asText(""), n.path("body").asText(""), date,
                n.path("source").asText(null), null, "pairs");
    }

    static int day(IndexedDoc d) {
        return d.date().known() ? DocumentMapper.days(d.date()) : StoryRule.UNDATED;
    }

    /** The pairs' cosines as the indexer would compute them (null side: a page that takes no part). */
    static double[] cosines(List<Pair> pairs, Analysis analysis, StoryVector.DocFreqs df, double idfPower) {
        double[] cos = new double[pairs.size()];
        for (int i = 0; i < pairs.size(); i++) {
            StoryVector a = vector(analysis, pairs.get(i).a(), df, idfPower);
            StoryVector b = vector(analysis, pairs.get(i).b(), df, idfPower);
            cos[i] = a == null || b == null ? Double.NaN : a.cosine(b);
        }
        return cos;
    }

    private static StoryVector vector(Analysis analysis, IndexedDoc d, StoryVector.DocFreqs df, double idfPower) {
        if (!Stories.takesPart(d.pageType())) {
            return null;
        }
        return StoryVector.of(analysis.bigrams(), Fields.BODY_BIGRAM, d.title(), d.body(), df, idfPower, StoryLinker::termId);
    }

    static boolean decide(StoryRule rule, Pair p, double cos) {
        return !Double.isNaN(cos) && rule.sameStory(cos, day(p.a()), p.a().source(), day(p.b()), p.b().source());
    }

    static Score score(StoryRule rule, List<Pair> pairs, double[] cos, java.util.function.Predicate<Pair> which) {
        int n = 0;
        int pos = 0;
        int tp = 0;
        int fp = 0;
        for (int i = 0; i < pairs.size(); i++) {
            Pair p = pairs.get(i);
            if (!which.test(p)) {
                continue;
            }
            n++;
            boolean said = decide(rule, p, cos[i]);
            pos += p.same() ? 1 : 0;
            tp += said && p.same() ? 1 : 0;
            fp += said && !p.same() ? 1 : 0;
        }
        return new Score(n, pos, tp, fp);
    }

    public static Map<String, Object> pairs(List<Pair> pairs, Analysis analysis, StoryVector.DocFreqs df, StoryRule rule, PrintStream out) {
        double[] cos = cosines(pairs, analysis, df, rule.idfPower());
        Map<String, Object> report = new LinkedHashMap<>();
        out.printf("story rule: cosine >= %.2f (idf^%.1f; %.2f for two documents of one outlet), dates at most %d day(s) apart%n%n",
                rule.threshold(), rule.idfPower(), Math.max(rule.threshold(), rule.sameSourceThreshold()), rule.windowDays());
        out.printf("%-28s %6s %6s %10s %8s%n", "pairs", "n", "same", "precision", "recall");
        Map<String, java.util.function.Predicate<Pair>> groups = new LinkedHashMap<>();
        groups.put("all", p -> true);
        groups.put("split test (held out)", p -> p.split().equals("test"));
        groups.put("split dev (chose the rule)", p -> p.split().equals("dev"));
        for (String kind : new java.util.TreeSet<>(pairs.stream().map(Pair::kind).toList())) {
            groups.put("kind " + kind, p -> p.kind().equals(kind));
        }
        Map<String, Object> byGroup = new LinkedHashMap<>();
        for (var e : groups.entrySet()) {
            Score s = score(rule, pairs, cos, e.getValue());
            out.printf("%-28s %6d %6d %10.3f %8.3f%n", e.getKey(), s.pairs(), s.positives(), s.precision(), s.recall());
            byGroup.put(e.getKey(), Map.of("pairs", s.pairs(), "same", s.positives(), "precision", s.precision(), "recall", s.recall()));
        }
        report.put("rule", rule);
        report.put("groups", byGroup);
        report.put("devSweep", sweep(out, "sweep on dev: precision / recall", 0.15, 12, pairs, cos, List.of(
                new Column("window 0", "window", 0, r -> r.withWindowDays(0)),
                new Column("window 1", "window", 1, r -> r.withWindowDays(1)),
                new Column("window 2", "window", 2, r -> r.withWindowDays(2))), rule));
        List<Column> outlets = new ArrayList<>();
        for (double ss : new double[] {0, 0.5, 0.6, 0.7, 0.8, 0.9}) {
            outlets.add(new Column(ss == 0 ? "one outlet: -" : "one outlet " + ss, "sameSource", ss, r -> r.withSameSourceThreshold(ss)));
        }
        report.put("devSweepSameSource", sweep(out, String.format(
                "sweep on dev, window %d: precision / recall by the threshold for two documents of one outlet", rule.windowDays()),
                0.1, 8, pairs, cos, outlets, rule));
        List<Map<String, Object>> errors = new ArrayList<>();
        out.printf("%nerrors of the rule:%n");
        for (int i = 0; i < pairs.size(); i++) {
            Pair p = pairs.get(i);
            boolean said = decide(rule, p, cos[i]);
            if (said != p.same()) {
                String days = p.a().date().known() && p.b().date().known() ? String.valueOf(Math.abs(day(p.a()) - day(p.b()))) : "?";
                out.printf("  %s %-4s %-21s said %-4s cos %s days %s  %s | %s%n", p.id(), p.split(), p.kind(), said ? "same" : "not",
                        Double.isNaN(cos[i]) ? "(no part)" : String.format("%.2f", cos[i]), days, abbreviate(p.a().title()), abbreviate(p.b().title()));
                errors.add(Map.of("pair", p.id(), "said", said ? "same" : "not", "cosine", Double.isNaN(cos[i]) ? -1 : cos[i]));
            }
        }
        report.put("errors", errors);
        return report;
    }

    /** A column of a sweep: the rule varied one way, for every cosine threshold of the rows. */
    private record Column(String label, String key, double value, java.util.function.UnaryOperator<StoryRule> variant) {}

    /** Precision / recall on dev for cosine thresholds {@code from}, +0.05 … ({@code steps} more), per column. */
    private static List<Map<String, Object>> sweep(PrintStream out, String heading, double from, int steps, List<Pair> pairs,
                                                   double[] cos, List<Column> columns, StoryRule rule) {
        out.printf("%n%s%n%-10s", heading, "cosine");
        for (Column c : columns) {
            out.printf(" %15s", c.label());
        }
        out.println();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int step = 0; step <= steps; step++) {
            double t = from + 0.05 * step;
            out.printf("%-10.2f", t);
            for (Column c : columns) {
                Score s = score(c.variant().apply(rule.withThreshold(t)), pairs, cos, p -> p.split().equals("dev"));
                out.printf("     %.3f/%.3f", s.precision(), s.recall());
                rows.add(Map.of("threshold", t, c.key(), c.value(), "precision", s.precision(), "recall", s.recall()));
            }
            out.println();
        }
        return rows;
    }

    /** The stories of an index: how many, the distribution of their sizes, and the {@code largest} largest with their documents. */
    public static Map<String, Object> index(DirectoryReader reader, int largest, PrintStream out) throws IOException {
        Map<Long, Integer> sizes = new HashMap<>();
        for (LeafReaderContext leaf : reader.leaves()) {
            NumericDocValues story = leaf.reader().getNumericDocValues(Fields.STORY);
            org.apache.lucene.util.Bits live = leaf.reader().getLiveDocs();
            if (story == null) {
                continue;
            }
            for (int d = story.nextDoc(); d != NumericDocValues.NO_MORE_DOCS; d = story.nextDoc()) {
                if (live == null || live.get(d)) {
                    sizes.merge(story.longValue(), 1, Integer::sum);
                }
            }
        }
        TreeMap<String, Integer> distribution = new TreeMap<>();
        int multi = 0;
        int inMulti = 0;
        for (int s : sizes.values()) {
            String bucket = s == 1 ? "1" : s == 2 ? "2" : s == 3 ? "3" : s <= 5 ? "4-5" : s <= 10 ? "6-10" : s <= 20 ? "11-20" : "21+";
            distribution.merge(bucket, 1, Integer::sum);
            if (s > 1) {
                multi++;
                inMulti += s;
            }
        }
        out.printf("%nstories in the index: %,d documents in %,d stories; %,d stories of 2 or more hold %,d documents%n",
                reader.numDocs(), sizes.size(), multi, inMulti);
        out.println("size      stories");
        for (String b : List.of("1", "2", "3", "4-5", "6-10", "11-20", "21+")) {
            out.printf("%-9s %,8d%n", b, distribution.getOrDefault(b, 0));
        }
        List<Map.Entry<Long, Integer>> top = sizes.entrySet().stream()
                .sorted((x, y) -> y.getValue() - x.getValue()).limit(largest).toList();
        IndexSearcher searcher = new IndexSearcher(reader);
        List<Map<String, Object>> largestOut = new ArrayList<>();
        out.printf("%nthe %d largest stories (earliest first, at most 8 documents shown):%n", top.size());
        for (var e : top) {
            SortField byTime = new SortField(Fields.DATE_SORT, SortField.Type.LONG);
            TopDocs docs = searcher.search(org.apache.lucene.document.NumericDocValuesField.newSlowExactQuery(Fields.STORY, e.getKey()),
                    8, new Sort(byTime));
            out.printf("story %s: %d documents%n", Stories.format(e.getKey()), e.getValue());
            List<String> lines = new ArrayList<>();
            for (ScoreDoc sd : docs.scoreDocs) {
                Document d = searcher.storedFields().document(sd.doc);
                String line = d.get(Fields.DATE) + "  " + d.get(Fields.SOURCE) + "  " + d.get(Fields.TITLE);
                lines.add(line);
                out.println("    " + line);
            }
            largestOut.add(Map.of("story", Stories.format(e.getKey()), "documents", e.getValue(), "first", lines));
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("documents", reader.numDocs());
        report.put("stories", sizes.size());
        report.put("storiesOfTwoOrMore", multi);
        report.put("documentsInThem", inMulti);
        report.put("sizes", distribution);
        report.put("largest", largestOut);
        return report;
    }

    private static String abbreviate(String s) {
        return s.length() <= 24 ? s : s.substring(0, 24) + "…";
    }
}

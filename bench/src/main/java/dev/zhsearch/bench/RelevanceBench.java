package dev.zhsearch.bench;

import dev.zhsearch.index.Analysis;
import dev.zhsearch.index.Fields;
import dev.zhsearch.search.Hit;
import dev.zhsearch.search.SearchRequest;
import dev.zhsearch.search.SearchService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;

/**
 * Judged relevance: queries with their information needs and groups, documents graded 0/1/2 by a
 * reader who did not see which ranking found them. For each ranking, nDCG@10 (gain 2^grade − 1,
 * the ideal from every judged document of the query) and P@10 (grade ≥ 1), by group and overall;
 * documents in a top ten that nobody judged count as 0 and are counted. {@code pool} writes what
 * the rankings return and nobody has judged yet, shuffled, for judging.
 */
public final class RelevanceBench {

    public record Judged(String id, String group, String query, String need) {}

    /** A ranking: the top ten document ids for a query. */
    interface Ranking {
        List<String> top10(String query) throws Exception;
    }

    public record Score(String ranking, String group, int queries, double ndcg10, double p10, int unjudged) {}

    private final Analysis analysis;

    public RelevanceBench(Analysis analysis) {
        this.analysis = analysis;
    }

    public static List<Judged> queries(Path file) throws IOException {
        List<Judged> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#") || line.startsWith("id\t")) {
                continue;
            }
            String[] c = line.split("\t", -1);
            if (c.length < 4) {
                throw new IllegalArgumentException(file + ": expected id, group, query, need: " + line);
            }
            out.add(new Judged(c[0].strip(), c[1].strip(), c[2].strip(), c[3].strip()));
        }
        return out;
    }

    /** query id → document id → grade. */
    public static Map<String, Map<String, Integer>> judgments(Path file) throws IOException {
        Map<String, Map<String, Integer>> out = new HashMap<>();
        if (!Files.exists(file)) {
            return out;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#") || line.startsWith("query\t")) {
                continue;
            }
            String[] c = line.split("\t", -1);
            out.computeIfAbsent(c[0].strip(), k -> new HashMap<>()).put(c[1].strip(), Integer.parseInt(c[2].strip()));
        }
        return out;
    }

    /**
     * The rankings compared: zhsearch's default (the news ranking), its text score alone (sort=score:
     * the ranking before page types and recency), date order, and plain BM25 over the words of title
     * and body; then each variant of the news ranking asked for.
     */
    Map<String, Ranking> rankings(SearchService service, IndexSearcher plain, Map<String, SearchService> variants) {
        Map<String, Ranking> r = new LinkedHashMap<>();
        r.put("zhsearch", q -> ids(service.search(SearchRequest.of(q, 10), false).hits()));
        r.put("score", q -> ids(service.search(SearchRequest.of(q, 10).withSort(SearchRequest.Sort.SCORE), false).hits()));
        r.put("date", q -> ids(service.search(SearchRequest.of(q, 10).withSort(SearchRequest.Sort.DATE_DESC), false).hits()));
        r.put("bm25", q -> plainBm25(plain, q));
        variants.forEach((name, s) -> r.put(name, q -> ids(s.search(SearchRequest.of(q, 10), false).hits())));
        return r;
    }

    private static List<String> ids(List<Hit> hits) {
        return hits.stream().map(Hit::id).toList();
    }

    /** The baseline a first version would have: every word of the query, in title or body, any of them, BM25. */
    private List<String> plainBm25(IndexSearcher searcher, String q) throws IOException {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (String field : List.of(Fields.TITLE, Fields.BODY)) {
            try (TokenStream ts = analysis.words().tokenStream(field, q)) {
                CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
                ts.reset();
                while (ts.incrementToken()) {
                    b.add(new TermQuery(new Term(field, term.toString())), BooleanClause.Occur.SHOULD);
                }
                ts.end();
            }
        }
        List<String> out = new ArrayList<>();
        var stored = searcher.storedFields();
        for (ScoreDoc sd : searcher.search(b.build(), 10).scoreDocs) {
            out.add(stored.document(sd.doc).get(Fields.ID));
        }
        return out;
    }

    /** Every ranking's top ten for every query. */
    public Map<String, Map<String, List<String>>> run(Path index, List<Judged> queries) throws Exception {
        return run(index, queries, Map.of());
    }

    /** As {@link #run(Path, List)}, with variants of the news ranking, by name. */
    public Map<String, Map<String, List<String>>> run(Path index, List<Judged> queries, Map<String, dev.zhsearch.search.NewsRanking> variants) throws Exception {
        Map<String, Map<String, List<String>>> out = new LinkedHashMap<>();
        Map<String, SearchService> services = new LinkedHashMap<>();
        try (SearchService service = SearchService.open(index, analysis);
             DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
            for (var v : variants.entrySet()) {
                services.put(v.getKey(), SearchService.open(index, analysis, v.getValue()));
            }
            IndexSearcher plain = new IndexSearcher(reader);
            for (Map.Entry<String, Ranking> r : rankings(service, plain, services).entrySet()) {
                Map<String, List<String>> tops = new LinkedHashMap<>();
                for (Judged q : queries) {
                    tops.put(q.id(), r.getValue().top10(q.query()));
                }
                out.put(r.getKey(), tops);
            }
        } finally {
            for (SearchService s : services.values()) {
                s.close();
            }
        }
        return out;
    }

    /**
     * What the rankings return and nobody judged: query, need, document id, title and the opening of
     * the body, in random order (seeded), so the judge cannot tell which ranking found what.
     */
    public int pool(Path index, List<Judged> queries, Map<String, Map<String, Integer>> judged, Path out, long seed,
                    Map<String, dev.zhsearch.search.NewsRanking> variants) throws Exception {
        Map<String, Map<String, List<String>>> tops = run(index, queries, variants);
        List<String[]> rows = new ArrayList<>();
        try (SearchService service = SearchService.open(index, analysis)) {
            for (Judged q : queries) {
                Set<String> ids = new LinkedHashSet<>();
                tops.values().forEach(t -> ids.addAll(t.get(q.id())));
                for (String id : ids) {
                    if (judged.getOrDefault(q.id(), Map.of()).containsKey(id)) {
                        continue;
                    }
                    var d = service.document(id).orElseThrow();
                    String body = d.body() == null ? "" : d.body().replaceAll("\\s+", " ");
                    rows.add(new String[] {q.id(), q.query(), q.need(), id, clean(d.title()), clean(body.length() > 400 ? body.substring(0, 400) + "…" : body)});
                }
            }
        }
        java.util.Collections.shuffle(rows, new Random(seed));
        StringBuilder sb = new StringBuilder("query\tquery_text\tneed\tdoc\ttitle\tbody_start\tgrade\n");
        for (String[] r : rows) {
            sb.append(String.join("\t", r)).append("\t\n");
        }
        Files.writeString(out, sb.toString());
        return rows.size();
    }

    private static String clean(String s) {
        return s == null ? "" : s.replace('\t', ' ').replace('\n', ' ');
    }

    public static List<Score> score(Map<String, Map<String, List<String>>> tops, List<Judged> queries, Map<String, Map<String, Integer>> judged) {
        List<Score> out = new ArrayList<>();
        List<String> groups = new ArrayList<>(new LinkedHashSet<>(queries.stream().map(Judged::group).toList()));
        groups.add("all");
        for (String ranking : tops.keySet()) {
            for (String group : groups) {
                double ndcg = 0;
                double p = 0;
                int n = 0;
                int unjudged = 0;
                for (Judged q : queries) {
                    if (!group.equals("all") && !q.group().equals(group)) {
                        continue;
                    }
                    Map<String, Integer> grades = judged.getOrDefault(q.id(), Map.of());
                    List<String> top = tops.get(ranking).get(q.id());
                    double dcg = 0;
                    int relevant = 0;
                    for (int i = 0; i < top.size(); i++) {
                        Integer g = grades.get(top.get(i));
                        if (g == null) {
                            unjudged++;
                            g = 0;
                        }
                        dcg += (Math.pow(2, g) - 1) / (Math.log(i + 2) / Math.log(2));
                        relevant += g >= 1 ? 1 : 0;
                    }
                    List<Integer> ideal = grades.values().stream().sorted(java.util.Comparator.reverseOrder()).limit(10).toList();
                    double idcg = 0;
                    for (int i = 0; i < ideal.size(); i++) {
                        idcg += (Math.pow(2, ideal.get(i)) - 1) / (Math.log(i + 2) / Math.log(2));
                    }
                    ndcg += idcg == 0 ? 0 : dcg / idcg;
                    p += relevant / 10.0;
                    n++;
                }
                out.add(new Score(ranking, group, n, n == 0 ? 0 : ndcg / n, n == 0 ? 0 : p / n, unjudged));
            }
        }
        return out;
    }

    /**
     * For each ranking, the median age of the documents in its top tens (all queries together), in
     * days before the newest document of the index; dateless documents left out.
     */
    public Map<String, Double> medianAges(Path index, Map<String, Map<String, List<String>>> tops) throws Exception {
        Map<String, Double> out = new LinkedHashMap<>();
        try (SearchService service = SearchService.open(index, analysis)) {
            String newestIso = service.search(SearchRequest.of("", 1).withSort(SearchRequest.Sort.DATE_DESC), false).hits().getFirst().date();
            java.time.LocalDate newest = java.time.LocalDate.parse(newestIso.substring(0, 10));
            Map<String, Long> ages = new HashMap<>();
            for (var ranking : tops.entrySet()) {
                List<Long> a = new ArrayList<>();
                for (List<String> ids : ranking.getValue().values()) {
                    for (String id : ids) {
                        Long age = ages.computeIfAbsent(id, k -> {
                            try {
                                String d = service.document(k).map(dev.zhsearch.search.StoredDocument::date).orElse(null);
                                return d == null ? -1L : java.time.temporal.ChronoUnit.DAYS.between(java.time.LocalDate.parse(d.substring(0, 10)), newest);
                            } catch (IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                        });
                        if (age >= 0) {
                            a.add(age);
                        }
                    }
                }
                java.util.Collections.sort(a);
                out.put(ranking.getKey(), a.isEmpty() ? Double.NaN : a.size() % 2 == 1 ? a.get(a.size() / 2) : (a.get(a.size() / 2 - 1) + a.get(a.size() / 2)) / 2.0);
            }
        }
        return out;
    }

    /** Per query, for one ranking: its nDCG@10 and the grades of its top ten (. = unjudged), best judged grades beside. */
    public static String perQuery(String ranking, Map<String, Map<String, List<String>>> tops, List<Judged> queries,
                                  Map<String, Map<String, Integer>> judged) {
        StringBuilder sb = new StringBuilder(String.format("%-5s %-6s %-24s %8s  %-10s  %s%n", "query", "group", "text", "nDCG@10", "top ten", "judged 2/1/0"));
        for (Judged q : queries) {
            Map<String, Integer> grades = judged.getOrDefault(q.id(), Map.of());
            List<String> top = tops.get(ranking).get(q.id());
            StringBuilder g = new StringBuilder();
            for (String id : top) {
                Integer grade = grades.get(id);
                g.append(grade == null ? "." : grade.toString());
            }
            double ndcg = score(Map.of(ranking, Map.of(q.id(), top)), List.of(q), judged).getFirst().ndcg10();
            long twos = grades.values().stream().filter(x -> x == 2).count();
            long ones = grades.values().stream().filter(x -> x == 1).count();
            sb.append(String.format("%-5s %-6s %-24s %8.3f  %-10s  %d/%d/%d%n", q.id(), q.group(), q.query(), ndcg, g, twos, ones, grades.size() - twos - ones));
        }
        return sb.toString();
    }

    public static String table(List<Score> scores) {
        StringBuilder sb = new StringBuilder(String.format("%-12s %-8s %8s %9s %7s %9s%n", "ranking", "group", "queries", "nDCG@10", "P@10", "unjudged"));
        for (Score s : scores) {
            sb.append(String.format("%-12s %-8s %8d %9.3f %7.3f %9d%n", s.ranking(), s.group(), s.queries(), s.ndcg10(), s.p10(), s.unjudged()));
        }
        return sb.toString();
    }
}

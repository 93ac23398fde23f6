package dev.zhsearch.bench;

import dev.zhsearch.convert.Script;
import dev.zhsearch.corpus.PubDate;
import dev.zhsearch.index.Analysis;
import dev.zhsearch.index.DocumentMapper;
import dev.zhsearch.index.Fields;
import dev.zhsearch.index.IndexedDoc;
import dev.zhsearch.search.InvalidQueryException;
import dev.zhsearch.search.QueryFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;

/**
 * Cross-script retrieval on UD Chinese GSD (Traditional) and GSDSimp (Simplified): the same
 * sentences in both scripts, aligned by sent_id. Each sentence gives one query of up to two of its
 * gold-segmented words (2+ Han characters, chosen with a fixed seed); the sentence itself is the one
 * relevant document. Queries from the Simplified side run over the Traditional sentences (cross)
 * and over the Simplified ones (same-script); and the reverse. Reported per query mode (smartcn
 * words, CJK bigrams, both = production): Recall@1, MRR@10 and the share of queries whose top 10
 * is identical across scripts.
 */
public final class CrossScriptBench {

    private static final long SEED = 20260101L;
    private final Analysis analysis;

    public CrossScriptBench(Analysis analysis) {
        this.analysis = analysis;
    }

    public record Sentence(String id, String text, List<String> words) {}

    public record Scores(double recallAt1, double mrrAt10) {}

    public record Row(String mode, String direction, int queries, Scores cross, Scores same, double identicalTop10) {}

    public record Report(String split, int sentences, List<Row> rows) {
        public String table() {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format("GSD %s: %d aligned sentences; one query per sentence (up to 2 gold words)%n", split, sentences));
            sb.append(String.format("%-8s %-22s %7s %10s %10s %10s %10s %10s %9s%n", "mode", "queries → index", "queries",
                    "R@1 cross", "R@1 same", "ΔR@1", "MRR cross", "MRR same", "same top10"));
            for (Row r : rows) {
                sb.append(String.format("%-8s %-22s %7d %10.4f %10.4f %+10.4f %10.4f %10.4f %8.1f%%%n", r.mode(), r.direction(), r.queries(),
                        r.cross().recallAt1(), r.same().recallAt1(), r.cross().recallAt1() - r.same().recallAt1(),
                        r.cross().mrrAt10(), r.same().mrrAt10(), 100 * r.identicalTop10()));
            }
            sb.append("targets: cross-script R@1 within 0.01 of same-script; identical top 10 ≥ 99% (mode 'both' in Lucene syntax; 'box' is the search box's syntax, what zhsearch runs by default)\n");
            return sb.toString();
        }
    }

    public Report run(Path gsdDir, String split) throws IOException {
        List<Sentence> trad = read(gsdDir.resolve("zh_gsd-ud-" + split + ".conllu"));
        List<Sentence> simp = read(gsdDir.resolve("zh_gsdsimp-ud-" + split + ".conllu"));
        if (trad.size() != simp.size()) {
            throw new IOException("GSD files do not align: " + trad.size() + " vs " + simp.size() + " sentences");
        }
        for (int i = 0; i < trad.size(); i++) {
            if (!trad.get(i).id().equals(simp.get(i).id())) {
                throw new IOException("sent_id mismatch at " + i + ": " + trad.get(i).id() + " vs " + simp.get(i).id());
            }
        }
        List<String> simpQueries = queries(simp);
        List<String> tradQueries = queries(trad);
        List<Row> rows = new ArrayList<>();
        try (Directory tradIndex = index(trad); Directory simpIndex = index(simp);
             DirectoryReader tr = DirectoryReader.open(tradIndex); DirectoryReader sr = DirectoryReader.open(simpIndex)) {
            IndexSearcher ts = new IndexSearcher(tr);
            IndexSearcher ss = new IndexSearcher(sr);
            for (QueryFactory.Mode mode : QueryFactory.Mode.values()) {
                QueryFactory qf = new QueryFactory(analysis.perField(), mode);
                String label = mode.name().toLowerCase(java.util.Locale.ROOT);
                rows.add(row(label, QueryFactory.Syntax.LUCENE, "简 queries → 繁 index", simpQueries, simp, qf, ts, ss));
                rows.add(row(label, QueryFactory.Syntax.LUCENE, "繁 queries → 简 index", tradQueries, trad, qf, ss, ts));
            }
            QueryFactory box = new QueryFactory(analysis.perField());
            rows.add(row("box", QueryFactory.Syntax.PEOPLE, "简 queries → 繁 index", simpQueries, simp, box, ts, ss));
            rows.add(row("box", QueryFactory.Syntax.PEOPLE, "繁 queries → 简 index", tradQueries, trad, box, ss, ts));
        }
        return new Report(split, trad.size(), rows);
    }

    /** Queries in one script run over the other (cross) and over their own (same). */
    private Row row(String label, QueryFactory.Syntax syntax, String direction, List<String> queries, List<Sentence> sentences, QueryFactory qf,
                    IndexSearcher crossIndex, IndexSearcher sameIndex) throws IOException {
        double r1Cross = 0, r1Same = 0, mrrCross = 0, mrrSame = 0;
        int identical = 0;
        int n = 0;
        for (int i = 0; i < queries.size(); i++) {
            String q = queries.get(i);
            if (q == null) {
                continue;
            }
            n++;
            String relevant = sentences.get(i).id();
            List<String> cross = top10(crossIndex, qf, q, syntax);
            List<String> same = top10(sameIndex, qf, q, syntax);
            int rc = cross.indexOf(relevant);
            int rs = same.indexOf(relevant);
            r1Cross += rc == 0 ? 1 : 0;
            r1Same += rs == 0 ? 1 : 0;
            mrrCross += rc >= 0 ? 1.0 / (rc + 1) : 0;
            mrrSame += rs >= 0 ? 1.0 / (rs + 1) : 0;
            identical += cross.equals(same) ? 1 : 0;
        }
        return new Row(label, direction, n,
                new Scores(r1Cross / n, mrrCross / n), new Scores(r1Same / n, mrrSame / n), (double) identical / n);
    }

    private List<String> top10(IndexSearcher searcher, QueryFactory qf, String q, QueryFactory.Syntax syntax) throws IOException {
        try {
            ScoreDoc[] hits = searcher.search(qf.parse(q, syntax), 10).scoreDocs;
            StoredFields stored = searcher.storedFields();
            List<String> ids = new ArrayList<>(hits.length);
            for (ScoreDoc h : hits) {
                ids.add(stored.document(h.doc).get(Fields.ID));
            }
            return ids;
        } catch (InvalidQueryException e) {
            throw new IllegalStateException("benchmark query failed to parse: " + q, e);
        }
    }

    private Directory index(List<Sentence> sentences) throws IOException {
        Directory dir = new ByteBuffersDirectory();
        DocumentMapper mapper = new DocumentMapper();
        try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analysis.perField()))) {
            for (Sentence s : sentences) {
                w.addDocument(dev.zhsearch.index.IndexFacets.CONFIG.build(mapper.toDocument(new IndexedDoc(s.id(), "", s.text(), PubDate.UNKNOWN, null, null, Script.UNKNOWN, List.of(), null,
                        analysis.words().fold(""), analysis.words().fold(s.text())))));
            }
        }
        return dir;
    }

    /** Up to two gold words of 2+ Han characters per sentence, picked with a fixed seed; null if none. */
    static List<String> queries(List<Sentence> sentences) {
        List<String> out = new ArrayList<>();
        for (Sentence s : sentences) {
            List<String> candidates = new ArrayList<>(s.words().stream()
                    .filter(w -> w.codePointCount(0, w.length()) >= 2)
                    .filter(w -> w.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN))
                    .distinct().toList());
            // the same picks on both sides: the shuffle's seed depends only on the (shared) sentence id
            java.util.Collections.shuffle(candidates, new Random(SEED ^ s.id().hashCode()));
            out.add(candidates.isEmpty() ? null : String.join(" ", candidates.subList(0, Math.min(2, candidates.size()))));
        }
        return out;
    }

    static List<Sentence> read(Path conllu) throws IOException {
        List<Sentence> out = new ArrayList<>();
        String id = null;
        String text = null;
        List<String> words = new ArrayList<>();
        for (String line : Files.readAllLines(conllu)) {
            if (line.startsWith("# sent_id = ")) {
                id = line.substring(12).strip();
            } else if (line.startsWith("# text = ")) {
                text = line.substring(9).strip();
            } else if (line.isBlank()) {
                if (id != null && text != null) {
                    out.add(new Sentence(id, text, List.copyOf(words)));
                }
                id = null;
                text = null;
                words.clear();
            } else if (!line.startsWith("#")) {
                String[] cols = line.split("\t");
                if (cols.length > 1 && cols[0].matches("\\d+")) {
                    words.add(cols[1]);
                }
            }
        }
        if (id != null && text != null) {
            out.add(new Sentence(id, text, List.copyOf(words)));
        }
        return out;
    }
}

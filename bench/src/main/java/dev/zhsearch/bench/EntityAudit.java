package dev.zhsearch.bench;

import dev.zhsearch.entity.CompanyMatcher;
import dev.zhsearch.index.Fields;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;

/**
 * Precision of company extraction on a big index, judged by a person: draws random documents,
 * runs the current matcher on their stored text, and lists one mention per document with its
 * context for a person to mark {@code y} (the text names that company) or {@code n}. The gold files
 * measure recall too but hold few predictions; this measures what the facets show.
 */
public final class EntityAudit {

    private EntityAudit() {}

    public record Row(String document, String company, String mention, String context) {}

    /** A judged audit: how many mentions were right and wrong, and the precision. */
    public record Judged(int right, int wrong) {

        public double precision() {
            return right + wrong == 0 ? Double.NaN : (double) right / (right + wrong);
        }

        /** Lower and upper bound of the 95% Wilson interval around the precision. */
        public double[] interval() {
            return wilson(right, right + wrong);
        }
    }

    static final int CONTEXT = 20;

    /** The 95% Wilson score interval of a proportion of {@code k} in {@code n}. */
    static double[] wilson(int k, int n) {
        if (n == 0) {
            return new double[] {0, 1};
        }
        double p = (double) k / n;
        double z = 1.96;
        double centre = (p + z * z / (2 * n)) / (1 + z * z / n);
        double half = z * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n)) / (1 + z * z / n);
        return new double[] {centre - half, centre + half};
    }

    /**
     * Random documents (fixed seed) until {@code n} of them name a company whose id starts with
     * {@code only} or, comma-separated, one of its prefixes (empty: any); one random such mention of each.
     */
    public static List<Row> sample(Path index, CompanyMatcher matcher, int n, long seed, String only) throws IOException {
        List<String> prefixes = List.of(only.split(",", -1));
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
            if (reader.numDocs() == 0) {
                throw new IOException("index " + index + " has no documents");
            }
            StoredFields stored = reader.storedFields();
            Random random = new Random(seed);
            List<Row> rows = new ArrayList<>();
            for (int tries = 0; rows.size() < n && tries < 1000 * n; tries++) {
                Document d = stored.document(random.nextInt(reader.maxDoc()));
                String text = d.get(Fields.TITLE) + "\n" + d.get(Fields.BODY);
                List<CompanyMatcher.Mention> mentions = matcher.mentions(text).stream().filter(x -> prefixes.stream().anyMatch(x.company()::startsWith)).toList();
                if (mentions.isEmpty()) {
                    continue;
                }
                CompanyMatcher.Mention m = mentions.get(random.nextInt(mentions.size()));
                String context = text.substring(Math.max(0, m.start() - CONTEXT), Math.min(text.length(), m.end() + CONTEXT));
                rows.add(new Row(d.get(Fields.ID), m.company(), text.substring(m.start(), m.end()), oneLine(context)));
            }
            return rows;
        }
    }

    public static void write(List<Row> rows, Path out) throws IOException {
        StringBuilder sb = new StringBuilder("# document\tcompany\tmention\tcontext\tok (y = the text names this company, n = it does not)\n");
        for (Row r : rows) {
            sb.append(oneLine(r.document())).append('\t').append(r.company()).append('\t').append(oneLine(r.mention()))
                    .append('\t').append(r.context()).append('\t').append('\n');
        }
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        Files.writeString(out, sb, StandardCharsets.UTF_8);
    }

    /** Reads a judged audit: the last column of each row is y or n; a row left blank is an error. */
    public static Judged score(Path judged) throws IOException {
        int right = 0;
        int wrong = 0;
        int lineNo = 0;
        for (String line : Files.readAllLines(judged, StandardCharsets.UTF_8)) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t", -1);
            String ok = cols[cols.length - 1].strip();
            if (cols.length != 5 || !(ok.equals("y") || ok.equals("n"))) {
                throw new IllegalArgumentException(judged + ":" + lineNo + ": expected 5 TAB-separated columns ending in y or n");
            }
            if (ok.equals("y")) {
                right++;
            } else {
                wrong++;
            }
        }
        return new Judged(right, wrong);
    }

    private static String oneLine(String s) {
        return s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }
}

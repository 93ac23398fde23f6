package dev.zhsearch.bench;

import dev.zhsearch.convert.OpenccConfigs;
import dev.zhsearch.convert.ScriptFolder;
import dev.zhsearch.corpus.CorpusReaders;
import dev.zhsearch.corpus.CorpusSink;
import dev.zhsearch.corpus.ReadProblem;
import dev.zhsearch.corpus.SourceDoc;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks that the fold is a normal form: for every entry of OpenCC's TWPhrases, TWVariants,
 * STPhrases and STCharacters, the key and its (first) value fold to the same string; and folding
 * is idempotent over a list of texts (the corpus titles). {@code ./zhsearch bench fold} prints it.
 */
public final class FoldCheck {

    /** The OpenCC tables whose two sides must fold equal. */
    public static final List<String> TABLES = List.of("TWPhrases", "TWVariants", "STPhrases", "STCharacters");

    /** One pair of strings that should fold equal and does not, with both folds. */
    public record Mismatch(String table, String left, String right, String leftFold, String rightFold) {}

    /** One table: entries checked, and those whose sides fold differently. */
    public record TableResult(String table, int entries, List<Mismatch> mismatches) {}

    /** A text whose fold, folded again, changes. */
    public record NotIdempotent(String text, String once, String twice) {}

    /** OpenCC's own dictionaries, for the official tool's twins. */
    public static final Path OPENCC_DICTIONARIES = Path.of("../shared/corpora/opencc/data/dictionary");

    private final OpenccConfigs configs;
    private final ScriptFolder folder;

    public FoldCheck(OpenccConfigs configs, ScriptFolder folder) {
        this.configs = configs;
        this.folder = folder;
    }

    public TableResult table(String stem) {
        List<Mismatch> bad = new ArrayList<>();
        List<OpenccConfigs.Entry> entries = configs.entries(stem);
        for (OpenccConfigs.Entry e : entries) {
            String value = e.values().getFirst();
            String a = folder.fold(e.key());
            String b = folder.fold(value);
            if (!a.equals(b)) {
                bad.add(new Mismatch(stem, e.key(), value, a, b));
            }
        }
        return new TableResult(stem, entries.size(), bad);
    }

    public List<NotIdempotent> idempotence(List<String> texts) {
        List<NotIdempotent> bad = new ArrayList<>();
        for (String t : texts) {
            String once = folder.fold(t);
            String twice = folder.fold(once);
            if (!once.equals(twice)) {
                bad.add(new NotIdempotent(t, once, twice));
            }
        }
        return bad;
    }

    /**
     * How many texts fold like their twin made by the official OpenCC: Simplified texts through
     * {@code s2twp} (Taiwan Traditional, Taiwan phrasing), the others through {@code tw2sp}.
     */
    public List<Mismatch> twins(List<String> texts, dev.zhsearch.convert.ScriptDetector detector, OfficialOpencc opencc) {
        List<String> simplified = new ArrayList<>();
        List<String> traditional = new ArrayList<>();
        for (String t : texts) {
            (detector.detect(t) == dev.zhsearch.convert.Script.SIMPLIFIED ? simplified : traditional).add(t);
        }
        List<Mismatch> bad = new ArrayList<>();
        compareTwins("s2twp", simplified, opencc.convert(simplified, "s2twp"), bad);
        compareTwins("tw2sp", traditional, opencc.convert(traditional, "tw2sp"), bad);
        return bad;
    }

    private void compareTwins(String config, List<String> texts, List<String> twins, List<Mismatch> bad) {
        for (int i = 0; i < texts.size(); i++) {
            String a = folder.fold(texts.get(i).replaceAll("\\R", " "));
            String b = folder.fold(twins.get(i));
            if (!a.equals(b)) {
                bad.add(new Mismatch(config, texts.get(i), twins.get(i), a, b));
            }
        }
    }

    /** The titles of every document under the inputs, as the files have them. */
    public static List<String> titles(List<Path> inputs) {
        List<String> titles = new ArrayList<>();
        CorpusReaders.standard().readAll(inputs, new CorpusSink() {
            @Override
            public void accept(SourceDoc doc) {
                titles.add(doc.title());
            }

            @Override
            public void skip(ReadProblem problem) {
                // a skipped record has no title to check
            }
        });
        return titles;
    }

    /** Prints the table results and, with texts, idempotence; returns the number of failures. */
    public int report(List<String> texts, int examples, dev.zhsearch.convert.ScriptDetector detector, PrintStream out) {
        int failures = 0;
        out.printf("%-14s %8s %10s%n", "table", "entries", "differ");
        for (String stem : TABLES) {
            TableResult r = table(stem);
            failures += r.mismatches().size();
            out.printf("%-14s %8d %10d%n", stem, r.entries(), r.mismatches().size());
            r.mismatches().stream().limit(examples).forEach(m ->
                    out.printf("    %s → %s   |   %s → %s%n", m.left(), m.leftFold(), m.right(), m.rightFold()));
        }
        if (!texts.isEmpty()) {
            List<NotIdempotent> bad = idempotence(texts);
            failures += bad.size();
            out.printf("idempotence: %d of %d texts change when folded twice%n", bad.size(), texts.size());
            bad.stream().limit(examples).forEach(n -> out.printf("    %s → %s → %s%n", n.text(), n.once(), n.twice()));
            StringBuilder why = new StringBuilder();
            java.util.Optional<OfficialOpencc> opencc = OfficialOpencc.prepare(OPENCC_DICTIONARIES, Path.of("target/opencc-official"), why);
            if (opencc.isEmpty()) {
                out.println("twins: not checked: " + why);
            } else {
                List<Mismatch> twins = twins(texts, detector, opencc.get());
                out.printf("twins (official OpenCC s2twp / tw2sp): %d of %d texts fold differently from their twin%n", twins.size(), texts.size());
                twins.stream().limit(examples).forEach(m -> out.printf("    [%s] %s → %s%n          %s → %s%n", m.table(), m.left(), m.leftFold(), m.right(), m.rightFold()));
            }
        }
        out.printf("vocabulary classes of three or more words (OpenCC pairs that chain): %d%n", folder.chains().size());
        folder.chains().stream().limit(examples).forEach(c -> out.println("    " + String.join(" = ", c)));
        return failures;
    }
}

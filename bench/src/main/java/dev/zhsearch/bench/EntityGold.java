package dev.zhsearch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.zhsearch.clean.Cleaner;
import dev.zhsearch.corpus.CorpusReaders;
import dev.zhsearch.corpus.CorpusSink;
import dev.zhsearch.corpus.ReadProblem;
import dev.zhsearch.corpus.SourceDoc;
import dev.zhsearch.entity.CompanyMatcher;
import dev.zhsearch.entity.OrgNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * The hand-annotated gold file for company extraction: JSON Lines {@code {"id","corpus","title",
 * "body","companies":[ids]}}, the text as zhsearch cleans it, the companies as a person read them.
 * A company no table knows may carry the name the text gives it, {@code "names":{"csic":"中船重工集团"}}:
 * a recognised name ({@code org:…}) counts for that id when it is what the matcher makes of that name.
 * {@link #sample} draws documents for annotation; {@link #evaluate} scores the extractor against it.
 */
public final class EntityGold {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EntityGold() {}

    /**
     * Reservoir-samples {@code n} documents from each input (fixed seed) into a file to annotate;
     * with topic terms, only documents whose title contains one (compared folded, either script).
     */
    public static int sample(List<Path> inputs, int n, long seed, List<String> topic, java.util.function.UnaryOperator<String> fold, Path out) throws IOException {
        Cleaner cleaner = Cleaner.standard();
        List<String> terms = topic.stream().map(fold).toList();
        List<String> lines = new ArrayList<>();
        for (Path input : inputs) {
            Random random = new Random(seed);
            List<SourceDoc> reservoir = new ArrayList<>();
            long[] seen = new long[1];
            CorpusReaders.standard().readAll(List.of(input), new CorpusSink() {
                @Override
                public void accept(SourceDoc doc) {
                    if (!terms.isEmpty()) {
                        String title = fold.apply(cleaner.title(doc.title()));
                        if (terms.stream().noneMatch(title::contains)) {
                            return;
                        }
                    }
                    seen[0]++;
                    if (reservoir.size() < n) {
                        reservoir.add(doc);
                    } else {
                        long j = (long) (random.nextDouble() * seen[0]);
                        if (j < n) {
                            reservoir.set((int) j, doc);
                        }
                    }
                }

                @Override
                public void skip(ReadProblem problem) {
                }
            });
            for (SourceDoc d : reservoir) {
                ObjectNode o = JSON.createObjectNode();
                o.put("id", d.id());
                o.put("corpus", input.getFileName().toString());
                o.put("title", cleaner.title(d.title()));
                o.put("body", cleaner.body(d.body()));
                o.putArray("companies");
                lines.add(JSON.writeValueAsString(o));
            }
        }
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        Files.write(out, lines);
        return lines.size();
    }

    public record DocResult(String id, Set<String> gold, Set<String> predicted) {
        Set<String> falsePositives() {
            Set<String> s = new TreeSet<>(predicted);
            s.removeAll(gold);
            return s;
        }

        Set<String> falseNegatives() {
            Set<String> s = new TreeSet<>(gold);
            s.removeAll(predicted);
            return s;
        }
    }

    /**
     * Scores: {@code correct} predicted (document, company) pairs of {@code predicted}, and {@code found}
     * gold pairs of {@code goldMentions} (the same number when gold and prediction share ids).
     */
    public record Report(int documents, int goldMentions, int predicted, int correct, int found, List<DocResult> docs) {
        public double precision() {
            return predicted == 0 ? 1.0 : (double) correct / predicted;
        }

        public double recall() {
            return goldMentions == 0 ? 1.0 : (double) found / goldMentions;
        }

        public String table(boolean verbose) {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format("documents %d, gold (document, company) pairs %d, predicted %d, correct %d%n",
                    documents, goldMentions, predicted, correct));
            double[] p = EntityAudit.wilson(correct, predicted);
            double[] r = EntityAudit.wilson(found, goldMentions);
            sb.append(String.format("precision %.3f (95%% interval %.3f–%.3f; target ≥ 0.95)   recall %.3f (95%% interval %.3f–%.3f; target ≥ 0.90)%n",
                    precision(), p[0], p[1], recall(), r[0], r[1]));
            for (DocResult d : docs) {
                if (!d.falsePositives().isEmpty() || !d.falseNegatives().isEmpty()) {
                    sb.append(String.format("  %s: false positives %s, missed %s%n", d.id(), d.falsePositives(), d.falseNegatives()));
                } else if (verbose) {
                    sb.append(String.format("  %s: ok %s%n", d.id(), d.gold()));
                }
            }
            return sb.toString();
        }
    }

    public static Report evaluate(Path gold, CompanyMatcher matcher) throws IOException {
        List<DocResult> docs = new ArrayList<>();
        int goldCount = 0;
        int predictedCount = 0;
        int correct = 0;
        for (String line : Files.readAllLines(gold)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode o = JSON.readTree(line);
            Set<String> g = new LinkedHashSet<>();
            o.path("companies").forEach(c -> g.add(c.asText()));
            Map<String, String> named = new HashMap<>(); // org:… id → the gold id whose name it is
            o.path("names").properties().forEach(e -> {
                List<JsonNode> names = e.getValue().isArray() ? e.getValue().valueStream().toList() : List.of(e.getValue());
                for (JsonNode name : names) {
                    matcher.companies(name.asText()).stream().filter(id -> id.startsWith(OrgNames.PREFIX))
                            .forEach(id -> named.put(id, e.getKey()));
                }
            });
            Set<String> p = new LinkedHashSet<>();
            for (String id : matcher.companies(o.path("title").asText() + "\n" + o.path("body").asText())) {
                p.add(named.getOrDefault(id, id));
            }
            goldCount += g.size();
            predictedCount += p.size();
            correct += (int) p.stream().filter(g::contains).count();
            docs.add(new DocResult(o.path("id").asText(), g, p));
        }
        return new Report(docs.size(), goldCount, predictedCount, correct, correct, docs);
    }

    /**
     * Scores a gold file whose companies are named by the text ({@code "companies":[{"name","mentions":
     * [as written],"unsure"?}]}), so that no id of the system is in the gold: a predicted company is
     * right when a span the matcher took for it and a gold mention overlap as text (one holds the
     * other, after full-width and case folding); a gold company is found when some prediction is right
     * for it. Companies marked unsure count neither way.
     */
    public static Report evaluateByName(Path gold, CompanyMatcher matcher) throws IOException {
        List<DocResult> docs = new ArrayList<>();
        int goldCount = 0;
        int predictedCount = 0;
        int correct = 0;
        int found = 0;
        for (String line : Files.readAllLines(gold)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode o = JSON.readTree(line);
            String text = o.path("title").asText() + "\n" + o.path("body").asText();
            Map<String, Set<String>> spans = new java.util.LinkedHashMap<>();
            for (CompanyMatcher.Mention m : matcher.mentions(text)) {
                spans.computeIfAbsent(m.company(), k -> new LinkedHashSet<>()).add(norm(text.substring(m.start(), m.end())));
            }
            Set<String> goldNames = new LinkedHashSet<>();
            Set<String> foundNames = new LinkedHashSet<>();
            Set<String> right = new LinkedHashSet<>();
            Set<String> wrong = new LinkedHashSet<>();
            for (Map.Entry<String, Set<String>> p : spans.entrySet()) {
                String matched = null;
                boolean unsure = false;
                for (JsonNode c : o.path("companies")) {
                    boolean overlaps = c.path("mentions").valueStream().map(JsonNode::asText).map(EntityGold::norm)
                            .anyMatch(g -> p.getValue().stream().anyMatch(s -> s.contains(g) || g.contains(s)));
                    if (overlaps && c.path("unsure").asBoolean(false)) {
                        unsure = true;
                    } else if (overlaps && matched == null) {
                        matched = c.path("name").asText();
                    }
                }
                if (matched != null) {
                    right.add(p.getKey());
                    foundNames.add(matched);
                } else if (!unsure) {
                    wrong.add(p.getKey() + "=" + String.join("/", p.getValue()));
                }
            }
            for (JsonNode c : o.path("companies")) {
                if (!c.path("unsure").asBoolean(false)) {
                    goldNames.add(c.path("name").asText());
                }
            }
            goldCount += goldNames.size();
            found += (int) goldNames.stream().filter(foundNames::contains).count();
            predictedCount += right.size() + wrong.size();
            correct += right.size();
            Set<String> predicted = new LinkedHashSet<>(foundNames);
            predicted.addAll(wrong);
            docs.add(new DocResult(o.path("id").asText(), goldNames, predicted));
        }
        return new Report(docs.size(), goldCount, predictedCount, correct, found, docs);
    }

    private static String norm(String s) {
        return dev.zhsearch.text.FullWidth.fold(s).toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether a gold file names its companies by the text ({@link #evaluateByName}) rather than by ids. */
    public static boolean namedByText(Path gold) throws IOException {
        for (String line : Files.readAllLines(gold)) {
            JsonNode companies = line.isBlank() ? null : JSON.readTree(line).path("companies");
            if (companies != null && companies.isArray() && !companies.isEmpty()) {
                return companies.get(0).isObject();
            }
        }
        return false;
    }
}

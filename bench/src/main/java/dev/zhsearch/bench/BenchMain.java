package dev.zhsearch.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.zhsearch.cli.Args;
import dev.zhsearch.cli.CommandLine;
import dev.zhsearch.convert.OpenccConfigs;
import dev.zhsearch.index.Analysis;
import dev.zhsearch.search.InvalidQueryException;
import dev.zhsearch.search.SearchService;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The benchmarks' and evaluation tools' command line ({@code ./zhsearch bench …} and
 * {@code ./zhsearch entities sample|eval|audit}): apart from the product's, as the tools are
 * apart from its jar.
 */
public final class BenchMain {

    static final int OK = CommandLine.OK;
    static final int FAILED = CommandLine.FAILED;
    static final int USAGE = CommandLine.USAGE;

    static final String USAGE_TEXT = """
            usage: zhsearch bench NAME [options]   |   zhsearch entities tables|mine|sample|eval|audit [options]
                   |   zhsearch vocabulary build [options]   |   zhsearch readings build [--data DIR] [--out DIR]

              vocabulary build [--data DIR] [--taiwan PATH] [--mainland PATH] [--out FILE] [--report FILE]
              entities tables [--data ../shared/data] [--general CCTV-DIR] [--out DIR] [--report FILE]
              entities mine --input PATH... [--data ../shared/data] [--out FILE] [--report FILE]
                     Company names the corpora write before company words (台糖公司, 中聯油脂董事長),
                     as entities/corpus-names.tsv; every candidate's verdict in the report.
              entities sample --input PATH... [--n N] [--seed S] [--topic FILE] [--out FILE]
              entities eval [--gold FILE] [--verbose]
                     Precision and recall of company extraction against a hand-annotated gold file.
              entities audit --index DIR [--n N] [--seed S] [--only PREFIX,…] [--out FILE] | --judged FILE
                     Precision on a big index: random mentions to judge y/n, then score them
                     (--only org: draws only names no table knows).
              bench relevance --index DIR [--queries FILE] [--judgments FILE] [--variant NAME:key=value,…]... [--per-query RANKING] [--pool OUT [--seed N]]
                     nDCG@10 and P@10 by query group for zhsearch's ranking, date order and plain BM25, on
                     the judged set (bench/src/main/resources/relevance); --pool writes the unjudged top tens.
              bench cluster [--input PATH...] [--clients 1,8] [--seconds 10] [--warmup 10]
                     The corpus (default tw-news-digest + cctv-xwlb) into the embedded index, a 1-node
                     and a 3-node OpenSearch cluster (2 primaries, 1 replica) with the plugin: docs/s,
                     size, faceted query q/s and p50/p99; and OpenSearch's stock cjk and standard
                     analyzers beside the plugin: hits for each query and its other-script twin.
              bench crossscript [--split dev|test] [--gsd DIR]
                     Cross-script retrieval on UD Chinese GSD/GSDSimp parallel sentences.
              bench perf [--fractions 0.1,0.5,1] [--clients 2,8] [--seconds 10] [--warmup 30] [--work DIR]
                     zhsearch against SQLite FTS5 (trigram) on tw-news-digest + cctv-xwlb: build time and
                     size, query latency and q/s single and concurrent, cross-script hit counts.
              bench facets --index DIR [--queries FILE] [--rounds N] [--probe QUERY] [--clients 2,8] [--seconds 10] [--warmup 30]
                     Facet counts with and without a query, and faceted search latency (p50/p99).
              bench load --index DIR [--seconds 30] [--warmup 30] [--connections 2,8,32] [--heap 512m] [--runs 1]
                     Start the server on DIR in a child process and drive it over loopback with the
                     mixed query list: throughput, p50/p99 latency, errors per concurrency level.
              bench ingest --index DIR [--input PATH...] [--clients 8] [--writers 4] [--seconds 30] [--rate 1000] [--batch 500]
                     Stream documents into a copy of DIR (target/bench-ingest/index) at a fixed rate and
                     as fast as possible while the faceted query load runs: docs/s, ack → searchable
                     p50/p99, query q/s and p50/p99 against idle, segments over time.
              bench pasted --index DIR [--n 1000] [--seed 21] [--relax 0.75[,F...]] [--input PATH...]
                     Corpus titles pasted as typed, and their OpenCC twins (official opencc tool):
                     refused, R@1, R@10 for Lucene syntax and the search box, in one run.
              bench names [--n 500] [--sample OUT] | --score FILE
                     The most frequent proper names of each corpus (CC-CEDICT) to annotate with their
                     other-region form; --score: how many of them the fold equates, and OpenCC alone.
              bench companies [--baseline DIR] [--rounds 3] [--top 30]   the extractor with an earlier version's tables beside
                       today's: time per document and the top companies before and after (DIR: git archive of entities/)
              bench stories --index DIR | --input PATH... [--pairs FILE] [--threshold T] [--window DAYS] [--largest 10]
                     The story rule on the labelled pairs (precision / recall by split and kind, sweeps
                     on dev, every error), then the index's stories: how many, sizes, the largest.
                     --input builds the index twice, without and with stories, and prints the cost.
              bench suggest --index DIR [--cases FILE] [--seconds 10]
                     Suggestions by sound (pinyin, initials, Zhuyin, mixed) on a real server: the share of
                     labelled cases whose word is in the top five, every failure, and the latency of
                     /api/suggest at 1 and 8 clients.
              bench pagetypes [--input PATH...] [--sample 50] [--seed S] [--out FILE]
                     What clean/page-types.rules marks on the corpus (by type and by rule), roundups
                     split, and a random sample of the listing pages for a person to check.
              bench fold [--input PATH...] [--examples N]
                     The fold as a normal form: OpenCC table entries whose sides fold apart,
                     idempotence and official-OpenCC twins over the corpus titles.
              bench opencc [--cases FILE]
                     OpenCC's own test cases through zhsearch's converters.

            DIR defaults to ./index.
            """;

    private final PrintStream out;
    private final PrintStream err;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    BenchMain(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        CommandLine.quietLucene();
        System.exit(new BenchMain(System.out, System.err).run(Arrays.asList(args)));
    }

    int run(List<String> args) {
        if (args.size() == 2 && args.get(1).equals("--help")) { // bench --help, entities --help
            out.print(USAGE_TEXT);
            return OK;
        }
        return CommandLine.run(args, USAGE_TEXT, out, err, (command, rest) -> switch (command) {
            case "bench" -> bench(rest);
            case "entities" -> entities(rest);
            case "vocabulary" -> vocabulary(rest);
            case "readings" -> readings(rest);
            default -> throw new Args.UsageException("unknown command '" + command + "'");
        });
    }

    private int readings(List<String> args) throws Args.UsageException, IOException {
        if (args.isEmpty() || !args.getFirst().equals("build")) {
            throw new Args.UsageException("readings needs: build");
        }
        Args a = Args.parse(args.subList(1, args.size()), Set.of("data", "out"), Set.of());
        Path data = Path.of(a.get("data", "../shared/data"));
        if (!Files.exists(data)) {
            err.println("zhsearch: " + data + " not found: the readings are built from ../shared/data");
            return FAILED;
        }
        ReadingsBuild.build(data, Path.of(a.get("out", "analysis/src/main/resources/readings")), out);
        return OK;
    }

    private int vocabulary(List<String> args) throws Args.UsageException, IOException {
        if (args.isEmpty() || !args.getFirst().equals("build")) {
            throw new Args.UsageException("vocabulary needs: build");
        }
        Args a = Args.parse(args.subList(1, args.size()), Set.of("data", "taiwan", "mainland", "out", "report"), Set.of());
        Path data = Path.of(a.get("data", "../shared/data"));
        Path taiwan = Path.of(a.get("taiwan", "../shared/corpora/tw-news-digest"));
        Path mainland = Path.of(a.get("mainland", "../shared/corpora/cctv-xwlb"));
        for (Path p : List.of(data, taiwan, mainland)) {
            if (!Files.exists(p)) {
                err.println("zhsearch: " + p + " not found: the vocabulary is built from ../shared");
                return FAILED;
            }
        }
        Path file = Path.of(a.get("out", "analysis/src/main/resources/opencc/zhsearch-vocabulary-public.txt"));
        Path report = Path.of(a.get("report", "target/vocabulary-report.tsv"));
        List<VocabularyBuild.Candidate> candidates = VocabularyBuild.candidates(data);
        out.printf("%,d candidate pairs; counting both sides in the two corpora…%n", candidates.size());
        List<VocabularyBuild.Verdict> verdicts = new VocabularyBuild(new dev.zhsearch.convert.OpenccConfigs())
                .judge(candidates, taiwan, mainland, out);
        VocabularyBuild.printSummary(verdicts, out);
        VocabularyBuild.writeVocabulary(verdicts, file);
        VocabularyBuild.writeReport(verdicts, report);
        out.println("written " + file + " and " + report + " (every candidate, its outcome and counts)");
        return OK;
    }

    private int entities(List<String> args) throws Args.UsageException, IOException {
        if (args.isEmpty()) {
            throw new Args.UsageException("entities needs: tables | mine | sample | eval | audit");
        }
        List<String> rest = args.subList(1, args.size());
        return switch (args.getFirst()) {
            case "sample" -> {
                Args a = Args.parse(rest, Set.of("input", "out", "n", "seed", "topic"), Set.of());
                Path outFile = Path.of(a.get("out", "target/entity-sample.jsonl"));
                List<String> topic = a.get("topic", null) == null ? List.of()
                        : Files.readAllLines(Path.of(a.get("topic", ""))).stream().map(String::strip)
                                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
                int n = EntityGold.sample(a.inputs(), a.integer("n", 50, 1, 10_000), Long.parseLong(a.get("seed", "42")), topic,
                        dev.zhsearch.entity.CompanyMatcher.aliasFold(Analysis.standard().folder()), outFile);
                out.printf("%d documents sampled to %s: annotate their \"companies\" by hand%n", n, outFile);
                yield OK;
            }
            case "tables" -> {
                Args a = Args.parse(rest, Set.of("data", "general", "out", "report", "review"), Set.of());
                yield CompanyTablesCommand.run(Path.of(a.get("data", "../shared/data")), Path.of(a.get("general", "../shared/corpora/cctv-xwlb")),
                        Path.of(a.get("out", "analysis/src/main/resources/entities")), Path.of(a.get("report", "target/company-tables-report.tsv")),
                        Path.of(a.get("review", "bench/src/main/resources/entities/listed-review.tsv")), out, err);
            }
            case "mine" -> {
                Args a = Args.parse(rest, Set.of("input", "data", "out", "report"), Set.of());
                yield CorpusNamesCommand.run(a.inputs(), Path.of(a.get("data", "../shared/data")), Path.of(a.get("out", "analysis/src/main/resources/entities/corpus-names.tsv")),
                        Path.of(a.get("report", "target/corpus-names-report.tsv")), out, err);
            }
            case "eval" -> {
                Args a = Args.parse(rest, Set.of("gold"), Set.of("verbose"));
                Path gold = Path.of(a.get("gold", "analysis/src/test/resources/entities/gold.jsonl"));
                var matcher = Analysis.standard().companies();
                var report = EntityGold.namedByText(gold) ? EntityGold.evaluateByName(gold, matcher) : EntityGold.evaluate(gold, matcher);
                out.print(report.table(a.flag("verbose")));
                yield report.precision() >= 0.95 && report.recall() >= 0.90 ? OK : FAILED;
            }
            case "audit" -> {
                Args a = Args.parse(rest, Set.of("index", "n", "seed", "out", "judged", "only"), Set.of());
                if (a.get("judged", null) != null) {
                    var judged = EntityAudit.score(Path.of(a.get("judged", "")));
                    double[] ci = judged.interval();
                    out.printf("%d mentions judged: %d right, %d wrong — precision %.3f (95%% interval %.3f–%.3f; target ≥ 0.95)%n",
                            judged.right() + judged.wrong(), judged.right(), judged.wrong(), judged.precision(), ci[0], ci[1]);
                    yield judged.precision() >= 0.95 ? OK : FAILED;
                }
                Path outFile = Path.of(a.get("out", "target/entity-audit.tsv"));
                var rows = EntityAudit.sample(Path.of(a.get("index", "index")), Analysis.standard().companies(),
                        a.integer("n", 100, 1, 10_000), Long.parseLong(a.get("seed", "1")), a.get("only", ""));
                EntityAudit.write(rows, outFile);
                out.printf("%d mentions written to %s: mark the last column y or n, then run entities audit --judged %s%n",
                        rows.size(), outFile, outFile);
                yield OK;
            }
            default -> throw new Args.UsageException("unknown entities command '" + args.getFirst() + "'");
        };
    }

    int bench(List<String> args) throws Args.UsageException, IOException {
        if (args.isEmpty()) {
            throw new Args.UsageException("bench needs a name: crossscript | opencc");
        }
        List<String> rest = args.subList(1, args.size());
        switch (args.getFirst()) {
            case "crossscript" -> {
                Args a = Args.parse(rest, Set.of("split", "gsd"), Set.of());
                Path gsd = Path.of(a.get("gsd", "../shared/corpora/ud-chinese-gsd-parallel"));
                if (!Files.isDirectory(gsd)) {
                    err.println("zhsearch: GSD parallel corpus not found at " + gsd.toAbsolutePath());
                    return FAILED;
                }
                CrossScriptBench.Report r = new CrossScriptBench(Analysis.standard()).run(gsd, a.get("split", "dev"));
                out.print(r.table());
                Path json = Path.of("target", "bench-crossscript.json");
                Files.createDirectories(json.getParent());
                this.json.writeValue(json.toFile(), r);
                out.println("written: " + json);
                return OK;
            }
            case "ingest" -> {
                Args a = Args.parse(rest, Set.of("index", "input", "clients", "writers", "seconds", "rate", "batch", "work"), Set.of());
                Path source = Path.of(a.get("index", "index"));
                if (!Files.isDirectory(source)) {
                    err.println("zhsearch: no index at " + source + " (build the big one: zhsearch index --input ../shared/corpora/tw-news-digest ../shared/corpora/cctv-xwlb --index DIR)");
                    return FAILED;
                }
                List<Path> inputs = a.all("input").isEmpty() ? List.of(Path.of("../shared/corpora/tw-news-digest"))
                        : a.all("input").stream().map(Path::of).toList();
                for (Path p : inputs) {
                    if (!Files.exists(p)) {
                        err.println("zhsearch: documents to stream not found: " + p);
                        return FAILED;
                    }
                }
                // the benchmark writes: it works on a copy, and leaves the index it was given alone
                Path work = Path.of(a.get("work", "target/bench-ingest/index"));
                if (Files.exists(work)) {
                    try (var old = Files.list(work)) {
                        for (Path f : old.toList()) {
                            Files.delete(f);
                        }
                    }
                }
                Files.createDirectories(work);
                try (var files = Files.list(source)) {
                    for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().equals("write.lock")).toList()) {
                        Files.copy(f, work.resolve(f.getFileName()));
                    }
                }
                err.println("copied " + source + " to " + work);
                IngestBench.Report r;
                try {
                    r = new IngestBench(Analysis.standard()).run(work, inputs, a.integer("clients", 8, 1, 256),
                            a.integer("writers", 4, 1, 64), a.integer("seconds", 30, 1, 3600), a.integer("rate", 1000, 1, 1_000_000),
                            a.integer("batch", 500, 1, 100_000), err);
                } catch (IOException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IOException(e);
                }
                out.print(IngestBench.table(r));
                Path json = Path.of("target/bench-ingest.json");
                IngestBench.writeJson(r, json);
                out.println("written " + json);
                return OK;
            }
            case "pasted" -> {
                Args a = Args.parse(rest, Set.of("index", "input", "n", "seed", "relax", "out"), Set.of());
                Path indexDir = Path.of(a.get("index", "index"));
                List<Path> inputs = a.all("input").isEmpty()
                        ? List.of(Path.of("../shared/corpora/tw-news-digest"), Path.of("../shared/corpora/cctv-xwlb"))
                        : a.all("input").stream().map(Path::of).toList();
                for (Path p : inputs) {
                    if (!Files.exists(p)) {
                        err.println("zhsearch: corpus not found: " + p + " (bench pasted draws titles from the corpus the index was built from)");
                        return FAILED;
                    }
                }
                if (!Files.isDirectory(indexDir)) {
                    err.println("zhsearch: no index at " + indexDir + " (build it from the same corpus: zhsearch index --input ... --index DIR)");
                    return FAILED;
                }
                List<Double> relax = new java.util.ArrayList<>();
                for (String r : a.get("relax", String.valueOf(dev.zhsearch.search.QueryFactory.RELAX_FRACTION)).split(",")) {
                    try {
                        relax.add(Double.parseDouble(r.strip()));
                    } catch (NumberFormatException e) {
                        throw new Args.UsageException("--relax takes fractions such as 0.6,0.75: " + r);
                    }
                }
                PastedBench bench = new PastedBench(Analysis.standard());
                PastedBench.Report r = bench.run(indexDir, inputs, a.integer("n", 1000, 1, 1_000_000),
                        Long.parseLong(a.get("seed", "21")), PastedBench.methods(relax), err);
                out.print(PastedBench.table(r));
                Path json = Path.of(a.get("out", "target/bench-pasted.json"));
                PastedBench.writeJson(r, json);
                out.println("written " + json);
                return OK;
            }
            case "companies" -> {
                Args a = Args.parse(rest, Set.of("baseline", "input", "rounds", "top"), Set.of());
                Path base = Path.of(a.get("baseline", "target/entities-baseline"));
                if (!Files.isDirectory(base)) {
                    err.println("zhsearch: no baseline tables at " + base + "; make them from an earlier commit, e.g.\n"
                            + "  mkdir -p " + base + " && git archive 734232b analysis/src/main/resources/entities | tar -x --strip-components=5 -C " + base);
                    return FAILED;
                }
                Analysis analysis = Analysis.standard();
                List<Path> inputs = a.all("input").isEmpty() ? List.of(Path.of("../shared/corpora/tw-news-digest"), Path.of("../shared/corpora/cctv-xwlb")) : a.inputs();
                var report = CompanyFacetBench.run(inputs, CompanyFacetBench.baseline(base, analysis.folder(), analysis.scripts()),
                        analysis.companies(), a.integer("rounds", 3, 1, 20), out);
                CompanyFacetBench.print(report, analysis.companies(), a.integer("top", 30, 1, 1000), out);
                Path json = Path.of("target", "bench-companies.json");
                Files.createDirectories(json.getParent());
                this.json.writeValue(json.toFile(), report);
                out.println("written: " + json);
                return OK;
            }
            case "names" -> {
                Args a = Args.parse(rest, Set.of("sample", "score", "n", "cedict"), Set.of());
                if (a.get("score", null) != null) {
                    OpenccConfigs configs = new OpenccConfigs();
                    var coverage = NameCoverage.score(Path.of(a.get("score", null)), dev.zhsearch.convert.ScriptFolder.standard(configs),
                            dev.zhsearch.convert.ScriptFolder.withVocabularies(configs, List.of()));
                    NameCoverage.print(coverage, out);
                    return OK;
                }
                Path cedict = Path.of(a.get("cedict", "../shared/data/cc-cedict/cedict.tsv.gz"));
                Path tw = Path.of("../shared/corpora/tw-news-digest");
                Path cn = Path.of("../shared/corpora/cctv-xwlb");
                for (Path p : List.of(cedict, tw, cn)) {
                    if (!Files.exists(p)) {
                        err.println("zhsearch: " + p + " not found: the names are drawn from ../shared");
                        return FAILED;
                    }
                }
                Path sampleFile = Path.of(a.get("sample", "target/names-sample.tsv"));
                var names = NameCoverage.sample(cedict, tw, cn, a.integer("n", 500, 1, 100_000), out);
                NameCoverage.writeSample(names, sampleFile);
                out.printf("%d names written to %s: fill kind (person|place|other) and other_form, then --score FILE%n", names.size(), sampleFile);
                return OK;
            }
            case "stories" -> {
                Args a = Args.parse(rest, Set.of("pairs", "index", "input", "threshold", "window", "largest"), Set.of());
                Path pairsFile = Path.of(a.get("pairs", "bench/src/main/resources/stories/pairs.jsonl"));
                if (!Files.exists(pairsFile)) {
                    err.println("zhsearch: not found: " + pairsFile);
                    return FAILED;
                }
                dev.zhsearch.story.StoryRule rule = dev.zhsearch.story.StoryRule.standard();
                if (a.get("threshold", null) != null) {
                    try {
                        rule = rule.withThreshold(Double.parseDouble(a.get("threshold", "")));
                    } catch (NumberFormatException e) {
                        throw new Args.UsageException("--threshold must be a number between 0 and 1");
                    }
                }
                if (a.get("window", null) != null) {
                    rule = rule.withWindowDays(a.integer("window", 0, 0, 365));
                }
                Analysis analysis = Analysis.standard();
                Map<String, Object> report = new java.util.LinkedHashMap<>();
                Path index;
                if (!a.all("input").isEmpty()) {
                    // the cost of finding stories: the same build with and without, one after the other
                    List<Path> inputs = a.inputs();
                    Path work = Path.of("target/bench-stories");
                    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
                    dev.zhsearch.index.Indexer indexer = new dev.zhsearch.index.Indexer(analysis, dev.zhsearch.corpus.CorpusReaders.standard(), threads, null, 0);
                    out.println("building without stories, then with, from " + inputs + " …");
                    dev.zhsearch.index.IndexSummary without = indexer.withStories(null).build(inputs, work.resolve("without"));
                    dev.zhsearch.index.IndexSummary with = indexer.withStories(rule).build(inputs, work.resolve("with"));
                    out.printf("%n%-22s %10s %10s%n", "build", "seconds", "docs/s");
                    out.printf("%-22s %10.1f %,10.0f%n", "without stories", without.seconds(), without.docsPerSecond());
                    out.printf("%-22s %10.1f %,10.0f%n", "with stories", with.seconds(), with.docsPerSecond());
                    out.printf("finding stories: %.1f s of the build (+%.0f%%): %,d documents took part, %,d pairs compared%n%n",
                            with.stories().seconds(), 100 * (with.seconds() / without.seconds() - 1), with.stories().documents(), with.stories().compared());
                    report.put("buildSecondsWithout", without.seconds());
                    report.put("buildSecondsWith", with.seconds());
                    report.put("linking", with.stories());
                    index = work.resolve("with");
                } else if (a.get("index", null) != null) {
                    index = Path.of(a.get("index", null));
                } else {
                    throw new Args.UsageException("bench stories needs --index DIR (its document frequencies and stories) or --input PATH… (builds one)");
                }
                try (var reader = org.apache.lucene.index.DirectoryReader.open(org.apache.lucene.store.FSDirectory.open(index))) {
                    report.put("pairs", StoryBench.pairs(StoryBench.read(pairsFile, analysis), analysis,
                            dev.zhsearch.story.StoryLinker.docFreqs(reader), rule, out));
                    report.put("index", StoryBench.index(reader, a.integer("largest", 10, 0, 1000), out));
                }
                Path json = Path.of("target/bench-stories.json");
                Files.createDirectories(json.getParent());
                this.json.writeValue(json.toFile(), report);
                out.println("\nwritten: " + json);
                return OK;
            }
            case "suggest" -> {
                Args a = Args.parse(rest, Set.of("index", "cases", "seconds"), Set.of());
                if (a.get("index", null) == null) {
                    throw new Args.UsageException("bench suggest needs --index DIR (an index of the full corpus)");
                }
                Path cases = Path.of(a.get("cases", "bench/src/main/resources/pinyin/cases.tsv"));
                Path index = Path.of(a.get("index", null));
                for (Path p : List.of(cases, index)) {
                    if (!Files.exists(p)) {
                        err.println("zhsearch: not found: " + p);
                        return FAILED;
                    }
                }
                Map<String, Object> report;
                try {
                    report = SuggestBench.run(index, SuggestBench.read(cases), a.integer("seconds", 10, 1, 3_600), out);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return FAILED;
                } catch (Exception e) {
                    throw new IOException("suggestion benchmark failed: " + e.getMessage(), e);
                }
                Path json = Path.of("target/bench-suggest.json");
                Files.createDirectories(json.getParent());
                this.json.writeValue(json.toFile(), report);
                out.println("\nwritten: " + json);
                return OK;
            }
            case "pagetypes" -> {
                Args a = Args.parse(rest, Set.of("input", "sample", "seed", "out"), Set.of());
                List<Path> inputs = a.all("input").isEmpty()
                        ? List.of(Path.of("../shared/corpora/tw-news-digest"), Path.of("../shared/corpora/cctv-xwlb"))
                        : a.all("input").stream().map(Path::of).toList();
                List<Path> missing = inputs.stream().filter(p -> !Files.exists(p)).toList();
                if (!missing.isEmpty()) {
                    err.println("zhsearch: not found: " + missing);
                    return FAILED;
                }
                PageTypeBench.Result r = PageTypeBench.run(inputs);
                PageTypeBench.print(r, out);
                Path sampleFile = Path.of(a.get("out", "target/pagetypes-sample.tsv"));
                int n = PageTypeBench.sample(r, a.integer("sample", 50, 0, 100_000), Long.parseLong(a.get("seed", "1")), sampleFile);
                out.printf("%d random listing pages written to %s: check each (real_story y/n)%n", n, sampleFile);
                return OK;
            }
            case "fold" -> {
                Args a = Args.parse(rest, Set.of("input", "examples"), Set.of());
                List<Path> inputs = a.all("input").isEmpty()
                        ? List.of(Path.of("../shared/corpora/tw-news-digest"), Path.of("../shared/corpora/cctv-xwlb"))
                        : a.all("input").stream().map(Path::of).toList();
                List<Path> present = inputs.stream().filter(Files::exists).toList();
                if (present.size() < inputs.size()) {
                    err.println("zhsearch: not found, idempotence not checked over: " + inputs.stream().filter(p -> !Files.exists(p)).toList());
                }
                Analysis analysis = Analysis.standard();
                int failures = new FoldCheck(analysis.configs(), analysis.folder())
                        .report(FoldCheck.titles(present), a.integer("examples", 10, 0, 100_000), analysis.scripts(), out);
                return failures == 0 ? OK : FAILED;
            }
            case "opencc" -> {
                Args a = Args.parse(rest, Set.of("cases"), Set.of());
                Path cases = Path.of(a.get("cases", "../shared/corpora/opencc/test/testcases/testcases.json"));
                if (!Files.exists(cases)) {
                    err.println("zhsearch: OpenCC test cases not found at " + cases.toAbsolutePath());
                    return FAILED;
                }
                OpenccCases.Report r = OpenccCases.run(cases, new OpenccConfigs());
                out.print(r.table());
                return r.rate() >= 0.98 ? OK : FAILED;
            }
            case "load" -> {
                Args a = Args.parse(rest, Set.of("index", "seconds", "warmup", "connections", "heap", "runs"), Set.of());
                Path indexDir = Path.of(a.get("index", "index"));
                if (!Files.isDirectory(indexDir)) {
                    err.println("zhsearch: no index at " + indexDir);
                    return FAILED;
                }
                List<Integer> levels = intList("connections", a.get("connections", "2,8,32"));
                try {
                    var report = new LoadBench().run(indexDir, BenchQueries.standard(10), levels,
                            a.integer("seconds", 30, 1, 3600), warmup(a), a.get("heap", "512m"), a.integer("runs", 1, 1, 100));
                    out.print(report.table());
                    Path json = Path.of("target", "bench-load.json");
                    Files.createDirectories(json.getParent());
                    this.json.writeValue(json.toFile(), report);
                    out.println("written: " + json);
                    return report.levels().stream().allMatch(l -> l.errors() == 0) ? OK : FAILED;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return FAILED;
                } catch (Exception e) {
                    throw new IOException("load benchmark failed: " + e.getMessage(), e);
                }
            }
            case "perf" -> {
                Args a = Args.parse(rest, Set.of("fractions", "clients", "seconds", "warmup", "work", "corpora"), Set.of());
                List<Path> corpora = java.util.Arrays.stream(a.get("corpora",
                        "../shared/corpora/tw-news-digest,../shared/corpora/cctv-xwlb").split(",")).map(Path::of).toList();
                for (Path c : corpora) {
                    if (!Files.isDirectory(c)) {
                        err.println("zhsearch: corpus not found: " + c.toAbsolutePath());
                        return FAILED;
                    }
                }
                List<Double> fractions = java.util.Arrays.stream(a.get("fractions", "0.1,0.5,1").split(",")).map(String::strip)
                        .map(Double::parseDouble).toList();
                List<Integer> clients = intList("clients", a.get("clients", "2,8"));
                try {
                    var report = new PerfBench(Analysis.standard(), err).run(corpora, fractions, clients,
                            a.integer("seconds", 10, 1, 600), warmup(a), Path.of(a.get("work", "target/bench-perf")));
                    out.print(report.table());
                    Path json = Path.of("target", "bench-perf.json");
                    Files.createDirectories(json.getParent());
                    this.json.writeValue(json.toFile(), report);
                    out.println("written: " + json);
                    return OK;
                } catch (IOException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IOException("perf benchmark failed: " + e, e);
                }
            }
            case "relevance" -> {
                Args a = Args.parse(rest, Set.of("index", "queries", "judgments", "pool", "seed", "variant", "per-query"), Set.of());
                Map<String, dev.zhsearch.search.NewsRanking> variants = new java.util.LinkedHashMap<>();
                for (String v : a.all("variant")) { // NAME:key=value,key=value
                    int colon = v.indexOf(':');
                    if (colon <= 0) {
                        throw new Args.UsageException("--variant NAME:key=value,… (e.g. norecency:recency.weight=0)");
                    }
                    try {
                        variants.put(v.substring(0, colon), dev.zhsearch.search.NewsRanking.standard().with(v.substring(colon + 1)));
                    } catch (IllegalArgumentException e) {
                        throw new Args.UsageException("--variant " + v + ": " + e.getMessage());
                    }
                }
                Path index = Path.of(a.get("index", "index"));
                Path queriesFile = Path.of(a.get("queries", "bench/src/main/resources/relevance/queries.tsv"));
                Path judgmentsFile = Path.of(a.get("judgments", "bench/src/main/resources/relevance/judgments.tsv"));
                if (!Files.isDirectory(index)) {
                    err.println("zhsearch: no index at " + index + " (the judged set is for the full corpus: zhsearch index --input "
                            + "../shared/corpora/tw-news-digest ../shared/corpora/cctv-xwlb --index DIR)");
                    return FAILED;
                }
                RelevanceBench bench = new RelevanceBench(Analysis.standard());
                var queries = RelevanceBench.queries(queriesFile);
                var judged = RelevanceBench.judgments(judgmentsFile);
                try {
                    if (a.get("pool", null) != null) {
                        int n = bench.pool(index, queries, judged, Path.of(a.get("pool", null)), Long.parseLong(a.get("seed", "1")), variants);
                        out.printf("%d unjudged (query, document) pairs written to %s, shuffled: grade each 0/1/2%n", n, a.get("pool", null));
                        return OK;
                    }
                    var tops = bench.run(index, queries, variants);
                    var scores = RelevanceBench.score(tops, queries, judged);
                    out.print(RelevanceBench.table(scores));
                    out.println();
                    out.println("median age of the top tens, days before the newest document:");
                    bench.medianAges(index, tops).forEach((r, age) -> out.printf("  %-12s %8.0f%n", r, age));
                    if (a.get("per-query", null) != null) {
                        if (!tops.containsKey(a.get("per-query", null))) {
                            throw new Args.UsageException("--per-query: no ranking '" + a.get("per-query", null) + "' (" + tops.keySet() + ")");
                        }
                        out.println();
                        out.print(RelevanceBench.perQuery(a.get("per-query", null), tops, queries, judged));
                    }
                    Path json = Path.of("target", "bench-relevance.json");
                    Files.createDirectories(json.getParent());
                    this.json.writeValue(json.toFile(), scores);
                    out.println("written: " + json);
                    return OK;
                } catch (Exception e) {
                    err.println("zhsearch: bench relevance failed: " + e);
                    return FAILED;
                }
            }
            case "cluster" -> {
                Args a = Args.parse(rest, Set.of("input", "clients", "seconds", "warmup", "work", "distribution", "plugin", "stock"), Set.of());
                List<Path> inputs = a.all("input").isEmpty() && a.positionals().isEmpty()
                        ? List.of(Path.of("../shared/corpora/tw-news-digest"), Path.of("../shared/corpora/cctv-xwlb"))
                        : a.inputs();
                for (Path p : inputs) {
                    if (!Files.exists(p)) {
                        err.println("zhsearch: corpus not found: " + p);
                        return FAILED;
                    }
                }
                List<Integer> clients = intList("clients", a.get("clients", "1,8"));
                Path work = Path.of(a.get("work", "target/bench-cluster"));
                if (Files.exists(work)) {
                    try (var walk = Files.walk(work)) {
                        walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                    }
                }
                try {
                    ClusterBench.Report r = new ClusterBench(Analysis.standard()).run(inputs, work.toAbsolutePath(),
                            Path.of(a.get("distribution", "opensearch/target/distribution/opensearch-3.4.0")),
                            Path.of(a.get("plugin", "opensearch/target/zhsearch-opensearch-3.4.0.zip")),
                            Path.of(a.get("stock", "opensearch/target/stock/analysis-common-3.4.0.jar")),
                            clients, a.integer("seconds", 10, 1, 600), a.integer("warmup", 10, 0, 600), err);
                    out.print(ClusterBench.table(r));
                    Path json = Path.of("target", "bench-cluster.json");
                    Files.createDirectories(json.getParent());
                    this.json.writeValue(json.toFile(), r);
                    out.println("written: " + json);
                    return OK;
                } catch (Exception e) {
                    err.println("zhsearch: bench cluster failed: " + e.getMessage());
                    return FAILED;
                }
            }
            case "facets" -> {
                Args a = Args.parse(rest, Set.of("index", "queries", "rounds", "probe", "clients", "seconds", "warmup"), Set.of());
                Path indexDir = Path.of(a.get("index", "index"));
                if (!Files.isDirectory(indexDir)) {
                    err.println("zhsearch: no index at " + indexDir + " (build the big one with: zhsearch index --input "
                            + "../shared/corpora/tw-news-digest ../shared/corpora/cctv-xwlb --index DIR)");
                    return FAILED;
                }
                var queries = a.get("queries", null) == null
                        ? BenchQueries.standard(10)
                        : BenchQueries.read(Path.of(a.get("queries", null)), 10);
                try (SearchService service = SearchService.open(indexDir, Analysis.standard())) {
                    var report = new FacetBench().run(service, queries, a.get("probe", "經濟 OR 经济"),
                            a.integer("rounds", 3, 1, 100), intList("clients", a.get("clients", "")), a.integer("seconds", 10, 1, 600),
                            warmup(a));
                    out.print(report.table());
                    Path json = Path.of("target", "bench-facets.json");
                    Files.createDirectories(json.getParent());
                    this.json.writeValue(json.toFile(), report);
                    out.println("written: " + json);
                } catch (InvalidQueryException e) {
                    throw new IllegalStateException(e);
                }
                return OK;
            }
            default -> throw new Args.UsageException("unknown benchmark '" + args.getFirst() + "'");
        }
    }

    /**
     * Seconds of unmeasured load before each measurement. A fresh JVM is still compiling Lucene's
     * search paths a minute in; measured sooner, a benchmark measures the JIT compiler.
     */
    static final int DEFAULT_WARMUP_SECONDS = 30;

    private static int warmup(Args a) throws Args.UsageException {
        return a.integer("warmup", DEFAULT_WARMUP_SECONDS, 0, 3600);
    }

    /** {@code 2,8,32} → [2, 8, 32]; blank → none. */
    private static List<Integer> intList(String option, String value) throws Args.UsageException {
        if (value.isBlank()) {
            return List.of();
        }
        try {
            List<Integer> out = java.util.Arrays.stream(value.split(",")).map(String::strip).map(Integer::parseInt).toList();
            if (out.stream().anyMatch(n -> n < 1)) {
                throw new Args.UsageException("--" + option + " takes positive numbers, not '" + value + "'");
            }
            return out;
        } catch (NumberFormatException e) {
            throw new Args.UsageException("--" + option + " takes numbers separated by commas, not '" + value + "'");
        }
    }}

package dev.zhsearch.bench;

import dev.zhsearch.clean.Cleaner;
import dev.zhsearch.clean.PageTypes;
import dev.zhsearch.clean.RoundupSplitter;
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
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * What the page-type rules mark on a corpus: documents per type and per rule, roundups split and
 * their items, and a seeded random sample of the listing pages (the ones ranked far down) for a
 * person to check that none is a real story. {@code ./zhsearch bench pagetypes} prints it.
 */
public final class PageTypeBench {

    /** Counts by type, by rule, roundup items; the listing pages, for sampling. */
    public record Result(int documents, Map<String, Integer> byType, Map<String, Integer> byRule, int roundupsSplit,
                         int roundupItems, List<SourceDoc> listings) {}

    public static Result run(List<Path> inputs) {
        PageTypes types = PageTypes.standard();
        Cleaner cleaner = Cleaner.standard();
        RoundupSplitter splitter = new RoundupSplitter();
        Map<String, Integer> byType = new TreeMap<>();
        Map<String, Integer> byRule = new TreeMap<>();
        List<SourceDoc> listings = new ArrayList<>();
        int[] n = new int[3]; // documents, roundups split, items
        CorpusReaders.standard().readAll(inputs, new CorpusSink() {
            @Override
            public void accept(SourceDoc doc) {
                n[0]++;
                String title = cleaner.title(doc.title());
                String body = Cleaner.withoutRepeatedTitle(title, cleaner.body(doc.body()));
                PageTypes.Verdict v = types.classify(title, body);
                byType.merge(v.type().label(), 1, Integer::sum);
                if (v.rule() != null) {
                    byRule.merge(v.rule(), 1, Integer::sum);
                }
                if (v.type() == PageTypes.Type.LISTING) {
                    listings.add(doc);
                } else if (v.type() == PageTypes.Type.ROUNDUP) {
                    int items = splitter.split(body).size();
                    if (items > 0) {
                        n[1]++;
                        n[2] += items;
                    }
                }
            }

            @Override
            public void skip(ReadProblem problem) {
                // a skipped record has no page type
            }
        });
        return new Result(n[0], byType, byRule, n[1], n[2], listings);
    }

    public static void print(Result r, PrintStream out) {
        out.printf("%,d documents%n%n%-14s %9s %7s%n", r.documents(), "page type", "count", "share");
        r.byType().forEach((t, c) -> out.printf("%-14s %9d %6.1f%%%n", t, c, 100.0 * c / r.documents()));
        out.println();
        out.printf("%-14s %9s%n", "rule", "pages");
        r.byRule().forEach((rule, c) -> out.printf("%-14s %9d%n", rule, c));
        out.printf("%nroundups split: %,d, into %,d items (%.1f each)%n", r.roundupsSplit(), r.roundupItems(),
                r.roundupsSplit() == 0 ? 0 : (double) r.roundupItems() / r.roundupsSplit());
    }

    /** A seeded random sample of the listing pages: id, title, description as the feed gives it, and an empty column for the check. */
    public static int sample(Result r, int n, long seed, Path out) throws IOException {
        List<SourceDoc> all = new ArrayList<>(r.listings());
        Collections.shuffle(all, new Random(seed));
        StringBuilder sb = new StringBuilder("doc\ttitle\tdescription\treal_story\n");
        for (SourceDoc d : all.subList(0, Math.min(n, all.size()))) {
            sb.append(d.id().replace('\t', ' ')).append('\t').append(d.title().replace('\t', ' ').replace('\n', ' ')).append('\t')
                    .append(d.body().replace('\t', ' ').replace('\n', ' ')).append("\t\n");
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, sb.toString(), StandardCharsets.UTF_8);
        return Math.min(n, all.size());
    }
}

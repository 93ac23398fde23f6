package dev.zhsearch.search;

import dev.zhsearch.corpus.CorpusReaders;
import dev.zhsearch.corpus.SourceDoc;
import dev.zhsearch.index.Analysis;
import dev.zhsearch.index.IndexSummary;
import dev.zhsearch.index.Indexer;
import dev.zhsearch.index.LiveIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The seed corpus plus a few test documents, indexed once per test JVM into a temp folder. */
public final class SeedIndex {

    public static final Analysis ANALYSIS = Analysis.standard();
    private static Path dir;
    private static IndexSummary summary;

    private SeedIndex() {}

    public static synchronized Path dir() {
        if (dir == null) {
            try {
                dir = Files.createTempDirectory("zhsearch-test-index");
                summary = new Indexer(ANALYSIS, CorpusReaders.standard(), 2, null, 0)
                        .build(List.of(Path.of("corpus"), Path.of("app/src/test/resources/search/extra.jsonl")), dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dir;
    }

    /** A live index of just these documents in {@code dir}/index, searchable when returned (the caller closes it). */
    public static LiveIndex of(Path dir, List<SourceDoc> docs) throws IOException, InterruptedException {
        Path indexDir = dir.resolve("index");
        new Indexer(ANALYSIS, CorpusReaders.standard(), 1, null, 0).build(List.of(), indexDir);
        LiveIndex index = LiveIndex.open(indexDir, ANALYSIS);
        index.upsertAll(docs);
        if (!index.awaitSearchable(5_000)) {
            index.close();
            throw new IllegalStateException("the test documents were not searchable within 5 s");
        }
        return index;
    }

    public static IndexSummary summary() {
        dir();
        return summary;
    }
}

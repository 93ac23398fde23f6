package dev.zhsearch.search;

import dev.zhsearch.corpus.CorpusReaders;
import dev.zhsearch.index.Analysis;
import dev.zhsearch.index.IndexSummary;
import dev.zhsearch.index.Indexer;
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

    public static IndexSummary summary() {
        dir();
        return summary;
    }
}

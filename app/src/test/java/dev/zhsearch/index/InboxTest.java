package dev.zhsearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zhsearch.corpus.CorpusReaders;
import dev.zhsearch.search.SearchService;
import dev.zhsearch.search.SeedIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inbox reads a file once it holds still, reads it again when it grows or changes, and writes
 * only new or changed documents; the result equals one build of the final file.
 */
class InboxTest {

    static String line(String id, String title) {
        return "{\"id\":\"" + id + "\",\"title\":\"" + title + "\",\"body\":\"" + title + "。伺服器需求強勁。\",\"date\":\"2026-11-30\"}\n";
    }

    @Test
    void aGrowingFileIsIngestedOnceAndOnlyItsNewLinesAreWritten(@TempDir Path tmp) throws Exception {
        Path inbox = Files.createDirectories(tmp.resolve("inbox"));
        Path file = inbox.resolve("2026-11-30.jsonl");
        Files.writeString(file, line("a", "台積電新廠") + line("b", "輝達財報") + line("c", "三星記憶體"));
        try (LiveIndex index = LiveIndex.open(tmp.resolve("index"), SeedIndex.ANALYSIS);
             Inbox watcher = new Inbox(inbox, index, CorpusReaders.standard(), null, 50)) {
            watcher.poll(); // seen changing: waits
            assertEquals(0, watcher.written());
            watcher.poll(); // held still: read
            assertEquals(3, watcher.written());
            watcher.poll();
            assertEquals(3, watcher.written(), "an unchanged file is not read again");

            Files.writeString(file, line("d", "台積電法說會") + line("e", "鴻海營收"), StandardOpenOption.APPEND);
            Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5_000));
            watcher.poll();
            watcher.poll();
            assertEquals(5, watcher.written(), "only the two new documents are written");
            assertEquals(3, watcher.unchanged());

            // the same file rewritten with one document changed
            Files.writeString(file, line("a", "台積電新廠動工") + line("b", "輝達財報") + line("c", "三星記憶體")
                    + line("d", "台積電法說會") + line("e", "鴻海營收"));
            Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 10_000));
            watcher.poll();
            watcher.poll();
            assertEquals(6, watcher.written(), "only the changed document is written");
            assertTrue(index.awaitSearchable(2_000));

            Path built = tmp.resolve("built");
            new Indexer(SeedIndex.ANALYSIS, CorpusReaders.standard(), 1, null, 0).build(List.of(file), built);
            try (SearchService live = SearchService.over(index, SeedIndex.ANALYSIS);
                 SearchService once = SearchService.open(built, SeedIndex.ANALYSIS)) {
                assertEquals(once.documentCount(), live.documentCount());
                assertEquals(IngestTest.answers(once), IngestTest.answers(live));
            }
        }
    }
}

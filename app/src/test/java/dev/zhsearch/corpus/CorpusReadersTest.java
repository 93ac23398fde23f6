package dev.zhsearch.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CorpusReadersTest {

    static final Path FIXTURES = CorpusReaderContract.FIXTURES;

    @Test
    void emptyBinaryAndMissingFilesAreReportedAndTheRestIsRead() {
        Collected c = new Collected();
        CorpusReaders.standard().readAll(List.of(FIXTURES.resolve("empty.jsonl"), FIXTURES.resolve("binary.bin"),
                FIXTURES.resolve("no-such-file.jsonl"), FIXTURES.resolve("tw-news.jsonl")), c);
        assertEquals(2, c.docs.size());
        List<String> reasons = c.problems.stream().map(ReadProblem::toString).toList();
        assertTrue(reasons.stream().anyMatch(r -> r.contains("empty.jsonl") && r.contains("empty file")), reasons.toString());
        assertTrue(reasons.stream().anyMatch(r -> r.contains("binary.bin") && r.contains("unrecognised format")), reasons.toString());
        assertTrue(reasons.stream().anyMatch(r -> r.contains("no-such-file.jsonl") && r.contains("no such file")), reasons.toString());
        assertTrue(reasons.stream().anyMatch(r -> r.contains("tw-news.jsonl:3")), reasons.toString());
    }

    @Test
    void aFolderIsReadInAStableOrderWithEachFileByItsReader() {
        Collected a = new Collected();
        Collected b = new Collected();
        CorpusReaders.standard().readAll(List.of(FIXTURES), a);
        CorpusReaders.standard().readAll(List.of(FIXTURES), b);
        assertEquals(a.ids(), b.ids());
        assertTrue(a.ids().containsAll(List.of("VIDE1", "own-1", "article", "https://www.cna.com.tw/news/a/1.aspx")), a.ids().toString());
    }
}

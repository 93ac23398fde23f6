package dev.zhsearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zhsearch.corpus.CorpusReaders;
import dev.zhsearch.corpus.ReadProblem;
import dev.zhsearch.search.SearchRequest;
import dev.zhsearch.search.SearchService;
import dev.zhsearch.search.SeedIndex;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad corpus never loses good data: every fault reported with file:line, the rest indexed, counts add up. */
class CorpusFaultsTest {

    @Test
    void faultsAreReportedAndEveryGoodDocumentIsIndexed(@TempDir Path tmp) throws Exception {
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        List<String> good = new ArrayList<>();
        StringBuilder jsonl = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            String id = "good-" + i;
            good.add(id);
            jsonl.append("{\"id\":\"").append(id).append("\",\"title\":\"台積電新聞 ").append(i).append("\",\"body\":\"第").append(i)
                    .append("篇：輝達與三星。\"}\n");
            if (i % 50 == 7) {
                jsonl.append("{\"id\":\"broken-").append(i).append("\",\"title\":\"截斷\n"); // truncated line
            }
        }
        jsonl.append("{\"id\":\"good-3\",\"title\":\"台積電新聞 3 更新版\",\"body\":\"重複的編號，後者為準。\"}\n"); // duplicate: last wins
        Files.writeString(corpus.resolve("a.jsonl"), jsonl);
        byte[] bad = "{\"id\":\"bad-utf8\",\"title\":\"\u00ff\"}\n".getBytes(StandardCharsets.ISO_8859_1); // invalid UTF-8
        Files.write(corpus.resolve("b.jsonl"), concat(bad, "{\"id\":\"after-bad\",\"title\":\"壞行之後\",\"body\":\"仍然索引\"}\n"
                .getBytes(StandardCharsets.UTF_8)));
        good.add("after-bad");
        Files.write(corpus.resolve("empty.jsonl"), new byte[0]);
        byte[] binary = new byte[4096];
        new java.util.Random(1).nextBytes(binary);
        binary[10] = 0;
        Files.write(corpus.resolve("blob.bin"), binary);
        Files.createSymbolicLink(corpus.resolve("dangling.txt"), tmp.resolve("nowhere.txt")); // unreadable
        String huge = "五十兆位元組的文件。".repeat(1_700_000); // 17 M characters, 51 MB as UTF-8 on disk
        Files.writeString(corpus.resolve("huge.txt"), "巨大文件標題\n\n" + huge);
        good.add("huge");

        IndexSummary s = new Indexer(SeedIndex.ANALYSIS, CorpusReaders.standard(), 2, null, 0).build(List.of(corpus), tmp.resolve("index"));

        List<String> problems = s.problems().stream().map(ReadProblem::toString).toList();
        assertTrue(problems.stream().anyMatch(p -> p.contains("a.jsonl:9:") && p.contains("invalid JSON")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("b.jsonl:1: invalid UTF-8")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("empty.jsonl") && p.contains("empty file")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("blob.bin") && p.contains("unrecognised")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("dangling.txt")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("duplicate id good-3")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("huge") && p.contains("indexed its first")), problems.toString());
        // the counts add up: every record read is indexed, replaced by a later duplicate, or skipped with a reason
        long truncatedLines = 4;
        assertEquals(good.size() + 1, s.records(), "records read (incl. the duplicate)");
        assertEquals(good.size(), s.indexed());
        assertEquals(1, s.duplicates());
        assertEquals(truncatedLines + 1 /* bad utf-8 */ + 3 /* empty, binary, dangling */, s.skipped());
        assertEquals(s.records(), s.indexed() + s.duplicates());
        assertEquals(good.size(), s.documentsInIndex(), "documents lost");
        // a bulk build ends with at most one segment per worker; the replaced duplicate is deleted
        // (it may stay on disk until a merge, but no search sees it)
        try (var dir = org.apache.lucene.store.FSDirectory.open(tmp.resolve("index"));
             var reader = org.apache.lucene.index.DirectoryReader.open(dir)) {
            assertTrue(reader.leaves().size() <= 2, "segments: " + reader.leaves().size());
            assertEquals(good.size(), reader.numDocs(), "live documents");
            assertTrue(reader.numDeletedDocs() <= 1, "deleted documents: " + reader.numDeletedDocs());
        }
        System.out.printf("corpus faults: %d injected (4 truncated lines, invalid UTF-8, empty file, binary file, unreadable file, "
                + "duplicate id, 51 MB document), %d problems reported, %d good documents, %d lost%n",
                10, s.problems().size(), good.size(), good.size() - s.documentsInIndex());
        try (SearchService service = SearchService.open(tmp.resolve("index"), SeedIndex.ANALYSIS)) {
            for (String id : good) {
                assertTrue(service.document(id).isPresent(), id + " lost");
            }
            assertEquals("台積電新聞 3 更新版", service.document("good-3").orElseThrow().title(), "the last duplicate wins");
            assertEquals(good.size(), service.search(SearchRequest.of("", 0)).total());
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}

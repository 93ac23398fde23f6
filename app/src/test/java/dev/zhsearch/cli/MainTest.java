package dev.zhsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zhsearch.search.SeedIndex;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Main(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)).run(List.of(args));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static List<String> ids(String json) throws Exception {
        List<String> ids = new ArrayList<>();
        new ObjectMapper().readTree(json).path("hits").forEach(h -> ids.add(h.path("id").asText()));
        return ids;
    }

    @Test
    void searchPrintsJsonWithTotalTookAndHighlightedHits() throws Exception {
        Run r = run("search", "--index", SeedIndex.dir().toString(), "--size", "3", "台积电");
        assertEquals(0, r.code(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertTrue(json.path("total").asLong() >= 2);
        assertTrue(json.has("tookMs"));
        JsonNode hit = json.path("hits").get(0);
        for (String field : List.of("id", "title", "date", "source", "score", "snippets")) {
            assertTrue(hit.has(field), field);
        }
        assertTrue(hit.path("snippets").get(0).asText().contains("<mark>"));
    }

    @Test
    void bothScriptsGiveTheSameHitsOnTheCommandLine() throws Exception {
        String index = SeedIndex.dir().toString();
        for (String[] pair : new String[][] {{"台积电", "台積電"}, {"英伟达", "英偉達"}, {"马斯克", "馬斯克"}, {"服务器", "伺服器"}}) {
            List<String> a = ids(run("search", "--index", index, "--size", "50", pair[0]).out());
            List<String> b = ids(run("search", "--index", index, "--size", "50", pair[1]).out());
            assertEquals(a.stream().sorted().toList(), b.stream().sorted().toList(), pair[0]);
            assertTrue(!a.isEmpty());
        }
        assertTrue(ids(run("search", "--index", index, "扩张").out()).contains("004_97219df9cbb1e096"));
    }

    @Test
    void malformedQueryExitsNonZeroWithOneLine() {
        Run r = run("search", "--index", SeedIndex.dir().toString(), "--syntax", "lucene", "\"unbalanced");
        assertEquals(Main.USAGE, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("zhsearch: cannot parse query"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void theDefaultSyntaxSearchesWhatLuceneRefuses() {
        Run r = run("search", "--index", SeedIndex.dir().toString(), "\"unbalanced 台積電 7/18 川普：關稅!");
        assertEquals(Main.OK, r.code(), r.err());
        assertEquals("", r.err());
        assertTrue(r.out().contains("\"total\""), r.out());
    }

    @Test
    void analyzePrintsFoldsTokensAndOffsets() {
        Run r = run("analyze", "伺服器的記憶體");
        assertEquals(Main.OK, r.code(), r.err());
        assertTrue(r.out().contains("folded   服务器的内存"), r.out());
        assertTrue(r.out().contains("伺服器 ≈ 服务器"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("\\s+0\\s+服务器\\s+0-3\\s+伺服器")), r.out());
        Run bad = run("analyze", "--field", "nope", "x");
        assertEquals(Main.USAGE, bad.code());
    }

    @Test
    void addTwiceThenDeleteOnTheCommandLine(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("index");
        new dev.zhsearch.index.Indexer(SeedIndex.ANALYSIS, dev.zhsearch.corpus.CorpusReaders.standard(), 1, null, 0)
                .build(java.util.List.of(Path.of("corpus")), dir);
        Run add = run("index", "--add", "app/src/test/resources/search/extra.jsonl", "--index", dir.toString());
        assertEquals(Main.OK, add.code(), add.err());
        assertTrue(add.out().contains("created") && !add.out().contains(" 0 created"), add.out());
        Run again = run("index", "--add", "app/src/test/resources/search/extra.jsonl", "--index", dir.toString());
        assertTrue(again.out().contains(" 0 created"), again.out());
        Run del = run("delete", "--index", dir.toString(), "mem-tw");
        assertEquals(Main.OK, del.code(), del.err());
        assertEquals("deleted mem-tw", del.out().strip());
        Run gone = run("delete", "--index", dir.toString(), "mem-tw");
        assertEquals(Main.FAILED, gone.code());
        assertTrue(gone.err().contains("no document with id mem-tw"), gone.err());
    }

    @Test
    void missingIndexAndBadOptionsAreClear(@TempDir Path tmp) {
        Run r = run("search", "--index", tmp.resolve("none").toString(), "x");
        assertEquals(Main.FAILED, r.code());
        assertTrue(r.err().contains("no index at"), r.err());
        assertEquals(Main.USAGE, run("search", "--size", "lots", "x").code());
        assertEquals(Main.USAGE, run("frobnicate").code());
    }

    @Test
    void indexReportsSkippedInputAndExitsPartial(@TempDir Path tmp) throws Exception {
        Path index = tmp.resolve("idx");
        Run r = run("index", "--quiet", "--index", index.toString(), "--input", "app/src/test/resources/corpus/own.jsonl",
                "--input", "app/src/test/resources/corpus/empty.jsonl");
        assertEquals(Main.PARTIAL, r.code(), r.err());
        assertTrue(r.out().contains("indexed 2"), r.out());
        assertTrue(r.out().contains("7 skipped"), r.out());
        assertTrue(r.err().contains("own.jsonl:2"), r.err());
        assertTrue(r.err().contains("own.jsonl:6: invalid UTF-8"), r.err());
        assertTrue(Files.isDirectory(index));
        assertEquals(List.of("own-1"), ids(run("search", "--index", index.toString(), "台积电").out()));
    }
}

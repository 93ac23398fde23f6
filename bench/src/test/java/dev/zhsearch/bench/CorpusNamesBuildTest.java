package dev.zhsearch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zhsearch.convert.OpenccConfigs;
import dev.zhsearch.convert.ScriptFolder;
import dev.zhsearch.entity.CompanyMatcher;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the corpus miner counts for a name before a company word, and what it counts against it. */
class CorpusNamesBuildTest {

    private static final PrintStream QUIET = new PrintStream(java.io.OutputStream.nullOutputStream());

    @Test
    void countsNamesBeforeCompanyWordsWithTheCharactersBeforeThem(@TempDir Path dir) throws Exception {
        List<String> bodies = new ArrayList<>(List.of(
                "今天，台糖公司宣布調漲糖價。",        // after punctuation
                "農委會與台糖公司合作推廣。",          // after a conjunction
                "消息指出由台糖董事長出面說明。",       // after a preposition, before another company word
                "台糖營收創新高",                      // at the start, before 營收
                "一家新創公司獲得投資",                // after a count: a kind of company
                "這家新創公司表示",
                "政府補助新創公司",
                "新創團隊很多，新創產業蓬勃",           // the words' other uses
                "韓國綜合股價指數下跌"));              // an index's name, not a company's
        StringBuilder jsonl = new StringBuilder();
        for (int i = 0; i < bodies.size(); i++) {
            jsonl.append("{\"id\":\"d").append(i).append("\",\"title\":\"t\",\"body\":\"").append(bodies.get(i)).append("\"}\n");
        }
        Path corpus = dir.resolve("news.jsonl");
        Files.writeString(corpus, jsonl);
        var fold = CompanyMatcher.aliasFold(ScriptFolder.standard(new OpenccConfigs()));
        CorpusNamesBuild b = new CorpusNamesBuild(fold);
        b.scanContexts(List.of(corpus), QUIET);
        var taitang = b.stats().get("台糖");
        assertEquals(4, taitang.companyDocs, "four documents write 台糖 before a company word");
        assertEquals(4, taitang.cleanLeftDocs, "after punctuation, 與, 由 and the text's start");
        assertEquals(0, taitang.kindBefore);
        assertTrue(taitang.before.size() >= 3, "different characters before it: " + taitang.before);
        var tang = b.stats().get("糖");
        assertTrue(tang == null, "one character is no candidate");
        var xinchuang = b.stats().get("新创");
        assertEquals(3, xinchuang.companyDocs);
        assertEquals(2, xinchuang.kindBefore, "一家 and 這家 before it: a kind of company");
        assertFalse(b.stats().containsKey("韩国综合"), "股价 before 指数 is an index's name");

        b.prune(3);
        assertTrue(b.stats().containsKey("台糖"));
        assertFalse(b.stats().containsKey("糖公司"), "pruned: fewer than three documents");
        b.countUse(List.of(corpus), QUIET);
        assertEquals(4, b.stats().get("台糖").docs);
        assertEquals(4, b.stats().get("新创").docs, "新創 also stands in a document with no company word");
    }

    @Test
    void countsAndOrdinalsAndCompoundEndsAreNoNames() {
        assertTrue(CorpusNamesCommand.COUNTED.matcher("两家").find());
        assertTrue(CorpusNamesCommand.COUNTED.matcher("多家航空").find());
        assertTrue(CorpusNamesCommand.COUNTED.matcher("第二季").find());
        assertFalse(CorpusNamesCommand.COUNTED.matcher("三一").find(), "三一 (Sany) is a name");
        assertFalse(CorpusNamesCommand.COUNTED.matcher("台糖").find());
        assertTrue(CorpusNamesCommand.PART_OF_WORD.matcher("旗下子").find(), "子公司");
        assertTrue(CorpusNamesCommand.PART_OF_WORD.matcher("蔡姓").find());
        assertTrue(CorpusNamesCommand.MEDIA.matcher("美国广播").find(), "a broadcaster cited as a source");
        assertFalse(CorpusNamesCommand.MEDIA.matcher("东京电力").find());
    }
}

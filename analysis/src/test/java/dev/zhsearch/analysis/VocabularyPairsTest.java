package dev.zhsearch.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zhsearch.text.RuleFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The public cross-strait vocabulary (zhsearch-vocabulary-public.txt) in the fold and the analyzers. */
class VocabularyPairsTest {

    private static final String FILE = "opencc/zhsearch-vocabulary-public.txt";

    @Test
    void theFileNamesItsSourcesAndLicences() throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(FILE)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(text.contains("CC BY-SA 4.0"), "wiki-cgroups' licence");
            assertTrue(text.contains("zhtw-terms") && text.contains("MIT"), "zhtw-terms' licence");
            assertTrue(text.contains("2026-11-30"), "the date the data was taken");
            assertTrue(text.contains("cc-cedict") && text.contains("kept-out.tsv"), "CC-CEDICT's names and the reviewed exceptions");
        }
        assertTrue(RuleFiles.pairs(FILE).size() > 5_000, "pairs: " + RuleFiles.pairs(FILE).size());
    }

    /** Both sides of a sample of the file's pairs fold to one word, and the fold of either is a fixed point. */
    @Test
    void bothSidesOfEveryPairFoldAlike() {
        List<Map.Entry<String, String>> pairs = new ArrayList<>(RuleFiles.pairs(FILE));
        Collections.shuffle(pairs, new Random(20261130));
        int checked = 0;
        List<String> apart = new ArrayList<>();
        for (Map.Entry<String, String> p : pairs.subList(0, 2_000)) {
            String tw = Analyzers.FOLDER.fold(p.getKey());
            String cn = Analyzers.FOLDER.fold(p.getValue());
            checked++;
            if (!tw.equals(cn)) {
                apart.add(p.getKey() + " → " + tw + " | " + p.getValue() + " → " + cn);
            }
            assertEquals(tw, Analyzers.FOLDER.fold(tw), "fold of " + p.getKey() + " is a fixed point");
        }
        // a pair whose word is also a key of a longer OpenCC or public entry can lose to it inside a
        // text; alone, every pair folds to one word
        assertTrue(apart.isEmpty(), apart.size() + " of " + checked + " apart: " + apart.stream().limit(10).toList());
    }

    /** Taiwan 川普 (2 characters) meets mainland 特朗普 (3), in both directions, offsets on the original. */
    @Test
    void transliteratedNamesMeetAcrossTheStraitWithTheirOffsets() {
        TokenAssert.Analysis tw = TokenAssert.analyze(Analyzers.WORDS, "川普訪台");
        TokenAssert.Analysis cn = TokenAssert.analyze(Analyzers.WORDS, "特朗普访台");
        assertArrayEquals(cn.terms(), tw.terms());
        assertEquals(4, tw.finalOffset());
        assertEquals(5, cn.finalOffset());
        // smartcn's dictionary lacks 特朗普 and cuts it 特|朗|普; cut inside the rewritten 川普, the three
        // tokens together cover exactly its two characters, so the highlight marks 川普 and no more
        int nameTokens = TokenAssert.analyze(Analyzers.WORDS, "特朗普").tokens().size();
        List<TokenAssert.Token> name = tw.tokens().subList(0, nameTokens);
        assertEquals("特朗普", String.join("", name.stream().map(TokenAssert.Token::term).toList()));
        assertEquals(0, name.stream().mapToInt(TokenAssert.Token::start).min().orElseThrow());
        assertEquals(2, name.stream().mapToInt(TokenAssert.Token::end).max().orElseThrow());
        assertEquals(3, cn.tokens().get(nameTokens - 1).end());
    }

    @Test
    void everydayAndTechnicalWordsMeetToo() {
        for (String[] pair : new String[][] {{"土石流", "泥石流"}, {"太空人", "航天员"}, {"太空站", "空间站"}, {"祖克柏", "扎克伯格"},
                {"經濟成長", "经济增长"}, {"氣候變遷", "气候变化"}, {"貨櫃", "集装箱"}}) {
            assertEquals(Analyzers.FOLDER.fold(pair[1]), Analyzers.FOLDER.fold(pair[0]), pair[0] + " / " + pair[1]);
            assertArrayEquals(TokenAssert.analyze(Analyzers.BIGRAMS, pair[1]).terms(), TokenAssert.analyze(Analyzers.BIGRAMS, pair[0]).terms());
        }
    }

    /**
     * CC-CEDICT's names of one thing meet in both directions, offsets on the original characters
     * (北韓 2 characters, 朝鲜 2; 世足 2, 世界杯 3); what a reader kept out on review stays apart (比索 is
     * the peso in Taiwan's news, not Bissau).
     */
    @Test
    void dictionaryNamesOfOneThingMeetAndReviewedPairsStayApart() {
        // 澳洲 and 五角大廈: the flattened pairs file files them under a sports club's and a cartoon's
        // group; the rules file also lists them under AU Places and US Government, which are taken
        for (String[] pair : new String[][] {{"北韓", "朝鲜"}, {"南韓", "韩国"}, {"世足", "世界杯"}, {"聖母峰", "珠峰"},
                {"澳洲", "澳大利亚"}, {"五角大廈", "五角大楼"}}) {
            assertEquals(Analyzers.FOLDER.fold(pair[1]), Analyzers.FOLDER.fold(pair[0]), pair[0] + " / " + pair[1]);
        }
        String text = "卡達世足賽開幕，北韓宣布";
        TokenAssert.Analysis a = TokenAssert.analyze(Analyzers.BIGRAMS, text);
        assertEquals(text.length(), a.finalOffset());
        assertTrue(a.tokens().stream().anyMatch(t -> t.term().equals("世界") && text.substring(t.start(), t.end()).startsWith("世")),
                a.tokens().toString());
        assertTrue(a.tokens().stream().anyMatch(t -> t.term().equals("朝鲜") && text.substring(t.start(), t.end()).equals("北韓")),
                a.tokens().toString());
        assertArrayEquals(TokenAssert.analyze(Analyzers.BIGRAMS, "朝鲜宣布").terms(), TokenAssert.analyze(Analyzers.BIGRAMS, "北韓宣布").terms());
        assertNotEquals(Analyzers.FOLDER.fold("比绍"), Analyzers.FOLDER.fold("比索"));
    }

    /**
     * zh.wikipedia's one-way rules meet in both directions like the rest, with the offsets of the
     * words as written (閉幕典禮 4 characters, 闭幕式 3; 短道競速滑冰 6, 短道速滑 4); those the corpora
     * contradict stay apart (CCTV writes 磁浮 more often than 磁悬浮), and so do those a reader kept out on
     * review, in either script (幕僚長 is the White House's, 办公厅主任 any office's head).
     */
    @Test
    void oneWayRulesMeetInBothDirectionsAndReviewedOnesStayApart() {
        for (String[] pair : new String[][] {{"搭船", "乘船"}, {"短道競速滑冰", "短道速滑"}, {"閉幕典禮", "闭幕式"}}) {
            assertEquals(Analyzers.FOLDER.fold(pair[1]), Analyzers.FOLDER.fold(pair[0]), pair[0] + " / " + pair[1]);
            assertArrayEquals(TokenAssert.analyze(Analyzers.BIGRAMS, pair[1]).terms(), TokenAssert.analyze(Analyzers.BIGRAMS, pair[0]).terms());
        }
        String tw = "冬奧閉幕典禮登場";
        String cn = "冬奥闭幕式登场";
        TokenAssert.Analysis a = TokenAssert.analyze(Analyzers.BIGRAMS, tw);
        TokenAssert.Analysis b = TokenAssert.analyze(Analyzers.BIGRAMS, cn);
        assertArrayEquals(b.terms(), a.terms());
        assertEquals(tw.length(), a.finalOffset());
        assertEquals(cn.length(), b.finalOffset());
        for (TokenAssert.Token t : a.tokens()) { // every token within the text and on the word it came from
            assertTrue(t.start() >= 0 && t.start() <= t.end() && t.end() <= tw.length(), t.toString());
        }
        assertTrue(a.tokens().stream().anyMatch(t -> t.term().equals("幕式") && tw.substring(t.start(), t.end()).startsWith("幕")), a.tokens().toString());
        assertNotEquals(Analyzers.FOLDER.fold("磁悬浮"), Analyzers.FOLDER.fold("磁浮"));
        assertNotEquals(Analyzers.FOLDER.fold("办公厅主任"), Analyzers.FOLDER.fold("幕僚長"));
        assertNotEquals(Analyzers.FOLDER.fold("表格"), Analyzers.FOLDER.fold("试算表"));
    }

    /**
     * Pairs the corpora contradict stay apart: in mainland text 成长 is a child's growing up while the
     * economy's growth is 增长, so 成長/增长 is kept out (经济增长 / 經濟成長 is in); 南港 is a Taipei district,
     * not Southport.
     */
    @Test
    void pairsTheCorporaContradictStayApart() {
        assertNotEquals(Analyzers.FOLDER.fold("增长"), Analyzers.FOLDER.fold("成長"));
        assertEquals("南港", Analyzers.FOLDER.fold("南港"));
    }

    /** A word that folds to a longer one: the token ends where the original word ends, the text is not lost. */
    @Test
    void lengthChangingPairsKeepEveryOffsetInBounds() {
        String text = "川普與梅克爾在雪梨會面，太空人出艙。";
        TokenAssert.Analysis a = TokenAssert.analyze(Analyzers.WORDS, text);
        assertEquals(text.length(), a.finalOffset());
        assertTrue(a.tokens().stream().anyMatch(t -> t.term().equals("悉尼") && text.substring(t.start(), t.end()).equals("雪梨")), a.tokens().toString());
        assertTrue(a.tokens().stream().anyMatch(t -> t.term().equals("默克尔") && text.substring(t.start(), t.end()).equals("梅克爾")), a.tokens().toString());
        assertTrue(a.tokens().stream().allMatch(t -> t.start() <= t.end()), a.tokens().toString());
    }
}

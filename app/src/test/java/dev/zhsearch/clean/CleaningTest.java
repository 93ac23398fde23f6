package dev.zhsearch.clean;

import dev.zhsearch.text.RuleFiles;
import dev.zhsearch.text.FullWidth;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each cleaning rule on the real seed articles in corpus/. */
class CleaningTest {

    static String seed(String prefix) throws IOException {
        try (var files = Files.list(Path.of("corpus"))) {
            return Files.readString(files.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow());
        }
    }

    static long count(String text, String needle) {
        return (text.length() - text.replace(needle, "").length()) / needle.length();
    }

    @Test
    void relatedArticleListsAndCommentRulesAreCut() throws IOException {
        String raw = seed("000");
        String clean = Boilerplate.standard().clean(raw);
        for (String gone : List.of("延伸閱讀", "相關新聞", "udn討論區", "張貼文章或下標籤", "美光財報財測雙優")) {
            assertTrue(raw.contains(gone));
            assertFalse(clean.contains(gone), gone);
        }
        assertTrue(clean.contains("AI對於AI基礎建設的需求將不斷上升"), "the article's last paragraph stays");
    }

    @Test
    void aTickerHeadlineAfterTheFlashMarkerIsDropped() throws IOException {
        String clean = Boilerplate.standard().clean(seed("000"));
        assertFalse(clean.contains("冬雨來了"));
        assertFalse(clean.contains("快訊"));
        assertTrue(clean.startsWith("馬斯克力挺xAI"), clean.substring(0, 40));
    }

    @Test
    void disclaimersBreadcrumbsAndCopyrightLinesAreDropped() throws IOException {
        String s001 = Boilerplate.standard().clean(seed("001"));
        assertFalse(s001.contains("免责声明"));
        assertFalse(s001.contains("当前位置"));
        assertFalse(s001.contains("全站最新"));
        assertTrue(s001.contains("速度、速度、还是速度"));
        String s003 = Boilerplate.standard().clean(seed("003"));
        assertFalse(s003.contains("京ICP备"));
        assertFalse(s003.contains("© 2025"));
        assertFalse(s003.contains("主体备案单位"));
        assertTrue(s003.contains("足以令整个行业为之侧目"));
    }

    @Test
    void flashReportMarkerAndCommentRuleAreCut() throws IOException {
        String clean = Boilerplate.standard().clean(seed("004"));
        assertFalse(clean.contains("快報"));
        assertFalse(clean.contains("實名制要求"));
        assertTrue(clean.contains("(作者|胡珈萌,編輯|李程程)"));
    }

    @Test
    void aCaptionRepeatedVerbatimIsKeptOnce() throws IOException {
        String raw = seed("000");
        String caption = "馬斯克發豪語，向旗下xAI員工宣示，若公司能在未來兩、三年內生存，將會超越競爭對手，並在明年就能達到通用人工智慧（AGI）技術。路透";
        assertEquals(2, count(raw, caption + "\n"));
        String clean = RepeatedLines.dropConsecutive(raw);
        assertEquals(1, count(clean, caption + "\n"));
        assertEquals(1, count(clean, "xAI發展概況\n"));
        assertEquals(1, count(raw, "\n斯克發豪語"), "a near-repeat is not verbatim and stays");
        assertEquals(1, count(clean, "\n斯克發豪語"));
    }

    @Test
    void pinyinGlossesFromAConverterAreStripped() throws IOException {
        String raw = seed("004");
        assertTrue(raw.contains("擴(kuò)張"));
        assertTrue(raw.contains("當(dāng)?shù)貢r間"));
        String clean = PinyinGlosses.standard().strip(raw);
        assertTrue(clean.contains("以擴張算力"));
        assertTrue(clean.contains("當地時間1月6日"));
        assertTrue(clean.contains("英偉達和思科"));
        assertFalse(clean.matches("(?s).*\\p{IsHan}\\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]+\\).*"), "no gloss left");
        assertTrue(clean.contains("通用型人工智能(AGI)"), "a Latin abbreviation in parentheses stays");
        assertTrue(clean.contains("(首期1000億)"));
        String s001 = seed("001");
        assertEquals(s001, PinyinGlosses.standard().strip(s001), "(doge) has no tone mark: not a gloss");
        PinyinGlosses glosses = new PinyinGlosses(java.util.List.of());
        assertEquals("擴張", glosses.strip("擴（kuò）張"), "full-width parentheses");
        assertEquals("a(kuò)b", glosses.strip("a(kuò)b"), "only right after a Han character");
        assertEquals("(kuò)張", glosses.strip("(kuò)張"), "nothing before it");
        assertEquals("擴(zhāng)", glosses.strip("擴(kuò)(zhāng)"), "the second follows a parenthesis, not a Han character");
    }

    @Test
    void fullWidthLatinAndDigitsFoldForSearchOnly() throws IOException {
        String raw = seed("000");
        assertTrue(raw.contains("極紫外光（ＥＵＶ）"));
        String folded = FullWidth.fold(raw);
        assertTrue(folded.contains("極紫外光(EUV)"));
        assertEquals(raw.length(), folded.length(), "one char for one char: offsets carry over");
        assertEquals("ASML 2026", FullWidth.fold("ＡＳＭＬ　２０２６"));
    }

    @Test
    void cctvHtmlBecomesText() {
        assertEquals("第一段 & 更多\n第二段<b>", HtmlText.toText("<p>第一段&nbsp;&amp; 更多</p>\r\n<p><strong>第二段</strong>&lt;b&gt;</p>"));
        assertEquals("", HtmlText.toText(""));
    }

    @Test
    void theCleanerComposesTheStepsAndIsIdempotent() throws IOException {
        Cleaner cleaner = Cleaner.standard();
        for (String prefix : List.of("000", "001", "002", "003", "004")) {
            String once = cleaner.body(seed(prefix));
            assertEquals(once, cleaner.body(once), prefix);
        }
        assertEquals("国务院召开常务会议", cleaner.title("[视频]国务院召开常务会议"));
    }

    @Test
    void rulesFilesAreData() {
        List<Map.Entry<String, String>> rules = RuleFiles.pairs("clean/boilerplate.rules");
        assertTrue(rules.size() >= 8);
    }
}

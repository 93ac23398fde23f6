package dev.zhsearch.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** clean/page-types.rules on titles as the feeds write them, and the headline rule. */
class PageTypesTest {

    static final PageTypes TYPES = PageTypes.standard();
    static final String STORY_TEXT = "台積電今天召開法說會，第三季營收創新高，毛利率優於預期，董事長表示先進製程需求強勁，明年資本支出將再增加。";

    private static PageTypes.Verdict page(String title, String description) {
        String t = title.strip();
        return TYPES.classify(t, Cleaner.withoutRepeatedTitle(t, description));
    }

    @Test
    void eachListingRuleMarksItsPagesWhenTheyOnlyRepeatTheTitle() {
        // the description as the feed gives it: the title, two spaces, the outlet
        assertEquals(new PageTypes.Verdict(PageTypes.Type.LISTING, "related"), page("黃新浩相關報導", "黃新浩相關報導  三立新聞"));
        assertEquals(new PageTypes.Verdict(PageTypes.Type.LISTING, "related"), page("猥褻母豬 相關新聞報導 第1頁", "猥褻母豬 相關新聞報導 第1頁  TVBS新聞網"));
        assertEquals(new PageTypes.Verdict(PageTypes.Type.LISTING, "keyword"), page("紅線挑戰 娛樂關鍵字", "紅線挑戰 娛樂關鍵字  三立娛樂星聞"));
        assertEquals(new PageTypes.Verdict(PageTypes.Type.LISTING, "keyword"), page("Paul Pairet 關鍵字", "Paul Pairet 關鍵字  NOWnews今日新聞"));
        assertEquals(new PageTypes.Verdict(PageTypes.Type.LISTING, "tag"), page("騰龍 | 搜尋標籤", "騰龍 | 搜尋標籤  udn科技玩家"));
        assertEquals(new PageTypes.Verdict(PageTypes.Type.LISTING, "topic"), page("熱門議題 - 熊本強震", "熱門議題 - 熊本強震  Newtalk新聞"));
        assertEquals(new PageTypes.Verdict(PageTypes.Type.LISTING, "content-page"), page("CIP商品行情網- 內容頁", "CIP商品行情網- 內容頁  CIP商品行情網"));
        // with the outlet's name after a bar in the title too, as Google News writes SETN's tag pages
        assertEquals(new PageTypes.Verdict(PageTypes.Type.LISTING, "related"),
                page("國語版相關報導 | 三立新聞網 SETN.COM", "國語版相關報導 | 三立新聞網 SETN.COM\u00a0\u00a0三立新聞"));
        assertEquals(new PageTypes.Verdict(PageTypes.Type.LISTING, "keyword"),
                page("DonSir 娛樂關鍵字 | 娛樂星聞 STAR.SETN.COM", "DonSir 娛樂關鍵字 | 娛樂星聞 STAR.SETN.COM\u00a0\u00a0三立娛樂星聞"));
        assertEquals(new PageTypes.Verdict(PageTypes.Type.LISTING, "overview"), page("新聞分類總覽 - 2026-08-03", "新聞分類總覽 - 2026-08-03\u00a0\u00a0Newtalk新聞"));
        assertEquals(new PageTypes.Verdict(PageTypes.Type.LISTING, "album"), page("水往上流 - 4 - 墨濡尋優 - udn相簿", "水往上流 - 4 - 墨濡尋優 - udn相簿  udn相簿"));
        assertEquals(new PageTypes.Verdict(PageTypes.Type.LISTING, "blog"), page("angie030 的網誌 新版", "angie030 的網誌 新版  udn部落格"));
        assertEquals(new PageTypes.Verdict(PageTypes.Type.LISTING, "blog"), page("udn部落格", "udn部落格  udn部落格"));
    }

    /** A real story whose title happens to end like a tag page keeps its type: its body says something. */
    @Test
    void aStoryWithAListingLikeTitleStaysAStory() {
        assertEquals(PageTypes.Type.STORY, page("2025年度代表字與關鍵字", STORY_TEXT).type());
        assertEquals(PageTypes.Type.STORY, page("台積電法說會相關報導", STORY_TEXT).type());
        assertEquals(PageTypes.Type.STORY, page("台積電法說會相關報導 | 三立新聞網 SETN.COM", STORY_TEXT).type());
        assertEquals(PageTypes.Type.STORY, page("旅日作家的網誌 新版", STORY_TEXT).type());
    }

    /** A headline with nothing after it is a headline page, demoted but kept; with a body it is a story. */
    @Test
    void aHeadlineWithoutTextIsMarkedNotDropped() {
        PageTypes.Verdict v = page("鴻海AI伺服器出貨創新高", "鴻海AI伺服器出貨創新高  經濟日報");
        assertEquals(PageTypes.Type.HEADLINE, v.type());
        assertNull(v.rule());
        assertEquals(PageTypes.Type.STORY, page("鴻海AI伺服器出貨創新高", STORY_TEXT).type());
    }

    @Test
    void cctvRoundupsAreRoundupsWhateverTheirLength() {
        assertEquals(PageTypes.Type.ROUNDUP, page("国内联播快讯", STORY_TEXT).type());
        assertEquals(PageTypes.Type.ROUNDUP, page("国际联播快讯", "").type());
        assertEquals(PageTypes.Type.ROUNDUP, page("联播快讯", STORY_TEXT).type());
        assertEquals(PageTypes.Type.STORY, page("联播快讯：大西高铁开始全线铺轨", STORY_TEXT).type(), "one story under the label");
    }

    @Test
    void theRepeatedTitleAndOutletAreNotCountedTwice() {
        assertEquals("", Cleaner.withoutRepeatedTitle("黃新浩相關報導", "黃新浩相關報導  三立新聞"));
        assertEquals(STORY_TEXT, Cleaner.withoutRepeatedTitle("台積電法說會", "台積電法說會 " + STORY_TEXT));
        assertEquals(STORY_TEXT, Cleaner.withoutRepeatedTitle("鴻海", STORY_TEXT), "a body that does not start with the title is left alone");
        // a short tail that reads as a sentence is text, not an outlet's name
        assertEquals("股價大漲，創新高。", Cleaner.withoutRepeatedTitle("台積電", "台積電 股價大漲，創新高。"));
        assertEquals("", Cleaner.withoutRepeatedTitle("台積電", "台積電"));
    }

    @Test
    void aRuleFileLineWithAnUnknownTypeIsRefusedWithItsName() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> PageTypes.Type.parse("tagpage"));
    }
}

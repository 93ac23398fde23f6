package dev.zhsearch.search;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zhsearch.corpus.PubDate;
import dev.zhsearch.corpus.SourceDoc;
import dev.zhsearch.index.LiveIndex;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The titles' words for suggestions by sound: a long name the titles repeat is one word, up to eight characters, and a piece of a longer one is none. */
class TitleTermsTest {

    private static SourceDoc doc(int n, String title) {
        return new SourceDoc("d" + n, title, "新闻正文第" + n + "段。", new PubDate(LocalDate.of(2024, 12, 1 + n % 28), null, PubDate.Provenance.METADATA),
                "央视新闻联播", "https://tv.cctv.com/" + n + ".shtml", "test");
    }

    @Test
    void aLongNameTheTitlesRepeatIsOneWord(@TempDir Path dir) throws Exception {
        List<SourceDoc> docs = new ArrayList<>();
        String[] before = {"", "习近平出席", "聚焦", "解读", "学习贯彻", "落实", "专家谈", "权威发布", "评论：", "回顾", "展望", "热议"};
        String[] after = {"在北京举行", "召开", "精神", "部署", "要点", "闭幕", "开幕", "释放信号", "定调", "明确方向", "举行", "提出"};
        for (int i = 0; i < before.length; i++) {
            docs.add(doc(300 + i, before[i] + "链博会将" + after[i]));   // "the chain expo will …": the word is 链博会
        }
        for (int i = 0; i < before.length; i++) {
            docs.add(doc(i, before[i] + "中央经济工作会议" + after[i]));           // eight characters
            docs.add(doc(100 + i, before[i] + "和平共处五项原则" + after[i]));     // eight characters
            docs.add(doc(200 + i, before[i] + "中国国际进口博览会开幕式" + after[i])); // twelve: longer than a word may be
        }
        try (LiveIndex index = SeedIndex.of(dir, docs)) {
            try (SearchService service = SearchService.over(index, SeedIndex.ANALYSIS)) {
                Set<String> words = service.titleTerms(3, 100_000).stream().map(Searching.TermCount::term).collect(Collectors.toSet());
                assertTrue(words.contains("中央经济工作会议"), "eight characters the titles repeat: " + words);
                assertTrue(words.contains("和平共处五项原则"), words.toString());
                assertFalse(words.contains("济工作会议"), "a piece nearly always inside the longer word gives way to it");
                assertTrue(words.contains("链博会"), words.toString());
                assertFalse(words.contains("链博会将"), "将 begins what the title says next");
                assertTrue(words.stream().noneMatch(w -> w.codePointCount(0, w.length()) > SearchService.LONGEST_SEQUENCE),
                        "no word longer than " + SearchService.LONGEST_SEQUENCE + ": " + words);
            }
        }
    }

    /**
     * A tag page (page type listing: 颱風相關報導 and nothing else) gives no word, and its label's words
     * are counted without it: 相關 is in the titles of three stories, not eleven.
     */
    @Test
    void tagPagesGiveNoWordsAndAreNotCounted(@TempDir Path dir) throws Exception {
        List<SourceDoc> docs = new ArrayList<>();
        String[] names = {"颱風", "彈飛", "地震", "停電", "股市", "選舉", "疫苗", "關稅"};
        for (int i = 0; i < names.length; i++) {
            String title = names[i] + "相關報導";
            docs.add(new SourceDoc("tag" + i, title, title, new PubDate(LocalDate.of(2026, 8, 1 + i), null, PubDate.Provenance.METADATA),
                    "自由時報", "https://news.ltn.com.tw/topic/" + i, "test"));
        }
        String[] stories = {"相關單位今天說明", "颱風來襲相關單位待命", "相關部門召開會議"};
        for (int i = 0; i < stories.length; i++) {
            docs.add(new SourceDoc("s" + i, stories[i], stories[i] + "，詳細內容稍後公布。", new PubDate(LocalDate.of(2026, 8, 10 + i), null,
                    PubDate.Provenance.METADATA), "中央社", "https://www.cna.com.tw/" + i, "test"));
        }
        try (LiveIndex index = SeedIndex.of(dir, docs)) {
            try (SearchService service = SearchService.over(index, SeedIndex.ANALYSIS)) {
                List<Searching.TermCount> terms = service.titleTerms(1, 100_000);
                assertTrue(terms.contains(new Searching.TermCount("相关", 3)), "three stories' titles: " + terms);
                assertTrue(terms.stream().noneMatch(t -> t.term().contains("报导")), "no word of a tag page: " + terms);
            }
        }
    }

    @Test
    void aWordNearlyAlwaysContinuedByTheNextWordStaysAndAPieceGoes(@TempDir Path dir) throws Exception {
        String[] before = {"", "聚焦", "解读", "学习贯彻", "落实", "专家谈", "权威发布", "评论：", "回顾", "展望", "热议", "关注"};
        String[] numbers = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
        List<SourceDoc> docs = new ArrayList<>();
        for (int i = 0; i < before.length; i++) {
            // ten of twelve go on with 精神 (a word of its own): the meeting's name is still typed alone
            docs.add(doc(i, before[i] + (i < 10 ? "中央经济工作会议精神" : "中央经济工作会议召开")));
            // the bay area's name never goes without its last character
            docs.add(doc(100 + i, before[i] + "粤港澳大湾区建设" + numbers[i % numbers.length] + "年"));
            // ten of twelve after an ordinal's classifier (第三届): the expo's name is typed without it
            docs.add(doc(200 + i, (i < 10 ? "第" + numbers[i] + "届" : before[i]) + "消博会开幕"));
        }
        try (LiveIndex index = SeedIndex.of(dir, docs)) {
            try (SearchService service = SearchService.over(index, SeedIndex.ANALYSIS)) {
                Set<String> words = service.titleTerms(3, 100_000).stream().map(Searching.TermCount::term).collect(Collectors.toSet());
                assertTrue(words.contains("中央经济工作会议"), "continued by a word that begins after it: " + words);
                assertFalse(words.contains("中央经济工作会议精"), "精 is the next word's: " + words);
                assertFalse(words.contains("中央经济工作会"), "a piece of 会议: " + words);
                assertTrue(words.contains("粤港澳大湾区"), words.toString());
                assertFalse(words.contains("粤港澳大湾"), "never without 区: " + words);
                assertTrue(words.contains("消博会"), "after the classifier of an ordinal: " + words);
            }
        }
    }

    @Test
    void aRunAcrossWordsIsNoWordANameSplitIntoCharactersIs(@TempDir Path dir) throws Exception {
        String[] after = {"回补", "回流", "回升", "回笼"};
        List<SourceDoc> docs = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            // foreign capital, then one of four words that begin with 回: 外资回 is in twelve titles
            docs.add(doc(i, "外资" + after[i % after.length] + "台股第" + i + "天"));
            // a name the word analysis splits into characters
            docs.add(doc(100 + i, "林郁婷" + new String[] {"夺金", "晋级", "出战", "获胜"}[i % 4] + "第" + i + "天"));
        }
        try (LiveIndex index = SeedIndex.of(dir, docs)) {
            try (SearchService service = SearchService.over(index, SeedIndex.ANALYSIS)) {
                Set<String> words = service.titleTerms(3, 100_000).stream().map(Searching.TermCount::term).collect(Collectors.toSet());
                assertFalse(words.contains("外资回"), "回 begins the next word in every title: " + words);
                assertTrue(words.contains("林郁婷"), words.toString());
            }
        }
    }
}

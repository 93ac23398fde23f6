package dev.zhsearch.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class PersonNamesTest {

    static final PersonNames STANDARD = PersonNames.standard(CompanyMatcherTest.FOLDER::fold);

    private static List<String> find(String text) {
        return List.copyOf(STANDARD.find(CompanyMatcherTest.FOLDER.fold(text)));
    }

    @Test
    void aTitleBeforeTheNameFindsChineseAndForeignNames() {
        assertEquals(List.of(CompanyMatcherTest.FOLDER.fold("賴清德")), find("總統賴清德今天出席活動"));
        assertEquals(List.of(CompanyMatcherTest.FOLDER.fold("貝森特")), find("美國財長貝森特表示，關稅談判仍在進行"));
        assertEquals(List.of("黄捷"), find("立委黄捷，"));
        // what stands before a title that a name follows is a place or a body, not a name (乌克兰, 经济部)
        assertEquals(List.of("泽连斯基"), find("乌克兰总统泽连斯基表示"));
        assertEquals(List.of(CompanyMatcherTest.FOLDER.fold("郭智輝")), find("經濟部長郭智輝今天表示"));
        // a name does not run on through a word that would end it
        assertEquals(List.of(), find("美国总统特朗普今天表示"));
        assertEquals(List.of("韩正"), find("国务院副总理韩正在北京会见"));
        // a surname that is also a word ending names (曾 "once", 于 "at"), where no word of the dictionary is in the name
        assertEquals(List.of(CompanyMatcherTest.FOLDER.fold("曾銘宗")), find("立委曾銘宗說，"));
        assertEquals(List.of("于伟国"), find("福建省委书记于伟国表示，"));
        assertEquals(List.of("魏凤和"), find("国防部长魏凤和表示，"));
        assertEquals(List.of("魏凤和"), find("国防部长魏凤和，"));
        assertEquals(List.of("王毅"), find("外长王毅和布林肯会谈"), "和 before a name joins two");
        assertEquals(List.of(), find("总统曾两次，"));
        assertEquals(List.of(), find("总统曾在，"));
        assertEquals(List.of(), find("外交部长曾表示，"));
        assertEquals(List.of(), find("部长曾经，"));
        assertEquals(List.of(), find("总统曾多次指出"));
    }

    /**
     * Foreign names the fold writes in full (施凱爾 becomes 基尔·斯塔默), or that end at punctuation, are
     * names when the dictionary knows no word in them and the title before them is a word of its own.
     */
    @Test
    void dottedAndPunctuationEndedForeignNamesAfterATitleThatStandsAlone() {
        assertEquals(List.of("唐纳德·特朗普"), find("美国总统唐纳德·特朗普表示美国将对进口商品征收关税，"));
        assertEquals(List.of("唐纳德·特朗普"), find("总统唐纳德·特朗普的政策"), "the longest dotted name that ends so");
        assertEquals(List.of("马姆努恩·侯赛因"), find("总理马姆努恩·侯赛因表示"), "因 may end a name, but not this one");
        assertEquals(List.of("斯塔默"), find("英国首相斯塔默，"));
        assertEquals(List.of("巴沙尔·阿萨德"), find("叙利亚总统巴沙尔·阿萨德也，"));
        // known words inside: no name; a title inside a longer word (委员会, 代表团): no name after it
        assertEquals(List.of(), find("美国总统大选投票日，"));
        assertEquals(List.of(), find("全国人大常委会第十四次会议，"));
        assertEquals(List.of(), find("总统·表示"));
        String pasted = "总统" + "阿".repeat(10) + "·" + "德".repeat(20) + "。";
        assertEquals(List.of(), find(pasted), "no name longer than a name may be");
    }

    /** The names listed after a name found: each of a surname and one or two characters no word is made of. */
    @Test
    void namesListedAfterANameAreNamesToo() {
        assertEquals(List.of("王楚钦", "孙颖莎"), find("选手王楚钦和孙颖莎以3:0横扫对手"));
        assertEquals(List.of("王楚钦", "孙颖莎"), find("名将王楚钦、孙颖莎，"));
        // 民进党 is a word: the list stops there
        assertEquals(List.of("赖清德"), find("总统赖清德和民进党立委"));
    }

    @Test
    void aNameAtAClausesStartNeedsASurnameAndATitleOrVerbAfterIt() {
        assertEquals(List.of("王小洪"), find("会议指出。王小洪强调，要坚决打击"));
        assertEquals(List.of("习近平"), find("习近平总书记在会上发表重要讲话"));
        // no surname, no title: a sentence, not a name
        assertEquals(List.of(), find("。今天表示欢迎"));
        // inside a clause, a surname-like character is no name's start
        assertEquals(List.of(), find("他们的王小洪强调"));
    }

    @Test
    void runsTheRulesTakeForNamesButAreNotStayOut() {
        assertEquals(List.of(), find("總統府發言人今天表示"));
        assertEquals(List.of(), find("中方表示反对"));
        // a foreign name after a title has three characters or more: two are as often a word (部長會議)
        assertEquals(List.of(), find("部長會議表示"));
    }

    @Test
    void eachNameOnceAndNothingInEmptyText() {
        assertEquals(List.of("王小洪"), find("，王小洪表示，王小洪强调"));
        assertTrue(STANDARD.find("").isEmpty());
        assertTrue(STANDARD.find(null).isEmpty());
    }

    @Test
    void randomTextNeverFailsAndNamesAreItsOwnHanRuns() {
        java.util.Random random = new java.util.Random(2609);
        String pieces = "总统部长立委表示说今天的，。王李陈林黄贝森特泽连斯基习近平\uD842\uDFB7a1 \n";
        for (int round = 0; round < 2_000; round++) {
            StringBuilder sb = new StringBuilder();
            for (int k = random.nextInt(80); k > 0; k--) {
                sb.append(pieces.charAt(random.nextInt(pieces.length())));
            }
            String text = sb.toString();
            for (String name : STANDARD.find(text)) {
                assertTrue(text.contains(name), name + " in " + text);
                assertTrue(name.codePoints().allMatch(Character::isIdeographic), name);
            }
        }
        assertTrue(STANDARD.find("王".repeat(200_000) + "表示").size() <= 1, "a very long run ends quickly");
    }

    @Test
    void rulesAreDataAndABadLineIsNamed() {
        PersonNames own = PersonNames.read(new StringReader("title\t隊長\nverb\t說\nsurname\t林\n"), "own.txt", UnaryOperator.identity());
        assertEquals(Set.of("林書豪"), own.find("隊長林書豪說"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PersonNames.read(new StringReader("rank\t隊長\n"), "own.txt", UnaryOperator.identity()));
        assertTrue(e.getMessage().contains("own.txt:1"), e.getMessage());
    }
}

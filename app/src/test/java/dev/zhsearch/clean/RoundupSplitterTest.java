package dev.zhsearch.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zhsearch.corpus.CorpusReaders;
import dev.zhsearch.corpus.CorpusSink;
import dev.zhsearch.corpus.ReadProblem;
import dev.zhsearch.corpus.SourceDoc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** CCTV's 联播快讯 split into their items, on a real item and on a year of the corpus. */
class RoundupSplitterTest {

    static final RoundupSplitter SPLITTER = new RoundupSplitter();
    static final Cleaner CLEANER = Cleaner.standard();

    /** A 国内联播快讯 of 2016-03 as the reader gives it (paragraphs one per line), shortened to three items. */
    static final String ROUNDUP = """
            央视网消息(新闻联播)：
            工信部：1000亿推进工业企业结构调整
            工信部负责人今天表示，国家将设立1000亿元的工业企业结构调整专项奖补资金，用于解决淘汰落后产能企业职工安置、转岗、技能培训等问题。
            农业保险将实现全领域覆盖
            农业部和保监会今天联合宣布，将改变农业保险中水产、肉牛、肉羊养殖等方面无保可投的状况，覆盖全领域。
            运-12F获美国联邦航空管理局发证
            中航工业今天宣布，由我国自主研制的新一代涡桨通用支线飞机运-12F，获得美国联邦航空管理局颁发的型号合格证，具备了国际市场的准入许可。""";

    @Test
    void eachItemHasItsHeadlineAndItsParagraph() {
        List<RoundupSplitter.Item> items = SPLITTER.split(CLEANER.body(ROUNDUP));
        assertEquals(3, items.size(), items.toString());
        assertEquals("工信部：1000亿推进工业企业结构调整", items.get(0).title());
        assertTrue(items.get(0).body().startsWith("工信部负责人今天表示"));
        assertEquals("运-12F获美国联邦航空管理局发证", items.get(2).title());
        assertTrue(items.get(2).body().endsWith("具备了国际市场的准入许可。"));
    }

    @Test
    void aBodyThatIsNotAListIsNotSplit() {
        assertEquals(List.of(), SPLITTER.split("央视网消息(新闻联播)：\n国务院总理今天主持召开国务院常务会议，部署加快发展新质生产力。\n会议指出，要坚持创新驱动。"));
        assertEquals(List.of(), SPLITTER.split("只有一个标题\n和它的一段文字。"), "one item is no roundup");
        assertEquals(List.of(), SPLITTER.split(""));
    }

    /** Every roundup of a year of cctv-xwlb: split, and no text lost (each line is a headline or in an item). */
    @Test
    void aYearOfRealRoundupsSplitsWithoutLosingText() {
        Path year = Path.of("../shared/corpora/cctv-xwlb/2016");
        Assumptions.assumeTrue(Files.isDirectory(year), "cctv-xwlb not found at " + year + ": the corpus test is skipped");
        PageTypes types = PageTypes.standard();
        List<SourceDoc> roundups = new ArrayList<>();
        CorpusReaders.standard().readAll(List.of(year), new CorpusSink() {
            @Override
            public void accept(SourceDoc doc) {
                if (types.roundup(CLEANER.title(doc.title())).isPresent()) {
                    roundups.add(doc);
                }
            }

            @Override
            public void skip(ReadProblem problem) {
            }
        });
        assertTrue(roundups.size() > 300, "roundups in 2016: " + roundups.size());
        int split = 0;
        int items = 0;
        for (SourceDoc d : roundups) {
            String body = CLEANER.body(d.body());
            List<RoundupSplitter.Item> parts = SPLITTER.split(body);
            if (parts.isEmpty()) {
                continue;
            }
            split++;
            items += parts.size();
            String joined = String.join("\n", parts.stream().map(p -> p.title() + "\n" + p.body()).toList());
            for (String line : body.split("\n")) {
                String l = line.replace('\u00A0', ' ').strip();
                assertTrue(l.isEmpty() || joined.contains(l) || l.startsWith("央视网消息"), d.id() + " lost: " + l);
            }
            parts.forEach(p -> assertTrue(p.title().length() <= RoundupSplitter.MAX_HEADLINE_CHARS && !p.body().isBlank(), d.id() + ": " + p));
        }
        assertTrue(split >= roundups.size() * 0.9, split + " of " + roundups.size() + " roundups split");
        assertTrue(items >= split * 3, items + " items from " + split + " roundups");
    }
}

package dev.zhsearch.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zhsearch.clean.Boilerplate;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeedFileReaderTest extends CorpusReaderContract {

    static final Path SEEDS = Path.of("corpus");

    @Override
    CorpusReader reader() {
        return new SeedFileReader(Boilerplate.standard());
    }

    @Override
    Path fixture() {
        return FIXTURES.resolve("article.txt");
    }

    @Override
    List<String> expectedIds() {
        return List.of("article");
    }

    @Override
    List<Integer> expectedProblemLines() {
        return List.of();
    }

    @Test
    void plainTextHeaderGivesTitleDateFromTextAndSource() throws Exception {
        SourceDoc d = read(fixture()).docs.getFirst();
        assertEquals("测试标题:特斯拉与三星签约", d.title());
        assertEquals(new PubDate(LocalDate.of(2025, 9, 8), LocalTime.of(18, 17, 6), PubDate.Provenance.TEXT), d.date());
        assertEquals("测试网", d.source());
    }

    @Test
    void frontMatterGivesMetadata() throws Exception {
        SourceDoc d = read(FIXTURES.resolve("article.md")).docs.getFirst();
        assertEquals("article", d.id());
        assertEquals("測試文章：台積電與輝達", d.title());
        assertEquals(PubDate.Provenance.METADATA, d.date().provenance());
        assertEquals("2026-01-30T10:00", d.date().iso());
        assertEquals("測試部落格", d.source());
        assertEquals("https://example.test/md", d.url());
        assertFalse(d.body().contains("title:"));
    }

    @Test
    void noDateMeansUnknownNeverInvented() throws Exception {
        assertEquals(PubDate.UNKNOWN, read(FIXTURES.resolve("nodate.txt")).docs.getFirst().date());
    }

    /** The five real seeds: ids are file names, dates and their provenance as the articles give them. */
    @Test
    void theSeedCorpus() throws Exception {
        Collected c = new Collected();
        CorpusReaders.standard().readAll(List.of(SEEDS), c);
        assertEquals(List.of("000_92c04322924d2219", "001_d649b6dd3a06dc4f", "002_52eadddd41e5ede3",
                "003_144d49a02e2e854e", "004_97219df9cbb1e096"), c.ids());
        assertTrue(c.problems.isEmpty(), c.problems.toString());
        assertEquals(new PubDate(LocalDate.of(2025, 12, 19), null, PubDate.Provenance.TEXT), c.docs.get(0).date());
        assertEquals("2025-09-08T18:17:06", c.docs.get(1).date().iso());
        assertEquals(PubDate.Provenance.TEXT, c.docs.get(1).date().provenance());
        assertEquals(PubDate.Provenance.METADATA, c.docs.get(2).date().provenance());
        assertEquals(PubDate.UNKNOWN, c.docs.get(3).date());
        assertEquals(PubDate.UNKNOWN, c.docs.get(4).date());
        assertEquals("馬斯克力挺xAI 台廠沾光 緯創、英業達等協力廠受惠", c.docs.get(0).title());
        assertEquals("马斯克xAI自研推理芯片曝光!代号X1、台积电3纳米工艺、明年量产", c.docs.get(1).title());
        assertEquals("165亿美元AI芯片大单:特斯拉的AI平台雄心与供应链博弈", c.docs.get(3).title());
        assertEquals("https://www.yjnt111.top/article/35", c.docs.get(3).url());
        assertEquals("經濟日報", c.docs.get(0).source());
        assertNull(c.docs.get(4).source());
    }
}

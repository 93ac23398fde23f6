package dev.zhsearch.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CctvXwlbReaderTest extends CorpusReaderContract {

    @Override
    CorpusReader reader() {
        return new CctvXwlbReader();
    }

    @Override
    Path fixture() {
        return FIXTURES.resolve("20200101.json.gz");
    }

    @Override
    List<String> expectedIds() {
        return List.of("VIDE1", "VIDE2");
    }

    @Override
    List<Integer> expectedProblemLines() {
        return List.of(0); // item 3 has no id
    }

    @Test
    void htmlBecomesParagraphsAndEmptyContentFallsBackToBrief() throws Exception {
        Collected c = read(fixture());
        assertEquals("央视网消息（新闻联播）：国务院总理主持召开常务会议。\n会议指出 要加快发展<新质生产力>。", c.docs.get(0).body());
        assertEquals("只有简介的条目。", c.docs.get(1).body());
        assertEquals("央视新闻联播", c.docs.get(0).source());
        assertEquals("2020-01-01T19:12:02", c.docs.get(0).date().iso());
    }

    @Test
    void gzipAndPlainReadAlike() throws Exception {
        assertEquals(read(fixture()).ids(), read(FIXTURES.resolve("20200101.json")).ids());
    }
}

package dev.zhsearch.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class TwNewsDigestReaderTest extends CorpusReaderContract {

    @Override
    CorpusReader reader() {
        return new TwNewsDigestReader();
    }

    @Override
    Path fixture() {
        return FIXTURES.resolve("tw-news.jsonl.gz");
    }

    @Override
    List<String> expectedIds() {
        return List.of("https://www.cna.com.tw/news/a/1.aspx", "https://news.ltn.com.tw/news/2.aspx");
    }

    @Override
    List<Integer> expectedProblemLines() {
        return List.of(3);
    }

    @Test
    void gzipAndPlainReadAlike() throws Exception {
        assertEquals(read(fixture()).docs.stream().map(d -> d.withText(d.title(), d.body()).title() + d.body() + d.date()).toList(),
                read(FIXTURES.resolve("tw-news.jsonl")).docs.stream().map(d -> d.title() + d.body() + d.date()).toList());
    }

    @Test
    void linkIsIdOutletIsSourcePublishedIsLocalWallClockTime() throws Exception {
        SourceDoc d = read(fixture()).docs.getFirst();
        assertEquals("中央社", d.source());
        assertEquals(d.id(), d.url());
        assertEquals(new PubDate(LocalDate.of(2026, 7, 11), LocalTime.of(12, 2, 55), PubDate.Provenance.METADATA), d.date());
    }
}

package dev.zhsearch.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class OwnJsonLinesReaderTest extends CorpusReaderContract {

    @Override
    CorpusReader reader() {
        return new OwnJsonLinesReader();
    }

    @Override
    Path fixture() {
        return FIXTURES.resolve("own.jsonl");
    }

    @Override
    List<String> expectedIds() {
        return List.of("own-1", "own-8");
    }

    @Override
    List<Integer> expectedProblemLines() {
        // truncated JSON, missing id, empty title and body, invalid UTF-8, bad date, not an object
        return List.of(2, 3, 5, 6, 7, 9);
    }

    @Test
    void fieldsMapOneToOneAndDateIsMetadataOrUnknown() throws Exception {
        Collected c = read(fixture());
        SourceDoc first = c.docs.getFirst();
        assertEquals("台積電擴產", first.title());
        assertEquals("測試社", first.source());
        assertEquals("https://example.test/1", first.url());
        assertEquals(new PubDate(LocalDate.of(2026, 3, 1), null, PubDate.Provenance.METADATA), first.date());
        assertEquals(PubDate.UNKNOWN, c.docs.get(1).date());
        assertEquals("invalid UTF-8", c.problems.get(3).reason());
        assertEquals("bad \"date\": 2025-13-45 (want ISO-8601)", c.problems.get(4).reason());
    }
}

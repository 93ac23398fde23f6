package dev.zhsearch.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every reader promises; one small subclass per reader supplies the fixture and its facts. */
abstract class CorpusReaderContract {

    static final Path FIXTURES = Path.of("app/src/test/resources/corpus");

    abstract CorpusReader reader();

    abstract Path fixture();

    /** Ids of the good documents in the fixture, in order. */
    abstract List<String> expectedIds();

    /** Line numbers of the records the reader must skip (0 for a non-line problem). */
    abstract List<Integer> expectedProblemLines();

    Collected read(Path file) throws Exception {
        Collected c = new Collected();
        reader().read(file, c);
        return c;
    }

    @Test
    void readsTheGoodDocumentsAndReportsEachBadOneWithItsLine() throws Exception {
        Collected c = read(fixture());
        assertEquals(expectedIds(), c.ids(), "documents; problems: " + c.problems);
        assertEquals(expectedProblemLines(), c.problemLines(), "problems: " + c.problems);
        c.problems.forEach(p -> assertTrue(p.file().endsWith(fixture().getFileName().toString()), p.toString()));
    }

    @Test
    void everyDocumentHasAnIdTextAndOrigin() throws Exception {
        for (SourceDoc d : read(fixture()).docs) {
            assertFalse(d.id().isBlank());
            assertFalse(d.title().isBlank() && d.body().isBlank(), d.id());
            assertNotNull(d.date());
            assertTrue(d.origin().contains(fixture().getFileName().toString()), d.origin());
        }
    }

    @Test
    void idsAreStableAcrossReads() throws Exception {
        assertEquals(read(fixture()).ids(), read(fixture()).ids());
    }

    @Test
    void theRegistryPicksThisReaderForTheFixture() throws Exception {
        assertEquals(reader().name(), CorpusReaders.standard().readerFor(fixture()).orElseThrow().name());
    }
}

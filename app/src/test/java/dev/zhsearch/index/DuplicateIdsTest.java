package dev.zhsearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.zhsearch.corpus.CorpusReaders;
import dev.zhsearch.search.SeedIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Workers share one queue, so copies of one id are indexed by different threads at the same
 * time: the last copy read must still be the one in the index, every time.
 */
class DuplicateIdsTest {

    private static final int IDS = 40;
    private static final int COPIES = 60;

    @Test
    void theLastCopyReadWinsWhateverTheThreads(@TempDir Path tmp) throws Exception {
        StringBuilder jsonl = new StringBuilder();
        for (int id = 0; id < IDS; id++) {
            for (int copy = 0; copy < COPIES; copy++) {
                // copies of an id one after another, so they are in flight together; an earlier copy
                // often takes longer to analyse than the next one
                int sentences = copy % 3 == 0 ? 400 : 1 + (id * 7 + copy) % 5;
                jsonl.append("{\"id\":\"doc-").append(id).append("\",\"title\":\"版本 v").append(copy)
                        .append("\",\"body\":\"").append("台積電與輝達的新聞。".repeat(sentences)).append("\"}\n");
            }
        }
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        Files.writeString(corpus.resolve("dups.jsonl"), jsonl);

        IndexSummary s = new Indexer(SeedIndex.ANALYSIS, CorpusReaders.standard(), 4, null, 0)
                .build(List.of(corpus), tmp.resolve("index"));

        assertEquals((long) IDS * COPIES, s.records());
        assertEquals((long) IDS * (COPIES - 1), s.duplicates());
        assertEquals(IDS, s.indexed());
        try (FSDirectory dir = FSDirectory.open(tmp.resolve("index")); DirectoryReader reader = DirectoryReader.open(dir)) {
            assertEquals(IDS, reader.numDocs());
            IndexSearcher searcher = new IndexSearcher(reader);
            for (int id = 0; id < IDS; id++) {
                TopDocs hits = searcher.search(new TermQuery(new Term(Fields.ID, "doc-" + id)), 2);
                assertEquals(1, hits.totalHits.value(), "doc-" + id);
                String title = searcher.storedFields().document(hits.scoreDocs[0].doc).get(Fields.TITLE);
                assertEquals("版本 v" + (COPIES - 1), title, "doc-" + id + " must hold its last copy");
            }
        }
    }
}

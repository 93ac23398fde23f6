package dev.zhsearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zhsearch.corpus.CorpusReaders;
import dev.zhsearch.search.SeedIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.FilterDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build commits once, with every document, and ends with at most one segment per worker: each
 * worker writes what it holds at the end. When the RAM buffer fills before that, the index is
 * committed whole first and then merged down to one segment per worker, which a second commit
 * records. No commit ever holds part of the documents.
 */
class IndexerCommitsTest {

    private static final int WORKERS = 2;
    private static final int DOCUMENTS = 3_000;

    /** What a reader opening the directory saw at each commit: documents and segments. */
    private record Seen(int documents, int segments) {}

    private record Build(IndexSummary summary, List<Seen> commits) {}

    private static Build build(Path tmp, Indexer indexer) throws IOException {
        StringBuilder jsonl = new StringBuilder();
        for (int i = 0; i < DOCUMENTS; i++) {
            jsonl.append("{\"id\":\"d").append(i).append("\",\"title\":\"第").append(i).append("則 台積電\",\"body\":\"")
                    .append("伺服器與記憶體。".repeat(4)).append("\"}\n");
        }
        Files.writeString(tmp.resolve("docs.jsonl"), jsonl);
        List<Seen> commits = new ArrayList<>();
        try (FilterDirectory dir = new FilterDirectory(FSDirectory.open(tmp.resolve("index"))) {
            @Override
            public void rename(String source, String dest) throws IOException {
                super.rename(source, dest);
                if (dest.startsWith("segments_")) { // a commit has just become the index
                    try (DirectoryReader r = DirectoryReader.open(in)) {
                        commits.add(new Seen(r.numDocs(), r.leaves().size()));
                    }
                }
            }
        }) {
            IndexSummary s = indexer.build(List.of(tmp.resolve("docs.jsonl")), dir);
            assertEquals(DOCUMENTS, s.documentsInIndex());
            assertEquals(commits.getLast().segments(), s.segments());
            assertTrue(s.searchableSeconds() > 0 && s.searchableSeconds() <= s.seconds(), s.searchableSeconds() + " vs " + s.seconds());
            for (Seen seen : commits) {
                assertEquals(DOCUMENTS, seen.documents(), "a commit with part of the documents: " + commits);
            }
            return new Build(s, commits);
        }
    }

    @Test
    void oneCommitAndOneSegmentPerWorkerWhenTheBufferHoldsEverything(@TempDir Path tmp) throws IOException {
        Build b = build(tmp, new Indexer(SeedIndex.ANALYSIS, CorpusReaders.standard(), WORKERS, null, 0, 256));
        assertEquals(1, b.commits().size(), "commits: " + b.commits());
        assertTrue(b.summary().segments() <= WORKERS, "segments: " + b.commits());
        assertFalse(b.summary().mergedAfterCommit());
    }

    @Test
    void aFullBufferIsCommittedWholeThenMergedToOneSegmentPerWorker(@TempDir Path tmp) throws IOException {
        Build b = build(tmp, new Indexer(SeedIndex.ANALYSIS, CorpusReaders.standard(), WORKERS, null, 0, 0.25));
        assertEquals(2, b.commits().size(), "commits: " + b.commits());
        assertTrue(b.commits().getFirst().segments() > WORKERS, "the buffer never filled: " + b.commits());
        assertTrue(b.commits().getLast().segments() <= WORKERS, "not merged: " + b.commits());
        assertTrue(b.summary().mergedAfterCommit());
        assertTrue(b.summary().describe().contains("then merged"), b.summary().describe());
    }

    @Test
    void theBufferIsAShareOfTheHeap() {
        assertEquals(819.2, Indexer.ramBufferMbFor(2L << 30), 0.01);
        assertEquals(204.8, Indexer.ramBufferMbFor(512L << 20), 0.01);
        assertEquals(16, Indexer.ramBufferMbFor(8L << 20));
        assertEquals(1_900, Indexer.ramBufferMbFor(24L << 30));
    }
}

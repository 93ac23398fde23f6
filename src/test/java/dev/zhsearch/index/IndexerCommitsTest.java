package dev.zhsearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * A build commits every document before it merges them into one segment, so the new index is
 * durable and searchable as soon as the last document is in; the merge then commits again.
 */
class IndexerCommitsTest {

    /** What a reader opening the directory saw at each commit: documents and segments. */
    private record Seen(int documents, int segments) {}

    @Test
    void everyCommitHoldsEveryDocumentAndTheLastIsOneSegment(@TempDir Path tmp) throws IOException {
        StringBuilder jsonl = new StringBuilder();
        int n = 3_000;
        for (int i = 0; i < n; i++) {
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
            IndexSummary s = new Indexer(SeedIndex.ANALYSIS, CorpusReaders.standard(), 2, null, 0).build(List.of(tmp.resolve("docs.jsonl")), dir);
            assertEquals(n, s.documentsInIndex());
            assertTrue(s.searchableSeconds() > 0 && s.searchableSeconds() <= s.seconds(), s.searchableSeconds() + " vs " + s.seconds());
        }
        assertEquals(2, commits.size(), "commits: " + commits);
        for (Seen seen : commits) {
            assertEquals(n, seen.documents(), "a commit with part of the documents: " + commits);
        }
        assertEquals(1, commits.getLast().segments(), "the last commit is merged: " + commits);
    }
}

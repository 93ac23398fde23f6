package dev.zhsearch.index;

import dev.zhsearch.corpus.ReadProblem;
import java.util.List;

/**
 * What a build did. {@code records} read = {@code indexed} + {@code duplicates} (replaced: the last
 * one with an id wins) + documents a {@code problems} entry rejected; {@code skipped} counts every
 * problem (a bad line, a bad file). {@code searchableSeconds}: until every document was committed
 * (durable, and what a searcher opening the index sees); {@code seconds}: until the build ended,
 * merged into one segment for search speed.
 */
public record IndexSummary(long records, long indexed, long duplicates, long skipped, long textChars, long textBytes,
                           double searchableSeconds, double seconds, long indexBytes, long documentsInIndex, List<ReadProblem> problems) {

    /** Documents read per second of the whole build, merge included. */
    public double docsPerSecond() {
        return seconds <= 0 ? 0 : records / seconds;
    }

    /** Documents read per second until all of them were committed and searchable. */
    public double searchableDocsPerSecond() {
        return searchableSeconds <= 0 ? 0 : records / searchableSeconds;
    }

    public double megabytesPerSecond() {
        return seconds <= 0 ? 0 : textBytes / 1e6 / seconds;
    }

    public String describe() {
        return String.format(
                "read %,d documents in %.1f s (%,.0f docs/s, %.1f MB/s of text; searchable after %.1f s, %,.0f docs/s, then merged): indexed %,d, %,d duplicate ids replaced (last wins), %,d skipped; index %,d documents, %.1f MB on disk",
                records, seconds, docsPerSecond(), megabytesPerSecond(), searchableSeconds, searchableDocsPerSecond(), indexed, duplicates, skipped,
                documentsInIndex, indexBytes / 1e6);
    }
}

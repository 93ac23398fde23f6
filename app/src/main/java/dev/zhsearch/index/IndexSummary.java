package dev.zhsearch.index;

import dev.zhsearch.corpus.ReadProblem;
import java.util.List;

/**
 * What a build did. {@code records} read = {@code indexed} + {@code duplicates} (replaced: the last
 * one with an id wins) + documents a {@code problems} entry rejected; {@code skipped} counts every
 * problem (a bad line, a bad file). {@code searchableSeconds}: until every document was committed
 * (durable, and what a searcher opening the index sees); {@code seconds}: until the build ended,
 * the same unless the segments written ({@code segmentsWritten}) outnumbered the workers and were
 * merged down to one per worker ({@code segments}: how many the index has). {@code stories}: what
 * finding stories did (null if the build did not).
 */
public record IndexSummary(long records, long indexed, long duplicates, long skipped, long textChars, long textBytes,
                           double searchableSeconds, double seconds, long indexBytes, long documentsInIndex, int segmentsWritten, int segments, List<ReadProblem> problems,
                           dev.zhsearch.story.StoryLinker.Summary stories) {

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

    /** Whether the build merged segments after making every document searchable. */
    public boolean mergedAfterCommit() {
        return segments < segmentsWritten;
    }

    public String describe() {
        String merged = mergedAfterCommit()
                ? String.format("; searchable after %.1f s, %,.0f docs/s, then merged", searchableSeconds, searchableDocsPerSecond())
                : "";
        return String.format(
                "read %,d documents in %.1f s (%,.0f docs/s, %.1f MB/s of text%s): indexed %,d, %,d duplicate ids replaced (last wins), %,d skipped; index %,d documents in %d segment%s, %.1f MB on disk",
                records, seconds, docsPerSecond(), megabytesPerSecond(), merged, indexed, duplicates, skipped,
                documentsInIndex, segments, segments == 1 ? "" : "s", indexBytes / 1e6)
                + (stories == null ? "" : String.format("; %,d stories of 2 or more documents (%,d documents) found in %.1f s",
                        stories.stories(), stories.storyDocuments(), stories.seconds()));
    }
}

package dev.zhsearch.search;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Search as the HTTP API and the CLI use it, whichever engine holds the index: the embedded
 * {@link SearchService}, or a cluster ({@code dev.zhsearch.cluster.ClusterSearch}).
 */
public interface Searching extends Closeable {

    SearchResult search(SearchRequest request) throws InvalidQueryException, IOException;

    /** The whole document; with a query in {@code syntax}, its matches marked in the title and the whole body. */
    Optional<StoredDocument> document(String id, String query, QueryFactory.Syntax syntax, Display display)
            throws IOException, InvalidQueryException;

    /**
     * Documents like the one with this id (more-like-this over the folded title and body, either
     * script), itself and its corpus record left out; empty when no document has the id.
     */
    Optional<SearchResult> related(String id, int size, Display display) throws IOException;

    /**
     * The documents of a story ({@link Hit.StoryRef#id()}), earliest first, at most
     * {@link SearchRequest#MAX_SIZE}; with a query, its matches marked. Empty when no story has the id.
     * An engine that keeps no stories throws {@link UnsupportedOperationException}.
     */
    default Optional<SearchResult> story(String id, String query, QueryFactory.Syntax syntax, Display display)
            throws IOException, InvalidQueryException {
        throw new UnsupportedOperationException("this engine keeps no stories: results are not collapsed by story");
    }

    /** A word of the index and how many documents hold it. */
    record TermCount(String term, int documents) {}

    /**
     * The most frequent title words starting with {@code foldedPrefix} (already folded the way the
     * analyzer folds), for suggestions; an engine that cannot list its words answers none.
     */
    List<TermCount> frequentTitleTerms(String foldedPrefix, int max, int scanLimit) throws IOException;

    /**
     * The index's title words (as folded) that at least {@code minDocs} documents use, at most
     * {@code max} of the most used, for suggestions by sound; an engine that cannot list its words
     * answers none.
     */
    default List<TermCount> titleTerms(int minDocs, int max) throws IOException {
        return List.of();
    }

    /**
     * The people the index's documents name (as folded) that at least {@code minDocs} documents name,
     * at most {@code max} of the most named, for suggestions by sound; an engine that cannot list them
     * answers none.
     */
    default List<TermCount> people(int minDocs, int max) throws IOException {
        return List.of();
    }

    /**
     * As {@link #documentsUsing(java.util.Collection, int, int)}, of the stories only: no tag or topic
     * page (a name and a label: 彈飛相關報導) counts. An engine that cannot tell them counts every document.
     */
    default java.util.Map<String, Integer> storiesUsing(java.util.Collection<String> words, int minDocs, int upTo) throws IOException {
        return documentsUsing(words, minDocs, upTo);
    }

    /**
     * Of these dictionary words, those that at least {@code minDocs} documents hold as written, in
     * the title or the body (each folded the way the analyzer folds; the folded word is the key),
     * with how many documents hold each, for suggestions by sound of words the titles seldom hold;
     * an engine that cannot count them answers none.
     */
    default java.util.Map<String, Integer> documentsUsing(java.util.Collection<String> words, int minDocs) throws IOException {
        return java.util.Map.of();
    }

    /** As {@link #documentsUsing(java.util.Collection, int)}, each count stopped at {@code upTo} (enough to decide by). */
    default java.util.Map<String, Integer> documentsUsing(java.util.Collection<String> words, int minDocs, int upTo) throws IOException {
        java.util.Map<String, Integer> out = new java.util.HashMap<>(documentsUsing(words, minDocs));
        out.replaceAll((w, n) -> Math.min(n, upTo));
        return out;
    }

    /**
     * Each pair of Han characters (as folded) that at least {@code minDocs} documents hold in the
     * title or in the body, with the documents holding it (once per field: a consumer keeps the
     * larger), for spelling by sound the words no table lists; an engine that cannot list them answers none.
     */
    default void forEachHanPair(int minDocs, java.util.function.ObjIntConsumer<String> each) throws IOException {
    }

    /** {@code text} as the analyzer folds it (script, regional words: 核心 is 内核 to it, as OpenCC pairs them); unchanged by an engine that does not say. */
    default String folded(String text) {
        return text;
    }

    /** How many documents name each company (by id); an engine that cannot say answers none. */
    default java.util.Map<String, Integer> companyDocuments() throws IOException {
        return java.util.Map.of();
    }

    /** Index statistics for /api/stats. */
    IndexStats.Stats stats() throws IOException;

    /** Makes what was written or rebuilt visible to the next search. */
    void refresh() throws IOException;

    long documentCount() throws IOException;
}

package dev.zhsearch.search;

import java.util.List;

/**
 * One result. {@code title} and {@code snippets} are HTML: the document's own text, escaped, with
 * {@code <mark>} around matches. {@code folds}: where the hit matched through the other region's
 * word (the query said 服务器, the document says 伺服器), each pair as written on both sides.
 * {@code story}: the story the document belongs to, and, when results are collapsed by story, how
 * many other documents of it the search also found and their outlets (null where the engine keeps
 * no stories).
 */
public record Hit(String id, String title, String date, String dateSource, String source, String url, String script,
                  float score, List<String> snippets, List<CompanyRef> companies, List<FoldNote> folds, StoryRef story) {

    /**
     * A hit's story: its id ({@code /api/stories/{id}}), the other documents of it that matched
     * ({@code copies}; counted only when results are collapsed) and their outlets, earliest first.
     */
    public record StoryRef(String id, long copies, List<String> sources) {
        public StoryRef {
            sources = List.copyOf(sources);
        }
    }

    /** A word of the document and the query's word it matched through a vocabulary fold. */
    public record FoldNote(String document, String query) {}
}

package dev.zhsearch.index;

import dev.zhsearch.analysis.FoldedText;
import dev.zhsearch.convert.Script;
import dev.zhsearch.corpus.PubDate;

/**
 * A document ready to index: cleaned text, detected script, and where it came from; title and body
 * also folded (once, for every field that analyses them).
 */
public record IndexedDoc(String id, String title, String body, PubDate date, String source, String url,
                         Script script, java.util.List<String> companies, String origin,
                         FoldedText foldedTitle, FoldedText foldedBody) {

    public IndexedDoc {
        companies = java.util.List.copyOf(companies);
    }
}

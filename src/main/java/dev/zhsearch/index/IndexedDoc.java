package dev.zhsearch.index;

import dev.zhsearch.convert.Script;
import dev.zhsearch.corpus.PubDate;

/** A document ready to index: cleaned text, detected script, and where it came from. */
public record IndexedDoc(String id, String title, String body, PubDate date, String source, String url,
                         Script script, java.util.List<String> companies, String origin) {

    public IndexedDoc {
        companies = java.util.List.copyOf(companies);
    }
}

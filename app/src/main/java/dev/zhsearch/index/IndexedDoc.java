package dev.zhsearch.index;

import dev.zhsearch.analysis.FoldedText;
import dev.zhsearch.clean.PageTypes;
import dev.zhsearch.convert.Script;
import dev.zhsearch.corpus.PubDate;

/**
 * A document ready to index: cleaned text, detected script, and where it came from; title and body
 * also folded (once, for every field that analyses them); what kind of page it is, and the id of the
 * corpus record it came from ({@code family}: its own id, or a roundup's for the roundup's items);
 * the people it names (folded), for suggestions.
 */
public record IndexedDoc(String id, String title, String body, PubDate date, String source, String url,
                         Script script, java.util.List<String> companies, String origin,
                         FoldedText foldedTitle, FoldedText foldedBody, PageTypes.Type pageType, String family,
                         java.util.List<String> people) {

    public IndexedDoc {
        companies = java.util.List.copyOf(companies);
        people = java.util.List.copyOf(people);
        java.util.Objects.requireNonNull(pageType, "pageType");
        family = family == null ? id : family;
    }

    /** A document of its own page type, its own family. */
    public IndexedDoc(String id, String title, String body, PubDate date, String source, String url,
                      Script script, java.util.List<String> companies, String origin,
                      FoldedText foldedTitle, FoldedText foldedBody) {
        this(id, title, body, date, source, url, script, companies, origin, foldedTitle, foldedBody, PageTypes.Type.STORY, id, java.util.List.of());
    }

    /** An item of a roundup rather than the record itself. */
    public boolean isPart() {
        return !family.equals(id);
    }
}

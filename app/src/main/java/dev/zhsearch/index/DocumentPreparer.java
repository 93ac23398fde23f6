package dev.zhsearch.index;

import dev.zhsearch.analysis.FoldedText;
import dev.zhsearch.analysis.ZhAnalyzer;
import dev.zhsearch.clean.Cleaner;
import dev.zhsearch.convert.Script;
import dev.zhsearch.convert.ScriptDetector;
import dev.zhsearch.corpus.SourceDoc;
import dev.zhsearch.entity.CompanyMatcher;
import java.util.List;

/** Corpus document → indexable document: cleaning, script detection, companies named. Thread-safe. */
public final class DocumentPreparer {

    private final Cleaner cleaner;
    private final ScriptDetector scripts;
    private final CompanyMatcher companies;
    private final ZhAnalyzer folding;

    public DocumentPreparer(Cleaner cleaner, ScriptDetector scripts, CompanyMatcher companies, ZhAnalyzer folding) {
        this.cleaner = cleaner;
        this.scripts = scripts;
        this.companies = companies;
        this.folding = folding;
    }

    /**
     * Bodies longer than this are indexed and stored up to here (the Indexer reports it): analysing a
     * 50 MB page would stall a build for minutes and no snippet needs it. About 300 pages of text.
     */
    public static final int MAX_BODY_CHARS = 1_000_000;

    public IndexedDoc prepare(SourceDoc doc) {
        String title = cleaner.title(doc.title());
        if (title.length() > 2_000) {
            title = title.substring(0, 2_000);
        }
        String rawBody = doc.body().length() > 4 * MAX_BODY_CHARS ? doc.body().substring(0, 4 * MAX_BODY_CHARS) : doc.body();
        String body = cleaner.body(rawBody);
        if (body.length() > MAX_BODY_CHARS) {
            int cut = Character.isHighSurrogate(body.charAt(MAX_BODY_CHARS - 1)) ? MAX_BODY_CHARS - 1 : MAX_BODY_CHARS;
            body = body.substring(0, cut);
        }
        Script script = scripts.detect(title + "\n" + body);
        FoldedText foldedTitle = folding.fold(title);
        FoldedText foldedBody = folding.fold(body);
        List<String> named = companies.companiesInFolded(foldedTitle.text() + "\n" + foldedBody.text(), script);
        return new IndexedDoc(doc.id(), title, body, doc.date(), doc.source(), doc.url(), script, named, doc.origin(), foldedTitle, foldedBody);
    }
}

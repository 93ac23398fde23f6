package dev.zhsearch.index;

import dev.zhsearch.clean.Cleaner;
import dev.zhsearch.convert.ScriptDetector;
import dev.zhsearch.corpus.SourceDoc;
import dev.zhsearch.entity.CompanyMatcher;

/** Corpus document → indexable document: cleaning, script detection, companies named. Thread-safe. */
public final class DocumentPreparer {

    private final Cleaner cleaner;
    private final ScriptDetector scripts;
    private final CompanyMatcher companies;

    public DocumentPreparer(Cleaner cleaner, ScriptDetector scripts, CompanyMatcher companies) {
        this.cleaner = cleaner;
        this.scripts = scripts;
        this.companies = companies;
    }

    public IndexedDoc prepare(SourceDoc doc) {
        String title = cleaner.title(doc.title());
        String body = cleaner.body(doc.body());
        String text = title + "\n" + body;
        return new IndexedDoc(doc.id(), title, body, doc.date(), doc.source(), doc.url(),
                scripts.detect(text), companies.companies(text), doc.origin());
    }
}

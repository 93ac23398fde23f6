package dev.zhsearch.index;

import dev.zhsearch.clean.Cleaner;
import dev.zhsearch.convert.ScriptDetector;
import dev.zhsearch.corpus.SourceDoc;

/** Corpus document → indexable document: cleaning and script detection. Thread-safe. */
public final class DocumentPreparer {

    private final Cleaner cleaner;
    private final ScriptDetector scripts;

    public DocumentPreparer(Cleaner cleaner, ScriptDetector scripts) {
        this.cleaner = cleaner;
        this.scripts = scripts;
    }

    public IndexedDoc prepare(SourceDoc doc) {
        String title = cleaner.title(doc.title());
        String body = cleaner.body(doc.body());
        return new IndexedDoc(doc.id(), title, body, doc.date(), doc.source(), doc.url(),
                scripts.detect(title + "\n" + body), doc.origin());
    }
}

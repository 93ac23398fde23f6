package dev.zhsearch.index;

import dev.zhsearch.analysis.FoldedText;
import dev.zhsearch.analysis.ZhAnalyzer;
import dev.zhsearch.clean.Cleaner;
import dev.zhsearch.clean.PageTypes;
import dev.zhsearch.clean.RoundupSplitter;
import dev.zhsearch.convert.Script;
import dev.zhsearch.convert.ScriptDetector;
import dev.zhsearch.corpus.SourceDoc;
import dev.zhsearch.entity.CompanyMatcher;
import dev.zhsearch.entity.PersonNames;
import java.util.ArrayList;
import java.util.List;

/** Corpus document → indexable document: cleaning, script detection, companies and people named. Thread-safe. */
public final class DocumentPreparer {

    private final Cleaner cleaner;
    private final ScriptDetector scripts;
    private final CompanyMatcher companies;
    private final ZhAnalyzer folding;
    private final PageTypes pageTypes;
    private final PersonNames people;
    private final RoundupSplitter roundups = new RoundupSplitter();

    /** The standard cleaning and page types, with {@code analysis}'s script detector, companies, folding and people. */
    public static DocumentPreparer standard(Analysis analysis) {
        return new DocumentPreparer(Cleaner.standard(), analysis.scripts(), analysis.companies(), analysis.people(), analysis.words(), PageTypes.standard());
    }

    public DocumentPreparer(Cleaner cleaner, ScriptDetector scripts, CompanyMatcher companies, PersonNames people, ZhAnalyzer folding,
                            PageTypes pageTypes) {
        this.cleaner = cleaner;
        this.scripts = scripts;
        this.companies = companies;
        this.folding = folding;
        this.pageTypes = pageTypes;
        this.people = people;
    }

    /**
     * Bodies longer than this are indexed and stored up to here (the Indexer reports it): analysing a
     * 50 MB page would stall a build for minutes and no snippet needs it. About 300 pages of text.
     */
    public static final int MAX_BODY_CHARS = 1_000_000;

    /**
     * Every document made from one corpus record: the record itself, last, and before it, for a
     * roundup, each of its items ({@code id#1}, {@code id#2}…, same date, outlet and address).
     */
    public List<IndexedDoc> prepareAll(SourceDoc doc) {
        IndexedDoc whole = prepare(doc);
        if (whole.pageType() != PageTypes.Type.ROUNDUP) {
            return List.of(whole);
        }
        List<RoundupSplitter.Item> items = roundups.split(whole.body());
        List<IndexedDoc> out = new ArrayList<>(items.size() + 1);
        for (int i = 0; i < items.size(); i++) {
            RoundupSplitter.Item item = items.get(i);
            out.add(prepared(doc.id() + "#" + (i + 1), item.title(), item.body(), doc, PageTypes.Type.ROUNDUP_ITEM));
        }
        out.add(whole);
        return List.copyOf(out);
    }

    /** The record as one document (a roundup whole, without its items). */
    public IndexedDoc prepare(SourceDoc doc) {
        String title = cleaner.title(doc.title());
        if (title.length() > 2_000) {
            title = title.substring(0, 2_000);
        }
        String rawBody = doc.body().length() > 4 * MAX_BODY_CHARS ? doc.body().substring(0, 4 * MAX_BODY_CHARS) : doc.body();
        String body = Cleaner.withoutRepeatedTitle(title, cleaner.body(rawBody));
        if (body.length() > MAX_BODY_CHARS) {
            int cut = Character.isHighSurrogate(body.charAt(MAX_BODY_CHARS - 1)) ? MAX_BODY_CHARS - 1 : MAX_BODY_CHARS;
            body = body.substring(0, cut);
        }
        return prepared(doc.id(), title, body, doc, pageTypes.classify(title, body).type());
    }

    private IndexedDoc prepared(String id, String title, String body, SourceDoc record, PageTypes.Type type) {
        Script script = scripts.detect(title + "\n" + body);
        FoldedText foldedTitle = folding.fold(title);
        FoldedText foldedBody = folding.fold(body);
        String folded = foldedTitle.text() + "\n" + foldedBody.text();
        List<String> named = companies.companiesInFolded(folded, script);
        return new IndexedDoc(id, title, body, record.date(), record.source(), record.url(), script, named, record.origin(),
                foldedTitle, foldedBody, type, record.id(), List.copyOf(people.find(folded)));
    }
}

package dev.zhsearch.story;

import dev.zhsearch.clean.PageTypes;
import dev.zhsearch.index.DocumentMapper;
import dev.zhsearch.index.Fields;
import dev.zhsearch.index.IndexedDoc;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;

/**
 * The story of one document as it arrives in a living index, decided as the full build's
 * {@link StoryLinker} decides it ({@link StoryWindow}): the documents of its day window are held in
 * memory (a day is read from the index, and its vectors computed, the first time a write falls in it;
 * the most recently used {@link #DAYS} days are kept), every one sharing one of its heaviest terms is
 * compared, and it joins the story of the most like it whose first report it is also like, or starts
 * one. Writes of the same batch, or not yet searchable, are held as they arrive. A story is not merged
 * with another afterwards (the next full build may join what arrived apart).
 */
public final class StoryFinder {

    /**
     * Days held in memory: a newsroom writes into today and the day before it. A document's vector is
     * a few kilobytes (up to 1,000 characters' bigrams), so a day of 2,000 documents holds about 10 MB.
     */
    static final int DAYS = 3;

    private final Analyzer bigrams;
    private final StoryRule rule;
    /**
     * Document frequencies remembered across writes: a term's changes little between refreshes, and
     * looking each one up in every segment for every write cost more than the rest of finding its story.
     */
    private final StoryLinker.DocFreqMemory docFreqs = new StoryLinker.DocFreqMemory(DOC_FREQS);
    /** Most frequencies remembered; then the memory starts again. */
    static final int DOC_FREQS = 1 << 18;
    /** Frequencies are those of the largest segments holding this share of the documents. */
    static final double DOC_FREQ_SHARE = 0.9;
    /** Guarded by itself: one write decides at a time (the vector is computed before). */
    private final StoryWindow window;

    public StoryFinder(Analyzer bigrams, StoryRule rule) {
        this.bigrams = bigrams;
        this.rule = rule;
        this.window = new StoryWindow(rule, Math.max(DAYS, 2 * rule.windowDays() + 1)); // a write's whole window fits
    }

    /** Forgets a document that is deleted. */
    public void forget(String id) {
        synchronized (window) {
            window.forget(id);
        }
    }

    /** Forgets everything held (the index was replaced by a rebuild). */
    public void clear() {
        synchronized (window) {
            window.dropBefore(Integer.MAX_VALUE);
        }
        docFreqs.clear(); // the new index's frequencies, not the old one's
    }

    private StoryVector.DocFreqs docFreqs(IndexSearcher searcher) {
        return docFreqs.over(StoryLinker.docFreqs(searcher.getIndexReader(), DOC_FREQ_SHARE));
    }

    /** The story key for {@code d}, written now or about to be; {@code searcher} shows the index as searchable. */
    public long keyFor(IndexSearcher searcher, IndexedDoc d) throws IOException {
        if (!Stories.takesPart(d.pageType()) || !d.date().known()) {
            forget(d.id()); // its earlier version, if any
            return Stories.ownKey(d.id());
        }
        int day = DocumentMapper.days(d.date());
        StoryVector.DocFreqs df = docFreqs(searcher);
        StoryWindow.Member self = new StoryWindow.Member(d.id(), vector(d.title(), d.body(), df), day, d.source());
        synchronized (window) {
            window.forget(d.id()); // its earlier version, if any
            for (int near = day - rule.windowDays(); near <= day + rule.windowDays(); near++) {
                if (!window.holds(near)) {
                    window.hold(near, dayOf(searcher, near, df));
                }
            }
            return window.join(self).key();
        }
    }

    private StoryVector vector(String title, String body, StoryVector.DocFreqs df) {
        return StoryVector.of(bigrams, Fields.BODY_BIGRAM, title, body, df, rule.idfPower(), StoryLinker::termId);
    }

    /** The searchable documents of a day that take part, oldest first, with their stories' keys. */
    private List<StoryWindow.Member> dayOf(IndexSearcher searcher, int day, StoryVector.DocFreqs df) throws IOException {
        BooleanQuery.Builder q = new BooleanQuery.Builder()
                .add(IntPoint.newExactQuery(Fields.DATE_DAYS, day), BooleanClause.Occur.FILTER);
        for (PageTypes.Type t : PageTypes.Type.values()) {
            if (!Stories.takesPart(t)) {
                q.add(new TermQuery(new Term(Fields.PAGE_TYPE, t.label())), BooleanClause.Occur.MUST_NOT);
            }
        }
        Query inDay = q.build();
        int count = searcher.count(inDay);
        List<StoryWindow.Member> members = new java.util.ArrayList<>(count);
        if (count == 0) {
            return members;
        }
        TopDocs all = searcher.search(inDay, count, new Sort(new SortField(Fields.DATE_SORT, SortField.Type.LONG)));
        for (ScoreDoc sd : all.scoreDocs) {
            Document c = searcher.storedFields().document(sd.doc, Set.of(Fields.ID, Fields.TITLE, Fields.BODY, Fields.SOURCE));
            StoryWindow.Member m = new StoryWindow.Member(c.get(Fields.ID), vector(c.get(Fields.TITLE), c.get(Fields.BODY), df),
                    day, c.get(Fields.SOURCE));
            m.key = Stories.keyOf(searcher, sd.doc).orElse(m.key);
            members.add(m);
        }
        return members;
    }
}

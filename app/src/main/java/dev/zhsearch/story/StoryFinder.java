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
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
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
import org.apache.lucene.document.NumericDocValuesField;

/**
 * The story of one document as it arrives in a living index: the documents of its day window that
 * share its heaviest terms most (a search), and the pending ones not yet searchable, are compared by
 * the {@link StoryRule}; the document joins the story of the most like it whose first report it is
 * also like, or starts a story. The same vectors and rule as the full build's {@link StoryLinker}; a
 * story is not merged with another afterwards (the next full build may join what arrived apart).
 */
public final class StoryFinder {

    /** A document of a story: its vector, day and outlet. */
    public record Member(StoryVector vector, int day, String source) {}

    /** A document written but perhaps not searchable yet, with its story's key and first report. */
    public record Pending(Member member, long key, Member first) {}

    /** How many of the best-matching documents of the window are compared. */
    static final int CANDIDATES = 10;

    private final Analyzer bigrams;
    private final StoryRule rule;
    /**
     * Document frequencies remembered across writes: a term's changes little between refreshes, and
     * looking each one up in every segment for every candidate cost ten milliseconds a write.
     */
    private final java.util.concurrent.ConcurrentHashMap<String, Integer> docFreqs = new java.util.concurrent.ConcurrentHashMap<>();
    /** Most frequencies remembered; then the memory starts again. */
    static final int DOC_FREQS = 1 << 18;

    /**
     * The vectors of documents already compared, by id: the documents of a day are candidates of many
     * writes. A document written again or deleted is forgotten ({@link #forget}).
     */
    private final java.util.concurrent.ConcurrentHashMap<String, Member> members = new java.util.concurrent.ConcurrentHashMap<>();
    /** Most vectors remembered; then the memory starts again. */
    static final int MEMBERS = 1 << 16;

    /** Forgets what was remembered of a document that is being replaced or deleted. */
    public void forget(String id) {
        members.remove(id);
    }

    public StoryFinder(Analyzer bigrams, StoryRule rule) {
        this.bigrams = bigrams;
        this.rule = rule;
    }

    private StoryVector.DocFreqs docFreqs(IndexSearcher searcher) {
        return StoryLinker.remembering(StoryLinker.docFreqs(searcher.getIndexReader()), docFreqs, DOC_FREQS);
    }

    /** A candidate story: how like it the document is, its key, and its first report when known already. */
    private record Candidate(double cosine, long key, Member first) {}

    /**
     * The story key for {@code d} and, when it takes part, {@code d} appended to {@code pending}
     * (so the next document of the same batch can join it before a refresh).
     */
    public long keyFor(IndexSearcher searcher, IndexedDoc d, List<Pending> pending) throws IOException {
        long own = Stories.ownKey(d.id());
        forget(d.id()); // its earlier version, if any
        if (!Stories.takesPart(d.pageType()) || !d.date().known()) {
            return own;
        }
        int day = DocumentMapper.days(d.date());
        StoryVector.DocFreqs df = docFreqs(searcher);
        Member self = new Member(vector(d.title(), d.body(), df), day, d.source());
        List<Candidate> like = new java.util.ArrayList<>();
        for (Pending p : pending) {
            double c = match(self, p.member());
            if (c >= 0) {
                like.add(new Candidate(c, p.key(), p.first()));
            }
        }
        if (self.vector().heaviest().length > 0) {
            for (ScoreDoc sd : searcher.search(candidatesOf(self, d.id()), CANDIDATES).scoreDocs) {
                String id = searcher.storedFields().document(sd.doc, Set.of(Fields.ID)).get(Fields.ID);
                Member m = members.get(id);
                if (m == null) {
                    m = member(searcher, sd.doc, df);
                    if (members.size() >= MEMBERS) {
                        members.clear();
                    }
                    members.put(id, m);
                }
                double cos = match(self, m);
                if (cos >= 0) {
                    long story = value(searcher, sd.doc, Fields.STORY);
                    // a story's first report carries its own id's key: it is its own first report
                    like.add(new Candidate(cos, story, story == Stories.ownKey(id) ? m : null));
                }
            }
        }
        like.sort((x, y) -> Double.compare(y.cosine(), x.cosine()));
        long key = own;
        Member first = self;
        for (Candidate c : like) {
            Member f = c.first() != null ? c.first() : firstReport(searcher, c.key(), self.day(), df);
            if (f != null && match(self, f) >= 0) {
                key = c.key();
                first = f;
                break;
            }
        }
        pending.add(new Pending(self, key, first));
        return key;
    }

    private double match(Member a, Member b) {
        return rule.match(a.vector(), a.day(), a.source(), b.vector(), b.day(), b.source());
    }

    private StoryVector vector(String title, String body, StoryVector.DocFreqs df) {
        return StoryVector.of(bigrams, Fields.BODY_BIGRAM, title, body, df, rule.idfPower(), StoryLinker::termId);
    }

    /** Documents of the window that share the heaviest terms, not listing pages or roundup wholes, not an older version of itself. */
    private Query candidatesOf(Member self, String id) {
        BooleanQuery.Builder terms = new BooleanQuery.Builder();
        for (String t : self.vector().heaviest()) {
            terms.add(new TermQuery(new Term(Fields.BODY_BIGRAM, t)), BooleanClause.Occur.SHOULD);
        }
        BooleanQuery.Builder q = new BooleanQuery.Builder()
                .add(terms.build(), BooleanClause.Occur.MUST)
                .add(IntPoint.newRangeQuery(Fields.DATE_DAYS, self.day() - rule.windowDays(), self.day() + rule.windowDays()), BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(Fields.ID, id)), BooleanClause.Occur.MUST_NOT);
        for (PageTypes.Type t : PageTypes.Type.values()) {
            if (!Stories.takesPart(t)) {
                q.add(new TermQuery(new Term(Fields.PAGE_TYPE, t.label())), BooleanClause.Occur.MUST_NOT);
            }
        }
        return q.build();
    }

    /**
     * A story's first report (its earliest document that remains), or null if none does: among the
     * documents of the day window (a story's documents are within it of its first report), so the
     * doc-values check runs over a day's documents, not the index's.
     */
    private Member firstReport(IndexSearcher searcher, long key, int day, StoryVector.DocFreqs df) throws IOException {
        int reach = 2 * rule.windowDays();
        Query inStory = new BooleanQuery.Builder()
                .add(IntPoint.newRangeQuery(Fields.DATE_DAYS, day - reach, day + reach), BooleanClause.Occur.FILTER)
                .add(NumericDocValuesField.newSlowExactQuery(Fields.STORY, key), BooleanClause.Occur.FILTER)
                .build();
        TopDocs first = searcher.search(inStory, 1, new Sort(new SortField(Fields.DATE_SORT, SortField.Type.LONG)));
        if (first.scoreDocs.length == 0) {
            return null;
        }
        return member(searcher, first.scoreDocs[0].doc, df);
    }

    private Member member(IndexSearcher searcher, int doc, StoryVector.DocFreqs df) throws IOException {
        Document c = searcher.storedFields().document(doc, Set.of(Fields.TITLE, Fields.BODY, Fields.SOURCE));
        return new Member(vector(orEmpty(c.get(Fields.TITLE)), orEmpty(c.get(Fields.BODY)), df),
                (int) Math.floorDiv(value(searcher, doc, Fields.DATE_SORT), 86_400L), c.get(Fields.SOURCE));
    }

    /** A numeric doc value of a document the search found (its story key, its time). */
    public static long value(IndexSearcher searcher, int doc, String field) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        NumericDocValues values = leaf.reader().getNumericDocValues(field);
        if (values != null && values.advanceExact(doc - leaf.docBase)) {
            return values.longValue();
        }
        throw new IllegalStateException("document " + searcher.storedFields().document(doc).get(Fields.ID) + " has no " + field);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}

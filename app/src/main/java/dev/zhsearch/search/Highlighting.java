package dev.zhsearch.search;

import dev.zhsearch.index.Fields;
import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import org.apache.lucene.util.BytesRef;

/**
 * Snippets with {@code <mark>} around matches, the rest HTML-escaped, from the stored original
 * text: offsets come from the postings, which the analysis chain mapped back through every script
 * conversion. The word fields are highlighted first; where a document matched only through the
 * bigram twin (a name smartcn splits), the highlighter re-analyses the same stored text as the
 * twin (its postings keep positions, not offsets) and marks that.
 */
public final class Highlighting {

    static final int SNIPPETS = 2;
    private final Analyzer analyzer;

    Highlighting(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /** title → marked title, body → passages, for each doc (parallel to docIds). */
    record Marked(String[] titles, List<List<String>> snippets) {}

    Marked highlight(IndexSearcher searcher, Query query, int[] docIds, LoadedDocs docs) throws IOException {
        return highlight(searcher, query, docIds, false, docs);
    }

    /** With {@code whole}, each field is one passage: the whole text, marked. */
    Marked highlight(IndexSearcher searcher, Query query, int[] docIds, boolean whole, LoadedDocs docs) throws IOException {
        int n = docIds.length;
        String[] titles = new String[n];
        List<List<String>> snippets = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            snippets.add(List.of());
        }
        if (n == 0) {
            return new Marked(titles, snippets);
        }
        int[] passages = {1, whole ? 1 : SNIPPETS};
        Map<String, Object[]> words = highlighter(searcher, whole, docs).marks(
                new String[] {Fields.TITLE, Fields.BODY}, query, docIds, passages);
        Marks[] title = new Marks[n];
        Marks[] body = new Marks[n];
        // the bigram twins only for the documents and fields the word fields left unmarked
        // (a match the word segmentation split differently): loading stored text is the costly part
        List<Integer> retry = new ArrayList<>();
        boolean retryTitles = false;
        boolean retryBodies = false;
        for (int i = 0; i < n; i++) {
            title[i] = (Marks) words.get(Fields.TITLE)[i];
            body[i] = (Marks) words.get(Fields.BODY)[i];
            boolean t = unmarked(title[i]);
            boolean b = unmarked(body[i]);
            if (t || b) {
                retry.add(i);
                retryTitles |= t;
                retryBodies |= b;
            }
        }
        if (!retry.isEmpty()) {
            List<String> fields = new ArrayList<>(2);
            if (retryTitles) {
                fields.add(Fields.TITLE_BIGRAM);
            }
            if (retryBodies) {
                fields.add(Fields.BODY_BIGRAM);
            }
            int[] retried = retry.stream().mapToInt(i -> docIds[i]).toArray();
            Map<String, Object[]> bigrams = highlighter(searcher, whole, docs).marks(fields.toArray(String[]::new), query, retried,
                    fields.size() == 2 ? passages : new int[] {retryTitles ? passages[0] : passages[1]});
            for (int k = 0; k < retried.length; k++) {
                int i = retry.get(k);
                Marks bt = retryTitles ? (Marks) bigrams.get(Fields.TITLE_BIGRAM)[k] : null;
                Marks bb = retryBodies ? (Marks) bigrams.get(Fields.BODY_BIGRAM)[k] : null;
                if (unmarked(title[i]) && !unmarked(bt)) {
                    title[i] = bt;
                }
                if (unmarked(body[i]) && !unmarked(bb)) {
                    body[i] = bb;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            titles[i] = title[i] == null ? null : String.join("", title[i].passages());
            snippets.set(i, body[i] == null ? List.of() : body[i].passages());
        }
        return new Marked(titles, snippets);
    }

    private StoredTwinHighlighter highlighter(IndexSearcher searcher, boolean whole, LoadedDocs docs) {
        return new StoredTwinHighlighter(whole, docs, UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new MarkFormatter(!whole))
                .withMaxLength(whole ? 50_000_000 : 200_000)
                .withHandleMultiTermQuery(true)
                .withHighlightPhrasesStrictly(true)
                .withWeightMatches(false)
                .withScorer(LEAN_SCORER));
    }

    private static final PassageScorer LEAN_SCORER = new LeanPassageScorer();

    /**
     * Lucene's passage scoring (BM25 over the passage, same formula, same order of summation), without
     * the BytesRefHash it allocates for every candidate passage (a 32 KB block each time: a sixth of
     * all highlighting time). A passage holds a handful of matches, so a linear scan finds repeats.
     */
    static final class LeanPassageScorer extends PassageScorer {
        @Override
        public float score(Passage passage, int contentLength) {
            int n = passage.getNumMatches();
            BytesRef[] terms = new BytesRef[n];
            int[] inPassage = new int[n];
            int[] inDoc = new int[n];
            int distinct = 0;
            for (int i = 0; i < n; i++) {
                BytesRef term = passage.getMatchTerms()[i];
                int k = 0;
                while (k < distinct && !terms[k].bytesEquals(term)) {
                    k++;
                }
                if (k == distinct) {
                    terms[distinct] = term;
                    inDoc[distinct] = passage.getMatchTermFreqsInDoc()[i];
                    distinct++;
                }
                inPassage[k]++;
            }
            double score = 0d;
            for (int k = 0; k < distinct; k++) {
                score += tf(inPassage[k], passage.getLength()) * weight(contentLength, inDoc[k]);
            }
            score *= norm(passage.getStartOffset());
            return (float) score;
        }
    }

    /** The passages of one field, and whether any has a match. */
    record Marks(List<String> passages, boolean marked) {}

    private static boolean unmarked(Marks m) {
        return m == null || !m.marked();
    }

    /**
     * Bigram twins are not stored: highlight them over their text field's stored value. Stored values
     * come from the request's {@link LoadedDocs}, so no pass decompresses a document another has.
     */
    private static final class StoredTwinHighlighter extends UnifiedHighlighter {
        private final boolean whole;
        private final LoadedDocs docs;

        StoredTwinHighlighter(boolean whole, LoadedDocs docs, UnifiedHighlighter.Builder builder) {
            super(builder);
            this.whole = whole;
            this.docs = docs;
        }

        Map<String, Object[]> marks(String[] fields, Query query, int[] docIds, int[] maxPassages) throws IOException {
            return highlightFieldsAsObjects(fields, query, docIds, maxPassages);
        }

        @Override
        protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docIter, int cacheCharsThreshold) throws IOException {
            String[] stored = Arrays.stream(fields)
                    .map(f -> Fields.isBigram(f) ? f.substring(0, f.length() - Fields.BIGRAM_SUFFIX.length()) : f)
                    .toArray(String[]::new);
            // as UnifiedHighlighter's own: documents in order until the character budget is spent
            List<CharSequence[]> out = new ArrayList<>();
            int chars = 0;
            do {
                int docId = docIter.nextDoc();
                if (docId == DocIdSetIterator.NO_MORE_DOCS) {
                    break;
                }
                Document d = docs.get(docId);
                CharSequence[] values = new CharSequence[stored.length];
                for (int i = 0; i < stored.length; i++) {
                    String v = d.get(stored[i]);
                    values[i] = v == null || v.length() <= getMaxLength() ? v : v.substring(0, getMaxLength());
                    chars += values[i] == null ? 0 : values[i].length();
                }
                out.add(values);
            } while (chars <= cacheCharsThreshold && cacheCharsThreshold != 0);
            return out;
        }

        @Override
        protected BreakIterator getBreakIterator(String field) {
            if (whole || field.startsWith(Fields.TITLE)) {
                return new WholeBreakIterator();
            }
            return BreakIterator.getSentenceInstance(Locale.ROOT);
        }
    }

    /** Formats each passage on its own: escaped text, {@code <mark>} around (merged) matches. */
    static final class MarkFormatter extends PassageFormatter {
        private final boolean oneLine;

        /** {@code oneLine}: snippets fold line breaks into spaces; a whole document keeps them. */
        MarkFormatter(boolean oneLine) {
            this.oneLine = oneLine;
        }

        @Override
        public Object format(Passage[] passages, String content) {
            List<String> out = new ArrayList<>(passages.length);
            boolean marked = false;
            for (Passage p : passages) {
                StringBuilder sb = new StringBuilder();
                int pos = p.getStartOffset();
                for (int i = 0; i < p.getNumMatches(); i++) {
                    int start = p.getMatchStarts()[i];
                    int end = p.getMatchEnds()[i];
                    while (i + 1 < p.getNumMatches() && p.getMatchStarts()[i + 1] <= end) {
                        end = Math.max(end, p.getMatchEnds()[++i]);
                    }
                    if (start < pos) {
                        start = pos;
                    }
                    if (end <= start) {
                        continue;
                    }
                    escape(content, pos, start, sb);
                    sb.append("<mark>");
                    escape(content, start, end, sb);
                    sb.append("</mark>");
                    pos = end;
                    marked = true;
                }
                escape(content, pos, Math.max(pos, p.getEndOffset()), sb);
                String passage = sb.toString().strip();
                out.add(oneLine ? passage.replaceAll("\\s*\\n\\s*", " ") : passage);
            }
            return new Marks(out, marked);
        }
    }

    static void escape(String s, int from, int to, StringBuilder out) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
    }

    public static String escape(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        escape(s, 0, s.length(), sb);
        return sb.toString();
    }

    /** The text of {@link #escape}d HTML with its {@code <mark>} tags: the tags dropped, the five entities read back. */
    public static String plainText(String html) {
        return html.replace("<mark>", "").replace("</mark>", "")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
    }
}

package dev.zhsearch.index;

import dev.zhsearch.analysis.FoldedText;
import dev.zhsearch.corpus.PubDate;
import java.time.ZoneOffset;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;

/**
 * {@link IndexedDoc} → Lucene {@link Document}, field by field as {@link Fields} names them. Facet
 * fields must go through {@link IndexFacets#CONFIG}{@code .build(doc)} before indexing.
 */
public final class DocumentMapper {

    /** Stored, analysed, with offsets in the postings so the UnifiedHighlighter need not re-analyse. */
    static final FieldType STORED_TEXT_WITH_OFFSETS = textType(true, IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    /**
     * The bigram twins: positions (for phrases) but no offsets. They are highlighted only where the
     * word fields marked nothing, a few documents of a page, and re-analysing those costs less than
     * offsets for every bigram of the corpus (a seventh of the index, 3% of the build).
     */
    static final FieldType TEXT_WITH_POSITIONS = textType(false, IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);

    private static FieldType textType(boolean stored, IndexOptions options) {
        FieldType t = new FieldType();
        t.setTokenized(true);
        t.setStored(stored);
        t.setIndexOptions(options);
        t.freeze();
        return t;
    }

    /** The document standing alone in its story (a full build links stories afterwards: StoryLinker). */
    public Document toDocument(IndexedDoc d) {
        return toDocument(d, dev.zhsearch.story.Stories.ownKey(d.id()));
    }

    /** The document in the story with this key. */
    public Document toDocument(IndexedDoc d, long story) {
        Document doc = new Document();
        doc.add(new StringField(Fields.ID, d.id(), Field.Store.YES));
        doc.add(new FoldedField(Fields.TITLE, d.title(), d.foldedTitle(), STORED_TEXT_WITH_OFFSETS));
        doc.add(new FoldedField(Fields.TITLE_BIGRAM, d.title(), d.foldedTitle(), TEXT_WITH_POSITIONS));
        doc.add(new FoldedField(Fields.BODY, d.body(), d.foldedBody(), STORED_TEXT_WITH_OFFSETS));
        doc.add(new FoldedField(Fields.BODY_BIGRAM, d.body(), d.foldedBody(), TEXT_WITH_POSITIONS));
        PubDate date = d.date();
        doc.add(new StringField(Fields.DATE_SOURCE, date.provenance().label(), Field.Store.YES));
        if (date.known()) {
            doc.add(new StoredField(Fields.DATE, date.iso()));
            doc.add(new IntPoint(Fields.DATE_DAYS, days(date)));
            doc.add(new NumericDocValuesField(Fields.DATE_SORT, sortSeconds(date)));
        }
        if (d.source() != null) {
            doc.add(new StringField(Fields.SOURCE, d.source(), Field.Store.YES));
        }
        if (d.url() != null) {
            doc.add(new StoredField(Fields.URL, d.url()));
        }
        doc.add(new StringField(Fields.SCRIPT, d.script().label(), Field.Store.YES));
        doc.add(new SortedSetDocValuesFacetField(Fields.FACET_SCRIPT, d.script().label()));
        if (d.source() != null) {
            doc.add(new SortedSetDocValuesFacetField(Fields.FACET_SOURCE, d.source()));
        }
        for (String company : d.companies()) {
            doc.add(new StringField(Fields.COMPANY, company, Field.Store.YES)); // indexed: a query naming the company finds it
            doc.add(new SortedSetDocValuesFacetField(Fields.FACET_COMPANY, company));
        }
        for (String person : d.people()) {
            doc.add(new StringField(Fields.PERSON, person, Field.Store.NO));
        }
        doc.add(new SortedSetDocValuesFacetField(Fields.FACET_MONTH, month(date)));
        if (d.origin() != null) {
            doc.add(new StoredField(Fields.ORIGIN, d.origin()));
        }
        doc.add(new StringField(Fields.PAGE_TYPE, d.pageType().label(), Field.Store.YES));
        doc.add(new NumericDocValuesField(Fields.PAGE_CLASS, d.pageType().ordinal()));
        doc.add(new StringField(Fields.FAMILY, d.family(), Field.Store.NO));
        doc.add(new NumericDocValuesField(Fields.STORY, story));
        if (d.isPart()) {
            doc.add(new StringField(Fields.PARENT, d.family(), Field.Store.YES));
        }
        return doc;
    }

    /** {@link Fields#DATE_DAYS}: days since the epoch of a known date. */
    public static int days(PubDate date) {
        return (int) date.date().toEpochDay();
    }

    /** {@link Fields#DATE_SORT}: seconds since the epoch of a known date's local time (midnight when none). */
    public static long sortSeconds(PubDate date) {
        return date.date().atTime(date.time() == null ? java.time.LocalTime.MIDNIGHT : date.time()).toEpochSecond(ZoneOffset.UTC);
    }

    /** {@link Fields#FACET_MONTH}: 2026-07, or {@link Fields#UNKNOWN_DATE}. */
    public static String month(PubDate date) {
        return date.known() ? java.time.YearMonth.from(date.date()).toString() : Fields.UNKNOWN_DATE;
    }

    /**
     * A text field whose value is stored as written and analysed from its folded form, which the
     * document computed once for the word field, its bigram twin and the company matcher.
     */
    private static final class FoldedField extends Field {
        private final FoldedText folded;

        FoldedField(String name, String value, FoldedText folded, FieldType type) {
            super(name, value, type);
            this.folded = folded;
        }

        @Override
        public TokenStream tokenStream(Analyzer analyzer, TokenStream reuse) {
            return analyzer.tokenStream(name(), folded.reader());
        }
    }
}

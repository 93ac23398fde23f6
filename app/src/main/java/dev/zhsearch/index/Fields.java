package dev.zhsearch.index;

import java.util.List;

/** Every field of the index, by name, in one place. */
public final class Fields {

    private Fields() {}

    /** The document id (exact, stored, unique). */
    public static final String ID = "id";
    /** Title as displayed (stored), analysed into words with offsets for highlighting. */
    public static final String TITLE = "title";
    /** Cleaned body as displayed (stored), analysed into words with offsets for highlighting. */
    public static final String BODY = "body";
    /** Suffix of the CJK-bigram twin of a text field (not stored; positions, no offsets): recall for names smartcn splits. */
    public static final String BIGRAM_SUFFIX = "_bigram";
    public static final String TITLE_BIGRAM = TITLE + BIGRAM_SUFFIX;
    public static final String BODY_BIGRAM = BODY + BIGRAM_SUFFIX;
    /** Publication date, ISO text as published (stored), absent when unknown. */
    public static final String DATE = "date";
    /** Days since the epoch (points for ranges, doc values for sorting); absent when unknown. */
    public static final String DATE_DAYS = "date_days";
    /** Seconds since the epoch of the local publication time, for sorting by date; absent when unknown. */
    public static final String DATE_SORT = "date_sort";
    /** Where the date came from: metadata | text | unknown. */
    public static final String DATE_SOURCE = "date_source";
    /** The outlet, as the corpus names it. */
    public static final String SOURCE = "source";
    public static final String URL = "url";
    /** traditional | simplified | unknown. */
    public static final String SCRIPT = "script";
    /** What kind of page: story | headline | listing | roundup | roundup-item (PageTypes), stored and exact. */
    public static final String PAGE_TYPE = "page_type";
    /** The page type's ordinal, as doc values, for the ranking's weight per type (NewsPrior). */
    public static final String PAGE_CLASS = "page_class";
    /**
     * The id of the corpus record a document came from (its own id, or a roundup's for the roundup's
     * items; not stored): a record is replaced or deleted with every document made from it.
     */
    public static final String FAMILY = "family";
    /** For a roundup's item: the roundup's id (stored). */
    public static final String PARENT = "parent";
    /**
     * The document's story (numeric doc values, updatable): the key of the story's earliest report
     * ({@code dev.zhsearch.story.Stories#ownKey} of its id), the document's own key while it stands alone.
     */
    public static final String STORY = "story";
    /** file:line the document was read from. */
    public static final String ORIGIN = "origin";

    /**
     * Company ids named in the document (stored and indexed, exact, multi-valued: a query that names a
     * company under any of its names finds it); facet dimension {@link #FACET_COMPANY}.
     */
    public static final String COMPANY = "company";
    /** The people a document names (folded; indexed, not stored): their document counts feed suggestions by sound. */
    public static final String PERSON = "person";

    /** Facet dimensions (SortedSetDocValues facets, counted by Lucene). */
    public static final String FACET_COMPANY = "company";
    public static final String FACET_SOURCE = "source";
    public static final String FACET_SCRIPT = "script";
    /**
     * The date facet, by month. Years are summed from the months at search time: every dimension in
     * the one facet field is counted for every hit, so a year or day dimension would cost each query.
     */
    public static final String FACET_MONTH = "date_month";
    /** The date facet value of a document whose date is unknown: counted, never dropped. */
    public static final String UNKNOWN_DATE = "unknown";

    /** The text fields a query searches by default, with their boosts. */
    public static final List<String> TEXT_FIELDS = List.of(TITLE, BODY);

    public static boolean isBigram(String field) {
        return field.endsWith(BIGRAM_SUFFIX);
    }

    public static String bigramOf(String textField) {
        return textField + BIGRAM_SUFFIX;
    }
}

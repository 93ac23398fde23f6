package dev.zhsearch.story;

import dev.zhsearch.clean.PageTypes;
import dev.zhsearch.index.Fields;
import java.io.IOException;
import java.util.List;
import java.util.OptionalLong;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;

/** Which documents take part in stories, and how a story is named. */
public final class Stories {

    private Stories() {}

    /**
     * Whether a page of this type takes part: not a listing page (a tag or keyword page names stories,
     * it does not report one) and not a roundup whole (its items take part one by one).
     */
    public static boolean takesPart(PageTypes.Type type) {
        return type != PageTypes.Type.LISTING && type != PageTypes.Type.ROUNDUP;
    }

    /** A document's own story key, before it joins another's: a 64-bit hash of its id. */
    public static long ownKey(String id) {
        long h = 0x84222325CBF29CE4L;
        for (int i = 0; i < id.length(); i++) {
            h = mix(h ^ id.charAt(i));
        }
        return h;
    }

    /** The story key of a document of {@code searcher}, or empty if it has none (an index built before stories). */
    public static OptionalLong keyOf(IndexSearcher searcher, int doc) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        NumericDocValues values = leaf.reader().getNumericDocValues(Fields.STORY);
        return values != null && values.advanceExact(doc - leaf.docBase) ? OptionalLong.of(values.longValue()) : OptionalLong.empty();
    }

    /** A story key as the API writes it: 16 hex digits. */
    public static String format(long key) {
        return String.format("%016x", key);
    }

    /** The key of a story id as the API writes it; empty if it is not one. */
    public static OptionalLong parse(String id) {
        if (id == null || id.length() != 16) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseUnsignedLong(id, 16));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** SplitMix64's finaliser: every input bit moves every output bit. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}

package dev.zhsearch.search;

import dev.zhsearch.clean.PageTypes;
import dev.zhsearch.index.Fields;
import java.io.IOException;
import java.util.Objects;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/**
 * The two factors of a {@link NewsRanking}, read from doc values: recency ({@link Fields#DATE_SORT})
 * and the page type's weight ({@link Fields#PAGE_CLASS}). {@link #apply} multiplies a text query's
 * score by the first, then by the second, in the order and precision OpenSearch's nested
 * function_score does ({@code ClusterSearch}), so that both engines rank alike.
 */
final class NewsPrior extends DoubleValuesSource {

    enum Factor { RECENCY, PAGE_TYPE }

    private final NewsRanking ranking;
    private final Factor factor;
    /** End of the newest document's day, in DATE_SORT's seconds; ages count from here. */
    private final long newestSecond;
    private final double[] weightByClass;

    private NewsPrior(NewsRanking ranking, Factor factor, long newestSecond) {
        this.ranking = ranking;
        this.factor = factor;
        this.newestSecond = newestSecond;
        PageTypes.Type[] types = PageTypes.Type.values();
        this.weightByClass = new double[types.length];
        for (PageTypes.Type t : types) {
            weightByClass[t.ordinal()] = ranking.weight(t);
        }
    }

    /** The query scored under the ranking over this reader (ages from the end of its newest document's day). */
    static Query apply(Query query, IndexReader reader, NewsRanking ranking) throws IOException {
        long newest = newestSecond(reader);
        Query q = query;
        if (ranking.recencyWeight() > 0) {
            q = FunctionScoreQuery.boostByValue(q, new NewsPrior(ranking, Factor.RECENCY, newest));
        }
        return FunctionScoreQuery.boostByValue(q, new NewsPrior(ranking, Factor.PAGE_TYPE, newest));
    }

    /** The end of the newest dated document's day, in {@link Fields#DATE_SORT} seconds (0: none). */
    static long newestSecond(IndexReader reader) throws IOException {
        byte[] max = PointValues.getMaxPackedValue(reader, Fields.DATE_DAYS);
        return max == null ? 0 : NewsRanking.endOfDay(IntPoint.decodeDimension(max, 0));
    }

    @Override
    public DoubleValues getValues(LeafReaderContext ctx, DoubleValues scores) throws IOException {
        NumericDocValues values = DocValues.getNumeric(ctx.reader(), factor == Factor.RECENCY ? Fields.DATE_SORT : Fields.PAGE_CLASS);
        return new DoubleValues() {
            private double value;

            @Override
            public double doubleValue() {
                return value;
            }

            @Override
            public boolean advanceExact(int doc) throws IOException {
                boolean has = values.advanceExact(doc);
                value = switch (factor) {
                    case RECENCY -> ranking.recency(has ? (double) newestSecond - (double) values.longValue() : Double.NaN);
                    case PAGE_TYPE -> has ? weightAt(values.longValue()) : 1;
                };
                return true;
            }
        };
    }

    private double weightAt(long pageClass) {
        return pageClass >= 0 && pageClass < weightByClass.length ? weightByClass[(int) pageClass] : 1;
    }

    @Override
    public boolean needsScores() {
        return false;
    }

    @Override
    public DoubleValuesSource rewrite(IndexSearcher searcher) {
        return this;
    }

    @Override
    public boolean isCacheable(LeafReaderContext ctx) {
        return DocValues.isCacheable(ctx, factor == Factor.RECENCY ? Fields.DATE_SORT : Fields.PAGE_CLASS);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NewsPrior p && p.ranking.equals(ranking) && p.factor == factor && p.newestSecond == newestSecond;
    }

    @Override
    public int hashCode() {
        return Objects.hash(ranking, factor, newestSecond);
    }

    @Override
    public String toString() {
        return "news-prior(" + factor + ", " + ranking + ", newest=" + newestSecond + ")";
    }
}

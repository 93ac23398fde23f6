package dev.zhsearch.cluster;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.zhsearch.index.Fields;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PointRangeQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.RegexpQuery;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.search.WildcardQuery;

/**
 * A Lucene query, as zhsearch's query factory builds it (already analysed: its terms are folded
 * words and bigrams), written in OpenSearch's query DSL over the same fields. Because the terms are
 * analysed here, by the same analyzers the plugin runs in the cluster, both backends match the same
 * documents: term for term, a phrase as an ordered span with the phrase's gaps. The embedded
 * index's bigram twin {@code title_bigram} is the multi-field {@code title.bigram} here, so that
 * OpenSearch highlights it on the title's own text.
 */
public final class QueryDsl {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private QueryDsl() {}

    /** The cluster's name of an embedded index field. */
    public static String field(String embedded) {
        return Fields.isBigram(embedded)
                ? embedded.substring(0, embedded.length() - Fields.BIGRAM_SUFFIX.length()) + ".bigram"
                : embedded;
    }

    public static ObjectNode of(Query q) {
        return switch (q) {
            case TermQuery t -> term(t.getTerm(), 1f);
            case BoostQuery b when b.getQuery() instanceof TermQuery t -> term(t.getTerm(), b.getBoost());
            case BoostQuery b -> {
                ObjectNode bool = JSON.objectNode();
                bool.putArray("must").add(of(b.getQuery()));
                bool.put("boost", b.getBoost());
                yield wrap("bool", bool);
            }
            case BooleanQuery bq -> bool(bq);
            case PhraseQuery p -> phrase(p);
            case MultiPhraseQuery mp -> multiPhrase(mp);
            case DisjunctionMaxQuery d -> {
                ObjectNode dm = JSON.objectNode();
                ArrayNode queries = dm.putArray("queries");
                d.getDisjuncts().forEach(x -> queries.add(of(x)));
                dm.put("tie_breaker", d.getTieBreakerMultiplier());
                yield wrap("dis_max", dm);
            }
            case ConstantScoreQuery c -> {
                ObjectNode cs = JSON.objectNode();
                cs.set("filter", of(c.getQuery()));
                yield wrap("constant_score", cs);
            }
            case MatchAllDocsQuery m -> wrap("match_all", JSON.objectNode());
            case MatchNoDocsQuery m -> wrap("match_none", JSON.objectNode());
            case SynonymQuery s -> {
                ObjectNode bool = JSON.objectNode();
                ArrayNode should = bool.putArray("should");
                s.getTerms().forEach(t -> should.add(term(t, 1f)));
                yield wrap("bool", bool);
            }
            case PrefixQuery p -> field("prefix", p.getPrefix().field(), JSON.objectNode().put("value", p.getPrefix().text()));
            case WildcardQuery w -> field("wildcard", w.getTerm().field(), JSON.objectNode().put("value", w.getTerm().text()));
            case RegexpQuery r -> field("regexp", r.getRegexp().field(), JSON.objectNode().put("value", r.getRegexp().text()));
            case FuzzyQuery f -> field("fuzzy", f.getTerm().field(), JSON.objectNode().put("value", f.getTerm().text())
                    .put("fuzziness", f.getMaxEdits()).put("prefix_length", f.getPrefixLength()).put("transpositions", f.getTranspositions()));
            case TermRangeQuery r -> {
                ObjectNode range = JSON.objectNode();
                if (r.getLowerTerm() != null) {
                    range.put(r.includesLower() ? "gte" : "gt", r.getLowerTerm().utf8ToString());
                }
                if (r.getUpperTerm() != null) {
                    range.put(r.includesUpper() ? "lte" : "lt", r.getUpperTerm().utf8ToString());
                }
                yield field("range", r.getField(), range);
            }
            case PointRangeQuery r when r.getNumDims() == 1 && r.getBytesPerDim() == Integer.BYTES -> {
                int lo = IntPoint.decodeDimension(r.getLowerPoint(), 0);
                int hi = IntPoint.decodeDimension(r.getUpperPoint(), 0);
                ObjectNode range = JSON.objectNode();
                if (lo != Integer.MIN_VALUE) {
                    range.put("gte", lo);
                }
                if (hi != Integer.MAX_VALUE) {
                    range.put("lte", hi);
                }
                yield field("range", r.getField(), range);
            }
            default -> throw new IllegalArgumentException("no OpenSearch form for " + q.getClass().getSimpleName() + ": " + q);
        };
    }

    private static ObjectNode term(Term t, float boost) {
        ObjectNode v = JSON.objectNode().put("value", t.text());
        if (boost != 1f) {
            v.put("boost", boost);
        }
        return field("term", t.field(), v);
    }

    private static ObjectNode bool(BooleanQuery bq) {
        ObjectNode bool = JSON.objectNode();
        for (BooleanClause c : bq.clauses()) {
            String occur = switch (c.occur()) {
                case MUST -> "must";
                case SHOULD -> "should";
                case MUST_NOT -> "must_not";
                case FILTER -> "filter";
            };
            (bool.has(occur) ? (ArrayNode) bool.get(occur) : bool.putArray(occur)).add(of(c.query()));
        }
        if (bq.getMinimumNumberShouldMatch() > 0) {
            bool.put("minimum_should_match", bq.getMinimumNumberShouldMatch());
        } else if (bool.has("should") && !bool.has("must") && !bool.has("filter")) {
            bool.put("minimum_should_match", 1); // Lucene: a query of only SHOULD clauses needs one of them
        } else if (bool.has("should")) {
            bool.put("minimum_should_match", 0); // OpenSearch's default already; said for the reader
        }
        return wrap("bool", bool);
    }

    /** An exact phrase: its words in order, the positions between them as they are in the phrase. */
    private static ObjectNode phrase(PhraseQuery p) {
        Term[] terms = p.getTerms();
        int[] positions = p.getPositions();
        if (terms.length == 1) {
            return term(terms[0], 1f);
        }
        ArrayNode clauses = JSON.arrayNode();
        for (Term t : terms) {
            clauses.add(field("span_term", t.field(), JSON.objectNode().put("value", t.text())));
        }
        return spanNear(clauses, gaps(positions) + p.getSlop());
    }

    private static ObjectNode multiPhrase(MultiPhraseQuery mp) {
        Term[][] terms = mp.getTermArrays();
        ArrayNode clauses = JSON.arrayNode();
        for (Term[] alternatives : terms) {
            ArrayNode or = JSON.arrayNode();
            for (Term t : alternatives) {
                or.add(field("span_term", t.field(), JSON.objectNode().put("value", t.text())));
            }
            ObjectNode spanOr = JSON.objectNode();
            spanOr.set("clauses", or);
            clauses.add(wrap("span_or", spanOr));
        }
        if (clauses.size() == 1) {
            return wrap("span_or", (ObjectNode) clauses.get(0).get("span_or"));
        }
        return spanNear(clauses, gaps(mp.getPositions()) + mp.getSlop());
    }

    private static ObjectNode spanNear(ArrayNode clauses, int slop) {
        ObjectNode near = JSON.objectNode();
        near.set("clauses", clauses);
        near.put("slop", slop);
        near.put("in_order", true);
        return wrap("span_near", near);
    }

    /** Positions a phrase skips (a stop word removed between two of its words). */
    private static int gaps(int[] positions) {
        return positions.length < 2 ? 0 : positions[positions.length - 1] - positions[0] - (positions.length - 1);
    }

    private static ObjectNode field(String type, String field, ObjectNode value) {
        ObjectNode inner = JSON.objectNode();
        inner.set(field(field), value);
        return wrap(type, inner);
    }

    private static ObjectNode wrap(String type, ObjectNode inner) {
        ObjectNode o = JSON.objectNode();
        o.set(type, inner);
        return o;
    }
}

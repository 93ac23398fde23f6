package dev.zhsearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zhsearch.index.Fields;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.MultiReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.junit.jupiter.api.Test;

class QueryFactoryTest {

    private final QueryFactory factory = new QueryFactory(SeedIndex.ANALYSIS.perField());

    /** The terms the query reads once Lucene has rewritten it, as field:text. */
    private static List<String> rewrittenTerms(Query q) throws Exception {
        Query rewritten = new IndexSearcher(new MultiReader()).rewrite(q);
        List<String> terms = new ArrayList<>();
        rewritten.visit(new QueryVisitor() {
            @Override
            public void consumeTerms(Query query, Term... ts) {
                for (Term t : ts) {
                    terms.add(t.field() + ":" + t.text());
                }
            }

            @Override
            public QueryVisitor getSubVisitor(org.apache.lucene.search.BooleanClause.Occur occur, Query parent) {
                return this;
            }
        });
        return terms;
    }

    @Test
    void anUnknownNameIsOneBigramPhraseNotTheSingleCharactersPostings() throws Exception {
        // smartcn cuts the pitcher 鄧愷威 into 邓/恺/威: both halves of the query are the bigram phrase, merged into one
        List<String> terms = rewrittenTerms(factory.parse("鄧愷威")).stream().sorted().toList();
        assertEquals(List.of("body_bigram:恺威", "body_bigram:邓恺", "title_bigram:恺威", "title_bigram:邓恺"), terms);
    }

    @Test
    void knownWordsStayWordTermsBesideTheUnknownName() throws Exception {
        List<String> terms = rewrittenTerms(factory.parse("台積電 半導體"));
        assertTrue(terms.stream().noneMatch(t -> (t.startsWith(Fields.TITLE + ":") || t.startsWith(Fields.BODY + ":"))
                && t.codePointCount(t.indexOf(':') + 1, t.length()) == 1), "no single-character word term: " + terms);
        assertTrue(terms.stream().anyMatch(t -> t.startsWith(Fields.BODY + ":")), "半導體 still scored on the word field: " + terms);
    }
}

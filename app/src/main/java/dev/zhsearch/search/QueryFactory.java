package dev.zhsearch.search;

import dev.zhsearch.entity.Company;
import dev.zhsearch.entity.CompanyMatcher;
import dev.zhsearch.index.Fields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.PhraseQuery;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.queryparser.classic.TokenMgrError;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * User query text → Lucene query. Lucene syntax (AND/OR/NOT, "phrases", field:term, grouping)
 * with AND as the default operator: every word must match, as people expect of a search box. The
 * query is parsed twice, once against the smartcn word fields and once against their CJK-bigram
 * twins (where a run of Han characters becomes a phrase of bigrams, i.e. an exact substring);
 * a document matches either way and scores by both. Leading wildcards are refused.
 */
public final class QueryFactory {

    /** Fields a user may name in a query, mapped to the index field(s). */
    private static final Set<String> TEXT_FIELDS = Set.of(Fields.TITLE, Fields.BODY);
    private static final List<String> TEXT_FIELDS_ORDERED = List.of(Fields.TITLE, Fields.BODY);
    private static final Set<String> KEYWORD_FIELDS = Set.of(Fields.SOURCE, Fields.ID, Fields.SCRIPT, Fields.DATE_SOURCE);
    /** How much more a word in the title counts than one in the body, unless the ranking says otherwise. */
    public static final float TITLE_BOOST = 2f;
    public static final int MAX_QUERY_CHARS = 2_000;

    /** Which field families a query searches: production uses BOTH; the others exist to measure. */
    public enum Mode { WORDS, BIGRAMS, BOTH }

    private final Analyzer analyzer;
    private final Mode mode;
    private final Map<String, Float> boosts;
    /** Finds company names in the search box's words (null: none looked for). */
    private final CompanyMatcher companies;

    public QueryFactory(Analyzer perFieldAnalyzer) {
        this(perFieldAnalyzer, Mode.BOTH, null);
    }

    public QueryFactory(Analyzer perFieldAnalyzer, Mode mode) {
        this(perFieldAnalyzer, mode, null);
    }

    /**
     * With {@code companies}, a company named in the search box matches the documents tagged with it
     * under any of its names, beside the words themselves: 富士康 finds the Taiwan reports of 鴻海,
     * Hon Hai those of 鸿海 and 富士康.
     */
    public QueryFactory(Analyzer perFieldAnalyzer, Mode mode, CompanyMatcher companies) {
        this(perFieldAnalyzer, mode, companies, TITLE_BOOST);
    }

    /** With a title word counting {@code titleBoost} times a body word (the ranking's {@code title.boost}). */
    public QueryFactory(Analyzer perFieldAnalyzer, Mode mode, CompanyMatcher companies, float titleBoost) {
        this.analyzer = perFieldAnalyzer;
        this.mode = mode;
        this.companies = companies;
        this.boosts = Map.of(Fields.TITLE, titleBoost, Fields.BODY, 1f, Fields.TITLE_BIGRAM, titleBoost, Fields.BODY_BIGRAM, 1f);
    }

    /** Which syntax the query text is in: the search box's (default) or Lucene's. */
    public enum Syntax {
        /** {@link PeopleSyntax}: any text is accepted; long queries relax. */
        PEOPLE,
        /** Lucene's classic syntax, for power users: malformed queries are errors. */
        LUCENE;

        public static Syntax parse(String s) {
            return switch (s == null ? "" : s.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "", "people", "simple" -> PEOPLE;
                case "lucene" -> LUCENE;
                default -> throw new IllegalArgumentException("unknown syntax '" + s + "' (people | lucene)");
            };
        }
    }

    /**
     * Plain words a document must match: all of them up to this many; past it, {@link #RELAX_FRACTION}
     * of them (rounded up), so a pasted headline with a stray word still finds its article.
     */
    public static final int STRICT_TERMS = 3;
    public static final double RELAX_FRACTION = 0.75;
    /**
     * The search box reads at most this many words, and this many phrases, field parts, OR
     * alternatives and exclusions: a pasted paragraph is searched by its beginning, within
     * Lucene's clause limit, instead of being refused.
     */
    public static final int MAX_TERMS = 64;
    public static final int MAX_PARTS = 64;

    public Query parse(String text, Syntax syntax) throws InvalidQueryException {
        return syntax == Syntax.LUCENE ? parse(text) : people(text, RELAX_FRACTION);
    }

    /**
     * Where the search box's query finds fewer than this many documents, the search also takes
     * documents with only part of its words ({@link #partial}), after those with all of them: a
     * query in one region's words (富士康营收, 中寮鐵路) often has one word the other region says
     * differently, and finding nothing is the worst answer.
     */
    public static final int PARTIAL_BELOW = 10;
    /** The share of the plain words a partial match must have (rounded up; at least one). */
    public static final double PARTIAL_FRACTION = 0.5;
    /**
     * With partial matches, a document with all the words has its score multiplied by this: every
     * one of them comes before any partial match (text scores differ by far less), and among them,
     * and among the partial ones, the ranking is as usual.
     */
    public static final float WHOLE_MATCH_FACTOR = 10_000f;

    /**
     * In partial matches, the weight of each of the typed text's character pairs a document holds
     * (chosen on the judged set: 1 gave nDCG@10 0.797 against 0.793 without, 0.3 gave 0.789).
     */
    public static final float PARTIAL_PAIR_BOOST = 1f;

    /**
     * The search box's query with {@link #PARTIAL_FRACTION} of its plain words required instead of
     * all (documents with every word still come first: their words count twice), and the typed
     * text's character pairs counted ({@link #PARTIAL_PAIR_BOOST}). Text that is one word (a run of
     * characters the analysis cannot cut, such as 核三重啟) relaxes to half its character pairs. Empty
     * where nothing can relax: a word of two or three characters, a lone phrase, field part or OR group, and
     * Lucene syntax. {@code strict} is the query {@link #parse(String, Syntax)} made of the same text.
     */
    public java.util.Optional<Query> partial(String text, Syntax syntax, Query strict) {
        if (syntax == Syntax.LUCENE) {
            return java.util.Optional.empty();
        }
        Query partial = people(text, PARTIAL_FRACTION, 1);
        boolean oneRun = partial.equals(strict);
        if (oneRun && !plainOnly(text)) {
            return java.util.Optional.empty(); // a phrase, a field part or an exclusion means what it says
        }
        // each of the typed text's character pairs a document holds counts too (its BM25 in title or
        // body, the better): 卡塔尔世界杯 holds more of 卡達世足賽 (卡塔尔世界杯赛) than 卡達 alone does.
        // The pairs are the bigram field's own terms for the text, folded as it folds them.
        java.util.Set<String> pairs = new java.util.LinkedHashSet<>();
        try (TokenStream ts = analyzer.tokenStream(Fields.TITLE_BIGRAM, text.length() > MAX_QUERY_CHARS ? text.substring(0, MAX_QUERY_CHARS) : text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken() && pairs.size() < MAX_TERMS) {
                String t = term.toString();
                if (t.codePointCount(0, t.length()) == 2 && Parser.hanWord(t)) {
                    pairs.add(t);
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // analysing a String does not fail
        }
        if (oneRun) {
            // one word the analysis cannot cut (核三重啟: four characters, found only as written):
            // the documents holding half its character pairs or more (核三 … 重啟)
            if (pairs.size() < 3) { // 台積電 or a name of three: one pair of two would find any 台積 or 積電
                return java.util.Optional.empty();
            }
            BooleanQuery.Builder some = new BooleanQuery.Builder();
            pairs.forEach(pair -> some.add(pairClause(pair), BooleanClause.Occur.SHOULD));
            some.setMinimumNumberShouldMatch((int) Math.ceil(pairs.size() * PARTIAL_FRACTION));
            return java.util.Optional.of(some.build());
        }
        if (!pairs.isEmpty()) {
            BooleanQuery.Builder covered = new BooleanQuery.Builder().add(partial, BooleanClause.Occur.MUST);
            pairs.forEach(pair -> covered.add(pairClause(pair), BooleanClause.Occur.SHOULD));
            partial = covered.build();
        }
        return java.util.Optional.of(partial);
    }

    /** A character pair in title or body (the better of the two), worth {@link #PARTIAL_PAIR_BOOST}. */
    private static Query pairClause(String pair) {
        return new BoostQuery(new org.apache.lucene.search.DisjunctionMaxQuery(List.of(
                new TermQuery(new Term(Fields.TITLE_BIGRAM, pair)), new TermQuery(new Term(Fields.BODY_BIGRAM, pair))), 0f),
                PARTIAL_PAIR_BOOST);
    }

    /** Whether the search box's text is plain words only: no phrase, field part, OR or exclusion. */
    private static boolean plainOnly(String text) {
        PeopleSyntax.Parsed parsed = PeopleSyntax.parse(dev.zhsearch.clean.Cleaner.withoutMarker(text.strip()));
        return parsed.excluded().isEmpty() && !parsed.groups().isEmpty()
                && parsed.groups().stream().allMatch(g -> g.size() == 1 && g.getFirst().plain());
    }

    /**
     * The search box: never an error. Text past {@link #MAX_QUERY_CHARS} is not searched. Plain
     * words relax past {@link #STRICT_TERMS} to {@code relax} of them; phrases, field parts and OR
     * groups must each match; excluded parts must not.
     */
    public Query people(String text, double relax) {
        return people(text, relax, STRICT_TERMS);
    }

    /** As {@link #people(String, double)}, all plain words required up to {@code strictTerms} of them. */
    private Query people(String text, double relax, int strictTerms) {
        if (text == null || text.isBlank()) {
            return new MatchAllDocsQuery();
        }
        String searched = dev.zhsearch.clean.Cleaner.withoutMarker(text.strip()); // a pasted title, as titles are indexed
        searched = searched.length() > MAX_QUERY_CHARS ? searched.substring(0, MAX_QUERY_CHARS) : searched;
        PeopleSyntax.Parsed parsed = PeopleSyntax.parse(searched);
        List<Query> terms = new ArrayList<>();
        List<Query> exact = new ArrayList<>();
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        boolean positive = false;
        int parts = 0;
        for (List<PeopleSyntax.Part> group : parsed.groups()) {
            if (group.size() == 1 && group.getFirst().plain()) {
                if (terms.size() < MAX_TERMS) {
                    List<Query> more = plainClauses(group.getFirst().text());
                    terms.addAll(more.subList(0, Math.min(more.size(), MAX_TERMS - terms.size())));
                    if (more.size() > 1 && exact.size() < MAX_PARTS) { // one word: its clause already holds its bigram phrase
                        exactSubstring(group.getFirst().text()).ifPresent(exact::add);
                    }
                }
                continue;
            }
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            int alternatives = 0;
            for (PeopleSyntax.Part part : group) {
                if (++parts > MAX_PARTS) {
                    break;
                }
                Query q = strict(part);
                if (q != null) {
                    any.add(q, BooleanClause.Occur.SHOULD);
                    alternatives++;
                }
            }
            if (alternatives > 0) {
                query.add(any.build(), BooleanClause.Occur.MUST);
                positive = true;
            }
        }
        if (!terms.isEmpty()) {
            BooleanQuery.Builder bag = new BooleanQuery.Builder();
            terms.forEach(t -> bag.add(t, BooleanClause.Occur.SHOULD));
            int n = terms.size();
            int needed = n <= strictTerms ? n : Math.max(1, (int) Math.ceil(n * relax));
            bag.setMinimumNumberShouldMatch(needed);
            query.add(bag.build(), BooleanClause.Occur.MUST);
            if (needed < n) { // relaxed: a document with every word still comes first, its words counted twice
                BooleanQuery.Builder all = new BooleanQuery.Builder();
                terms.forEach(t -> all.add(t, BooleanClause.Occur.MUST));
                query.add(all.build(), BooleanClause.Occur.SHOULD);
            }
            exact.forEach(q -> query.add(q, BooleanClause.Occur.SHOULD));
            positive = true;
        }
        for (PeopleSyntax.Part part : parsed.excluded()) {
            if (++parts > MAX_PARTS) {
                break;
            }
            Query q = strict(part);
            if (q != null) {
                query.add(q, BooleanClause.Occur.MUST_NOT);
            }
        }
        if (!positive) {
            if (parsed.excluded().isEmpty()) {
                return new org.apache.lucene.search.MatchNoDocsQuery("nothing searchable in the query");
            }
            query.add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST);
        }
        return query.build();
    }

    /** A part that must match as a whole: its words all, or its phrase, in its field or in title and body. */
    private Query strict(PeopleSyntax.Part part) {
        String value = part.phrase() || part.field() != null && part.field().equals(Fields.SOURCE)
                ? "\"" + part.text().replace("\\", " ").replace("\"", " ") + "\""
                : "(" + QueryParser.escape(part.text()) + ")";
        String lucene = part.field() == null ? value : part.field() + ":" + value;
        try {
            Query q = parse(lucene);
            return q instanceof BooleanQuery b && b.clauses().isEmpty() ? null : q;
        } catch (InvalidQueryException e) {
            return null; // an escaped part always parses; a part with nothing searchable in it adds nothing
        }
    }

    /**
     * What to mark in the documents a query finds: the query itself, and for each company it names,
     * the company's other names (富士康 marks 鴻海 in a Taiwan report found through the company). For
     * highlighting only: it finds nothing the query does not.
     */
    public Query marked(String text, Syntax syntax, Query query) {
        if (companies == null || syntax == Syntax.LUCENE || text == null || text.isBlank()) {
            return query;
        }
        BooleanQuery.Builder marked = new BooleanQuery.Builder().add(query, BooleanClause.Occur.SHOULD);
        int names = 0;
        for (CompanyMatcher.Mention m : companies.mentions(text)) {
            var company = companies.table().get(m.company());
            if (company.isEmpty()) {
                continue;
            }
            java.util.Set<String> forms = new java.util.LinkedHashSet<>(List.of(company.get().nameHant(), company.get().nameEn()));
            company.get().aliases().stream().filter(a -> !Company.inListsOnly(a)).map(Company::aliasText)
                    .filter(a -> a.codePoints().anyMatch(Character::isLetter)).forEach(forms::add);
            for (String form : forms) {
                if (form == null || form.isBlank() || names >= MAX_PARTS
                        // 台積電公司, 台灣積體電路製造股份有限公司: a shorter name marks them, and their words
                        // apart (公司, 股份) would be marked wherever they stand
                        || forms.stream().anyMatch(g -> g != null && g.length() >= 2 && !g.equals(form) && form.startsWith(g))) {
                    continue;
                }
                List<Query> words = termClauses(form);
                if (!words.isEmpty()) {
                    BooleanQuery.Builder all = new BooleanQuery.Builder();
                    words.forEach(w -> all.add(w, BooleanClause.Occur.MUST));
                    marked.add(all.build(), BooleanClause.Occur.SHOULD);
                    names++;
                }
            }
        }
        return names == 0 ? query : marked.build();
    }

    /**
     * {@link #termClauses} of plain text, except that a company's name in it is one clause: its words,
     * or the documents tagged with the company ({@link Fields#COMPANY}), whatever name they use.
     */
    private List<Query> plainClauses(String text) {
        List<CompanyMatcher.Mention> mentions = companies == null ? List.of() : companies.mentions(text);
        if (mentions.isEmpty()) {
            return termClauses(text);
        }
        List<Query> clauses = new ArrayList<>();
        int at = 0;
        for (CompanyMatcher.Mention m : mentions) {
            if (m.start() < at || m.end() <= m.start()) {
                continue;
            }
            clauses.addAll(termClauses(text.substring(at, m.start())));
            List<Query> words = termClauses(text.substring(m.start(), m.end()));
            BooleanQuery.Builder name = new BooleanQuery.Builder();
            if (!words.isEmpty()) {
                BooleanQuery.Builder all = new BooleanQuery.Builder();
                words.forEach(w -> all.add(w, BooleanClause.Occur.MUST));
                name.add(all.build(), BooleanClause.Occur.SHOULD);
            }
            name.add(new BoostQuery(new TermQuery(new Term(Fields.COMPANY, m.company())), boosts.get(Fields.TITLE)), BooleanClause.Occur.SHOULD);
            clauses.add(name.build());
            at = m.end();
        }
        clauses.addAll(termClauses(text.substring(at)));
        return clauses;
    }

    /**
     * Each searchable unit of plain text as one clause: a word in title (boosted) or body, or, for a
     * run of characters the segmenter does not know as a word, that run as an exact substring. A Han
     * word also matches as an exact substring (its bigram phrase): the segmenter may cut the same
     * characters differently inside a document's sentence than alone in a query.
     */
    private List<Query> termClauses(String text) {
        List<Query> clauses = new ArrayList<>();
        try {
            List<Query> title = Parser.units(analyzer, Fields.TITLE, text);
            List<Query> body = Parser.units(analyzer, Fields.BODY, text);
            for (int i = 0; i < Math.min(title.size(), body.size()); i++) {
                BooleanQuery.Builder clause = new BooleanQuery.Builder()
                        .add(new BoostQuery(title.get(i), boosts.get(Fields.TITLE)), BooleanClause.Occur.SHOULD)
                        .add(body.get(i), BooleanClause.Occur.SHOULD);
                if (mode != Mode.WORDS && title.get(i) instanceof TermQuery tq && Parser.hanWord(tq.getTerm().text())) {
                    List<String> chars = tq.getTerm().text().codePoints().mapToObj(Character::toString).toList();
                    clause.add(new BoostQuery(Parser.bigramPhrase(Fields.TITLE_BIGRAM, chars), boosts.get(Fields.TITLE_BIGRAM)),
                                    BooleanClause.Occur.SHOULD)
                            .add(Parser.bigramPhrase(Fields.BODY_BIGRAM, chars), BooleanClause.Occur.SHOULD);
                }
                clauses.add(clause.build());
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // analysing a String does not fail
        }
        return clauses;
    }

    /** The plain text as an exact substring of title or body (bigram phrases): a bonus, never required. */
    private java.util.Optional<Query> exactSubstring(String text) {
        if (mode == Mode.WORDS) {
            return java.util.Optional.empty();
        }
        try {
            Query title = new Parser(new String[] {Fields.TITLE_BIGRAM}, analyzer, true, boosts).parse("\"" + text.replace("\\", " ").replace("\"", " ") + "\"");
            Query body = new Parser(new String[] {Fields.BODY_BIGRAM}, analyzer, true, boosts).parse("\"" + text.replace("\\", " ").replace("\"", " ") + "\"");
            if (title instanceof BooleanQuery b && b.clauses().isEmpty()) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(new BooleanQuery.Builder()
                    .add(title, BooleanClause.Occur.SHOULD).add(body, BooleanClause.Occur.SHOULD).build());
        } catch (ParseException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    /** Lucene's classic syntax ({@link Syntax#LUCENE}): a malformed query is an {@link InvalidQueryException}. */
    public Query parse(String text) throws InvalidQueryException {
        if (text == null || text.isBlank()) {
            return new MatchAllDocsQuery();
        }
        if (text.length() > MAX_QUERY_CHARS) {
            throw new InvalidQueryException("query too long: " + text.length() + " characters (at most " + MAX_QUERY_CHARS + ")");
        }
        if (mode == Mode.WORDS) {
            return parse(text, false);
        }
        if (mode == Mode.BIGRAMS) {
            return parse(text, true);
        }
        Query words = parse(text, false);
        Query bigrams = parse(text, true);
        return new BooleanQuery.Builder()
                .add(words, BooleanClause.Occur.SHOULD)
                .add(bigrams, BooleanClause.Occur.SHOULD)
                .build();
    }

    private Query parse(String text, boolean bigram) throws InvalidQueryException {
        String[] fields = bigram
                ? new String[] {Fields.TITLE_BIGRAM, Fields.BODY_BIGRAM}
                : new String[] {Fields.TITLE, Fields.BODY};
        Parser parser = new Parser(fields, analyzer, bigram, boosts);
        try {
            return parser.parse(text);
        } catch (ParseException | TokenMgrError e) {
            throw new InvalidQueryException("cannot parse query: " + oneLine(e.getMessage()));
        } catch (IndexSearcher.TooManyClauses e) {
            throw new InvalidQueryException("query too complex: more than " + IndexSearcher.getMaxClauseCount() + " clauses");
        } catch (IllegalArgumentException e) {
            throw new InvalidQueryException("invalid query: " + oneLine(e.getMessage()));
        }
    }

    private static String oneLine(String message) {
        if (message == null) {
            return "syntax error";
        }
        String first = message.strip().split("\\R", 2)[0];
        return first.replace("Cannot parse '", "").replaceAll("^.*?': ", "");
    }

    static final class Parser extends MultiFieldQueryParser {
        private final boolean bigram;
        private final Map<String, Float> boosts;

        Parser(String[] fields, Analyzer analyzer, boolean bigram, Map<String, Float> boosts) {
            super(fields, analyzer, boosts);
            this.bigram = bigram;
            this.boosts = boosts;
            setDefaultOperator(QueryParser.Operator.AND);
            setAllowLeadingWildcard(false);
            setSplitOnWhitespace(true);
            setAutoGeneratePhraseQueries(bigram);
        }

        @Override
        protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
            if (field == null && !bigram && !quoted) {
                // MultiFieldQueryParser would call QueryParserBase per field, bypassing the rule below
                BooleanQuery.Builder perField = new BooleanQuery.Builder();
                int clauses = 0;
                for (String f : TEXT_FIELDS_ORDERED) {
                    Query q = wordsWithUnknownRunsAsPhrases(f, queryText);
                    if (q != null) {
                        perField.add(new BoostQuery(q, boosts.get(f)), BooleanClause.Occur.SHOULD);
                        clauses++;
                    }
                }
                return clauses == 0 ? null : perField.build();
            }
            if (field == null) {
                return super.getFieldQuery(null, queryText, quoted);
            }
            String target = mapped(field);
            if (!bigram && !quoted && TEXT_FIELDS.contains(target)) {
                return wordsWithUnknownRunsAsPhrases(target, queryText);
            }
            return single(field, queryText, () -> super.getFieldQuery(target, queryText, quoted));
        }

        /**
         * smartcn cuts a name it does not know (台积电, 英伟达) into single characters; ANDed one by
         * one they would match any text holding the three characters anywhere (英業達 for 英偉達). A
         * run of single Han characters is therefore a phrase; known words stay separate clauses.
         */
        private Query wordsWithUnknownRunsAsPhrases(String field, String text) throws ParseException {
            List<Query> clauses;
            try {
                clauses = units(getAnalyzer(), field, text);
            } catch (IOException e) {
                throw new ParseException("cannot analyse query: " + e.getMessage());
            }
            if (clauses.isEmpty()) {
                return null;
            }
            if (clauses.size() == 1) {
                return clauses.getFirst();
            }
            BooleanClause.Occur occur = getDefaultOperator() == QueryParser.Operator.AND ? BooleanClause.Occur.MUST : BooleanClause.Occur.SHOULD;
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            clauses.forEach(q -> b.add(q, occur));
            return b.build();
        }

        /** The text's searchable units in a word field: known words as terms, runs of single characters as bigram phrases. */
        static List<Query> units(Analyzer analyzer, String field, String text) throws IOException {
            List<String> terms = new ArrayList<>();
            List<Integer> positions = new ArrayList<>();
            try (TokenStream ts = analyzer.tokenStream(field, text)) {
                CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
                PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
                ts.reset();
                int pos = -1;
                while (ts.incrementToken()) {
                    pos += Math.max(1, inc.getPositionIncrement());
                    terms.add(term.toString());
                    positions.add(pos);
                }
                ts.end();
            }
            List<Query> clauses = new ArrayList<>();
            int i = 0;
            while (i < terms.size()) {
                int j = i;
                while (j < terms.size() && singleHan(terms.get(j)) && (j == i || positions.get(j) == positions.get(j - 1) + 1)) {
                    j++;
                }
                if (j - i >= 2) {
                    clauses.add(bigramPhrase(Fields.bigramOf(field), terms.subList(i, j)));
                    i = j;
                } else {
                    clauses.add(new TermQuery(new Term(field, terms.get(i))));
                    i++;
                }
            }
            return clauses;
        }

        /**
         * The run 台/积/电 as the bigram twin's phrase 台积 积电: the same exact-substring match the
         * bigram half of the query makes, so that half and this clause are one and the same query,
         * which BooleanQuery's rewrite merges (summing boosts) instead of scanning the single
         * characters' long postings a second time.
         */
        static Query bigramPhrase(String bigramField, List<String> chars) {
            if (chars.size() == 2) {
                return new TermQuery(new Term(bigramField, chars.get(0) + chars.get(1)));
            }
            PhraseQuery.Builder phrase = new PhraseQuery.Builder();
            for (int k = 0; k + 1 < chars.size(); k++) {
                phrase.add(new Term(bigramField, chars.get(k) + chars.get(k + 1)), k);
            }
            return phrase.build();
        }

        /** A word of two or more characters, all Han: its bigram phrase is the same text. */
        static boolean hanWord(String term) {
            return term.codePointCount(0, term.length()) >= 2
                    && term.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
        }

        private static boolean singleHan(String term) {
            return term.codePointCount(0, term.length()) == 1
                    && Character.UnicodeScript.of(term.codePointAt(0)) == Character.UnicodeScript.HAN;
        }

        @Override
        protected Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
            if (field == null) {
                return super.getFieldQuery(null, queryText, slop);
            }
            return single(field, queryText, () -> super.getFieldQuery(mapped(field), queryText, slop));
        }

        @Override
        protected Query getPrefixQuery(String field, String termStr) throws ParseException {
            checkWildcard(termStr + "*");
            return field == null ? super.getPrefixQuery(null, termStr) : super.getPrefixQuery(mapped(field), termStr);
        }

        /** At least this many characters before the first wildcard: "台*" alone would expand to most of the index. */
        static final int MIN_WILDCARD_PREFIX = 2;

        private static void checkWildcard(String termStr) throws ParseException {
            int first = termStr.length();
            for (int i = 0; i < termStr.length(); i++) {
                if (termStr.charAt(i) == '*' || termStr.charAt(i) == '?') {
                    first = i;
                    break;
                }
            }
            if (termStr.codePointCount(0, first) < MIN_WILDCARD_PREFIX) {
                throw new ParseException("a wildcard needs at least " + MIN_WILDCARD_PREFIX + " characters before it: " + termStr);
            }
        }

        @Override
        protected Query getWildcardQuery(String field, String termStr) throws ParseException {
            checkWildcard(termStr);
            return field == null ? super.getWildcardQuery(null, termStr) : super.getWildcardQuery(mapped(field), termStr);
        }

        @Override
        protected Query getFuzzyQuery(String field, String termStr, float minSimilarity) throws ParseException {
            return field == null ? super.getFuzzyQuery(null, termStr, minSimilarity) : super.getFuzzyQuery(mapped(field), termStr, minSimilarity);
        }

        @Override
        protected Query getRegexpQuery(String field, String termStr) throws ParseException {
            throw new ParseException("regular expressions are not supported");
        }

        @Override
        protected Query getRangeQuery(String field, String part1, String part2, boolean startInclusive, boolean endInclusive) throws ParseException {
            throw new ParseException("range queries are not supported in the query text; use the from/to date filters");
        }

        private interface Body {
            Query get() throws ParseException;
        }

        private Query single(String field, String queryText, Body textQuery) throws ParseException {
            if (KEYWORD_FIELDS.contains(field)) {
                return new TermQuery(new Term(field, queryText));
            }
            return textQuery.get();
        }

        private String mapped(String field) throws ParseException {
            if (TEXT_FIELDS.contains(field)) {
                return bigram ? Fields.bigramOf(field) : field;
            }
            if (KEYWORD_FIELDS.contains(field)) {
                return field;
            }
            throw new ParseException("unknown field '" + field + "' (fields: title, body, source, script, id)");
        }
    }
}

package dev.zhsearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SearchServiceTest {

    static SearchService service;

    @BeforeAll
    static void open() throws Exception {
        service = SearchService.open(SeedIndex.dir(), SeedIndex.ANALYSIS);
    }

    @AfterAll
    static void close() throws Exception {
        service.close();
    }

    static Set<String> ids(String q) throws Exception {
        return service.search(SearchRequest.of(q, 100)).hits().stream().map(Hit::id).collect(Collectors.toSet());
    }

    @ParameterizedTest
    @CsvSource({"台积电,台積電", "英伟达,英偉達", "马斯克,馬斯克", "服务器,伺服器", "内存,記憶體", "软件,軟體", "数据中心,資料中心"})
    void bothScriptsFindTheSameDocuments(String simplified, String traditional) throws Exception {
        Set<String> s = ids(simplified);
        assertFalse(s.isEmpty(), simplified);
        assertEquals(s, ids(traditional), simplified + " vs " + traditional);
    }

    @Test
    void theSeedDocumentsEachScriptFinds() throws Exception {
        assertTrue(ids("台积电").containsAll(List.of("001_d649b6dd3a06dc4f", "003_144d49a02e2e854e")));
        assertTrue(ids("英偉達").containsAll(List.of("001_d649b6dd3a06dc4f", "003_144d49a02e2e854e", "004_97219df9cbb1e096")));
        assertFalse(ids("英偉達").contains("000_92c04322924d2219"), "英業達 is not 英偉達");
        assertTrue(ids("伺服器").contains("000_92c04322924d2219"));
        assertTrue(ids("服务器").contains("000_92c04322924d2219"), "a Simplified query finds Taiwan's 伺服器");
        assertTrue(ids("马斯克").containsAll(List.of("000_92c04322924d2219", "001_d649b6dd3a06dc4f", "004_97219df9cbb1e096")));
    }

    @Test
    void expansionFindsSeed004DespiteItsPinyinGlosses() throws Exception {
        assertTrue(ids("扩张").contains("004_97219df9cbb1e096"));
        assertTrue(ids("当地时间").contains("004_97219df9cbb1e096"));
    }

    @Test
    void namesSmartcnDoesNotKnowAreFoundWhole() throws Exception {
        assertTrue(ids("英業達").contains("000_92c04322924d2219"));
        assertTrue(ids("纬创").contains("000_92c04322924d2219"));
    }

    @Test
    void namesFoundOnlyThroughBigramsAreMarkedInTheOriginalText() throws Exception {
        // smartcn splits 英業達/英业达: the document matches through the bigram twin, whose postings
        // carry no offsets, so the highlighter re-analyses the stored text for them
        for (String q : List.of("英業達", "英业达")) {
            Hit h = service.search(SearchRequest.of(q, 10)).hits().stream()
                    .filter(x -> x.id().equals("000_92c04322924d2219")).findFirst().orElseThrow();
            assertEquals("馬斯克力挺xAI 台廠沾光 緯創、<mark>英業達</mark>等協力廠受惠", h.title(), q);
            assertTrue(h.snippets().getFirst().contains("<mark>英業達</mark>"), h.snippets().toString());
        }
    }

    @Test
    void highlightsLandOnTheOriginalCharactersAcrossALengthChange() throws Exception {
        SearchResult r = service.search(SearchRequest.of("内存", 10));
        Hit tw = r.hits().stream().filter(h -> h.id().equals("mem-tw")).findFirst().orElseThrow();
        assertEquals("<mark>記憶體</mark>價格上漲", tw.title());
        assertTrue(tw.snippets().getFirst().contains("今年<mark>記憶體</mark>與伺服器"), tw.snippets().toString());
        Hit cn = r.hits().stream().filter(h -> h.id().equals("mem-cn")).findFirst().orElseThrow();
        assertEquals("<mark>内存</mark>价格上涨", cn.title());
    }

    @Test
    void snippetsAreInTheDocumentsOwnScript() throws Exception {
        Hit h = service.search(SearchRequest.of("台积电", 10)).hits().stream()
                .filter(x -> x.id().equals("xss")).findFirst().orElseThrow();
        assertTrue(h.snippets().getFirst().contains("<mark>台積電</mark>"), h.snippets().toString());
    }

    @Test
    void everythingButTheMarksIsEscaped() throws Exception {
        Hit h = service.search(SearchRequest.of("台積電", 10)).hits().stream()
                .filter(x -> x.id().equals("xss")).findFirst().orElseThrow();
        assertEquals("&lt;script&gt;alert(1)&lt;/script&gt; <mark>台積電</mark>", h.title());
        String s = h.snippets().getFirst();
        assertTrue(s.contains("&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;"), s);
        assertFalse(s.replace("<mark>", "").replace("</mark>", "").contains("<"), s);
    }

    static Set<String> luceneIds(String q) throws Exception {
        return service.search(SearchRequest.of(q, 100).withSyntax(QueryFactory.Syntax.LUCENE)).hits().stream()
                .map(Hit::id).collect(Collectors.toSet());
    }

    @Test
    void luceneSyntaxWorks() throws Exception {
        assertTrue(luceneIds("特斯拉 AND 三星").contains("003_144d49a02e2e854e"));
        assertFalse(luceneIds("特斯拉 NOT 三星").contains("003_144d49a02e2e854e"));
        assertTrue(luceneIds("\"台积电3纳米\"").contains("001_d649b6dd3a06dc4f"));
        assertTrue(luceneIds("title:台积电").contains("001_d649b6dd3a06dc4f"));
        assertFalse(luceneIds("title:台积电").contains("003_144d49a02e2e854e"), "003 names 台积电 in its body only");
        assertTrue(luceneIds("xAI OR 台积电").size() >= luceneIds("台积电").size());
        assertTrue(luceneIds("(特斯拉 OR 蘋果) AND 三星").contains("003_144d49a02e2e854e"));
    }

    @Test
    void theSearchBoxKeepsItsOperators() throws Exception {
        assertTrue(ids("特斯拉 三星").contains("003_144d49a02e2e854e"));
        assertFalse(ids("特斯拉 -三星").contains("003_144d49a02e2e854e"));
        assertFalse(ids("特斯拉 NOT 三星").contains("003_144d49a02e2e854e"));
        assertTrue(ids("\"台积电3纳米\"").contains("001_d649b6dd3a06dc4f"));
        assertTrue(ids("title:台积电").contains("001_d649b6dd3a06dc4f"));
        assertFalse(ids("title:台积电").contains("003_144d49a02e2e854e"), "003 names 台积电 in its body only");
        assertEquals(ids("xAI OR 台积电"), union(ids("xAI"), ids("台积电")));
        assertEquals(ids("台积电"), ids("台积电 AND"), "a trailing operator word is nothing to refuse");
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> u = new java.util.HashSet<>(a);
        u.addAll(b);
        return u;
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"unbalanced", "title:(台积电", "*电", "foo:bar", "台积电 AND", "[a TO b]", "/regex/"})
    void theSearchBoxAcceptsWhatLuceneSyntaxRefuses(String q) throws Exception {
        SearchResult r = service.search(SearchRequest.of(q, 10));
        assertTrue(r.total() >= 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"unbalanced", "title:(台积电", "*电", "foo:bar", "台积电 AND", "[a TO b]", "/regex/"})
    void malformedLuceneQueriesGiveAOneLineError(String q) {
        InvalidQueryException e = assertThrows(InvalidQueryException.class,
                () -> service.search(SearchRequest.of(q, 10).withSyntax(QueryFactory.Syntax.LUCENE)));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertFalse(e.getMessage().isBlank());
    }

    @Test
    void pagingAndEmptyQueryBrowse() throws Exception {
        SearchResult all = service.search(SearchRequest.of("", 100));
        assertEquals(SeedIndex.summary().documentsInIndex(), all.total());
        SearchResult p1 = service.search(SearchRequest.of("xAI", 2));
        SearchResult p2 = service.search(SearchRequest.of("xAI", 2).withPage(2, 2));
        assertEquals(2, p1.hits().size());
        assertTrue(p1.hits().stream().noneMatch(p2.hits()::contains));
    }

    @Test
    void documentsComeBackWholeByIdAndUnknownIdIsEmpty() throws Exception {
        StoredDocument d = service.document("004_97219df9cbb1e096").orElseThrow();
        assertTrue(d.body().contains("當地時間1月6日"), "stored text is cleaned");
        assertEquals("unknown", d.dateSource());
        assertEquals("traditional", d.script());
        assertEquals("simplified", service.document("001_d649b6dd3a06dc4f").orElseThrow().script());
        assertTrue(service.document("nope").isEmpty());
    }
}

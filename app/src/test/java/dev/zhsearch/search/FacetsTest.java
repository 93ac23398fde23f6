package dev.zhsearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FacetsTest {

    static SearchService service;

    @BeforeAll
    static void open() throws Exception {
        service = SearchService.open(SeedIndex.dir(), SeedIndex.ANALYSIS);
    }

    @AfterAll
    static void close() throws Exception {
        service.close();
    }

    static Map<String, Long> counts(List<FacetValue> values) {
        return values.stream().collect(Collectors.toMap(FacetValue::id, FacetValue::count));
    }

    static Set<String> ids(SearchResult r) {
        return r.hits().stream().map(Hit::id).collect(Collectors.toSet());
    }

    @Test
    void companyFilterReturnsExactlyTheSeedsNamingTsmc() throws Exception {
        SearchResult r = service.search(SearchRequest.of("", 100).withCompanies(List.of("tsmc")));
        // 000 named 台積電 only in its related-news list, which cleaning drops; xss names 台積電
        assertEquals(Set.of("001_d649b6dd3a06dc4f", "003_144d49a02e2e854e", "xss"), ids(r));
    }

    @Test
    void companyFacetForAiMatchesAHandCount() throws Exception {
        Map<String, Long> c = counts(service.search(SearchRequest.of("AI", 10)).facets().company());
        // counted by hand in the cleaned seeds: xAI and Tesla in all five; NVIDIA 001 003 004;
        // Samsung and TSMC 001 003; Dell 000
        assertEquals(5L, c.get("xai"));
        assertEquals(5L, c.get("tesla"));
        assertEquals(3L, c.get("nvidia"));
        assertEquals(2L, c.get("samsung"));
        assertEquals(2L, c.get("tsmc"));
        assertEquals(1L, c.get("dell"));
        FacetValue nvidia = service.search(SearchRequest.of("AI", 10)).facets().company().stream()
                .filter(v -> v.id().equals("nvidia")).findFirst().orElseThrow();
        assertEquals("輝達", nvidia.name());
    }

    @Test
    void yingweidaAndHuidaAreOneNvidiaFacetValue() throws Exception {
        SearchResult r = service.search(SearchRequest.of("", 100).withCompanies(List.of("nvidia")));
        assertTrue(ids(r).containsAll(List.of("004_97219df9cbb1e096", "huida")), ids(r).toString());
        Hit huida = r.hits().stream().filter(h -> h.id().equals("huida")).findFirst().orElseThrow();
        assertEquals(List.of(new CompanyRef("nvidia", "輝達")), huida.companies());
    }

    @Test
    void aCompanyNoTableKnowsIsAFacetValueShownInTheDisplayScript() throws Exception {
        SearchResult r = service.search(SearchRequest.of("碳化硅", 10));
        FacetValue org = r.facets().company().stream().filter(v -> v.id().equals("org:山西烁科晶体")).findFirst().orElseThrow();
        assertEquals(1L, org.count());
        assertEquals("山西爍科晶體", org.name()); // Traditional unless Simplified is asked for
        SearchResult selected = service.search(SearchRequest.of("", 10).withCompanies(List.of("org:山西烁科晶体")));
        assertEquals(Set.of("org-cn"), ids(selected));
    }

    @Test
    void multiSelectCountsOtherCompaniesAsIfTheirOwnSelectionWereNotMade() throws Exception {
        SearchResult none = service.search(SearchRequest.of("AI", 10));
        SearchResult tsmc = service.search(SearchRequest.of("AI", 10).withCompanies(List.of("tsmc")));
        assertEquals(2, tsmc.total());
        assertEquals(counts(none.facets().company()), counts(tsmc.facets().company()), "company facet ignores its own selection");
        assertTrue(tsmc.facets().company().stream().filter(v -> v.id().equals("tsmc")).allMatch(FacetValue::selected));
        // other facets do honour the company selection
        assertEquals(2L, tsmc.facets().script().stream().mapToLong(FacetValue::count).sum());
        // OR within the facet: adding Dell widens the hits
        SearchResult both = service.search(SearchRequest.of("AI", 10).withCompanies(List.of("tsmc", "dell")));
        assertEquals(3, both.total());
        // AND across facets: TSMC and script=traditional leaves none of the two Simplified seeds
        SearchResult tradTsmc = service.search(SearchRequest.of("AI", 10).withCompanies(List.of("tsmc")).withScripts(List.of("traditional")));
        assertEquals(0, tradTsmc.total());
        assertEquals(counts(tsmc.facets().script()), counts(tradTsmc.facets().script()), "script facet ignores its own selection");
    }

    @Test
    void unknownDatesAreCountedInTheirOwnBucket() throws Exception {
        SearchResult r = service.search(SearchRequest.of("xAI", 10));
        Map<String, Long> months = counts(r.facets().date());
        assertEquals(2L, months.get("unknown"), "seeds 003 and 004 have no date");
        assertEquals("unknown", r.facets().date().getLast().id(), "unknown sorts last");
        assertEquals(1L, months.get("2025-09"));
        assertEquals(1L, months.get("2025-12"));
        assertEquals(1L, months.get("2026-01"));
        assertEquals(5L, r.facets().date().stream().mapToLong(FacetValue::count).sum(), "no document dropped");
    }

    @Test
    void yearsAreTheirMonthsSummedWithUnknownLast() throws Exception {
        List<FacetValue> years = service.search(SearchRequest.of("xAI", 10)).facets().year();
        assertEquals(List.of("2025", "2026", "unknown"), years.stream().map(FacetValue::id).toList());
        assertEquals(List.of(2L, 1L, 2L), years.stream().map(FacetValue::count).toList());
        List<FacetValue> months = List.of(new FacetValue("2019-11", "2019-11", 3, false), new FacetValue("2019-12", "2019-12", 4, false),
                new FacetValue("2020-01", "2020-01", 5, false), new FacetValue("unknown", "unknown", 6, false));
        assertEquals(Map.of("2019", 7L, "2020", 5L, "unknown", 6L), counts(FacetShaping.years(months)));
    }

    @Test
    void dateRangeFiltersHitsButTheHistogramStillShowsOtherMonths() throws Exception {
        SearchRequest base = SearchRequest.of("xAI", 10);
        SearchResult r = service.search(base.withDates(LocalDate.of(2025, 9, 1), LocalDate.of(2025, 12, 31)));
        assertEquals(Set.of("000_92c04322924d2219", "001_d649b6dd3a06dc4f"), ids(r));
        assertEquals(counts(service.search(base).facets().date()), counts(r.facets().date()));
        assertEquals(1, service.search(base.withDates(LocalDate.of(2026, 1, 1), null)).total());
    }

    @Test
    void browsingSortsByDateNewestFirstWithUnknownLast() throws Exception {
        List<Hit> hits = service.search(SearchRequest.of("xAI", 10).withSort(SearchRequest.Sort.DATE_DESC)).hits();
        assertEquals(List.of("002_52eadddd41e5ede3", "000_92c04322924d2219", "001_d649b6dd3a06dc4f"),
                hits.subList(0, 3).stream().map(Hit::id).toList());
        assertTrue(hits.subList(3, 5).stream().allMatch(h -> h.date() == null));
        List<Hit> oldest = service.search(SearchRequest.of("xAI", 10).withSort(SearchRequest.Sort.DATE_ASC)).hits();
        assertEquals("001_d649b6dd3a06dc4f", oldest.getFirst().id());
    }

    @Test
    void sourceFacetCountsOutlets() throws Exception {
        Map<String, Long> sources = counts(service.search(SearchRequest.of("", 100)).facets().source());
        assertEquals(1L, sources.get("經濟日報"));
        assertEquals(1L, sources.get("量子位"));
    }
}

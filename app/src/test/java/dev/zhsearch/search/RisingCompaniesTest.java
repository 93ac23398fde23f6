package dev.zhsearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RisingCompaniesTest {

    static final FacetShaping SHAPING = new FacetShaping(SeedIndex.ANALYSIS.companyTable(), SeedIndex.ANALYSIS.configs());

    static FacetShaping.LabelCount c(String id, long n) {
        return new FacetShaping.LabelCount(id, n);
    }

    @Test
    void aCompanyThatJumpsOutranksOneThatIsAlwaysThere() {
        // tsmc: 50 of 1,000 documents now, 48 of 1,000 before (steady); nvidia: 20 now, 2 before (rising);
        // samsung: 2 now (too few); apple: fewer than before
        var rising = RisingCompanies.score(List.of(c("tsmc", 50), c("nvidia", 20), c("samsung", 2), c("apple", 5)), 1000,
                Map.of("tsmc", 48L, "nvidia", 2L, "apple", 9L), 1000, SHAPING, Display.ORIGINAL);
        assertEquals("nvidia", rising.getFirst().id(), rising.toString());
        assertTrue(rising.stream().noneMatch(r -> r.id().equals("samsung") || r.id().equals("apple")), rising.toString());
        assertEquals(20, rising.getFirst().count());
        assertEquals(2, rising.getFirst().before());
        assertEquals("輝達", rising.getFirst().name());
    }

    @Test
    void theRangeBeforeHasTheSameLengthAndTheCompanyFilterIsLeftOut() {
        SearchRequest r = new SearchRequest("AI", List.of("tsmc"), List.of("cna"), List.of(), LocalDate.of(2026, 8, 1),
                LocalDate.of(2026, 8, 7), null, 1, 10, true, Display.ORIGINAL, null, true);
        SearchRequest before = RisingCompanies.ranges(r).orElseThrow().before();
        assertEquals(LocalDate.of(2026, 7, 25), before.from());
        assertEquals(LocalDate.of(2026, 7, 31), before.to());
        assertEquals(List.of(), before.companies());
        assertEquals(List.of("cna"), before.sources());
        assertTrue(RisingCompanies.ranges(new SearchRequest("AI", List.of(), List.of(), List.of(), LocalDate.of(2026, 8, 1), null,
                null, 1, 10, true, Display.ORIGINAL, null, true)).isEmpty(), "an open range has no range before it");
    }
}

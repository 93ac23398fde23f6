package dev.zhsearch.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CompanyDiscoveryTest {

    @Test
    void namesAreTheSharedSuffixBeforeTheCodeAndYearsAreDropped() {
        CompanyDiscovery d = new CompanyDiscovery();
        d.scan("晶圓代工龍頭台積電（2330）今日上漲");
        d.scan("台積電(2330)法說會");
        d.scan("ABF載板廠欣興（3037）與景碩（3189）");
        d.scan("欣興(3037)擴產");
        d.scan("今年(2026)與明年(2026)");
        Map<String, CompanyDiscovery.Candidate> byCode = d.candidates(2, null).stream()
                .collect(Collectors.toMap(CompanyDiscovery.Candidate::code, Function.identity()));
        assertEquals("台積電", byCode.get("2330").name());
        assertEquals("欣興", byCode.get("3037").name());
        assertFalse(byCode.containsKey("3189"), "one mention is below --min-mentions 2");
        assertFalse(byCode.containsKey("2026"), "codes whose mentions share no name are dropped");
    }

    @Test
    void aNameThatGeneralTextUsesBecomesDisplayOnly() {
        CompanyDiscovery d = new CompanyDiscovery();
        for (String s : List.of("大同(2371)公告", "大同(2371)股價", "欣興(3037)擴產", "欣興(3037)獲利")) {
            d.scan(s);
        }
        List<CompanyDiscovery.Candidate> candidates = CompanyDiscovery.withGeneralUse(d.candidates(2, null),
                List.of("山西大同的煤矿", "大同市迎来游客"), CompanyMatcherTest.FOLDER::fold);
        Map<String, CompanyDiscovery.Candidate> byCode = candidates.stream()
                .collect(Collectors.toMap(CompanyDiscovery.Candidate::code, Function.identity()));
        assertEquals(2, byCode.get("2371").generalUse());
        assertTrue(byCode.get("2371").ordinaryWord());
        assertEquals(0, byCode.get("3037").generalUse());
        String table = CompanyDiscovery.asTable(candidates, new dev.zhsearch.convert.OpenccConfigs().converter("t2s"));
        assertTrue(table.contains("tw-2371\t[大同]\t[大同]\t大同\t(2371)"), table);
        assertTrue(table.contains("tw-3037\t欣興\t欣兴\t欣興\t(3037)"), table);
    }
}

package dev.zhsearch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class CompanyTablesBuildTest {

    @Test
    void aStateGroupsNameWithoutItsGroupWord() {
        assertEquals("中国诚通", CompanyTablesBuild.withoutGroupWord("中国诚通控股集团"));
        assertEquals("中国华能", CompanyTablesBuild.withoutGroupWord("中国华能集团"));
        assertEquals("中国通用技术", CompanyTablesBuild.withoutGroupWord("中国通用技术（集团）控股"));
        assertEquals("中国中化", CompanyTablesBuild.withoutGroupWord("中国中化控股"));
        assertNull(CompanyTablesBuild.withoutGroupWord("鞍钢集团"), "two characters would stay");
        assertNull(CompanyTablesBuild.withoutGroupWord("国家电网"), "no group word to drop");
    }

    @Test
    void aShortNameBig5CouldNotCarryIsTakenFromTheOpenApi() {
        // the weekly ISIN list's 宏碁 (2353) arrives as 宏\uFFFD\uFFFD: 碁 is no Big5 character
        assertEquals("宏碁", CompanyTablesBuild.taiwanShort(java.util.Map.of("short_name", "宏\uFFFD\uFFFD", "alt_short_name", "宏碁")));
        assertEquals("", CompanyTablesBuild.taiwanShort(java.util.Map.of("short_name", "鼎\uFFFD\uFFFD", "alt_short_name", "")),
                "no name rather than a broken one");
        assertEquals("台積電", CompanyTablesBuild.taiwanShort(java.util.Map.of("short_name", "台積電", "alt_short_name", "台積")),
                "the list's own name where it is whole");
        assertEquals("康霈", CompanyTablesBuild.taiwanShort(java.util.Map.of("short_name", "康霈*", "alt_short_name", "")));
        assertEquals("太景", CompanyTablesBuild.taiwanShort(java.util.Map.of("short_name", "太景*-KY", "alt_short_name", "")));
        assertEquals("成信實業", CompanyTablesBuild.taiwanShort(java.util.Map.of("short_name", "成信實業*-創", "alt_short_name", "")));
        assertEquals("錼創科技", CompanyTablesBuild.taiwanShort(java.util.Map.of("short_name", "錼創科技-KY創", "alt_short_name", "")));
        assertEquals("大成鋼", CompanyTablesBuild.taiwanShort(java.util.Map.of("short_name", "大成鋼", "alt_short_name", "")));
    }
}

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
}

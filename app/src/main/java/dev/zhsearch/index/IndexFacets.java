package dev.zhsearch.index;

import org.apache.lucene.facet.FacetsConfig;

/** The one FacetsConfig for indexing and search: which dimensions are multi-valued. */
public final class IndexFacets {

    public static final FacetsConfig CONFIG = config();

    private IndexFacets() {}

    private static FacetsConfig config() {
        FacetsConfig c = new FacetsConfig();
        c.setMultiValued(Fields.FACET_COMPANY, true);
        return c;
    }
}

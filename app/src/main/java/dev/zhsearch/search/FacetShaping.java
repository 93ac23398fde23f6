package dev.zhsearch.search;

import dev.zhsearch.convert.OpenccConfigs;
import dev.zhsearch.entity.CompanyTable;
import dev.zhsearch.entity.OrgNames;
import dev.zhsearch.index.Fields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.LabelAndValue;

/**
 * Lucene's facet counts shaped for a response: the top companies (named in the requested display,
 * selections kept visible even at 0), every month in order with years summed from them, sources and
 * scripts, each marked selected or not; and company names for hits.
 */
final class FacetShaping {

    static final int COMPANY_FACET_SIZE = 30;
    static final int SOURCE_FACET_SIZE = 30;

    private final CompanyTable companies;
    private final OpenccConfigs configs;

    FacetShaping(CompanyTable companies, OpenccConfigs configs) {
        this.companies = companies;
        this.configs = configs;
    }

    FacetCounts facets(Facets facets, SearchRequest request) throws IOException {
        Set<String> selectedCompanies = Set.copyOf(request.companies());
        List<FacetValue> company = new ArrayList<>();
        for (LabelAndValue lv : top(facets, Fields.FACET_COMPANY, COMPANY_FACET_SIZE)) {
            company.add(new FacetValue(lv.label, companyName(lv.label, request.display()), lv.value.longValue(),
                    selectedCompanies.contains(lv.label)));
        }
        for (String id : request.companies()) { // a selection stays visible even with no matches
            if (company.stream().noneMatch(v -> v.id().equals(id))) {
                company.add(new FacetValue(id, companyName(id, request.display()), 0, true));
            }
        }
        List<FacetValue> months = chronological(all(facets, Fields.FACET_MONTH), Set.of());
        List<FacetValue> years = years(months);
        Set<String> selectedSources = Set.copyOf(request.sources());
        List<FacetValue> source = new ArrayList<>();
        for (LabelAndValue lv : top(facets, Fields.FACET_SOURCE, SOURCE_FACET_SIZE)) {
            source.add(new FacetValue(lv.label, lv.label, lv.value.longValue(), selectedSources.contains(lv.label)));
        }
        Set<String> selectedScripts = Set.copyOf(request.scripts());
        List<FacetValue> script = new ArrayList<>();
        for (LabelAndValue lv : top(facets, Fields.FACET_SCRIPT, 10)) {
            script.add(new FacetValue(lv.label, lv.label, lv.value.longValue(), selectedScripts.contains(lv.label)));
        }
        return new FacetCounts(company, months, years, source, script);
    }

    static List<LabelAndValue> top(Facets facets, String dim, int n) throws IOException {
        try {
            FacetResult r = facets.getTopChildren(n, dim);
            return r == null ? List.of() : List.of(r.labelValues);
        } catch (IllegalArgumentException e) {
            return List.of(); // dimension never indexed
        }
    }

    private static List<LabelAndValue> all(Facets facets, String dim) throws IOException {
        try {
            FacetResult r = facets.getAllChildren(dim);
            return r == null ? List.of() : List.of(r.labelValues);
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }

    private static List<FacetValue> chronological(List<LabelAndValue> values, Set<String> selected) {
        return values.stream()
                .sorted(Comparator.comparing((LabelAndValue lv) -> lv.label.equals(Fields.UNKNOWN_DATE)).thenComparing(lv -> lv.label))
                .map(lv -> new FacetValue(lv.label, lv.label, lv.value.longValue(), selected.contains(lv.label)))
                .toList();
    }

    /** Month counts summed by year (a document has one month), in the months' order: unknown last. */
    static List<FacetValue> years(List<FacetValue> months) {
        java.util.LinkedHashMap<String, Long> byYear = new java.util.LinkedHashMap<>();
        for (FacetValue m : months) {
            String year = m.id().equals(Fields.UNKNOWN_DATE) ? Fields.UNKNOWN_DATE : m.id().substring(0, 4);
            byYear.merge(year, m.count(), Long::sum);
        }
        List<FacetValue> years = new ArrayList<>(byYear.size());
        byYear.forEach((year, count) -> years.add(new FacetValue(year, year, count, false)));
        return years;
    }

    String companyName(String id, Display display) {
        if (id.startsWith(OrgNames.PREFIX)) { // a recognised name, kept folded (Simplified) in its id
            String name = id.substring(OrgNames.PREFIX.length());
            return display == Display.SIMPLIFIED ? name : configs.converter("s2twp").convert(name);
        }
        return companies.get(id).map(display::companyName).orElse(id);
    }

    List<CompanyRef> companyRefs(Document d, Display display) {
        String[] ids = d.getValues(Fields.COMPANY);
        List<CompanyRef> refs = new ArrayList<>(ids.length);
        for (String id : ids) {
            refs.add(new CompanyRef(id, companyName(id, display)));
        }
        return refs;
    }
}

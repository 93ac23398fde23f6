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
public final class FacetShaping {

    /** Counts by facet dimension, from whichever engine counted them (Lucene's facets, OpenSearch's aggregations). */
    public interface Counts {
        /** The {@code n} largest values of {@code dim}, by count, ties in label order. */
        List<LabelCount> top(String dim, int n) throws IOException;

        /** Every value of {@code dim}. */
        List<LabelCount> all(String dim) throws IOException;

        /** Lucene's facet counts. */
        static Counts of(Facets facets) {
            return new Counts() {
                @Override
                public List<LabelCount> top(String dim, int n) throws IOException {
                    return FacetShaping.top(facets, dim, n).stream().map(lv -> new LabelCount(lv.label, lv.value.longValue())).toList();
                }

                @Override
                public List<LabelCount> all(String dim) throws IOException {
                    return FacetShaping.all(facets, dim).stream().map(lv -> new LabelCount(lv.label, lv.value.longValue())).toList();
                }
            };
        }
    }

    public record LabelCount(String label, long count) {}

    public static final int COMPANY_FACET_SIZE = 30;
    public static final int SOURCE_FACET_SIZE = 30;
    public static final int SCRIPT_FACET_SIZE = 10;

    private final CompanyTable companies;
    private final OpenccConfigs configs;

    public FacetShaping(CompanyTable companies, OpenccConfigs configs) {
        this.companies = companies;
        this.configs = configs;
    }

    public FacetCounts facets(Counts facets, SearchRequest request) throws IOException {
        Set<String> selectedCompanies = Set.copyOf(request.companies());
        List<FacetValue> company = new ArrayList<>();
        for (LabelCount lv : facets.top(Fields.FACET_COMPANY, COMPANY_FACET_SIZE)) {
            company.add(new FacetValue(lv.label(), companyName(lv.label(), request.display()), lv.count(),
                    selectedCompanies.contains(lv.label())));
        }
        for (String id : request.companies()) { // a selection stays visible even with no matches
            if (company.stream().noneMatch(v -> v.id().equals(id))) {
                company.add(new FacetValue(id, companyName(id, request.display()), 0, true));
            }
        }
        List<FacetValue> months = chronological(facets.all(Fields.FACET_MONTH), Set.of());
        List<FacetValue> years = years(months);
        Set<String> selectedSources = Set.copyOf(request.sources());
        List<FacetValue> source = new ArrayList<>();
        for (LabelCount lv : facets.top(Fields.FACET_SOURCE, SOURCE_FACET_SIZE)) {
            source.add(new FacetValue(lv.label(), lv.label(), lv.count(), selectedSources.contains(lv.label())));
        }
        Set<String> selectedScripts = Set.copyOf(request.scripts());
        List<FacetValue> script = new ArrayList<>();
        for (LabelCount lv : facets.top(Fields.FACET_SCRIPT, SCRIPT_FACET_SIZE)) {
            script.add(new FacetValue(lv.label(), lv.label(), lv.count(), selectedScripts.contains(lv.label())));
        }
        return new FacetCounts(company, months, years, source, script, List.of());
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

    private static List<FacetValue> chronological(List<LabelCount> values, Set<String> selected) {
        return values.stream()
                .sorted(Comparator.comparing((LabelCount lv) -> lv.label().equals(Fields.UNKNOWN_DATE)).thenComparing(LabelCount::label))
                .map(lv -> new FacetValue(lv.label(), lv.label(), lv.count(), selected.contains(lv.label())))
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

    public String companyName(String id, Display display) {
        var tabled = companies.get(id); // a table's names first, org: ids of entities/corpus-names.tsv too
        if (tabled.isPresent()) {
            return display.companyName(tabled.get());
        }
        if (id.startsWith(OrgNames.PREFIX)) { // a recognised name, kept folded (Simplified) in its id
            String name = id.substring(OrgNames.PREFIX.length());
            return display == Display.SIMPLIFIED ? name : configs.converter("s2twp").convert(name);
        }
        return id;
    }

    List<CompanyRef> companyRefs(Document d, Display display) {
        return companyRefs(List.of(d.getValues(Fields.COMPANY)), display);
    }

    /** The companies of a hit, named in the display script. */
    public List<CompanyRef> companyRefs(List<String> ids, Display display) {
        List<CompanyRef> refs = new ArrayList<>(ids.size());
        for (String id : ids) {
            refs.add(new CompanyRef(id, companyName(id, display)));
        }
        return refs;
    }
}

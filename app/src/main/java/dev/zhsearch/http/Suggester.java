package dev.zhsearch.http;

import dev.zhsearch.text.FullWidth;
import dev.zhsearch.convert.ChineseConverter;
import dev.zhsearch.convert.Script;
import dev.zhsearch.convert.ScriptDetector;
import dev.zhsearch.entity.Company;
import dev.zhsearch.entity.CompanyTable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Completions for the search box from the company table: names in any script or language that
 * start with the prefix once both are in Simplified, shown in the script the user is typing in.
 */
final class Suggester {

    private final CompanyTable companies;
    private final ChineseConverter toSimplified;
    private final ScriptDetector scripts;
    private final List<String[]> foldedAliases = new ArrayList<>();

    Suggester(CompanyTable companies, ChineseConverter toSimplified, ScriptDetector scripts) {
        this.companies = companies;
        this.toSimplified = toSimplified;
        this.scripts = scripts;
        for (Company c : companies.companies()) {
            for (String a : c.aliases()) {
                foldedAliases.add(new String[] {fold(Company.aliasText(a)), c.id()});
            }
            for (String n : List.of(c.nameHant(), c.nameHans(), c.nameEn())) {
                foldedAliases.add(new String[] {fold(n), c.id()});
            }
        }
        foldedAliases.sort((x, y) -> x[0].compareTo(y[0]));
    }

    /**
     * Script only (t2s), no vocabulary: the search fold rewrites 輝達 to 英伟达, which would hide
     * 輝達 from someone who has typed 輝.
     */
    private String fold(String s) {
        return toSimplified.convert(FullWidth.fold(s)).toLowerCase(Locale.ROOT);
    }

    record Suggestion(String text, String type, String id) {}

    List<Suggestion> suggest(String prefix, int max) {
        if (prefix == null || prefix.isBlank()) {
            return List.of();
        }
        String p = fold(prefix.strip());
        Script script = scripts.detect(prefix);
        boolean latin = prefix.strip().chars().allMatch(ch -> ch < 0x80);
        Set<String> ids = new LinkedHashSet<>();
        int lo = lowerBound(p);
        for (int i = lo; i < foldedAliases.size() && ids.size() < max; i++) {
            String[] e = foldedAliases.get(i);
            if (!e[0].startsWith(p)) {
                break;
            }
            ids.add(e[1]);
        }
        List<Suggestion> out = new ArrayList<>();
        for (String id : ids) {
            Company c = companies.get(id).orElseThrow();
            String name = latin ? c.nameEn() : script == Script.SIMPLIFIED ? c.nameHans() : c.nameHant();
            out.add(new Suggestion(name, "company", id));
        }
        return out;
    }

    private int lowerBound(String p) {
        int lo = 0;
        int hi = foldedAliases.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (foldedAliases.get(mid)[0].compareTo(p) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}

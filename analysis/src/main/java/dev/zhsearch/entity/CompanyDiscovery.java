package dev.zhsearch.entity;

import dev.zhsearch.text.FullWidth;
import dev.zhsearch.convert.ChineseConverter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Discovers Taiwan-listed companies from how the press writes them: {@code 名稱（代號）}, e.g.
 * {@code 台積電（2330）}. The characters before the parenthesis carry descriptors too
 * (晶圓代工龍頭台積電), so the name is the longest suffix that most mentions of the code share.
 * Codes whose mentions agree on no name (years such as 2026 after 今年/明年) are dropped.
 */
public final class CompanyDiscovery {

    private static final Pattern MENTION = Pattern.compile("([\\p{IsHan}A-Za-z][\\p{IsHan}A-Za-z-]{1,14})\\((\\d{4})\\)");
    /** Words the press puts before a name (晶圓代工龍頭台積電, 股王信驊): the name starts after the last. */
    static final Pattern DESCRIPTOR = Pattern.compile(".*(?:廠|厂|股王|股后|龍頭|龙头|公司|個股|个股|概念股|權值股|权值股)");
    static final double AGREEMENT = 0.6;

    /**
     * A discovered company: stock code, name, how often the code was seen, the name's share, the
     * companies it already matches, and how often the name occurs in general text (-1: not counted).
     */
    public record Candidate(String code, String name, int mentions, double share, String knownAs, int generalUse) {

        /** A name that general text uses is an ordinary word (大同, 創意): it should match only with its code. */
        public boolean ordinaryWord() {
            return generalUse > 0;
        }
    }

    private final Map<String, List<String>> prefixesByCode = new HashMap<>();

    public void scan(String text) {
        Matcher m = MENTION.matcher(FullWidth.fold(text));
        while (m.find()) {
            prefixesByCode.computeIfAbsent(m.group(2), k -> new ArrayList<>()).add(m.group(1));
        }
    }

    /** Candidates seen at least {@code minMentions} times, most mentioned first. */
    public List<Candidate> candidates(int minMentions, CompanyMatcher known) {
        List<Candidate> out = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : prefixesByCode.entrySet()) {
            List<String> prefixes = e.getValue();
            if (prefixes.size() < minMentions) {
                continue;
            }
            Map<String, Integer> suffixCounts = new HashMap<>();
            for (String p : prefixes) {
                for (int len = 2; len <= Math.min(8, p.length()); len++) {
                    suffixCounts.merge(p.substring(p.length() - len), 1, Integer::sum);
                }
            }
            String best = null;
            int bestCount = 0;
            for (Map.Entry<String, Integer> s : suffixCounts.entrySet()) {
                if (s.getValue() >= AGREEMENT * prefixes.size()
                        && (best == null || s.getKey().length() > best.length())) {
                    best = s.getKey();
                    bestCount = s.getValue();
                }
            }
            if (best == null) {
                continue;
            }
            Matcher d = DESCRIPTOR.matcher(best);
            if (d.lookingAt() && d.end() < best.length() - 1) {
                best = best.substring(d.end());
            }
            if (best.startsWith("-") || best.matches("[A-Za-z-]*")) {
                continue; // "-KY" alone, or no Han name at all
            }
            List<String> ids = known == null ? List.of() : known.companies(best + "(" + e.getKey() + ")");
            out.add(new Candidate(e.getKey(), best, prefixes.size(), (double) bestCount / prefixes.size(),
                    ids.isEmpty() ? null : String.join(",", ids), -1));
        }
        out.sort(Comparator.comparingInt(Candidate::mentions).reversed().thenComparing(Candidate::code));
        return out;
    }

    /**
     * Counts how often each candidate's name occurs in general text: a corpus that does not report on
     * Taiwan's stock market (CCTV's 新闻联播), so a name found there is an ordinary word or place
     * (大同, 創意, 藍天) rather than only the company. {@code fold} folds names and texts alike.
     */
    public static List<Candidate> withGeneralUse(List<Candidate> candidates, Iterable<String> generalTexts,
            java.util.function.UnaryOperator<String> fold) {
        String[] names = candidates.stream().map(c -> fold.apply(c.name().replace("-KY", ""))).toArray(String[]::new);
        int[] counts = new int[names.length];
        for (String text : generalTexts) {
            String t = fold.apply(text);
            for (int i = 0; i < names.length; i++) {
                for (int at = t.indexOf(names[i]); at >= 0; at = t.indexOf(names[i], at + names[i].length())) {
                    counts[i]++;
                }
            }
        }
        List<Candidate> out = new ArrayList<>(candidates.size());
        for (int i = 0; i < names.length; i++) {
            Candidate c = candidates.get(i);
            out.add(new Candidate(c.code(), c.name(), c.mentions(), c.share(), c.knownAs(), counts[i]));
        }
        return out;
    }

    /** Candidates as lines of the company table, for a person to review and keep. */
    public static String asTable(List<Candidate> candidates, ChineseConverter t2s) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Taiwan-listed companies discovered as 名稱（代號） by `zhsearch entities discover`.\n");
        sb.append("# Review, then keep the lines you agree with (same format as companies.tsv).\n");
        for (Candidate c : candidates) {
            String name = c.ordinaryWord() ? "[" + c.name() + "]" : c.name();
            String line = "tw-" + c.code() + "\t" + name + "\t" + t2s.convert(name) + "\t" + c.name() + "\t(" + c.code() + ")";
            sb.append(c.knownAs() != null ? "# already known as " + c.knownAs() + ": " : "").append(line)
                    .append("\t# ").append(c.mentions()).append(" mentions, ")
                    .append(Math.round(100 * c.share())).append("% agree");
            if (c.generalUse() >= 0) {
                sb.append(", ").append(c.generalUse()).append(" in general text");
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}

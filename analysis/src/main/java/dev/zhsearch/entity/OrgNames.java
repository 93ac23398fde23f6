package dev.zhsearch.entity;

import dev.zhsearch.analysis.hhmm.HhmmSegmenter;
import dev.zhsearch.text.RuleFiles;
import dev.zhsearch.convert.PrefixDictionary;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Companies no table knows, recognised by how their names end: a legal form (山西烁科晶体有限公司)
 * or a group word (中船重工集团). The name runs left from that ending over smartcn words until a
 * stop word (a verb, preposition, determiner or adjective: 来到|北京能源投资集团) or punctuation; a name
 * holding a "not" word is no company (诈骗集团, 二十国集团) and one made only of generic words is a
 * description (传媒集团). The id is {@link #PREFIX} + the folded name without its legal form, so 山西
 * 烁科晶体有限公司 and 山西爍科晶體有限公司 are one facet value. Rules are data: {@code entities/org-names.txt},
 * extended by {@code conf/entities/org-names.txt} beside the project.
 */
public final class OrgNames {

    /** Id prefix of a recognised (untabled) company. */
    public static final String PREFIX = "org:";
    static final String RESOURCE = "entities/org-names.txt";
    /** Longest name looked at, in characters left of the ending: a longer run has no visible start. */
    static final int MAX_NAME = 16;
    /** Longest name before a group word (集团 is also a bloc or a ring after a long description). */
    static final int MAX_GROUP_NAME = 8;
    private static final String LEGAL = "legal";
    private static final String GROUP = "group";
    /** Trails a group word as a legal form would (集团公司). */
    private static final String GROUP_COMPANY = "公司";

    private final PrefixDictionary endings;
    private final PrefixDictionary legalForms;
    private final PrefixDictionary notAfter;
    private final Set<String> stop;
    private final Set<String> not;
    private final Set<String> generic;
    private final Set<String> extending;
    private final Set<String> keepAfter;
    private final PrefixDictionary market;

    private OrgNames(Map<String, String> endings, Map<String, String> legal, Map<String, String> notAfter,
                     Set<String> stop, Set<String> not, Set<String> generic, Set<String> extending, Set<String> keepAfter,
                     Map<String, String> market) {
        this.endings = PrefixDictionary.of(endings);
        this.legalForms = PrefixDictionary.of(legal);
        this.notAfter = PrefixDictionary.of(notAfter);
        this.stop = Set.copyOf(stop);
        this.not = Set.copyOf(not);
        this.generic = Set.copyOf(generic);
        this.extending = Set.copyOf(extending);
        this.keepAfter = Set.copyOf(keepAfter);
        this.market = PrefixDictionary.of(market);
    }

    /**
     * Whether a folded phrase is one of the rules' own words, none of which is a company's name: a
     * stop word, a "not" word, a generic word or a word of the market (上櫃, 新創, 股價).
     */
    boolean ruleWord(String folded) {
        String[] value = new String[1];
        return stop.contains(folded) || not.contains(folded) || generic.contains(folded)
                || market.match(folded, 0, folded.length(), value) == folded.length();
    }

    /** Whether a folded word is a generic word of the rules (科技, 电力, 航空: a name made only of these is a description). */
    boolean genericWord(String folded) {
        return generic.contains(folded);
    }

    /** Whether a word of the stock market ({@code market}) begins at {@code at} of folded, lower-cased {@code t}. */
    boolean marketWordAt(String t, int at) {
        return at < t.length() && market.match(t, at, t.length(), new String[1]) > 0;
    }

    /** Characters on each side of a name in which a word of the stock market makes it its company's. */
    static final int MARKET_WINDOW = 10;

    /**
     * Whether a word of the stock market ({@code market}: 股價, 營收, 漲停, 法說會) stands within
     * {@link #MARKET_WINDOW} characters of {@code [start, end)} in folded, lower-cased {@code t}: a name
     * the tables keep for lists, as it is also a word or part of a name (力成, 台糖, 友訊), there names
     * the listed company (力成股價, 台糖營收).
     */
    boolean nearMarketWord(String t, int start, int end) {
        String[] value = new String[1];
        int from = Math.max(0, start - MARKET_WINDOW);
        int to = Math.min(t.length(), end + MARKET_WINDOW);
        for (int i = from; i < to; i++) {
            if (i >= start && i < end) {
                continue;
            }
            int len = market.match(t, i, to, value);
            if (len > 0 && (i + len <= start || i >= end)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a product's or model's name in Latin letters follows a company's name that ends at
     * {@code end} of folded, lower-cased {@code t} ({@code cased}: the same before lower-casing): a word
     * of two or more letters and digits that begins with a capital letter (三星Galaxy, Toyota Hilux, BMW
     * X1, DeepSeek V4), or a plus (Disney+), unless it is a word that keeps the company's (Toyota Motor,
     * Apple CEO, Meta Q2: {@code keepafter}). A lower-case word is English text going on (TSMC raises
     * capex); a code with a hyphen is a drug's or a project's whose maker the text reports on
     * (思捷優達YA-101二期收案), as the annotated samples count it.
     */
    boolean productAfter(String t, String cased, int end) {
        int n = t.length();
        if (end < n && t.charAt(end) == '+') {
            return true;
        }
        int from = end < n && t.charAt(end) == ' ' ? end + 1 : end;
        int i = from;
        while (i < n && (isLatin(t.charAt(i)) || Character.isDigit(t.charAt(i)))) {
            i++;
        }
        String word = t.substring(from, i);
        return word.length() >= 2 && isLatin(word.charAt(0)) && (i == n || t.charAt(i) != '-')
                && cased != null && cased.length() == t.length() && Character.isUpperCase(cased.charAt(from))
                && !keepAfter.contains(word);
    }

    private static boolean isLatin(char c) {
        return c < 0x80 && Character.isLetter(c);
    }

    /**
     * The shipped rules, then the user's {@code conf/entities/org-names.txt} beside the project if
     * there is one (its phrases add to the shipped ones), folded with {@code fold} (the matcher's folding).
     */
    static OrgNames standard(UnaryOperator<String> fold) {
        Rules rules = new Rules(fold);
        RuleFiles.shippedThenLocal(CompanyTable.LOCAL_DIR.resolve("org-names.txt"), rules::read, RESOURCE);
        return rules.build(RESOURCE);
    }

    static OrgNames read(Reader reader, String name, UnaryOperator<String> fold) {
        Rules rules = new Rules(fold);
        rules.read(reader, name);
        return rules.build(name);
    }

    /** Rule lines of one or more files, gathered before the dictionaries are built. */
    private static final class Rules {
        private final UnaryOperator<String> fold;
        private final Map<String, String> endings = new HashMap<>();
        private final Map<String, String> legal = new HashMap<>();
        private final Map<String, String> notAfter = new HashMap<>();
        private final Set<String> stop = new HashSet<>();
        private final Set<String> not = new HashSet<>();
        private final Set<String> generic = new HashSet<>();
        private final Set<String> extending = new HashSet<>();
        private final Set<String> keepAfter = new HashSet<>();
        private final Map<String, String> market = new HashMap<>();

        Rules(UnaryOperator<String> fold) {
            this.fold = fold;
        }

        void read(Reader reader, String name) {
            RuleFiles.kindPhrases(reader, name, fold, (kind, phrase, where) -> {
                switch (kind) {
                    case LEGAL -> {
                        endings.put(phrase, LEGAL);
                        legal.put(phrase, LEGAL);
                    }
                    case GROUP -> endings.put(phrase, GROUP);
                    case "stop" -> stop.add(phrase);
                    case "not" -> not.add(phrase);
                    case "generic" -> generic.add(phrase);
                    case "extends" -> extending.add(phrase);
                    case "notafter" -> notAfter.put(phrase, phrase);
                    case "keepafter" -> keepAfter.add(phrase.toLowerCase(java.util.Locale.ROOT));
                    case "market" -> market.put(phrase.toLowerCase(java.util.Locale.ROOT), phrase);
                    default -> throw new IllegalArgumentException(where + ": unknown kind '" + kind
                            + "' (legal, group, stop, not, generic, extends, notafter, keepafter, market)");
                }
            });
        }

        OrgNames build(String name) {
            if (endings.isEmpty()) {
                throw new IllegalArgumentException(name + ": no legal or group endings");
            }
            return new OrgNames(endings, legal, notAfter, stop, not, generic, extending, keepAfter, market);
        }
    }

    /** A recognised name: [start, end) covers name and ending, [start, nameEnd) the name; {@code id} is PREFIX + name without legal form. */
    record Found(String id, int start, int nameEnd, int end) {}

    /**
     * Names in folded text {@code t}. {@code cased} is the same text before lower-casing (equal length)
     * or null: ids keep a Latin name's case (SK集团). {@code taken} reports whether a span overlaps a
     * company the tables found, which then wins.
     */
    List<Found> find(String t, String cased, HhmmSegmenter segmenter, SpanTest taken) {
        List<Found> out = new ArrayList<>();
        String[] kind = new String[1];
        int n = t.length();
        int i = 0;
        while (i < n) {
            int len = endings.match(t, i, n, kind);
            if (len == 0) {
                i++;
                continue;
            }
            int nameEnd = i;
            int end = i + len;
            boolean group = kind[0].equals(GROUP);
            // the id keeps a group word but no legal form: 中国邮政集团公司 and 中国邮政集团 are one value
            int idEnd = !group ? nameEnd : t.startsWith(GROUP_COMPANY, end - GROUP_COMPANY.length()) && len > GROUP_COMPANY.length()
                    ? end - GROUP_COMPANY.length() : end;
            if (group) {
                if (notAfter.match(t, end, n, kind) > 0) { // 集团军: an army corps
                    i = end;
                    continue;
                }
                end += legalForms.match(t, end, n, kind); // 集团有限公司: the legal form is part of the mention
            }
            int nameStart = nameStart(t, nameEnd, segmenter, group ? MAX_GROUP_NAME : MAX_NAME);
            if (nameStart >= 0 && !taken.overlaps(nameStart, nameEnd, end)) {
                String source = cased != null && cased.length() == t.length() ? cased : t;
                out.add(new Found(PREFIX + source.substring(nameStart, idEnd), nameStart, nameEnd, end));
            }
            i = end;
        }
        coded(t, cased, segmenter, taken, out);
        out.sort(java.util.Comparator.comparingInt(Found::start));
        return out;
    }

    /** A stock code in brackets after a name: 4 digits (Taiwan) or 6 (mainland); a year is no code. */
    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("\\((\\d{4}|\\d{6})\\)");

    /**
     * {@code 名稱(代號)} anywhere in a text names a listed company, even one no table lists yet (a
     * new listing): the name is the words before the bracket back to a stop word (晶圓代工廠|力積電(6770)).
     */
    private void coded(String t, String cased, HhmmSegmenter segmenter, SpanTest taken, List<Found> out) {
        java.util.regex.Matcher m = CODE.matcher(t);
        while (m.find()) {
            String code = m.group(1);
            int nameEnd = m.start();
            if (code.length() == 4 && (code.startsWith("19") || code.startsWith("20")) || nameEnd == 0
                    || !Character.isIdeographic(t.codePointBefore(nameEnd))) {
                continue;
            }
            int start = nameStart(t, nameEnd, segmenter, MAX_NAME);
            if (start >= 0) { // descriptors the press puts before a name (晶圓代工廠力積電), as when tables are discovered
                java.util.regex.Matcher d = CompanyDiscovery.DESCRIPTOR.matcher(t.substring(start, nameEnd));
                if (d.lookingAt() && d.end() < nameEnd - start - 1) {
                    start += d.end();
                }
            }
            int nameStart = start;
            if (nameStart >= 0 && !taken.overlaps(nameStart, nameEnd, m.end())
                    && out.stream().noneMatch(f -> f.start() < m.end() && nameStart < f.end())) {
                String source = cased != null && cased.length() == t.length() ? cased : t;
                out.add(new Found(PREFIX + source.substring(nameStart, nameEnd), nameStart, nameEnd, m.end()));
            }
        }
    }

    /** Where the name ending at {@code nameEnd} starts, or -1 when there is no acceptable name. */
    private int nameStart(String t, int nameEnd, HhmmSegmenter segmenter, int maxName) {
        int from = nameEnd;
        while (from > 0 && nameEnd - from <= MAX_NAME && Character.isLetterOrDigit(t.charAt(from - 1))) {
            from--;
        }
        if (nameEnd - from < 2) {
            return -1;
        }
        List<HhmmSegmenter.Word> words = segmenter.segment(t.substring(from, nameEnd));
        int start = nameEnd;
        boolean onlyGeneric = true;
        for (int k = words.size() - 1; k >= 0; k--) {
            HhmmSegmenter.Word w = words.get(k);
            String word = t.substring(from + w.start(), from + w.end());
            if (stop.contains(word)) {
                break;
            }
            if (not.contains(word)) {
                return -1;
            }
            onlyGeneric &= generic.contains(word);
            start = from + w.start();
        }
        int chars = t.codePointCount(start, nameEnd);
        // a run longer than MAX_NAME shows no start; digits belong to counts and dates (山西全省119个县级医疗集团)
        if (chars < 2 || chars > maxName || onlyGeneric || t.substring(start, nameEnd).chars().anyMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        return start;
    }

    /** Whether a span of the text is already a tabled company's. */
    interface SpanTest {
        /** Whether [start, end) overlaps a tabled company that should win over the name [start, nameEnd). */
        boolean overlaps(int start, int nameEnd, int end);
    }

    /**
     * Whether the words after a table's name, inside a longer recognised name, keep it the same
     * company (大众|汽车集团 is Volkswagen) rather than make another (中国船舶|重工集团 is not 中国船舶).
     */
    boolean sameCompany(String extension, HhmmSegmenter segmenter) {
        return segmenter.segment(extension).stream()
                .allMatch(w -> extending.contains(extension.substring(w.start(), w.end())));
    }
}

package dev.zhsearch.entity;

import dev.zhsearch.analysis.hhmm.HhmmSegmenter;
import dev.zhsearch.text.FullWidth;
import dev.zhsearch.convert.Converted;
import dev.zhsearch.convert.PrefixDictionary;
import dev.zhsearch.convert.Script;
import dev.zhsearch.convert.ScriptDetector;
import dev.zhsearch.convert.ScriptFolder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds the companies a text names. Text and aliases are folded alike (full-width, script and
 * vocabulary, lower case), then scanned left to right taking the longest alias at each position:
 * 美超微 is Supermicro, never 超微 (AMD) inside it. Latin aliases must stand as whole words ("Meta"
 * not in "metadata"); one-letter aliases are ignored (X the platform is matched only in context,
 * "X(原Twitter)"; "社交平台X" names the platform as a medium, which the guidelines do not count).
 * Blocked phrases (三星期) match like aliases and name nobody.
 *
 * <p>A Chinese alias must also fall on word boundaries of the same segmentation search uses
 * (smartcn): 高通 is not Qualcomm in 高通胀 (高/通胀), nor 力成 in 努力成为, nor 台灣大 in 台灣大學.
 * Where the longest alias splits a word, shorter aliases at that position are tried.
 *
 * <p>An alias marked {@code ~} (本田, 日產) counts only as an item of a list whose neighbour is
 * another company ("豐田、本田和日產"). Companies no table knows are then recognised by their legal
 * form or group word ({@link OrgNames}: 山西烁科晶体有限公司 → {@code org:山西烁科晶体}).
 */
public final class CompanyMatcher {

    /** Characters of context on each side that the segmenter sees around a candidate match. */
    private static final int CONTEXT = 8;
    /** What may stand between two items of a list (after spaces are skipped). */
    private static final Set<String> LIST_SEPARATORS = Set.of("、", ",", "，", "/", "&", "和", "与", "及", "以及", "或", "跟", "同", ".", "．", "・", "·");
    /** The conjunctions of a list (folded): a name ends before one. */
    private static final String CONJUNCTIONS = "和与及或跟";
    private final HhmmSegmenter segmenter = new HhmmSegmenter();
    private final CompanyTable table;
    private final ScriptFolder folder;
    private final ScriptDetector scripts;
    private final PrefixDictionary aliases;
    /** Dictionary values are indexes into this list. */
    private final List<Target> targets = new ArrayList<>();
    private final OrgNames orgs;
    private final PersonNames people;

    /** What an alias names: a company (maybe only in one script, maybe only in lists), or nobody (a block). */
    private record Target(String company, Script only, boolean inListsOnly, boolean inMarket) {
        static final Target BLOCKED = new Target(null, null, false, false);

        boolean blocked() {
            return company == null;
        }

        /** Whether the alias names its company in text of this script (蘋果@hant only in Traditional). */
        boolean inScript(Script script) {
            return only == null || only == script;
        }
    }

    public CompanyMatcher(CompanyTable table, ScriptFolder folder, ScriptDetector scripts) {
        this(table, folder, scripts, null);
    }

    /**
     * A matcher whose recogniser reads its rules from the directory {@code orgRules} (its
     * org-names.txt, verbs.txt and common-words.txt, say an earlier version's, to compare with) instead
     * of the shipped and local ones; null: those.
     */
    public CompanyMatcher(CompanyTable table, ScriptFolder folder, ScriptDetector scripts, java.nio.file.Path orgRules) {
        this.table = table;
        this.folder = folder;
        this.scripts = scripts;
        this.orgs = orgRules == null ? OrgNames.standard(this::fold) : OrgNames.fromDirectory(orgRules, this::fold);
        this.people = PersonNames.standard(this::fold);
        Map<String, String> entries = new HashMap<>();
        targets.add(Target.BLOCKED);
        for (String phrase : table.blocked()) {
            entries.put(fold(phrase), "0");
        }
        List<String> conflicts = new ArrayList<>();
        for (Company c : table.companies()) {
            for (String alias : c.aliases()) {
                String key = fold(Company.aliasText(alias));
                if (key.codePointCount(0, key.length()) < 2) {
                    continue;
                }
                Target target = new Target(c.id(), Company.aliasScript(alias), Company.inListsOnly(alias), Company.inMarket(alias));
                String previous = entries.putIfAbsent(key, Integer.toString(targets.size()));
                if (previous == null) {
                    targets.add(target);
                } else if (!target(previous).blocked() && !target(previous).company().equals(c.id())) {
                    conflicts.add(alias + " (" + target(previous).company() + ", " + c.id() + ")");
                }
            }
        }
        if (!conflicts.isEmpty()) {
            throw new IllegalArgumentException("aliases claimed by two companies: " + conflicts);
        }
        this.aliases = PrefixDictionary.of(entries);
    }

    private Target target(String value) {
        return targets.get(Integer.parseInt(value));
    }

    /** The fold aliases and text are compared in: full-width, script and vocabulary, lower case. */
    public String fold(String text) {
        return foldCased(text).toLowerCase(Locale.ROOT);
    }

    /** The same fold for a table builder that has a folder but no matcher (the tables it builds may not load yet). */
    public static java.util.function.UnaryOperator<String> aliasFold(ScriptFolder folder) {
        return text -> folder.fold(FullWidth.fold(text)).toLowerCase(Locale.ROOT);
    }

    private String foldCased(String text) {
        return folder.fold(FullWidth.fold(text));
    }

    /** Company ids named in the text, in order of first mention; the text's script is detected. */
    public List<String> companies(String text) {
        return companies(text, text == null ? Script.UNKNOWN : scripts.detect(text));
    }

    /** Company ids named in a text of the given script (script-limited aliases, 蘋果@hant, count only there). */
    public List<String> companies(String text, Script script) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        return companiesInFolded(foldCased(text), script);
    }

    /**
     * Company ids named in a text already folded for script and vocabulary (as the analyzer folds a
     * document's fields), of the given script.
     */
    public List<String> companiesInFolded(String folded, Script script) {
        if (folded.isEmpty()) {
            return List.of();
        }
        Set<String> found = new LinkedHashSet<>();
        String cased = FullWidth.fold(folded);
        for (Mention m : scan(cased.toLowerCase(Locale.ROOT), cased, script)) {
            found.add(m.company());
        }
        return List.copyOf(found);
    }

    /** Whether a folded phrase is a word of the recogniser's rules (org-names.txt: stop, not, generic, market), so no name. */
    public boolean ruleWord(String folded) {
        return orgs.ruleWord(folded);
    }

    /** Whether a folded word is a generic word of the recogniser's rules (科技, 电力, 航空). */
    public boolean genericWord(String folded) {
        return orgs.genericWord(folded);
    }

    /** The table this matcher finds the companies of. */
    public CompanyTable table() {
        return table;
    }

    /** One mention: the company and where the text names it. */
    public record Mention(String company, int start, int end) {}

    /** Every mention in the text, in order, with offsets into the original (unfolded) text. */
    public List<Mention> mentions(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        // full-width folding keeps length; lower-casing may not (rarely): then offsets are clamped
        Converted folded = folder.foldWithOffsets(FullWidth.fold(text));
        String t = folded.text().toLowerCase(Locale.ROOT);
        int last = folded.sourceOffsets().length - 1;
        List<Mention> out = new ArrayList<>();
        for (Mention m : scan(t, folded.text(), scripts.detect(text))) {
            out.add(new Mention(m.company(), folded.sourceOffset(Math.min(m.start(), last)), folded.sourceOffset(Math.min(m.end(), last))));
        }
        return out;
    }

    /** Mentions in folded text, in order: tabled aliases (longest acceptable first), list items, then recognised names. {@code cased} is t before lower-casing. */
    private List<Mention> scan(String t, String cased, Script script) {
        List<Mention> found = new ArrayList<>();
        List<Mention> listOnly = new ArrayList<>();
        String[] value = new String[1];
        int n = t.length();
        int i = 0;
        while (i < n) {
            int len = aliases.match(t, i, n, value);
            while (len > 0 && !acceptable(target(value[0]), t, cased, i, i + len, script)) {
                len = aliases.match(t, i, i + len - 1, value); // a shorter alias at the same place
            }
            if (len > 0) {
                Target target = target(value[0]);
                if (!target.blocked()) {
                    Mention m = new Mention(target.company(), i, i + len);
                    // (not after a surname: 佳龙 of 董事长林佳龙 is a person's given name)
                    // a name kept for lists that begins a title or a line, followed by a word of the market
                    // (after a period at most), is its company too: a headline begins with its subject
                    // (東台第二季及上半年虧損, 世紀2026年營收; not 全台25%醫院本業虧損); so is one right
                    // before a word of the company's own things anywhere (泰山董座, 陽明除息, 瓦城營收)
                    if ((target.inMarket() && orgs.nearMarketWord(t, i, i + len)
                            || target.inListsOnly() && ((i == 0 || t.charAt(i - 1) == '\n') && orgs.periodThenMarketWord(t, i + len) || orgs.ownWordAt(t, i + len)))
                            && !people.surnameBefore(t, i)) {
                        found.add(m); // a name kept for lists also names its company beside a word of the market (力成股價)
                    } else {
                        (target.inListsOnly() ? listOnly : found).add(m);
                    }
                }
                i += len;
            } else {
                i += Character.charCount(t.codePointAt(i));
            }
        }
        inLists(t, found, listOnly);
        List<Mention> tabled = List.copyOf(found);
        // a table's name that begins a longer recognised name wins only if the rest keeps it the same
        // company (大众|汽车集团); else the longer name is another company (中国船舶|重工集团公司)
        OrgNames.SpanTest taken = (s, nameEnd, e) -> tabled.stream().anyMatch(m -> m.start() < e && s < m.end()
                && !(m.start() >= s && m.end() < nameEnd && !orgs.sameCompany(t.substring(m.end(), nameEnd), segmenter)));
        for (OrgNames.Found f : orgs.find(t, cased, segmenter, taken)) {
            found.removeIf(m -> m.start() >= f.start() && m.end() <= f.end());
            // a table's name with a group word or legal form (大众集团, even where bare 大众 needs a list) is that company
            int len = aliases.match(t, f.start(), f.nameEnd(), value);
            Target named = len == f.nameEnd() - f.start() ? target(value[0]) : null;
            boolean tabledName = named != null && !named.blocked() && named.inScript(script);
            found.add(new Mention(tabledName ? named.company() : f.id(), f.start(), f.end()));
        }
        // a list of firms that names a company found above names its other items too (美团、小红书、货拉拉等企业)
        List<int[]> known = found.stream().map(m -> new int[] {m.start(), m.end()}).toList();
        for (OrgNames.Found f : orgs.listed(t, cased, segmenter, known)) {
            found.add(new Mention(f.id(), f.start(), f.end()));
        }
        found.sort(java.util.Comparator.comparingInt(Mention::start));
        return found;
    }

    private boolean acceptable(Target target, String t, String cased, int start, int end, Script script) {
        return target.inScript(script) && wordBoundaries(t, start, end)
                && (target.blocked() || !inForeignName(t, start, end) && onSegmentBoundaries(t, start, end) && !modelAfter(t, end) && !orgs.productAfter(t, cased, end)
                && !orgs.thingAfter(t, end) && !thingBefore(t, start, end) && !orgs.afterTitle(t, start) && !placeAfter(t, start, end));
    }

    /** Whether a one-character word of the segmenter right after {@code [start, end)} makes it a place's name (伊利|湖, 夏普|山). */
    private boolean placeAfter(String t, int start, int end) {
        if (end >= t.length() || !orgs.mayBePlaceAfter(t.charAt(end)) || orgs.marketWordAt(t, end)) { // (中聯油脂|市占35%)
            return false;
        }
        int to = contextEnd(t, end);
        for (HhmmSegmenter.Word word : segmenter.segment(t.substring(start, to))) {
            if (word.start() + start == end) {
                return word.end() - word.start() == 1;
            }
        }
        return false;
    }

    /**
     * Whether the word the segmenter reads right before {@code [start, end)} makes the mention a thing
     * ({@code thingbefore}: 開|賓士, 駕駛|特斯拉, 紅色|法拉利); 公開|台積電 is no such word. The segmenter
     * runs only where the text ends with such a phrase.
     */
    private boolean thingBefore(String t, int start, int end) {
        if (!orgs.mayBeThingBefore(t, start)) {
            return false;
        }
        int from = contextStart(t, start);
        for (HhmmSegmenter.Word word : segmenter.segment(t.substring(from, end))) {
            if (word.end() + from == start) {
                return orgs.thingBefore(t.substring(word.start() + from, start));
            }
        }
        return false;
    }

    /**
     * A model number right after a maker's name makes the mention a product's (波音737, 空客A330): up
     * to two letters and three digits, not followed by more digits, a date or a count word (波音300架
     * is an order; Meta Q2, 美光1P製程, 三星2024年 still name the company).
     */
    private static final java.util.regex.Pattern MODEL = java.util.regex.Pattern.compile(
            "\\s?[a-z]{0,2}\\d{3}(?![\\d年月日号號%.,億亿萬万元人家名個个台輛辆架艘多餘余])");

    private static boolean modelAfter(String t, int end) {
        return MODEL.matcher(t).region(end, Math.min(t.length(), end + 8)).lookingAt();
    }

    /** Moves each list-only mention that is a list item beside an accepted mention into {@code found}, transitively. */
    private static void inLists(String t, List<Mention> found, List<Mention> listOnly) {
        boolean changed = !listOnly.isEmpty();
        while (changed) {
            changed = false;
            for (java.util.Iterator<Mention> it = listOnly.iterator(); it.hasNext(); ) {
                Mention m = it.next();
                if (found.stream().anyMatch(f -> listed(t, f, m) || listed(t, m, f))) {
                    found.add(m);
                    it.remove();
                    changed = true;
                }
            }
        }
    }

    /** Whether {@code a} is directly followed by {@code b} with only a list separator between them. */
    private static boolean listed(String t, Mention a, Mention b) {
        return a.end() <= b.start() && b.start() - a.end() <= 4 && LIST_SEPARATORS.contains(t.substring(a.end(), b.start()).strip());
    }

    /**
     * Whether {@code [start, end)} of folded, lower-cased text stands as a word the way this matcher
     * accepts an alias there: Latin on word boundaries, Han on the segmenter's (力成 does not in 努力成为).
     * Table builders count a name's use in general text with it, so that they judge what would match.
     */
    public boolean standsAsWord(String t, int start, int end) {
        return wordBoundaries(t, start, end) && onSegmentBoundaries(t, start, end);
    }

    /** Whether a match that begins or ends with a Han character starts and ends on smartcn word boundaries. */
    private boolean onSegmentBoundaries(String t, int start, int end) {
        boolean hanStart = Character.isIdeographic(t.codePointAt(start));
        boolean hanEnd = Character.isIdeographic(t.codePointBefore(end));
        if (!hanStart && !hanEnd) {
            return true;
        }
        int from = contextStart(t, start);
        int to = contextEnd(t, end);
        boolean startOk = !hanStart || start == from;
        // a name and the conjunction after it are two words, however the segmenter joins them
        // (微软和英特尔: smartcn reads 微|软和|英特尔, 软和 "soft"); so are a name and a word of the
        // market after it (大立光亮灯涨停: 大立|光亮|灯)
        boolean endOk = !hanEnd || end == to || CONJUNCTIONS.indexOf(t.charAt(end)) >= 0 || orgs.marketWordAt(t, end);
        for (HhmmSegmenter.Word word : segmenter.segment(t.substring(from, to))) {
            startOk |= word.start() + from == start;
            endOk |= word.end() + from == end;
        }
        return startOk && endOk;
    }

    /**
     * Where the context the segmenter sees before {@code start} begins: at most {@link #CONTEXT}
     * characters, stopping at punctuation and spaces, which are boundaries anyway (and smartcn would
     * join 台积电\n台积电 into 电台 across a line break).
     */
    private static int contextStart(String t, int start) {
        int from = start;
        while (from > 0 && start - from < CONTEXT && Character.isLetterOrDigit(t.charAt(from - 1))) {
            from--;
        }
        return from;
    }

    /** Where the context the segmenter sees after {@code end} ends, as {@link #contextStart}. */
    private static int contextEnd(String t, int end) {
        int to = end;
        while (to < t.length() && to - end < CONTEXT && Character.isLetterOrDigit(t.charAt(to))) {
            to++;
        }
        return to;
    }

    /** A match that starts or ends with a Latin letter or digit must not continue a Latin word. */
    private static boolean wordBoundaries(String t, int start, int end) {
        if (isWordChar(t.charAt(start)) && start > 0 && isWordChar(t.charAt(start - 1))) {
            return false;
        }
        return !(isWordChar(t.charAt(end - 1)) && end < t.length() && isWordChar(t.charAt(end)));
    }

    /** The dots that join the parts of a foreign person's name written in characters (帕丽斯·希尔顿). */
    private static final String NAME_DOTS = "·‧・•";

    /**
     * Whether {@code [start, end)} is a part of a foreign person's name, joined by a name dot to a
     * Han part before or after it (希尔顿·博塔 the detective, 帕丽斯·希尔顿: not the hotel chain).
     */
    private static boolean inForeignName(String t, int start, int end) {
        return end + 1 < t.length() && NAME_DOTS.indexOf(t.charAt(end)) >= 0 && Character.isIdeographic(t.codePointAt(end + 1))
                || start >= 2 && NAME_DOTS.indexOf(t.charAt(start - 1)) >= 0 && Character.isIdeographic(t.codePointBefore(start - 1));
    }

    private static boolean isWordChar(char c) {
        return c < 0x80 && Character.isLetterOrDigit(c);
    }
}

package dev.zhsearch.entity;

import dev.zhsearch.clean.FullWidth;
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
import org.apache.lucene.analysis.cn.smart.hhmm.HHMMSegmenter;
import org.apache.lucene.analysis.cn.smart.hhmm.SegToken;

/**
 * Finds the companies a text names. Text and aliases are folded alike (full-width, script and
 * vocabulary, lower case), then scanned left to right taking the longest alias at each position:
 * 美超微 is Supermicro, never 超微 (AMD) inside it. Latin aliases must stand as whole words ("Meta"
 * not in "metadata"); one-letter aliases are ignored (X the platform is matched only in context,
 * "社交平台X", "X(原Twitter)"). Blocked phrases (三星期) match like aliases and name nobody.
 *
 * <p>A Chinese alias must also fall on word boundaries of the same segmentation search uses
 * (smartcn): 高通 is not Qualcomm in 高通胀 (高/通胀), nor 力成 in 努力成为, nor 台灣大 in 台灣大學.
 * Where the longest alias splits a word, shorter aliases at that position are tried.
 */
public final class CompanyMatcher {

    private static final String BLOCKED = "";
    /** Separates a company id from the script its alias is limited to, in the alias dictionary. */
    private static final char SCRIPT_MARK = '\u0000';
    /** Characters of context on each side that the segmenter sees around a candidate match. */
    private static final int CONTEXT = 8;
    private final HHMMSegmenter segmenter = new HHMMSegmenter();
    private final ScriptFolder folder;
    private final ScriptDetector scripts;
    private final PrefixDictionary aliases;

    public CompanyMatcher(CompanyTable table, ScriptFolder folder, ScriptDetector scripts) {
        this.folder = folder;
        this.scripts = scripts;
        Map<String, String> entries = new HashMap<>();
        for (String phrase : table.blocked()) {
            entries.put(fold(phrase), BLOCKED);
        }
        List<String> conflicts = new ArrayList<>();
        for (Company c : table.companies()) {
            for (String alias : c.aliases()) {
                String key = fold(Company.aliasText(alias));
                if (key.codePointCount(0, key.length()) < 2) {
                    continue;
                }
                Script only = Company.aliasScript(alias);
                String previous = entries.putIfAbsent(key, only == null ? c.id() : c.id() + SCRIPT_MARK + only.name());
                if (previous != null && !companyOf(previous).equals(c.id()) && !previous.equals(BLOCKED)) {
                    conflicts.add(alias + " (" + companyOf(previous) + ", " + c.id() + ")");
                }
            }
        }
        if (!conflicts.isEmpty()) {
            throw new IllegalArgumentException("aliases claimed by two companies: " + conflicts);
        }
        this.aliases = PrefixDictionary.of(entries);
    }

    String fold(String text) {
        return folder.fold(FullWidth.fold(text)).toLowerCase(Locale.ROOT);
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
        Set<String> found = new LinkedHashSet<>();
        scan(fold(text), script, (id, start, end) -> found.add(id));
        return List.copyOf(found);
    }

    /** One mention: the company and where the text names it (offsets into the text as given). */
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
        scan(t, scripts.detect(text), (id, start, end) -> out.add(new Mention(id,
                folded.sourceOffset(Math.min(start, last)), folded.sourceOffset(Math.min(end, last)))));
        return out;
    }

    private static String companyOf(String value) {
        int mark = value.indexOf(SCRIPT_MARK);
        return mark < 0 ? value : value.substring(0, mark);
    }

    /** Whether a dictionary value names its company in text of this script. */
    private static boolean inScript(String value, Script script) {
        int mark = value.indexOf(SCRIPT_MARK);
        return mark < 0 || value.substring(mark + 1).equals(script.name());
    }

    private interface MatchSink {
        void match(String company, int start, int end);
    }

    /** Scans folded text left to right, longest acceptable alias first; blocked phrases name nobody. */
    private void scan(String t, Script script, MatchSink sink) {
        String[] value = new String[1];
        int n = t.length();
        int i = 0;
        while (i < n) {
            int len = aliases.match(t, i, n, value);
            while (len > 0 && !(inScript(value[0], script) && wordBoundaries(t, i, i + len)
                    && (value[0].equals(BLOCKED) || onSegmentBoundaries(t, i, i + len)))) {
                len = aliases.match(t, i, i + len - 1, value); // a shorter alias at the same place
            }
            if (len > 0) {
                if (!value[0].equals(BLOCKED)) {
                    sink.match(companyOf(value[0]), i, i + len);
                }
                i += len;
            } else {
                i += Character.charCount(t.codePointAt(i));
            }
        }
    }

    /** Whether a match that begins or ends with a Han character starts and ends on smartcn word boundaries. */
    private boolean onSegmentBoundaries(String t, int start, int end) {
        boolean hanStart = Character.isIdeographic(t.codePointAt(start));
        boolean hanEnd = Character.isIdeographic(t.codePointBefore(end));
        if (!hanStart && !hanEnd) {
            return true;
        }
        // the context stops at punctuation and spaces, which are boundaries anyway (and smartcn
        // would join 台积电\n台积电 into 电台 across a line break)
        int from = start;
        while (from > 0 && start - from < CONTEXT && Character.isLetterOrDigit(t.charAt(from - 1))) {
            from--;
        }
        int to = end;
        while (to < t.length() && to - end < CONTEXT && Character.isLetterOrDigit(t.charAt(to))) {
            to++;
        }
        boolean startOk = !hanStart || start == from;
        boolean endOk = !hanEnd || end == to;
        for (SegToken token : segmenter.process(t.substring(from, to))) {
            startOk |= token.startOffset + from == start;
            endOk |= token.endOffset + from == end;
        }
        return startOk && endOk;
    }

    /** A match that starts or ends with a Latin letter or digit must not continue a Latin word. */
    private static boolean wordBoundaries(String t, int start, int end) {
        if (isWordChar(t.charAt(start)) && start > 0 && isWordChar(t.charAt(start - 1))) {
            return false;
        }
        return !(isWordChar(t.charAt(end - 1)) && end < t.length() && isWordChar(t.charAt(end)));
    }

    private static boolean isWordChar(char c) {
        return c < 0x80 && Character.isLetterOrDigit(c);
    }
}

package dev.zhsearch.entity;

import dev.zhsearch.clean.FullWidth;
import dev.zhsearch.convert.PrefixDictionary;
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
 * "社交平台X", "X(原Twitter)"). Blocked phrases (三星期) match like aliases and name nobody.
 */
public final class CompanyMatcher {

    private static final String BLOCKED = "";
    private final ScriptFolder folder;
    private final PrefixDictionary aliases;

    public CompanyMatcher(CompanyTable table, ScriptFolder folder) {
        this.folder = folder;
        Map<String, String> entries = new HashMap<>();
        for (String phrase : table.blocked()) {
            entries.put(fold(phrase), BLOCKED);
        }
        List<String> conflicts = new ArrayList<>();
        for (Company c : table.companies()) {
            for (String alias : c.aliases()) {
                String key = fold(alias);
                if (key.codePointCount(0, key.length()) < 2) {
                    continue;
                }
                String previous = entries.putIfAbsent(key, c.id());
                if (previous != null && !previous.equals(c.id()) && !previous.equals(BLOCKED)) {
                    conflicts.add(alias + " (" + previous + ", " + c.id() + ")");
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

    /** Company ids named in the text, in order of first mention. */
    public List<String> companies(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        String t = fold(text);
        Set<String> found = new LinkedHashSet<>();
        String[] value = new String[1];
        int n = t.length();
        int i = 0;
        while (i < n) {
            int len = aliases.match(t, i, n, value);
            if (len > 0 && wordBoundaries(t, i, i + len)) {
                if (!value[0].equals(BLOCKED)) {
                    found.add(value[0]);
                }
                i += len;
            } else {
                i += Character.charCount(t.codePointAt(i));
            }
        }
        return List.copyOf(found);
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

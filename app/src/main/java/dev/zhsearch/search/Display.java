package dev.zhsearch.search;

import dev.zhsearch.convert.ChineseConverter;
import dev.zhsearch.convert.OpenccConfigs;
import dev.zhsearch.entity.Company;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The script results are shown in: as written, or converted to Traditional (Taiwan, OpenCC s2twp)
 * or Simplified (OpenCC tw2sp). Highlighted HTML is converted between its {@code <mark>} tags, so
 * each highlight still wraps exactly the converted form of the characters it wrapped.
 */
public enum Display {
    ORIGINAL, TRADITIONAL, SIMPLIFIED;

    private static final Pattern MARK = Pattern.compile("</?mark>");

    public static Display parse(String s) {
        return switch (s == null ? "" : s.strip().toLowerCase(Locale.ROOT)) {
            case "", "orig", "original", "原文" -> ORIGINAL;
            case "hant", "traditional", "繁" -> TRADITIONAL;
            case "hans", "simplified", "简" -> SIMPLIFIED;
            default -> throw new IllegalArgumentException("unknown display '" + s + "' (orig | hant | hans)");
        };
    }

    /** Converts the text of marked HTML, leaving the tags (and the entities, which are ASCII) alone. */
    public String html(String html, OpenccConfigs configs) {
        if (this == ORIGINAL || html == null) {
            return html;
        }
        ChineseConverter c = configs.converter(this == TRADITIONAL ? "s2twp" : "tw2sp");
        StringBuilder out = new StringBuilder(html.length());
        Matcher m = MARK.matcher(html);
        int pos = 0;
        while (m.find()) {
            out.append(c.convert(html.substring(pos, m.start()))).append(m.group());
            pos = m.end();
        }
        return out.append(c.convert(html.substring(pos))).toString();
    }

    public String companyName(Company c) {
        return this == SIMPLIFIED ? c.nameHans() : c.nameHant();
    }
}

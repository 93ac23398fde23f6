package dev.zhsearch.clean;

import java.util.regex.Pattern;

/**
 * The cleaning pipeline applied to every document's body before indexing: boilerplate, repeated
 * caption lines, converter pinyin glosses. Titles get the gloss repair and, for CCTV, lose their
 * "[视频]" marker. Each step is a pure String→String function; the composition is too.
 */
public final class Cleaner {

    /** CCTV's "[视频]" and the like at the start of a title (影片: how Taiwan phrasing writes 视频). */
    private static final Pattern VIDEO_MARKER = Pattern.compile("^[\\[【](?:视频|視頻|影片|组图|組圖|图文|圖文)[\\]】]\\s*");

    private final Boilerplate boilerplate;
    private final PinyinGlosses glosses;

    public Cleaner(Boilerplate boilerplate, PinyinGlosses glosses) {
        this.boilerplate = boilerplate;
        this.glosses = glosses;
    }

    public static Cleaner standard() {
        return new Cleaner(Boilerplate.standard(), PinyinGlosses.standard());
    }

    public String body(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String s = text.replace("\r\n", "\n").replace('\r', '\n');
        s = boilerplate.clean(s);
        s = RepeatedLines.dropConsecutive(s);
        return glosses.strip(s);
    }

    /** The longest tail after a repeated title still read as the outlet's name rather than text. */
    static final int MAX_OUTLET_CHARS = 24;
    private static final Pattern SENTENCE = Pattern.compile(".*[。！？!?，,；;].*");

    /**
     * The body without a repeat of the title at its start: Taiwan feeds often give the title, then
     * the outlet's name ("黃新浩相關報導  三立新聞"), as the whole description, or the title again before
     * the text. Counted twice, a headline-only page would outscore a story. A short tail without
     * sentence punctuation after the repeat is the outlet's name, and goes too.
     */
    public static String withoutRepeatedTitle(String title, String body) {
        String t = title.strip();
        String b = body.strip();
        if (t.isEmpty() || !b.startsWith(t)) {
            return body;
        }
        String rest = b.substring(t.length()).strip();
        return rest.length() <= MAX_OUTLET_CHARS && rest.indexOf('\n') < 0 && !SENTENCE.matcher(rest).matches() ? "" : rest;
    }

    public String title(String text) {
        if (text == null) {
            return "";
        }
        return glosses.strip(withoutMarker(text.strip()));
    }

    /**
     * The text without a leading media marker ({@code [视频]}, {@code 【组图】}…), as titles are
     * indexed; a pasted title is searched the same way. Text that is only a marker stays.
     */
    public static String withoutMarker(String text) {
        String s = VIDEO_MARKER.matcher(text).replaceFirst("");
        return s.isBlank() ? text : s;
    }
}

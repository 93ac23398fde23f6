package dev.zhsearch.clean;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits a roundup's body (CCTV's 国内联播快讯: a lead line, then headline, paragraph, headline,
 * paragraph…) into its items. A line is a headline when it is short and ends without a sentence's
 * punctuation; the lines after it, up to the next headline, are its text. A body that does not read
 * as at least two such items is not split.
 */
public final class RoundupSplitter {

    /** One item: its headline and its text. */
    public record Item(String title, String body) {}

    /** The longest line read as a headline. */
    static final int MAX_HEADLINE_CHARS = 40;
    private static final Pattern SENTENCE_END = Pattern.compile(".*[。！？!?；;：:…”」』)）]\\s*$");
    /** 央视网消息(新闻联播)： and the like, before the first item. */
    private static final Pattern LEAD = Pattern.compile("^\\s*(?:央视网消息|央視網消息)\\s*[(（][^)）]*[)）]\\s*[:：]?\\s*$");

    public List<Item> split(String body) {
        List<Item> items = new ArrayList<>();
        String title = null;
        StringBuilder text = new StringBuilder();
        for (String raw : body.split("\n")) {
            String line = raw.replace('\u00A0', ' ').strip(); // no-break spaces pad CCTV's empty paragraphs
            if (line.isEmpty() || items.isEmpty() && title == null && LEAD.matcher(line).matches()) {
                continue;
            }
            if (isHeadline(line)) {
                if (title != null) {
                    if (text.isEmpty()) {
                        return List.of(); // two headlines in a row: not the roundup shape
                    }
                    items.add(new Item(title, text.toString()));
                }
                title = line;
                text.setLength(0);
            } else if (title == null) {
                return List.of(); // text before any headline: not the roundup shape
            } else {
                text.append(text.isEmpty() ? "" : "\n").append(line);
            }
        }
        if (title != null && !text.isEmpty()) {
            items.add(new Item(title, text.toString()));
        }
        return items.size() >= 2 ? List.copyOf(items) : List.of();
    }

    static boolean isHeadline(String line) {
        return line.codePointCount(0, line.length()) <= MAX_HEADLINE_CHARS && !SENTENCE_END.matcher(line).matches();
    }
}

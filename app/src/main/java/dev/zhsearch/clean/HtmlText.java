package dev.zhsearch.clean;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** HTML fragments (CCTV transcripts) to plain text: one line per paragraph, entities decoded. */
public final class HtmlText {

    private static final Pattern BREAKS = Pattern.compile("(?i)<\\s*(?:br|/p|/div|/h\\d|/li)\\s*/?>");
    private static final Pattern TAGS = Pattern.compile("<[^>]*>");
    private static final Pattern LINE_BREAK = Pattern.compile("\\R");
    private static final Pattern ENTITY = Pattern.compile("&(#x?[0-9a-fA-F]+|[a-zA-Z]+);");

    private HtmlText() {}

    public static String toText(String html) {
        if (html == null || html.isEmpty()) {
            return "";
        }
        String s = BREAKS.matcher(html).replaceAll("\n");
        s = TAGS.matcher(s).replaceAll("");
        s = decodeEntities(s);
        StringBuilder out = new StringBuilder(s.length());
        for (String line : LINE_BREAK.split(s)) {
            String t = line.strip();
            if (!t.isEmpty()) {
                if (!out.isEmpty()) {
                    out.append('\n');
                }
                out.append(t);
            }
        }
        return out.toString();
    }

    static String decodeEntities(String s) {
        Matcher m = ENTITY.matcher(s);
        StringBuilder out = new StringBuilder(s.length());
        while (m.find()) {
            String e = m.group(1);
            String rep = switch (e) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                case "nbsp", "ensp", "emsp" -> " ";
                case "ldquo" -> "“";
                case "rdquo" -> "”";
                case "mdash" -> "—";
                case "hellip" -> "…";
                default -> numeric(e);
            };
            m.appendReplacement(out, Matcher.quoteReplacement(rep == null ? m.group() : rep));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String numeric(String e) {
        if (!e.startsWith("#")) {
            return null;
        }
        try {
            int cp = e.startsWith("#x") || e.startsWith("#X") ? Integer.parseInt(e.substring(2), 16) : Integer.parseInt(e.substring(1));
            return Character.isValidCodePoint(cp) && !Character.isISOControl(cp) ? Character.toString(cp) : null;
        } catch (NumberFormatException ex) {
            return null;
        }
    }
}

package dev.zhsearch.clean;

/**
 * Drops a line that repeats the previous non-empty line verbatim: a photo caption that sites print
 * under the picture and again as alt text.
 */
public final class RepeatedLines {

    private RepeatedLines() {}

    public static String dropConsecutive(String text) {
        String[] lines = text.split("\n", -1);
        StringBuilder out = new StringBuilder(text.length());
        String previous = null;
        for (String line : lines) {
            String t = line.strip();
            if (!t.isEmpty() && t.equals(previous)) {
                continue;
            }
            if (!t.isEmpty()) {
                previous = t;
            }
            out.append(line).append('\n');
        }
        return Boilerplate.trimBlankLines(out.toString());
    }
}

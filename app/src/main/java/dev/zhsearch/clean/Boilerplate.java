package dev.zhsearch.clean;

import dev.zhsearch.text.RuleFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Drops site furniture from article text by line rules (resource {@code clean/boilerplate.rules}):
 * related-article lists and comment rules ({@code cut}: the line and all after it), disclaimers,
 * breadcrumbs, copyright lines ({@code drop}), a "快訊" ticker with its headline ({@code drop+next}).
 */
public final class Boilerplate {

    enum Action { CUT, DROP, DROP_NEXT }

    record Rule(Action action, Pattern pattern) {}

    private final List<Rule> rules;

    Boilerplate(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static Boilerplate standard() {
        List<Rule> rules = new ArrayList<>();
        for (Map.Entry<String, String> e : RuleFiles.pairs("clean/boilerplate.rules")) {
            Action action = switch (e.getKey()) {
                case "cut" -> Action.CUT;
                case "drop" -> Action.DROP;
                case "drop+next" -> Action.DROP_NEXT;
                default -> throw new IllegalArgumentException("clean/boilerplate.rules: unknown action " + e.getKey());
            };
            rules.add(new Rule(action, Pattern.compile(e.getValue())));
        }
        return new Boilerplate(rules);
    }

    public String clean(String text) {
        String[] lines = text.split("\n", -1);
        StringBuilder out = new StringBuilder(text.length());
        boolean dropNextNonEmpty = false;
        for (String line : lines) {
            String t = line.strip();
            if (dropNextNonEmpty && !t.isEmpty()) {
                dropNextNonEmpty = false;
                continue;
            }
            Action action = t.isEmpty() ? null : match(t);
            if (action == Action.CUT) {
                break;
            }
            if (action == Action.DROP) {
                continue;
            }
            if (action == Action.DROP_NEXT) {
                dropNextNonEmpty = true;
                continue;
            }
            out.append(line).append('\n');
        }
        return trimBlankLines(out.toString());
    }

    private Action match(String line) {
        for (Rule r : rules) {
            if (r.pattern.matcher(line).matches()) {
                return r.action;
            }
        }
        return null;
    }

    /** Collapses runs of blank lines to one and trims blank lines at both ends. */
    static String trimBlankLines(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int blank = 0;
        for (String line : text.split("\n", -1)) {
            if (line.isBlank()) {
                blank++;
                continue;
            }
            if (!out.isEmpty()) {
                out.append(blank > 0 ? "\n\n" : "\n");
            }
            blank = 0;
            out.append(line.stripTrailing());
        }
        return out.toString();
    }
}

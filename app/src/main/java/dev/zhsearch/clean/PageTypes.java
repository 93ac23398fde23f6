package dev.zhsearch.clean;

import dev.zhsearch.text.RuleFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What kind of page a document is, by rules over its title ({@code clean/page-types.rules}) and the
 * length of what its body says beyond the title. Ranking weighs the kinds ({@code NewsPrior}); a
 * roundup's items are also indexed on their own ({@link RoundupSplitter}).
 */
public final class PageTypes {

    /** The kinds of page, as {@code page_type} stores them. */
    public enum Type {
        /** A story: a body that says something. */
        STORY("story"),
        /** A headline and (almost) nothing else: often a real story, but it says little. */
        HEADLINE("headline"),
        /** A tag, keyword or topic page: a name and a label. */
        LISTING("listing"),
        /** A list of short news read in one broadcast item; its items are documents too. */
        ROUNDUP("roundup"),
        /** One item of a roundup. */
        ROUNDUP_ITEM("roundup-item");

        private final String label;

        Type(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public static Type parse(String s) {
            for (Type t : values()) {
                if (t.label.equals(s)) {
                    return t;
                }
            }
            throw new IllegalArgumentException("unknown page type '" + s + "'");
        }
    }

    /** One rule of the file: its name, the type it gives, and the whole-title pattern. */
    public record Rule(String name, Type type, Pattern title) {}

    /** A page's type and, where a rule gave it, the rule's name. */
    public record Verdict(Type type, String rule) {}

    /** A body that says fewer characters than this beyond the title is a headline-only page. */
    public static final int MIN_BODY_CHARS = 20;

    private static final String RULES = "clean/page-types.rules";

    private final List<Rule> rules;

    public PageTypes(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static PageTypes standard() {
        List<Rule> rules = new ArrayList<>();
        for (var e : RuleFiles.pairs(RULES)) {
            String[] typeAndRegex = e.getValue().split("\t", 2);
            if (typeAndRegex.length != 2) {
                throw new IllegalArgumentException(RULES + ": expected NAME<TAB>TYPE<TAB>REGEX: " + e.getKey());
            }
            Type type = Type.parse(typeAndRegex[0].strip());
            if (type != Type.LISTING && type != Type.ROUNDUP) {
                throw new IllegalArgumentException(RULES + ": rule " + e.getKey() + ": a rule gives listing or roundup, not " + type.label());
            }
            rules.add(new Rule(e.getKey().strip(), type, Pattern.compile(typeAndRegex[1].strip())));
        }
        return new PageTypes(rules);
    }

    public List<Rule> rules() {
        return rules;
    }

    /**
     * The type of a page with this cleaned title and this body (the body without a repeat of the
     * title: {@link Cleaner#withoutRepeatedTitle}).
     */
    public Verdict classify(String title, String body) {
        boolean saysLittle = body.strip().length() < MIN_BODY_CHARS;
        for (Rule r : rules) {
            if (r.title().matcher(title.strip()).matches() && (r.type() == Type.ROUNDUP || saysLittle)) {
                return new Verdict(r.type(), r.name());
            }
        }
        return new Verdict(saysLittle ? Type.HEADLINE : Type.STORY, null);
    }

    /** The first roundup rule that matches the title, if any. */
    public Optional<Rule> roundup(String title) {
        return rules.stream().filter(r -> r.type() == Type.ROUNDUP && r.title().matcher(title.strip()).matches()).findFirst();
    }
}

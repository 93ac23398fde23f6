package dev.zhsearch.entity;

import dev.zhsearch.convert.Script;
import java.util.List;

/** One canonical company: an id, display names in three scripts, and every alias it goes by. */
public record Company(String id, String nameHant, String nameHans, String nameEn, List<String> aliases) {

    public Company {
        aliases = List.copyOf(aliases);
    }

    /** Suffix of an alias that names the company only in Traditional text (蘋果@hant: Apple in Taiwan's press). */
    public static final String ONLY_HANT = "@hant";
    /** Suffix of an alias that names the company only in Simplified text. */
    public static final String ONLY_HANS = "@hans";

    /** The alias without its script suffix. */
    public static String aliasText(String alias) {
        return alias.endsWith(ONLY_HANT) || alias.endsWith(ONLY_HANS) ? alias.substring(0, alias.length() - ONLY_HANT.length()) : alias;
    }

    /** The script an alias is limited to, or null when it names the company in any text. */
    public static Script aliasScript(String alias) {
        return alias.endsWith(ONLY_HANT) ? Script.TRADITIONAL : alias.endsWith(ONLY_HANS) ? Script.SIMPLIFIED : null;
    }

    /** The display name for a script preference: "hant", "hans" or "en" (default Traditional). */
    public String name(String script) {
        return switch (script == null ? "" : script) {
            case "hans", "simplified", "简" -> nameHans;
            case "en", "english" -> nameEn;
            default -> nameHant;
        };
    }
}

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

    /**
     * Prefix of an alias that is an ordinary word or name as often as the company (本田 the surname,
     * 日產 "daily output"): it names the company only as an item of a list that names another company
     * ("豐田、~本田和~日產").
     */
    public static final String IN_LISTS = "~";

    /**
     * Prefix of an alias that names the company in a list, as {@link #IN_LISTS}, and also beside a word
     * of the stock market (力成股價, 台糖營收): a short name that is as often part of a person's or a
     * place's name, but no common word ("^力成").
     */
    public static final String IN_MARKET = "^";

    /** The alias without its list prefix and script suffix. */
    public static String aliasText(String alias) {
        String a = alias.startsWith(IN_LISTS) || alias.startsWith(IN_MARKET) ? alias.substring(1) : alias;
        return a.endsWith(ONLY_HANT) || a.endsWith(ONLY_HANS) ? a.substring(0, a.length() - ONLY_HANT.length()) : a;
    }

    /** Whether the alias names the company only in a list beside another company, or in the market's words ({@link #IN_LISTS}, {@link #IN_MARKET}). */
    public static boolean inListsOnly(String alias) {
        return alias.startsWith(IN_LISTS) || alias.startsWith(IN_MARKET);
    }

    /** Whether the alias names the company beside a word of the stock market too ({@link #IN_MARKET}). */
    public static boolean inMarket(String alias) {
        return alias.startsWith(IN_MARKET);
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

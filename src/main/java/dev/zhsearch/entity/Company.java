package dev.zhsearch.entity;

import java.util.List;

/** One canonical company: an id, display names in three scripts, and every alias it goes by. */
public record Company(String id, String nameHant, String nameHans, String nameEn, List<String> aliases) {

    public Company {
        aliases = List.copyOf(aliases);
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

package dev.zhsearch.convert;

/** The script a text is written in, as far as its characters tell. */
public enum Script {
    TRADITIONAL("繁"),
    SIMPLIFIED("简"),
    /** No Han characters that tell the two apart. */
    UNKNOWN("?");

    private final String badge;

    Script(String badge) {
        this.badge = badge;
    }

    public String badge() {
        return badge;
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

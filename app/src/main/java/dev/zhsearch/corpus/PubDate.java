package dev.zhsearch.corpus;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A publication date and where it came from. {@code UNKNOWN} carries no date: zhsearch never
 * invents one (not the index time, not the file time).
 */
public record PubDate(LocalDate date, LocalTime time, Provenance provenance) {

    public enum Provenance {
        /** Given by the source's metadata (front matter, a feed's field). */
        METADATA,
        /** Found in the article's text (a "时间:" header line). */
        TEXT,
        /** Not known. */
        UNKNOWN;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static final PubDate UNKNOWN = new PubDate(null, null, Provenance.UNKNOWN);

    private static final Pattern ENDS_WITH_OFFSET = Pattern.compile("([+-]\\d{2}:?\\d{2}|Z)$");

    public PubDate {
        if ((date == null) != (provenance == Provenance.UNKNOWN)) {
            throw new IllegalArgumentException("a date is present exactly when provenance is not UNKNOWN");
        }
        if (date == null && time != null) {
            throw new IllegalArgumentException("time without date");
        }
    }

    public boolean known() {
        return date != null;
    }

    /** ISO text: {@code 2025-09-08T18:17:06}, {@code 2025-12-19}, or null when unknown. */
    public String iso() {
        if (date == null) {
            return null;
        }
        return time == null ? date.toString() : LocalDateTime.of(date, time).toString();
    }

    /**
     * Parses ISO-8601 as publishers write it: a date, a local date-time ("2025-09-08 18:17:06" or
     * with 'T'), or an offset date-time (the local wall-clock time is kept, as the publisher meant it).
     */
    public static Optional<PubDate> parse(String text, Provenance provenance) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.strip().replace(' ', 'T');
        if (s.isEmpty()) {
            return Optional.empty();
        }
        try {
            if (s.length() <= 10) {
                return Optional.of(new PubDate(LocalDate.parse(s), null, provenance));
            }
            if (ENDS_WITH_OFFSET.matcher(s).find()) {
                OffsetDateTime odt = OffsetDateTime.parse(s);
                return Optional.of(new PubDate(odt.toLocalDate(), odt.toLocalTime(), provenance));
            }
            LocalDateTime ldt = LocalDateTime.parse(s);
            return Optional.of(new PubDate(ldt.toLocalDate(), ldt.toLocalTime(), provenance));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}

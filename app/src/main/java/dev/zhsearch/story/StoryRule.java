package dev.zhsearch.story;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * When two documents are one story: both dated at most {@code windowDays} apart and the cosine of
 * their {@link StoryVector}s (idf raised to {@code idfPower}) at least {@code threshold}, or at least
 * {@code sameSourceThreshold} when one outlet published both: an outlet publishes one story twice
 * only as a re-post or an update of nearly the same text, while two texts of its own on one day that
 * merely share names are a series or a template (a weather alert each hour, a saga in parts).
 * Settings: {@code story/stories.properties}, chosen on labelled pairs ({@code ./zhsearch bench stories}).
 */
public record StoryRule(double threshold, int windowDays, double idfPower, double sameSourceThreshold) {

    public static final String RESOURCE = "/story/stories.properties";
    /** The day of a document without a date: near no other. */
    public static final int UNDATED = Integer.MIN_VALUE;

    public static StoryRule standard() {
        try (InputStream in = StoryRule.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            Properties p = new Properties();
            p.load(in);
            return new StoryRule(Double.parseDouble(p.getProperty("threshold").trim()),
                    Integer.parseInt(p.getProperty("window.days").trim()),
                    Double.parseDouble(p.getProperty("idf.power").trim()),
                    Double.parseDouble(p.getProperty("same.source.threshold").trim()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public StoryRule withThreshold(double t) {
        return new StoryRule(t, windowDays, idfPower, sameSourceThreshold);
    }

    public StoryRule withWindowDays(int days) {
        return new StoryRule(threshold, days, idfPower, sameSourceThreshold);
    }

    public StoryRule withSameSourceThreshold(double t) {
        return new StoryRule(threshold, windowDays, idfPower, t);
    }

    /** Whether two documents' days (since the epoch) are close enough for one story. */
    public boolean near(int dayA, int dayB) {
        return dayA != UNDATED && dayB != UNDATED && Math.abs((long) dayA - dayB) <= windowDays;
    }

    /** The two documents' cosine if they are one story by this rule, else a negative number. */
    public double match(StoryVector a, int dayA, String sourceA, StoryVector b, int dayB, String sourceB) {
        if (a == null || b == null) {
            return -1;
        }
        double c = a.cosine(b);
        return sameStory(c, dayA, sourceA, dayB, sourceB) ? c : -1;
    }

    /** Whether two documents whose vectors' cosine is {@code cosine} are one story by this rule. */
    public boolean sameStory(double cosine, int dayA, String sourceA, int dayB, String sourceB) {
        boolean oneOutlet = sourceA != null && sourceA.equals(sourceB);
        return near(dayA, dayB) && cosine >= (oneOutlet ? Math.max(threshold, sameSourceThreshold) : threshold);
    }
}

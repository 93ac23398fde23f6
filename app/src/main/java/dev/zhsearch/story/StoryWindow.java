package dev.zhsearch.story;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The documents of the days a story can span, in memory, and the one decision both the full build
 * ({@link StoryLinker}) and each live write ({@link StoryFinder}) make with them: a new document is
 * compared with the documents of its day window that share one of its heaviest terms, and joins the
 * story of the most like it whose first report it is also like by the {@link StoryRule} (so a story
 * never grows by a chain of documents each like the last); otherwise it starts a story.
 *
 * <p>Not thread-safe: its owner serialises calls.
 */
final class StoryWindow {

    /** A document of a story: its vector, day and outlet, its story's key, and the story's first report. */
    static final class Member {
        final String id;
        final StoryVector vector;
        final int day;
        final String source;
        /** The story's key: its first report's own key when the story began. */
        long key;
        /** The story's earliest document that remains (itself when it began the story). */
        Member first;

        Member(String id, StoryVector vector, int day, String source) {
            this.id = id;
            this.vector = vector;
            this.day = day;
            this.source = source;
            this.key = Stories.ownKey(id);
            this.first = this;
        }

        long key() {
            return key;
        }
    }

    /** One day's documents in the order they joined, and by heaviest term. */
    private static final class Day {
        final List<Member> members = new ArrayList<>();
        final Map<String, List<Member>> byTerm = new HashMap<>();

        void add(Member m) {
            members.add(m);
            for (String t : m.vector.heaviest()) {
                byTerm.computeIfAbsent(t, x -> new ArrayList<>(2)).add(m);
            }
        }

        void remove(Member m) {
            members.remove(m);
            for (String t : m.vector.heaviest()) {
                List<Member> l = byTerm.get(t);
                if (l != null) {
                    l.remove(m);
                }
            }
        }
    }

    private final StoryRule rule;
    /** Days held, least recently used first; at most {@code capacity} (0: no limit, the caller drops days). */
    private final LinkedHashMap<Integer, Day> days = new LinkedHashMap<>(16, 0.75f, true);
    private final Map<String, Member> byId = new HashMap<>();
    private final int capacity;
    private long compared;

    StoryWindow(StoryRule rule, int capacity) {
        this.rule = rule;
        this.capacity = capacity;
    }

    /** Pairs compared so far. */
    long compared() {
        return compared;
    }

    /** Whether the documents of this day are held (possibly none). */
    boolean holds(int day) {
        return days.containsKey(day);
    }

    /**
     * Holds a day's documents as they stand, each with its story's key (from the index), oldest first;
     * a story's first report is the one whose own key is the story's, else its earliest document.
     */
    void hold(int day, List<Member> members) {
        Day d = new Day();
        Map<Long, Member> firsts = new HashMap<>();
        for (Member m : members) {
            if (m.key == Stories.ownKey(m.id)) {
                firsts.put(m.key, m);
            }
        }
        for (Member m : members) {
            m.first = firsts.computeIfAbsent(m.key, k -> m);
            d.add(m);
            byId.put(m.id, m);
        }
        days.put(day, d);
        if (capacity > 0 && days.size() > capacity) {
            drop(days.keySet().iterator().next());
        }
    }

    /** Forgets the documents of days before {@code day}. */
    void dropBefore(int day) {
        days.keySet().stream().filter(d -> d < day).toList().forEach(this::drop);
    }

    private void drop(int day) {
        Day d = days.remove(day);
        if (d != null) {
            d.members.forEach(m -> byId.remove(m.id));
        }
    }

    /** Forgets a document (deleted, or about to be replaced); its story's next document becomes the first report. */
    void forget(String id) {
        Member m = byId.remove(id);
        if (m == null) {
            return;
        }
        Day d = days.get(m.day);
        if (d == null) {
            return;
        }
        d.remove(m);
        if (m.first == m) {
            Member next = null;
            for (Member o : d.members) {
                if (o.first == m) {
                    if (next == null) {
                        next = o;
                    }
                    o.first = next;
                }
            }
        }
    }

    /**
     * The story {@code self} joins (its {@link Member#key} and {@link Member#first} are set) among the
     * documents held of its day window; then it is held too. Its day must be held ({@link #hold}) or
     * the window unbounded.
     */
    Member join(Member self) {
        List<Like> like = new ArrayList<>();
        Set<Member> seen = new HashSet<>();
        for (int day = self.day - rule.windowDays(); day <= self.day + rule.windowDays(); day++) {
            Day d = days.get(day);
            if (d == null) {
                continue;
            }
            for (String t : self.vector.heaviest()) {
                for (Member m : d.byTerm.getOrDefault(t, List.of())) {
                    if (m.id.equals(self.id) || !seen.add(m)) {
                        continue;
                    }
                    compared++;
                    double c = match(self, m);
                    if (c >= 0) {
                        like.add(new Like(m, c));
                    }
                }
            }
        }
        like.sort((x, y) -> Double.compare(y.cosine(), x.cosine())); // stable: the earlier of two equals first
        for (Like l : like) {
            Member m = l.member();
            if (m.first == m || match(self, m.first) >= 0) {
                self.key = m.key;
                self.first = m.first;
                break;
            }
        }
        Day d = days.get(self.day);
        if (d == null) {
            hold(self.day, List.of());
            d = days.get(self.day);
        }
        d.add(self);
        byId.put(self.id, self);
        return self;
    }

    /** A document held that {@code self} is like, and how like. */
    private record Like(Member member, double cosine) {}

    private double match(Member a, Member b) {
        return rule.match(a.vector, a.day, a.source, b.vector, b.day, b.source);
    }
}

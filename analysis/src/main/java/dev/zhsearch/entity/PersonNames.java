package dev.zhsearch.entity;

import dev.zhsearch.convert.PrefixDictionary;
import dev.zhsearch.text.RuleFiles;
import java.io.Reader;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The people a text names, found by the words around them, for suggestions by sound (people are what
 * readers type most, and titles seldom hold their names). In folded text:
 * <ul>
 *   <li>a title before the name: 总统赖清德, 立委黄捷, 美国财长贝森特表示; a name that begins with a surname
 *       has one or two characters more and ends where a title, a verb, a particle or punctuation begins;
 *       a foreign name (no surname) has three to five characters and ends where a verb begins;</li>
 *   <li>a name of a surname and one or two characters at the start of a clause (after punctuation or
 *       the start), followed by a title or a reporting verb: ，王小洪强调, 。习近平总书记;</li>
 *   <li>after a title that is a word of its own there, a foreign name may also end at punctuation, or
 *       be written in full with dots (基尔·斯塔默, as the fold writes 施凱爾), when the dictionary knows
 *       no word inside it (英国首相斯塔默，);</li>
 *   <li>the names listed after a name found (王楚钦和孙颖莎, 孙颖莎、陈梦), each of a surname and one or
 *       two characters the dictionary knows no word in.</li>
 * </ul>
 * The shortest name that ends so is taken. Rules are data: {@code entities/people.txt} (titles and the
 * words that end a name, typed from general knowledge of news Chinese) and {@code entities/surnames.txt}
 * (CC-CEDICT's surnames, written by {@code ./zhsearch entities tables}); {@code conf/entities/people.txt}
 * beside the project adds to them. A single document's finds are noisy; the suggester keeps names that
 * several documents give.
 */
public final class PersonNames {

    static final String RESOURCE = "entities/people.txt";
    static final String SURNAMES = "entities/surnames.txt";
    /** Longest name after a title (foreign names: 贝森特, 泽连斯基, 阿尔巴尼斯). */
    static final int LONGEST = 5;

    private final PrefixDictionary titles;
    private final PrefixDictionary verbs;
    private final PrefixDictionary ends;
    private final Set<String> surnames;
    private final Set<String> notNames;
    /** smartcn's dictionary, to tell a transliterated or listed name from a run of known words. */
    private final dev.zhsearch.analysis.hhmm.HhmmSegmenter segmenter = new dev.zhsearch.analysis.hhmm.HhmmSegmenter();

    private PersonNames(Map<String, String> titles, Map<String, String> verbs, Map<String, String> ends, Set<String> surnames, Set<String> notNames) {
        this.titles = PrefixDictionary.of(titles);
        this.verbs = PrefixDictionary.of(verbs);
        this.ends = PrefixDictionary.of(ends);
        this.surnames = Set.copyOf(surnames);
        this.notNames = Set.copyOf(notNames);
    }

    /** The shipped rules and surnames, then the user's {@code conf/entities/people.txt}, folded with {@code fold}. */
    public static PersonNames standard(UnaryOperator<String> fold) {
        Rules rules = new Rules(fold);
        RuleFiles.shippedThenLocal(CompanyTable.LOCAL_DIR.resolve("people.txt"), rules::read, RESOURCE, SURNAMES);
        return rules.build();
    }

    static PersonNames read(Reader reader, String name, UnaryOperator<String> fold) {
        Rules rules = new Rules(fold);
        rules.read(reader, name);
        return rules.build();
    }

    /** The names in folded text {@code t}, each once, in order of first appearance. */
    public Set<String> find(String t) {
        Set<String> out = new LinkedHashSet<>();
        if (t == null) {
            return out;
        }
        String[] value = new String[1];
        int n = t.length();
        for (int i = 0; i < n; i++) {
            int title = titles.match(t, i, n, value);
            if (title > 0) {
                String name = nameAt(t, i + title, true, value);
                if (name != null) {
                    out.add(name);
                    i = listed(t, i + title + name.length(), out, value) - 1;
                    continue;
                }
                i += title - 1;
                continue;
            }
            if (i == 0 || !Character.isIdeographic(t.charAt(i - 1))) {
                String name = nameAt(t, i, false, value);
                if (name != null && !titleOfAName(t, i + name.length(), value)) {
                    out.add(name);
                    i = listed(t, i + name.length(), out, value) - 1;
                }
            }
        }
        return out;
    }

    /** What joins names in a list: 王楚钦和孙颖莎, 孙颖莎、陈梦、王艺迪, 樊振东/马龙. */
    private static final String LIST_JOINS = "和与及、/";

    /**
     * After a name found at {@code end}'s left: the names listed after it (one joining character
     * between each) that are of a surname and one or two characters the dictionary does not know as
     * words (和民进党 is a party, 与中国 a country); where the list ends.
     */
    private int listed(String t, int end, Set<String> out, String[] value) {
        while (end + 1 < t.length() && LIST_JOINS.indexOf(t.charAt(end)) >= 0) {
            int start = end + 1;
            int surname = surnameAt(t, start);
            String next = surname > 0 ? nameEndingAt(t, start, 2, surname + 2, Ending.ANY, value) : null;
            if (next == null || notNames.contains(next) || !unknownCharacters(next)) {
                break;
            }
            out.add(next);
            end = start + next.length();
        }
        return end;
    }

    /** The dots between a foreign name's parts (基尔·斯塔默), as the fold writes them. */
    private static final String NAME_DOTS = "·‧・";

    /** Whether {@code name} is made of what a found name may hold: Han characters and a foreign name's dots. */
    public static boolean nameCharacters(String name) {
        return name.codePoints().allMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN || NAME_DOTS.indexOf(cp) >= 0);
    }
    /** Longest dotted name, dots counted. */
    static final int LONGEST_DOTTED = 16;

    /**
     * A foreign name of parts joined by dots at {@code start} (基尔·斯塔默), ending where a verb, a
     * title, an ending word or punctuation begins, each part of characters the dictionary knows no word in.
     */
    private String dottedName(String t, int start, String[] value) {
        int n = t.length();
        int end = start;
        int lastDot = -1;
        while (end < n && end - start < LONGEST_DOTTED
                && (Character.isIdeographic(t.charAt(end)) || NAME_DOTS.indexOf(t.charAt(end)) >= 0 && end > start)) {
            if (NAME_DOTS.indexOf(t.charAt(end)) >= 0) {
                if (lastDot == end - 1) {
                    return null;
                }
                lastDot = end;
            }
            end++;
        }
        // the run itself ends a name only where the text stops being one (punctuation, Latin, the end)
        boolean runEnds = end == n || !Character.isIdeographic(t.charAt(end)) && NAME_DOTS.indexOf(t.charAt(end)) < 0;
        if (lastDot < 0) {
            return null;
        }
        // the last part ends where the run does, or where a verb, a title or an ending word begins: the
        // longest such name whose parts are all unknown characters (马姆努恩·侯赛因表示, though 因 may end a
        // name; 唐纳德·特朗普的政策 gives 唐纳德·特朗普)
        for (int e = end; e > lastDot + 1; e--) {
            if (e == end && runEnds && e - 1 > lastDot + 1 && ends.match(t, e - 1, e, value) > 0) {
                continue; // 巴沙尔·阿萨德也，: a particle before punctuation is not the name's
            }
            boolean ended = e == end && runEnds || verbs.match(t, e, n, value) > 0 || titles.match(t, e, n, value) > 0 || ends.match(t, e, n, value) > 0;
            if (ended && allUnknown(t.substring(start, e))) {
                return t.substring(start, e);
            }
        }
        return null;
    }

    private boolean allUnknown(String dotted) {
        for (String part : dotted.split("[" + NAME_DOTS + "]")) {
            if (part.isEmpty() || !unknownCharacters(part)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the dictionary cuts {@code run} into single characters only: no word it knows is inside (斯塔默, not 大选投票日). */
    private boolean unknownCharacters(String run) {
        return segmenter.segment(run).stream().allMatch(w -> w.end() - w.start() == 1);
    }

    /**
     * The name that begins at {@code start}. After a title: a surname and one or two characters, ending
     * where a title, a verb, an ending word, punctuation or the text begins; else a foreign name of three
     * to {@link #LONGEST} characters ending before a verb. At a clause's start: a surname and one or two
     * characters, then a title or a verb.
     */
    private String nameAt(String t, int start, boolean afterTitle, String[] value) {
        if (start >= t.length() || !Character.isIdeographic(t.charAt(start))) {
            return null;
        }
        // after a title, the title must be a word of its own there (委员|会成员 is 委员会's end, 代表|团分别
        // 代表团's): what follows a longer word's piece is no name
        if (afterTitle) {
            if (!wordEndsAt(t, start)) {
                return null;
            }
            String dotted = dottedName(t, start, value); // 唐纳德·特朗普, not 唐纳德
            if (dotted != null) {
                return dotted;
            }
        }
        int surname = surnameAt(t, start);
        // after a title, a surname's name ends at any word that may follow a name; at a clause's start
        // only at a title or a verb (，王小洪强调), as a particle there follows any word (，成功的)
        String name = surname > 0 ? nameEndingAt(t, start, 2, surname + 2, afterTitle ? Ending.ANY : Ending.TITLE_OR_VERB, value) : null;
        if (name == null && afterTitle) {
            name = nameEndingAt(t, start, 3, LONGEST, Ending.VERB, value); // a foreign name: 贝森特, 泽连斯基
        }
        if (name == null && afterTitle) {
            // a foreign name before punctuation (英国首相斯塔默，): only characters the dictionary knows
            // no word in, as a transliteration is (总统大选投票日， is no name)
            String run = nameEndingAt(t, start, 3, LONGEST, Ending.PUNCTUATION, value);
            name = run != null && unknownCharacters(run) ? run : null;
        }
        return name;
    }

    /** Whether the dictionary's words in the text around {@code at} have a boundary there. */
    private boolean wordEndsAt(String t, int at) {
        int from = Math.max(0, at - 4);
        String window = t.substring(from, Math.min(t.length(), at + 4));
        for (dev.zhsearch.analysis.hhmm.HhmmSegmenter.Word w : segmenter.segment(window)) {
            if (from + w.start() < at && from + w.end() > at) {
                return false;
            }
        }
        return true;
    }

    /**
     * What may follow a name: a verb; a title or a verb; any of those, an ending word or punctuation;
     * a verb, a title or punctuation.
     */
    private enum Ending { VERB, TITLE_OR_VERB, ANY, PUNCTUATION }

    /**
     * The shortest run of {@code shortest} to {@code longest} Han characters at {@code start} followed by
     * what {@code ending} allows; null if none, or if the run holds a title or begins with an ending word
     * or a verb.
     */
    private String nameEndingAt(String t, int start, int shortest, int longest, Ending ending, String[] value) {
        int n = t.length();
        for (int len = 1; len <= longest && start + len <= n; len++) {
            if (!Character.isIdeographic(t.charAt(start + len - 1))) {
                return null;
            }
            int end = start + len;
            if (len < shortest) {
                // (from two characters: 韩|正在 is 韩正|在)
                if (len >= 2 && (ends.match(t, end, n, value) > 0 || titles.match(t, end, n, value) > 0)) {
                    return null; // a name does not run on through a word that ends one (韩正在北京)
                }
                continue;
            }
            boolean ended = verbs.match(t, end, n, value) > 0
                    || ending != Ending.VERB && titles.match(t, end, n, value) > 0
                    || ending == Ending.ANY && (ends.match(t, end, n, value) > 0 || end == n || !Character.isIdeographic(t.charAt(end)))
                    || ending == Ending.PUNCTUATION && (end == n || !Character.isIdeographic(t.charAt(end)));
            if (ended) {
                // 和 is the name's own last character where a verb or punctuation follows it (魏凤和表示)
                int last = len < longest && endsInAnd(t, end, value) ? end + 1 : end;
                String name = t.substring(start, last);
                return notNames.contains(name) || holdsTitle(name, value)
                        || ends.match(name, 0, name.length(), value) > 0 && !surnameThatEnds(name)
                        || verbs.match(name, 0, name.length(), value) > 0 ? null : name;
            }
            if (ends.match(t, end, n, value) > 0 || titles.match(t, end, n, value) > 0) {
                return null; // a name does not run on through a word that ends one (特朗普今天, 韩正在北京)
            }
        }
        return null;
    }

    /**
     * Whether {@code name} begins with a surname that is also a word ending names (曾 "once", 于 "at")
     * and two more characters, neither of them such a word nor a numeral, in which the dictionary
     * knows no word: 曾銘宗, 于伟国 (立委曾銘宗說), not 曾經, 曾表示, 曾在, 曾两次.
     */
    private boolean surnameThatEnds(String name) {
        String[] value = new String[1];
        return name.length() == 3 && surnames.contains(name.substring(0, 1)) && unknownCharacters(name)
                && ends.match(name, 1, 3, value) == 0 && ends.match(name, 2, 3, value) == 0
                && NUMERALS.indexOf(name.charAt(1)) < 0 && NUMERALS.indexOf(name.charAt(2)) < 0;
    }

    private static final String NUMERALS = "〇一二三四五六七八九十百千万两几";

    /** Words ending names that are also names' last characters (魏凤和, 罗富和). */
    private static final String NAME_ENDS_IN = "和";

    /** Whether at {@code at} is one of {@link #NAME_ENDS_IN} with a verb, punctuation or the text's end after it. */
    private boolean endsInAnd(String t, int at, String[] value) {
        return at < t.length() && NAME_ENDS_IN.indexOf(t.charAt(at)) >= 0
                && (at + 1 == t.length() || !Character.isIdeographic(t.charAt(at + 1)) || verbs.match(t, at + 1, t.length(), value) > 0);
    }

    /** Whether a title at {@code at} is followed by a name: what comes before it is a place or a body (乌克兰总统泽连斯基). */
    private boolean titleOfAName(String t, int at, String[] value) {
        int title = titles.match(t, at, t.length(), value);
        return title > 0 && nameAt(t, at + title, true, value) != null;
    }

    /** Whether a title begins anywhere in {@code name} (府发言人 of 总统府发言人 is no name). */
    private boolean holdsTitle(String name, String[] value) {
        for (int i = 0; i < name.length(); i++) {
            if (titles.match(name, i, name.length(), value) > 0) {
                return true;
            }
        }
        return false;
    }

    /** Whether the character before {@code i} of folded {@code t} is a surname's (林 of 林佳龙). */
    public boolean surnameBefore(String t, int i) {
        return i > 0 && surnames.contains(t.substring(i - 1, i));
    }

    /** The length of a surname at {@code i} (欧阳 2, 王 1), or 0. */
    private int surnameAt(String t, int i) {
        if (i + 2 <= t.length() && surnames.contains(t.substring(i, i + 2))) {
            return 2;
        }
        return i < t.length() && surnames.contains(t.substring(i, i + 1)) ? 1 : 0;
    }

    private static final class Rules {
        private final UnaryOperator<String> fold;
        private final Map<String, String> titles = new HashMap<>();
        private final Map<String, String> verbs = new HashMap<>();
        private final Map<String, String> ends = new HashMap<>();
        private final Set<String> surnames = new HashSet<>();
        private final Set<String> notNames = new HashSet<>();

        Rules(UnaryOperator<String> fold) {
            this.fold = fold;
        }

        void read(Reader reader, String name) {
            RuleFiles.kindPhrases(reader, name, fold, (kind, phrase, where) -> {
                switch (kind) {
                    case "title" -> titles.put(phrase, phrase);
                    case "verb" -> verbs.put(phrase, phrase);
                    case "end" -> ends.put(phrase, phrase);
                    case "surname" -> surnames.add(phrase);
                    case "not" -> notNames.add(phrase);
                    default -> throw new IllegalArgumentException(where + ": unknown kind '" + kind + "' (title, verb, end, surname, not)");
                }
            });
        }

        PersonNames build() {
            return new PersonNames(titles, verbs, ends, surnames, notNames);
        }
    }
}

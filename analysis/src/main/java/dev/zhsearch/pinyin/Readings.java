package dev.zhsearch.pinyin;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Mandarin readings of Simplified text, at phrase level: the longest phrase of the phrase table that
 * starts at each position gives its characters' readings (银行 yin2 hang2, 行走 xing2 zou3, 重庆
 * chong2 qing4), and a character no phrase covers takes its most common reading. Readings key on the
 * Simplified script, so a Traditional text converted to Simplified first (script only, no regional
 * vocabulary) shares them; 記憶體 and 内存 keep their own readings. Syllables are toneless ASCII with
 * the tone as a digit (1–4, 5 neutral), {@code ü} written {@code v}: {@code lv4}.
 *
 * <p>Data ({@code readings/*.tsv}, made by {@code ./zhsearch readings build}): phrases from
 * mozillazg/phrase-pinyin-data and pinyin-pro's polyphone words, characters from mozillazg/pinyin-data
 * (MIT), syllable → Zhuyin from the standard correspondence (CC0); each file's header says more.
 */
public final class Readings {

    public static final String PHRASES = "/readings/phrases.tsv";
    public static final String CHARS = "/readings/chars.tsv";
    public static final String ZHUYIN = "/readings/zhuyin.tsv";

    /** Each phrase's readings, one per character; parsed once, at load (they are read for every candidate). */
    private final Map<String, Syllable[]> phrases;
    /**
     * The phrases read another way too (a second row of the table: 洪都拉斯 hong du la si, and hong dou la
     * si as phrase-pinyin-data reads it): each position's other syllable is one more way to type it.
     */
    private final Map<String, Syllable[]> otherwise;
    private final int longestPhrase;
    /** Each character's readings, the most common first. */
    private final Map<Integer, Syllable[]> chars;
    private final Map<String, String> zhuyin;

    /** The characters of each toneless syllable, by any of their readings (the inverse of {@link #chars}). */
    private final Map<String, int[]> bySyllable;
    /** Toneless pinyin syllables by their Zhuyin letters without tone marks. */
    private final Map<String, String> fromZhuyin;
    /**
     * For every beginning of a syllable's pinyin letters ({@code zh}, {@code zhu} …) and of its Zhuyin letters,
     * the syllables with a vowel so begun, sorted: asked on every key typed, so worked out once.
     */
    private final Map<String, List<String>> begunPinyin;
    private final Map<String, List<String>> begunZhuyin;

    private Readings(Map<String, Syllable[]> phrases, Map<String, Syllable[]> otherwise, Map<Integer, Syllable[]> chars, Map<String, String> zhuyin) {
        this.phrases = phrases;
        this.otherwise = otherwise;
        this.chars = chars;
        this.zhuyin = zhuyin;
        this.longestPhrase = phrases.keySet().stream().mapToInt(p -> p.codePointCount(0, p.length())).max().orElse(1);
        Map<String, java.util.TreeSet<Integer>> inverse = new HashMap<>();
        chars.forEach((cp, readings) -> {
            for (Syllable r : readings) {
                inverse.computeIfAbsent(r.text(), k -> new java.util.TreeSet<>()).add(cp);
            }
        });
        this.bySyllable = new HashMap<>();
        inverse.forEach((syllable, cps) -> bySyllable.put(syllable, cps.stream().mapToInt(Integer::intValue).toArray()));
        this.fromZhuyin = new HashMap<>();
        zhuyin.forEach((syllable, letters) -> fromZhuyin.putIfAbsent(letters, syllable));
        this.begunPinyin = byBeginning(zhuyin.keySet().stream().map(s -> Map.entry(s, s)).toList());
        this.begunZhuyin = byBeginning(List.copyOf(fromZhuyin.entrySet()));
    }

    /** Each beginning of each entry's key, with the values (syllables with a vowel) of the keys it begins, sorted. */
    private static Map<String, List<String>> byBeginning(List<Map.Entry<String, String>> lettersToSyllable) {
        Map<String, java.util.TreeSet<String>> begun = new HashMap<>();
        for (Map.Entry<String, String> e : lettersToSyllable) {
            String letters = e.getKey();
            String syllable = e.getValue();
            boolean voiced = voiced(syllable);
            for (int end = 0; end <= letters.length(); end++) { // (from 0: every syllable begins with nothing)
                java.util.TreeSet<String> here = begun.computeIfAbsent(letters.substring(0, end), k -> new java.util.TreeSet<>());
                if (voiced) {
                    here.add(syllable);
                }
            }
        }
        Map<String, List<String>> out = new HashMap<>();
        begun.forEach((prefix, syllables) -> out.put(prefix, List.copyOf(syllables)));
        return out;
    }

    /** Whether a pinyin syllable has a vowel (n, m, ng, the readings of interjections such as 嗯, have none). */
    private static boolean voiced(String syllable) {
        return syllable.chars().anyMatch(c -> "aeiouv".indexOf(c) >= 0);
    }

    /** The characters one toneless syllable ({@code zhong}) is a reading of, in code point order; none if it is no syllable. */
    public int[] charactersRead(String syllable) {
        return bySyllable.getOrDefault(syllable, new int[0]).clone();
    }

    /** Whether {@code syllable} (toneless) is the commonest reading of character {@code cp} (温 is wen, and yun only at times). */
    public boolean usualReading(int cp, String syllable) {
        Syllable[] r = chars.get(cp);
        return r != null && r[0].text().equals(syllable);
    }

    /**
     * The ways a typed key ({@link Typed#key}: pinyin letters, or Zhuyin letters if {@code zhuyin})
     * splits wholly into syllables, as toneless pinyin syllables; fewer syllables first (xian before
     * xi an), at most {@code max} ways; the syllables without a vowel (n, ng of 嗯) are left out.
     */
    public List<List<String>> syllables(String key, boolean zhuyin, int max) {
        Map<String, String> known = zhuyin ? fromZhuyin : null;
        // ways[i]: the splits of key[0, i), the max of them with the fewest syllables, fewest first
        List<List<List<String>>> ways = new ArrayList<>();
        ways.add(List.of(List.of()));
        for (int end = 1; end <= key.length(); end++) {
            List<List<String>> here = new ArrayList<>();
            for (int start = Math.max(0, end - 6); start < end; start++) {
                String piece = key.substring(start, end);
                String syllable = known != null ? known.get(piece) : (this.zhuyin.containsKey(piece) ? piece : null);
                if (syllable == null || !voiced(syllable)) {
                    continue; // (n, m, ng: the readings of interjections, 嗯, no part of a word typed)
                }
                for (List<String> before : ways.get(start)) {
                    List<String> longer = new ArrayList<>(before);
                    longer.add(syllable);
                    here.add(longer);
                }
            }
            here.sort(java.util.Comparator.comparingInt(List::size));
            ways.add(here.size() > max ? new ArrayList<>(here.subList(0, max)) : here);
        }
        return ways.get(key.length());
    }

    /** A typed key as whole syllables and then the beginning of one more ({@code jiaquanzh}: jia quan, then zh). */
    public record Begun(List<String> whole, String begun) {}

    /**
     * The ways a typed key ({@link Typed#key}: pinyin letters, or Zhuyin letters if {@code zhuyin})
     * is {@code minWhole} whole syllables or more and then the beginning of one more, as a search box
     * sees a word typed part way ({@code jiaquanzh}: jia quan + zh; {@code wananya}: wan an + ya, which
     * yan and yang begin too); the shorter beginning first (the more letters typed whole), at most
     * {@code max} ways.
     */
    public List<Begun> syllablesBegun(String key, boolean zhuyin, int minWhole, int max) {
        List<Begun> out = new ArrayList<>();
        for (int start = key.length() - 1; start >= Math.max(1, key.length() - 6) && out.size() < max; start--) {
            String begun = key.substring(start);
            if (syllablesBeginning(begun, zhuyin).isEmpty()) {
                continue;
            }
            for (List<String> whole : syllables(key.substring(0, start), zhuyin, max)) {
                if (whole.size() >= minWhole && out.size() < max) {
                    out.add(new Begun(whole, begun));
                }
            }
        }
        return out;
    }

    /** The toneless pinyin syllables that begin with {@code letters} (pinyin letters, or Zhuyin letters if {@code zhuyin}), those with a vowel. */
    public List<String> syllablesBeginning(String letters, boolean zhuyin) {
        return (zhuyin ? begunZhuyin : begunPinyin).getOrDefault(letters, List.of());
    }

    /**
     * The syllables of typed pinyin or Zhuyin (no Han characters) with the tones typed for them: a
     * digit after a syllable, a mark on its vowel, a Zhuyin mark after it (a Zhuyin syllable without a
     * mark is the first tone where others have marks); tone 0 where none was typed. The fewest
     * syllables the input splits into ({@link #syllablesAsTyped}); none if no tone was typed or it does
     * not split.
     */
    public List<Syllable> tonesTyped(String input) {
        String text = Normalizer.normalize(input, Normalizer.Form.NFD);
        boolean zy = text.codePoints().anyMatch(Readings::isBopomofo);
        StringBuilder key = new StringBuilder();
        Map<Integer, Integer> toneAt = new HashMap<>(); // key index of a syllable's letter → tone typed
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            int tone = switch (ch) {
                case '\u0304', 'ˉ' -> 1;
                case '\u0301', 'ˊ' -> 2;
                case '\u030C', 'ˇ' -> 3;
                case '\u0300', 'ˋ' -> 4;
                case '˙' -> 5;
                default -> ch >= '1' && ch <= '5' ? ch - '0' : 0;
            };
            if (tone != 0) {
                if (!key.isEmpty()) {
                    toneAt.put(key.length() - 1, tone);
                    any = true;
                }
            } else if (Character.UnicodeScript.of(ch) == Character.UnicodeScript.HAN) {
                return List.of();
            } else if (zy ? isBopomofo(ch) : (Character.toLowerCase(ch) >= 'a' && Character.toLowerCase(ch) <= 'z')) {
                key.append(Character.toLowerCase(ch));
            }
        }
        if (!any) {
            return List.of();
        }
        List<List<String>> ways = syllablesAsTyped(input, 1);
        if (ways.isEmpty()) {
            return List.of();
        }
        List<Syllable> out = new ArrayList<>();
        int start = 0;
        for (String syllable : ways.getFirst()) {
            String letters = zy ? zhuyin.getOrDefault(syllable, "") : syllable;
            if (letters.isEmpty() && zy) {
                return List.of();
            }
            int end = start + letters.length();
            int tone = zy ? 1 : 0;
            for (int k = start; k < end; k++) {
                tone = toneAt.getOrDefault(k, tone);
            }
            out.add(new Syllable(syllable, tone));
            start = end;
        }
        return start == key.length() ? out : List.of();
    }

    /** Whether character {@code cp} may be read as typed: its syllable, with the tone typed if one was (一 and 不 change theirs by the next). */
    public boolean fits(int cp, Syllable typed) {
        Syllable[] r = chars.get(cp);
        if (r == null) {
            return false;
        }
        for (Syllable s : r) {
            if (s.text().equals(typed.text()) && (typed.tone() == 0 || s.tone() == typed.tone() || s.tone() == 5
                    || typed.tone() == 5 || cp == '一' || cp == '不')) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the characters of {@code simplified} may be read with the tones typed for them, syllable
     * by syllable, up to {@code upTo} syllables: each syllable typed with a tone one of the character's
     * readings with that tone ({@link #fits}); a syllable typed without one is not compared.
     */
    public boolean fitsTones(String simplified, List<Syllable> toned, int upTo) {
        int[] cps = simplified.codePoints().toArray();
        for (int i = 0; i < Math.min(Math.min(cps.length, toned.size()), upTo); i++) {
            if (toned.get(i).tone() != 0 && !fits(cps[i], toned.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** Whether the usual reading of {@code simplified} is what {@code typed} is, in its letters (pinyin or Zhuyin). */
    public boolean readsAsTyped(String simplified, Typed typed) {
        Keys usual = keys(simplified);
        return typed.keys().contains(typed.zhuyin() ? usual.zhuyin() : usual.pinyin());
    }

    /** What ends a syllable where it is typed: a tone digit or mark, a space, an apostrophe. */
    private static final java.util.regex.Pattern SYLLABLE_ENDS = java.util.regex.Pattern.compile("[1-5\\s'ˉˊˇˋ˙]+");

    /**
     * The ways typed pinyin or Zhuyin (letters, tones, spaces; no Han characters) splits wholly into
     * syllables, as {@link #syllables}, where a tone or a space typed ends a syllable there; and
     * where one is typed, one ends each syllable, so a part between them splits only the fewest ways
     * ({@code lan3yue4} and {@code ㄌㄢˇ ㄩㄝˋ} are lan yue only, {@code lanyue} also lan yu e). None
     * if a part does not split.
     */
    public List<List<String>> syllablesAsTyped(String typed, int max) {
        List<List<String>> ways = new ArrayList<>(List.of(List.of()));
        boolean any = false;
        boolean marked = SYLLABLE_ENDS.matcher(typed.strip()).find();
        for (String part : SYLLABLE_ENDS.split(typed.strip())) {
            Typed key = typed(part, s -> s);
            if (key.isEmpty()) {
                continue;
            }
            any = true;
            List<List<String>> splits = syllables(key.key(), key.zhuyin(), max);
            if (marked && !splits.isEmpty()) {
                int fewest = splits.getFirst().size();
                splits = splits.stream().filter(split -> split.size() == fewest).toList();
            }
            List<List<String>> next = new ArrayList<>();
            for (List<String> way : ways) {
                for (List<String> split : splits) {
                    List<String> longer = new ArrayList<>(way);
                    longer.addAll(split);
                    next.add(longer);
                }
            }
            next.sort(java.util.Comparator.comparingInt(List::size));
            ways = next.size() > max ? new ArrayList<>(next.subList(0, max)) : next;
        }
        return any ? ways : List.of();
    }

    /**
     * One reading: a toneless syllable ({@code lv}) and its tone (1–4, 5 neutral), or a run of Latin
     * letters or digits as written (tone 0).
     */
    public record Syllable(String text, int tone) {
        static Syllable parse(String withTone) {
            char last = withTone.charAt(withTone.length() - 1);
            return Character.isDigit(last) ? new Syllable(withTone.substring(0, withTone.length() - 1), last - '0') : new Syllable(withTone, 5);
        }

        @Override
        public String toString() {
            return tone == 0 ? text : text + tone;
        }
    }

    /** The readings shipped with the library. */
    public static Readings standard() {
        Map<String, Syllable> parsed = new HashMap<>(); // one instance per toned syllable (about 1,500)
        java.util.function.Function<String[], Syllable[]> syllables =
                readings -> java.util.Arrays.stream(readings).map(r -> parsed.computeIfAbsent(r, Syllable::parse)).toArray(Syllable[]::new);
        Map<String, Syllable[]> phrases = new HashMap<>();
        Map<String, Syllable[]> otherwise = new HashMap<>();
        for (String[] row : rows(PHRASES)) {
            Syllable[] reading = syllables.apply(row[1].split(" "));
            if (phrases.putIfAbsent(row[0], reading) != null) {
                otherwise.putIfAbsent(row[0], reading); // a second row: another way it is read
            }
        }
        Map<Integer, Syllable[]> chars = new HashMap<>();
        for (String[] row : rows(CHARS)) {
            chars.putIfAbsent(row[0].codePointAt(0), syllables.apply(row[1].split(",")));
        }
        Map<String, String> zhuyin = new HashMap<>();
        for (String[] row : rows(ZHUYIN)) {
            zhuyin.put(row[0], row[1]);
        }
        return new Readings(phrases, otherwise, chars, zhuyin);
    }

    private static List<String[]> rows(String resource) {
        List<String[]> out = new ArrayList<>();
        try (InputStream in = Readings.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            boolean header = true;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                if (header) { // the column names
                    header = false;
                    continue;
                }
                String[] cols = line.split("\t");
                if (cols.length >= 2) {
                    out.add(cols);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /**
     * One reading per Han character of {@code simplified} (toneless syllable + tone digit), in order;
     * a run of Latin letters or digits is one lower-case item of its own, and anything else is left out.
     */
    public List<Syllable> read(String simplified) {
        List<Syllable> out = new ArrayList<>();
        for (List<Syllable> position : ways(simplified)) {
            out.add(position.getFirst());
        }
        return out;
    }

    /**
     * Each reading position of {@code simplified} with the ways it may be read: one for a character a
     * phrase covers (the phrase decides; two where the table reads the phrase two ways, its first
     * row's first) or a Latin run, every reading (most common first) for a character no phrase covers.
     */
    private List<List<Syllable>> ways(String simplified) {
        int[] cps = simplified.codePoints().toArray();
        List<List<Syllable>> out = new ArrayList<>();
        int i = 0;
        while (i < cps.length) {
            int cp = cps[i];
            if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
                int matched = 0;
                for (int len = Math.min(longestPhrase, cps.length - i); len >= 2; len--) {
                    String phrase = new String(cps, i, len);
                    Syllable[] r = phrases.get(phrase);
                    if (r != null && r.length == len) {
                        Syllable[] other = otherwise.get(phrase);
                        for (int k = 0; k < len; k++) {
                            out.add(other == null || other.length != len || other[k].text().equals(r[k].text())
                                    ? List.of(r[k]) : List.of(r[k], other[k]));
                        }
                        matched = len;
                        break;
                    }
                }
                if (matched == 0) {
                    Syllable[] r = chars.get(cp);
                    if (r != null) {
                        out.add(List.of(r));
                    }
                    matched = 1;
                }
                i += matched;
            } else if (Character.isLetterOrDigit(cp) && cp < 0x3000) {
                StringBuilder run = new StringBuilder();
                while (i < cps.length && Character.isLetterOrDigit(cps[i]) && cps[i] < 0x3000) {
                    run.appendCodePoint(Character.toLowerCase(cps[i]));
                    i++;
                }
                out.add(List.of(new Syllable(run.toString(), 0)));
            } else {
                i++;
            }
        }
        return out;
    }

    /**
     * Every way a word may be typed: its reading ({@link #keys}), and, where characters no phrase
     * covers have other readings (长 zhang / chang in 长荣), the keys with those too — at most
     * {@code max} in all, the most common readings first.
     */
    public List<Keys> keysAll(String simplified, int max) {
        List<List<String>> ways = new ArrayList<>(); // per reading position: its toneless readings, each once
        for (List<Syllable> position : ways(simplified)) {
            ways.add(position.stream().map(Syllable::text).distinct().toList());
        }
        List<List<String>> spellings = new ArrayList<>(List.of(List.of()));
        for (List<String> w : ways) {
            List<List<String>> next = new ArrayList<>();
            for (int k = 0; k < w.size(); k++) {
                for (List<String> sp : spellings) {
                    if (next.size() < max || k == 0) {
                        List<String> longer = new ArrayList<>(sp);
                        longer.add(w.get(k));
                        next.add(longer);
                    }
                }
            }
            spellings = next.size() > max ? next.subList(0, max) : next;
        }
        List<Keys> out = new ArrayList<>();
        for (List<String> sp : spellings) {
            StringBuilder full = new StringBuilder();
            StringBuilder initials = new StringBuilder();
            StringBuilder zy = new StringBuilder();
            for (String syllable : sp) {
                full.append(syllable);
                initials.append(syllable.charAt(0));
                String z = zhuyin.get(syllable);
                zy.append(z == null ? syllable : z);
            }
            out.add(new Keys(full.toString(), initials.toString(), zy.toString()));
        }
        return out;
    }

    /** The words the phrase table reads (Simplified): the dictionaries' words, for suggestions of words the titles seldom hold. */
    public java.util.Set<String> phrases() {
        return java.util.Collections.unmodifiableSet(phrases.keySet());
    }

    /** How a word is typed: its whole pinyin, its initials, its Zhuyin, all without tones. */
    public record Keys(String pinyin, String initials, String zhuyin) {}

    /** The keys a word of Simplified text is typed by (Latin runs count as themselves in every key). */
    public Keys keys(String simplified) {
        List<Keys> all = keysAll(simplified, 1);
        return all.isEmpty() ? new Keys("", "", "") : all.getFirst();
    }

    /**
     * What the user typed, as keys to match: Zhuyin if it has any, else pinyin; both without tones.
     * A Han character typed alone may be read several ways (重 zhong / chong): one key per reading,
     * at most {@value #MAX_KEYS}, the most common readings first.
     */
    public record Typed(List<String> keys, boolean zhuyin) {
        public Typed {
            keys = List.copyOf(keys);
        }

        /** The key of every character's most common reading. */
        public String key() {
            return keys.isEmpty() ? "" : keys.getFirst();
        }

        public boolean isEmpty() {
            return key().isEmpty();
        }
    }

    public static final int MAX_KEYS = 16;

    /**
     * The search-box text as a key: tone marks, tone digits, spaces and apostrophes dropped, {@code ü}
     * as {@code v}, lower case; Han characters in it ({@code 台ji}) replaced by their readings, so mixed
     * input works. {@code simplified} converts Han characters to Simplified first (script only).
     */
    public Typed typed(String input, java.util.function.UnaryOperator<String> simplified) {
        boolean zy = input.codePoints().anyMatch(Readings::isBopomofo);
        List<StringBuilder> keys = new ArrayList<>(List.of(new StringBuilder()));
        String text = simplified.apply(input);
        int[] cps = text.codePoints().toArray();
        int i = 0;
        while (i < cps.length) {
            int cp = cps[i];
            if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
                int j = i;
                while (j < cps.length && Character.UnicodeScript.of(cps[j]) == Character.UnicodeScript.HAN) {
                    j++;
                }
                if (j - i == 1 && chars.containsKey(cp)) {
                    // one character alone: every reading it has (重 of 重qing is chong)
                    List<String> ways = new ArrayList<>();
                    for (Syllable r : chars.get(cp)) {
                        String syllable = r.text();
                        String way = zy ? zhuyin.getOrDefault(syllable, syllable) : syllable;
                        if (!ways.contains(way)) {
                            ways.add(way);
                        }
                    }
                    List<StringBuilder> next = new ArrayList<>();
                    for (StringBuilder k : keys) {
                        for (String way : ways) {
                            if (next.size() < MAX_KEYS) {
                                next.add(new StringBuilder(k).append(way));
                            }
                        }
                    }
                    keys = next;
                } else {
                    StringBuilder read = new StringBuilder();
                    for (Syllable s : read(new String(cps, i, j - i))) {
                        read.append(zy ? zhuyin.getOrDefault(s.text(), s.text()) : s.text());
                    }
                    keys.forEach(k -> k.append(read));
                }
                i = j;
            } else if (zy) {
                if (isBopomofo(cp)) {
                    keys.forEach(k -> k.appendCodePoint(cp));
                }
                i++;
            } else {
                String plain = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFD);
                boolean umlaut = plain.indexOf('\u0308') >= 0;
                for (char ch : plain.toCharArray()) {
                    char lower = Character.toLowerCase(ch);
                    if (lower >= 'a' && lower <= 'z') {
                        char c = umlaut && lower == 'u' ? 'v' : lower;
                        keys.forEach(k -> k.append(c));
                    }
                }
                i++;
            }
        }
        return new Typed(keys.stream().map(k -> k.toString().toLowerCase(Locale.ROOT)).distinct().toList(), zy);
    }

    /** Zhuyin letters (ㄅ–ㄩ and the extended block), not the tone marks. */
    public static boolean isBopomofo(int cp) {
        return (cp >= 0x3105 && cp <= 0x312F) || (cp >= 0x31A0 && cp <= 0x31BF);
    }

    /** Whether {@code letters} could be the beginning of pinyin: syllables, the last perhaps begun ({@code taij}). */
    public boolean isPinyinPrefix(String letters) {
        if (letters.isEmpty()) {
            return false;
        }
        boolean[] ok = syllableEnds(letters);
        for (int start = Math.max(0, letters.length() - 6); start < letters.length(); start++) {
            if (ok[start]) {
                String begun = letters.substring(start);
                if (begunPinyin.containsKey(begun)) {
                    return true;
                }
            }
        }
        return ok[letters.length()];
    }

    /** Whether {@code letters} (lower-case a–z, v for ü) splits wholly into pinyin syllables. */
    public boolean isPinyin(String letters) {
        return !letters.isEmpty() && syllableEnds(letters)[letters.length()];
    }

    /** For each position of {@code letters}: whether the letters before it split wholly into syllables. */
    private boolean[] syllableEnds(String letters) {
        boolean[] ok = new boolean[letters.length() + 1];
        ok[0] = true;
        for (int end = 1; end <= letters.length(); end++) {
            for (int start = Math.max(0, end - 6); start < end && !ok[end]; start++) {
                ok[end] = ok[start] && zhuyin.containsKey(letters.substring(start, end));
            }
        }
        return ok;
    }
}

package dev.zhsearch.http;

import dev.zhsearch.convert.ChineseConverter;
import dev.zhsearch.entity.Company;
import dev.zhsearch.entity.CompanyTable;
import dev.zhsearch.pinyin.Readings;
import dev.zhsearch.search.Searching;
import dev.zhsearch.search.SearchService;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Suggestions for what people type when they type Chinese by sound: full pinyin ({@code taijidian},
 * {@code tái jī diàn}, {@code tai2ji1}), initials ({@code tjd}), Zhuyin ({@code ㄊㄞˊㄐ}) and mixed
 * input ({@code 台ji}), with or without tones and spaces, each a prefix of what it means. Candidates are
 * the company table's names (first), the index's frequent title words and the people its documents name, each read at phrase level
 * ({@link Readings}: 重庆 chong qing, 银行 yin hang) from its Simplified form, and for a word the
 * regions write differently, both regions' words (the index folds 川普 into 特朗普; both are suggested). One sorted table of keys per kind of input,
 * searched by prefix; built when the server starts and again when the index has grown by a tenth.
 */
final class PinyinSuggester {

    /** A word that can be suggested: its two scripts' forms, what it is, and how much it weighs. */
    record Candidate(String hant, String hans, String type, String id, long weight, boolean vetted) {
        Candidate(String hant, String hans, String type, String id, long weight) {
            this(hant, hans, type, id, weight, true);
        }
    }

    /**
     * Keys sorted for prefix search, each with the candidate it reads: {@code owner << 1}, plus 1 for
     * a key of a reading other than the word's usual one ({@link #key}).
     */
    record Keys(String[] keys, int[] owners) {
        static Keys of(List<String> keys, List<Integer> owners) {
            Integer[] order = new Integer[keys.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> keys.get(a).compareTo(keys.get(b)));
            String[] k = new String[order.length];
            int[] o = new int[order.length];
            for (int i = 0; i < order.length; i++) {
                k[i] = keys.get(order[i]);
                o[i] = owners.get(order[i]);
            }
            return new Keys(k, o);
        }

        /** The first key not before {@code key} in sorted order. */
        private int first(String key) {
            return firstNotBefore(keys.length, i -> keys[i], key);
        }

        /** Whether a key starts with {@code prefix}. */
        boolean anyStarting(String prefix) {
            int i = first(prefix);
            return i < keys.length && keys[i].startsWith(prefix);
        }

        /** Each candidate a key of which is {@code key} itself, with whether that key is of its usual reading. */
        void exactly(String key, java.util.function.BiConsumer<Integer, Boolean> owner) {
            for (int i = first(key); i < keys.length && keys[i].equals(key); i++) {
                owner.accept(owners[i] >>> 1, (owners[i] & 1) == 0);
            }
        }

        /** The candidates of every key that starts with {@code prefix}, each marked whether a key of it is {@code prefix} itself. */
        void matching(String prefix, Found into) {
            for (int i = first(prefix); i < keys.length && keys[i].startsWith(prefix); i++) {
                into.add(owners[i] >>> 1, (owners[i] & 1) == 0, keys[i].length() == prefix.length());
            }
        }
    }

    /**
     * The candidates a typed input matched, by their number in the table, each marked whether a whole
     * key of it was typed and whether by its usual reading: a list the size of the matches, not of
     * the table (bit sets over the table's half a million candidates were 190 KB a request, a
     * gigabyte a second of garbage at full load, and its collections the latency's tail).
     */
    private static final class Found {
        private static final long USUAL = 1;
        private static final long EXACT = 2;
        /** Read otherwise than the syllables and tones typed ({@link #misfit}). */
        private static final long OTHERWISE = 4;
        private static final int FLAGS = 3;
        /** {@code owner << FLAGS | flags}, sorted and each owner once after {@link #finish}. */
        private long[] entries = new long[16];
        private int size;

        void add(int owner, boolean usual, boolean exact) {
            if (size == entries.length) {
                entries = Arrays.copyOf(entries, size * 2);
            }
            entries[size++] = ((long) owner << FLAGS) | (usual ? USUAL : 0) | (exact ? EXACT : 0);
        }

        /** Each candidate once, in table order, with the marks of all its keys that matched. */
        Found finish() {
            Arrays.sort(entries, 0, size);
            int n = 0;
            for (int i = 0; i < size; i++) {
                if (n > 0 && entries[n - 1] >>> FLAGS == entries[i] >>> FLAGS) {
                    entries[n - 1] |= entries[i] & (USUAL | EXACT);
                } else {
                    entries[n++] = entries[i];
                }
            }
            size = n;
            return this;
        }

        int size() {
            return size;
        }

        int owner(int k) {
            return (int) (entries[k] >>> FLAGS);
        }

        boolean usual(int k) {
            return (entries[k] & USUAL) != 0;
        }

        boolean exact(int k) {
            return (entries[k] & EXACT) != 0;
        }

        boolean misfit(int k) {
            return (entries[k] & OTHERWISE) != 0;
        }

        /** Marks the matches {@code which} holds as read otherwise than typed: neither a whole reading nor a usual one. */
        void misfits(java.util.function.IntPredicate which) {
            for (int k = 0; k < size; k++) {
                if (which.test(k)) {
                    entries[k] = entries[k] & ~(USUAL | EXACT) | OTHERWISE;
                }
            }
        }
    }

    /**
     * {@code spelled}: the words found from a sound ({@link SpelledWords#words}) by input, the last
     * {@value #SPELLED_KEPT} asked: a spelling asks the documents up to a dozen counts (2 ms at the
     * median, 12 ms at worst), and a search box sees the same inputs again and again. A new table
     * starts it empty. {@code byText}: the candidates in the order of their Simplified text, for
     * characters typed ({@link #beginningWith(String, int, boolean)}); {@code completions}: what that found,
     * by prefix and number asked, kept the same way (a character alone begins thousands of words).
     */
    record Table(List<Candidate> candidates, Keys pinyin, Keys zhuyin, long documents, SoundLattice lattice,
                         Map<String, SpelledWords.Spelled> spelled, int[] byText, Map<String, List<Candidate>> completions) {
        Table(List<Candidate> candidates, Keys pinyin, Keys zhuyin, long documents, SoundLattice lattice) {
            this(candidates, pinyin, zhuyin, documents, lattice, lastAsked(), java.util.stream.IntStream.range(0, candidates.size()).boxed()
                    .sorted(java.util.Comparator.comparing(i -> candidates.get(i).hans())).mapToInt(Integer::intValue).toArray(), lastAsked());
        }

        /** A map that keeps the last {@value #SPELLED_KEPT} inputs asked. */
        private static <V> Map<String, V> lastAsked() {
            return java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<String, V>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                    return size() > SPELLED_KEPT;
                }
            });
        }

        /** The first of {@link #byText} whose Simplified text is not before {@code prefix}. */
        private int firstText(String prefix) {
            return firstNotBefore(byText.length, i -> candidates.get(byText[i]).hans(), prefix);
        }
    }

    /** The first of {@code n} texts in sorted order ({@code at}) not before {@code key}: a binary search. */
    private static int firstNotBefore(int n, java.util.function.IntFunction<String> at, String key) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (at.apply(mid).compareTo(key) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Inputs whose spelled words are kept. */
    static final int SPELLED_KEPT = 10_000;

    /** Title words suggested: at least this many documents use the word … */
    static final int MIN_DOCUMENTS = 3;
    /** … and at most this many of the most used. */
    static final int MAX_WORDS = 300_000;
    /**
     * A word of the dictionaries is suggested if one document uses it: the dictionary vouches for the
     * word, and the document for a result (百日咳, 類鼻疽, 謝長廷 in one or two documents each; the
     * earlier held-out files read together, 2,480 cases: 0.906 with 3 documents, 0.908 with 2, 0.912 with 1).
     */
    static final int MIN_DICTIONARY_DOCUMENTS = 1;
    /**
     * People suggested: named so by at least this many documents. One document's finds are noisier,
     * but a name typed whole is rarely another's (the earlier held-out files read together, 2,480
     * cases: 0.919 with 3 documents, 0.926 with 1) …
     */
    static final int MIN_PERSON_DOCUMENTS = 1;
    /** … and at most this many of the most named. */
    static final int MAX_PEOPLE = 100_000;

    private final Readings readings;
    private final CompanyTable companies;
    private final ChineseConverter toSimplified;
    /** Simplified to Traditional with Taiwan's phrases (服务器 → 伺服器, 奥巴马 → 歐巴馬). */
    private final ChineseConverter toTraditional;
    /** Simplified to Traditional characters only (奥巴马 → 奧巴馬): a word shown as it was typed for. */
    private final ChineseConverter scriptTraditional;
    private final Searching service;
    /** The other regions' words that fold to a word of the index (特朗普 → 川普). */
    private final java.util.function.Function<String, List<String>> otherWords;
    private volatile Table table;
    /** Whether a new table is being built in the background while the old one serves. */
    private final java.util.concurrent.atomic.AtomicBoolean rebuilding = new java.util.concurrent.atomic.AtomicBoolean();
    /** Finds the words no table lists from their sound. */
    private final SpelledWords spelling;

    /** The table is built on first use, or ahead by {@link #warm()}. */
    PinyinSuggester(Readings readings, CompanyTable companies, ChineseConverter toSimplified, ChineseConverter toTraditional,
                    ChineseConverter scriptTraditional, java.util.function.Function<String, List<String>> otherWords, Searching service) {
        this.scriptTraditional = scriptTraditional;
        this.otherWords = otherWords;
        this.readings = readings;
        this.companies = companies;
        this.toSimplified = toSimplified;
        this.toTraditional = toTraditional;
        this.service = service;
        this.spelling = new SpelledWords(readings, toSimplified, scriptTraditional, service);
    }

    /** Builds the table now (a server does it in the background as it starts), so the first suggestion is fast. */
    void warm() {
        try {
            current();
        } catch (IOException | RuntimeException e) {
            // the first request builds it again, and reports what fails
        }
    }

    /** Whether {@code q} is typed by sound: Latin letters or Zhuyin (a Chinese-only prefix goes to the other suggesters). */
    boolean applies(String q) {
        return q.codePoints().anyMatch(cp -> (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= 0x3105 && cp <= 0x312F)
                || "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü".indexOf(cp) >= 0);
    }

    /**
     * Up to {@code max} words and companies of the table that begin with {@code q}, typed in Chinese
     * characters (賴清: 賴清德; 习近: 习近平; 台積: 台積電), best first as by sound ({@link #score}), each
     * company once, none that no document holds: the titles' words, people and dictionary words the
     * index's word analysis splits (it keeps 习|近|平 apart), shown in the script asked for, a company
     * by its display name. None while the table is first built.
     */
    List<Suggester.Suggestion> beginningWith(String q, int max, boolean simplified) throws IOException {
        String prefix = toSimplified.convert(q.strip());
        if (prefix.isEmpty() || max <= 0) {
            return List.of();
        }
        Table t = table;
        if (t == null) {
            return List.of(); // (the table is still being built as the server starts: a search box does not wait for it)
        }
        List<Candidate> best = t.completions().get(prefix + '\u0000' + max);
        if (best == null) {
            best = beginningWith(prefix, max, t);
            t.completions().put(prefix + '\u0000' + max, best);
        }
        Set<String> shown = new HashSet<>();
        List<Suggester.Suggestion> out = new ArrayList<>();
        for (Candidate c : best) {
            // a company by its display name (台積電 for 台積電公司, as a name typed in letters shows it)
            Optional<Company> company = c.id() == null ? Optional.empty() : companies.get(c.id());
            String text = company.map(k -> shown(simplified ? k.nameHans() : k.nameHant())).filter(n -> !n.isEmpty())
                    .orElse(simplified ? c.hans() : c.hant());
            if (out.size() < max && shown.add(text)) {
                out.add(new Suggester.Suggestion(text, c.type(), c.id()));
            }
        }
        return out;
    }

    /** The table's best completions of {@code prefix} (Simplified), each company once, for {@link #beginningWith(String, int, boolean)}; kept per prefix. */
    private List<Candidate> beginningWith(String prefix, int max, Table t) throws IOException {
        java.util.Comparator<Ranked> best = java.util.Comparator.comparingDouble(Ranked::score).reversed().thenComparingInt(Ranked::index);
        java.util.PriorityQueue<Ranked> ranked = new java.util.PriorityQueue<>(best.reversed());
        Set<String> companies = new HashSet<>();
        // the words vouched for that begin so: what is one of them of three characters or more and one
        // character, and no dictionary's word or company (鄭麗文時, 台積電跌, 习近平同: a title sequence or
        // a name found with the title's next character), is that word and the title's next
        Set<String> vouched = new HashSet<>();
        int typed = prefix.codePointCount(0, prefix.length());
        Set<String> longer = new java.util.TreeSet<>(); // (the words one character longer than what was typed)
        int from = t.firstText(prefix);
        int to = from; // (the candidates that begin so: byText[from, to))
        for (; to < t.byText().length && t.candidates().get(t.byText()[to]).hans().startsWith(prefix); to++) {
            Candidate c = t.candidates().get(t.byText()[to]);
            int length = c.hans().codePointCount(0, c.hans().length());
            if (c.vetted() && length >= 3) {
                vouched.add(c.hans());
            }
            if (length == typed + 1) {
                longer.add(c.hans());
            }
        }
        // and what was typed, if three characters or more that documents hold as written (北市府: not
        // 北市府称), unless it is a piece of a longer word: a word of the table one character longer holds
        // SpelledWords.PIECE of its documents (中央纪 of 中央纪委: no word, and 中央纪委 no word and the next).
        // Its documents are counted further only where that share, or a continuation below, needs them.
        boolean share = !longer.isEmpty() || from == to;
        Integer held = typed >= 3
                ? service.documentsUsing(List.of(prefix), MIN_DOCUMENTS, share ? SpelledWords.SPELLED_COUNT : MIN_DOCUMENTS).get(prefix) : null;
        if (held != null) {
            int piece = (int) Math.ceil(SpelledWords.PIECE * held);
            if (longer.isEmpty() || service.documentsUsing(longer, piece, piece).isEmpty()) {
                vouched.add(prefix);
            }
            // where no word of the table begins so, the phrase the documents continue it to, if they
            // nearly always do (加權指 → 加權指數, 大陸委 → 大陸委員會: neither the titles' words nor the
            // dictionaries list them); it asks the documents a dozen counts or more, so only here
            if (from == to) {
                spelling.extended(prefix, held, t).ifPresent(c -> ranked.add(new Ranked(c, score(c, false, true), Integer.MAX_VALUE)));
            }
        }
        for (int k = from; k < to; k++) {
            Candidate c = t.candidates().get(t.byText()[k]);
            if (c.weight() == 0 || c.hans().equals(prefix) || c.id() == null && !readings.phrases().contains(c.hans())
                    && vouched.contains(c.hans().substring(0, c.hans().offsetByCodePoints(c.hans().length(), -1)))) {
                continue; // (what no document holds finds nothing; what is typed whole is no completion; 鄭麗文時)
            }
            ranked.add(new Ranked(c, score(c, false, true) - (c.vetted() ? 0 : UNVETTED_COMPLETION), t.byText()[k]));
            if (ranked.size() > 4 * max) { // (to spare for a company's other names and one text twice)
                ranked.poll();
            }
        }
        Set<String> texts = new HashSet<>();
        List<Candidate> out = new ArrayList<>();
        for (Ranked r : ranked.stream().sorted(best).toList()) {
            Candidate c = r.candidate();
            if ((c.id() == null || companies.add(c.id())) && texts.add(c.hans())) {
                out.add(c);
            }
        }
        return List.copyOf(out);
    }

    /**
     * Further cost of a title sequence no dictionary, name finder or table vouches for, as a completion
     * of characters typed: what begins with a word typed is as often that word and the title's next
     * (賴清德宣佈, 北市府称) as a word of its own.
     */
    static final double UNVETTED_COMPLETION = 2.0;

    /** Up to {@code max} suggestions for {@code q}, best first ({@link #score}), in Simplified or Traditional script. */
    List<Suggester.Suggestion> suggest(String q, int max, boolean simplified) throws IOException {
        List<Suggester.Suggestion> out = new ArrayList<>();
        for (Candidate c : candidates(q, max)) {
            out.add(new Suggester.Suggestion(simplified ? c.hans() : c.hant(), c.type(), c.id()));
        }
        return out;
    }

    /**
     * The word a query of pinyin alone means, if it reads wholly as pinyin syllables ({@code taijidian},
     * not {@code tsmc}) and some word reads so: the search falls back to it when the letters find nothing.
     */
    Optional<Candidate> meaning(String q) throws IOException {
        Readings.Typed typed = readings.typed(q, toSimplified::convert);
        if (typed.zhuyin() || typed.isEmpty() || !readings.isPinyin(typed.key())) {
            return Optional.empty();
        }
        Table t = current();
        Found found = new Found();
        t.pinyin().matching(typed.key(), found);
        found.finish();
        withTones(found, t, q);
        // the whole reading, not only a prefix of a longer word's (taijidian is 台積電), and not by initials
        Optional<Candidate> listed = java.util.stream.IntStream.range(0, found.size()).filter(found::exact)
                .mapToObj(k -> t.candidates().get(found.owner(k)))
                .filter(c -> c.weight() > 0) // (a word no document holds finds nothing)
                .filter(c -> readings.keys(toSimplified.convert(c.hans())).pinyin().equals(typed.key())
                        || readings.keys(toSimplified.convert(c.hant())).pinyin().equals(typed.key()))
                .min(ORDER);
        // else the word the documents hold that the sound spells best (zhonghuazhibang: 中华职棒)
        return listed.isPresent() || exactHeld(found, t, List.of()) > 0 ? listed : spelledOnce(q, typed, t).whole().stream().max(java.util.Comparator.comparingLong(Candidate::weight));
    }

    /**
     * Words the documents hold that read wholly as typed, from which on nothing is spelled from the
     * sound: with one (冬博会 for dongbohui) a spelling of three characters or more that
     * {@value #MIN_DOCUMENTS} documents hold, read usually as typed, is offered beside it (东博会); with
     * two or more, none. Development files 0.928 (0.9276 spelling only where none reads so).
     */
    static final int EXACT_ENOUGH = 2;

    /** How many words or companies the documents hold read wholly as typed, with the characters typed among the letters (东博hui: not 冬博会). */
    private static int exactHeld(Found found, Table t, List<String> typedWords) {
        int n = 0;
        for (int k = 0; k < found.size(); k++) {
            Candidate c = t.candidates().get(found.owner(k));
            if (found.exact(k) && c.weight() > 0 && holdsAll(c.hans(), typedWords)) {
                n++;
            }
        }
        return n;
    }

    /** The words spelled from {@code q}'s sound, kept for the table's life ({@link Table#spelled}). */
    private SpelledWords.Spelled spelledOnce(String q, Readings.Typed typed, Table t) throws IOException {
        SpelledWords.Spelled spelled = t.spelled().get(q);
        if (spelled == null) {
            // a phrase typed part way is spelled where no word of the table begins as typed (jiaquanzh)
            Keys keys = typed.zhuyin() ? t.zhuyin() : t.pinyin();
            spelled = spelling.words(q, typed, t, typed.keys().stream().noneMatch(keys::anyStarting));
            t.spelled().put(q, spelled);
        }
        return spelled;
    }

    private List<Candidate> candidates(String q, int max) throws IOException {
        Readings.Typed typed = readings.typed(q, toSimplified::convert);
        if (typed.isEmpty()) {
            return List.of();
        }
        // the characters typed among the letters are in the word meant (台nan: 台南, not 死难 through
        // 台's rarer reading si)
        List<String> typedWords = q.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)
                ? hanRuns(toSimplified.convert(q)) : List.of();
        Table t = current();
        Found found = new Found();
        for (String key : typed.keys()) {
            (typed.zhuyin() ? t.zhuyin() : t.pinyin()).matching(key, found);
        }
        found.finish();
        withTones(found, t, q);
        // the best by score: how many documents use the word (log), a bonus for a company and for a
        // word whose whole reading is what was typed (xijin: 习近平, used in 9,807 titles, before 吸金);
        // one suggestion per company, by its shortest name that matched
        Map<String, Ranked> perCompany = new java.util.HashMap<>();
        // the best {@code max} kept as they come, the worst on top (no sort of every match)
        java.util.Comparator<Ranked> best = java.util.Comparator.comparingDouble(Ranked::score).reversed().thenComparingInt(Ranked::index);
        java.util.PriorityQueue<Ranked> ranked = new java.util.PriorityQueue<>(best.reversed());
        java.util.function.Consumer<Ranked> offer = r -> {
            ranked.add(r);
            if (ranked.size() > max + 2) { // (two to spare for one text twice)
                ranked.poll();
            }
        };
        for (int k = 0; k < found.size(); k++) {
            int i = found.owner(k);
            Candidate c = t.candidates().get(i);
            if (!typedWords.isEmpty() && !holdsAll(c.hans(), typedWords) || c.weight() == 0 && !found.exact(k)) {
                continue; // (a word no document holds only for the whole of it typed)
            }
            Ranked r = new Ranked(c, score(c, found.exact(k), found.usual(k)) - (found.misfit(k) ? MISFIT : 0), i);
            if (c.id() == null) {
                offer.accept(r);
            } else {
                // of equals, the shorter name, then the one the table gives first (its display name)
                perCompany.merge(c.id(), r, (a, b) -> a.score() != b.score() ? (a.score() > b.score() ? a : b)
                        : a.candidate().hant().length() != b.candidate().hant().length()
                        ? (a.candidate().hant().length() < b.candidate().hant().length() ? a : b)
                        : (a.index() < b.index() ? a : b));
            }
        }
        perCompany.values().forEach(offer);
        int exact = exactHeld(found, t, typedWords);
        if (exact < EXACT_ENOUGH) {
            // few words of the table the documents hold read wholly as typed: words they hold, spelled from the sound
            SpelledWords.Spelled spelled = spelledOnce(q, typed, t);
            for (Candidate c : spelled.whole()) {
                if (exact > 0 && (c.hans().codePointCount(0, c.hans().length()) < 3 || c.weight() < MIN_DOCUMENTS
                        || !readings.readsAsTyped(c.hans(), typed))) {
                    continue; // beside a word that reads so, no guess through a rarer reading or from one document
                }
                offer.accept(new Ranked(c, score(c, true, true), Integer.MAX_VALUE));
            }
            // the phrases it begins, as the table's words that begin so: no bonus of a whole reading
            for (Candidate c : spelled.begun()) {
                offer.accept(new Ranked(c, score(c, false, true), Integer.MAX_VALUE));
            }
        }
        // one suggestion per text: a word of its own and a company of its name (台南) as the better
        Set<String> texts = new HashSet<>();
        return ranked.stream().sorted(best).map(Ranked::candidate).filter(c -> texts.add(c.hans())).limit(max).toList();
    }

    /**
     * With tones typed (tan4fei4, ㄊㄞˊ ㄐㄧ), the syllables are as typed: a word read with other tones
     * (彈飛 is tan2 fei1), or with a syllable the typed one only begins (名 ming for min3: a tone ends a
     * syllable), is a {@link #MISFIT}. Input with characters typed among the letters has no tones
     * compared ({@link Readings#tonesTyped}).
     */
    private void withTones(Found found, Table t, String q) {
        List<Readings.Syllable> toned = readings.tonesTyped(q);
        if (!toned.isEmpty()) {
            // the last Zhuyin syllable with no mark after it may be begun (ㄊㄞˊㄐ, ㄊㄞˊㄐㄧ of ㄐㄧ ㄉㄧㄢˋ)
            String typed = q.strip();
            int open = Readings.isBopomofo(typed.codePointBefore(typed.length())) ? toned.size() - 1 : toned.size();
            found.misfits(k -> !readings.fitsTones(t.candidates().get(found.owner(k)).hans(), toned, open));
        }
    }

    private static boolean holdsAll(String word, List<String> parts) {
        for (String p : parts) {
            if (!word.contains(p)) {
                return false;
            }
        }
        return true;
    }

    /** The runs of Han characters in {@code text}. */
    private static List<String> hanRuns(String text) {
        List<String> runs = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        text.codePoints().forEach(cp -> {
            if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
                run.appendCodePoint(cp);
            } else if (!run.isEmpty()) {
                runs.add(run.toString());
                run.setLength(0);
            }
        });
        if (!run.isEmpty()) {
            runs.add(run.toString());
        }
        return runs;
    }

    /** A matching candidate and its score. */
    private record Ranked(Candidate candidate, double score, int index) {}

    /** Bonus of a word whose whole reading (or initials) is what was typed, over one it only begins. */
    static final double WHOLE_READING = 2.0;
    /**
     * Cost of a word that only the titles' character sequences make one (外资喊, 重要批示強調: pieces of
     * sentences as often as words), beside a word of the dictionaries, a person the documents name, a
     * company, or a pair. Chosen on the earlier held-out files read together: 0.880 → 0.884 (0.5 gave
     * 0.882, 2 the same 0.884); it loses Taiwan's abbreviations no dictionary lists (經典賽, 原民會).
     */
    static final double UNVETTED = 1.0;

    /** Cost of a word or company no document holds: it comes after every one they hold. */
    static final double UNHELD = 100;

    /**
     * Cost of a word read otherwise than the syllables and tones typed: it comes after every word that
     * reads so, held or not (yu2min3: 于敏 before 渔民, yu2 min2; shēng bǎo: 聲寶 before 聖保羅).
     */
    static final double MISFIT = 200;

    /** Bonus of a company's name over a word of the titles. */
    static final double COMPANY = 1.5;

    /**
     * Cost of a word matched only by a reading other than its usual one: a character no phrase
     * covers may be read each way it can (长 chang or zhang), but 大 read tai makes 国大 a guotai.
     */
    static final double OTHER_READING = 1.0;

    private static double score(Candidate c, boolean exact, boolean usual) {
        return Math.log1p(c.weight()) + (exact ? WHOLE_READING : 0) + (c.type().equals("company") ? COMPANY : 0)
                - (usual ? 0 : OTHER_READING) - (c.vetted() ? 0 : UNVETTED)
                - c.hant().length() * 0.01 // of equals, the shorter
                - (c.weight() == 0 ? UNHELD : 0);
    }

    /** Best first, of two words with one reading: the company, then the one more documents use. */
    private static final java.util.Comparator<Candidate> ORDER = java.util.Comparator.<Candidate, Boolean>comparing(c -> c.type().equals("company"))
            .thenComparingLong(Candidate::weight).reversed();

    /** Whether Latin letters typed are rather a name in letters (tsmc, nvidia) than pinyin: three or more, not pinyin's beginning. */
    boolean latinName(String q) {
        Readings.Typed typed = readings.typed(q, toSimplified::convert);
        return !typed.zhuyin() && typed.key().length() >= 3 && q.codePoints().allMatch(cp -> cp < 0x80) && !readings.isPinyinPrefix(typed.key());
    }

    /**
     * The table. The first is built before it is given (a request waits for it, as the server's warm-up
     * does). Once the index has grown or shrunk by a tenth since a table was built, that table is still
     * given while one new table is built in the background: a rebuild takes about 50 s on the full
     * index, and no request waits for it.
     */
    private Table current() throws IOException {
        Table t = table;
        if (t == null) {
            synchronized (this) {
                if (table == null) {
                    table = build();
                }
                return table;
            }
        }
        if (Math.abs(service.documentCount() - t.documents()) * 10 > Math.max(t.documents(), 1_000)
                && rebuilding.compareAndSet(false, true)) {
            Thread.ofVirtual().name("pinyin-suggestions-rebuild").start(() -> {
                try {
                    table = build();
                } catch (IOException | RuntimeException e) {
                    // the old table serves on; the next request after this one tries again
                    System.getLogger(PinyinSuggester.class.getName()).log(System.Logger.Level.WARNING, "suggestion table rebuild failed", e);
                } finally {
                    rebuilding.set(false);
                }
            });
        }
        return t;
    }

    private Table build() throws IOException {
        long documents = service.documentCount();
        List<Candidate> candidates = new ArrayList<>();
        List<String> pinyinKeys = new ArrayList<>();
        List<Integer> pinyinOwners = new ArrayList<>();
        List<String> zhuyinKeys = new ArrayList<>();
        List<Integer> zhuyinOwners = new ArrayList<>();
        // each company name as folded, with the documents that name its company
        Map<String, Integer> companyForms = new java.util.HashMap<>();
        Map<String, Integer> named = service.companyDocuments();
        for (Company c : companies.companies()) {
            // a company no document names (weight 0) is suggested only for its whole name typed, after
            // every word the documents hold (UNHELD), and takes no word's place; an engine that cannot
            // count has every company held, once
            int weight = named.isEmpty() ? 1 : named.getOrDefault(c.id(), 0);
            // each Chinese name the company goes by is a suggestion of its own, shown as it was typed for
            // (長榮 for changrong, not 長榮海運), in either script; names in lists only count too
            Set<String> forms = new LinkedHashSet<>();
            for (String n : List.of(shown(c.nameHant()), shown(c.nameHans()))) {
                if (!n.isEmpty()) {
                    forms.add(n);
                }
            }
            for (String a : c.aliases()) {
                String text = Company.aliasText(a);
                // Chinese names as people type them: not a code or a legal form in brackets (重慶建工(600939)),
                // nor the beginning of its display name (台積 of 台積電: what is typed for the one begins the other)
                if (text.codePoints().allMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)
                        && !beginsDisplayName(c, text)) {
                    forms.add(text);
                }
            }
            Set<String> simplifiedForms = new HashSet<>();
            for (String f : forms) {
                String hans = toSimplified.convert(f);
                if (!simplifiedForms.add(hans)) {
                    continue; // the other script's spelling of a name already taken
                }
                if (weight > 0) {
                    companyForms.merge(hans, weight, Math::max);
                }
                String hant = hans.equals(f) ? toTraditional.convert(f) : f;
                int owner = candidates.size();
                candidates.add(new Candidate(hant, hans, "company", c.id(), weight));
                key(hans, owner, pinyinKeys, pinyinOwners, zhuyinKeys, zhuyinOwners);
            }
        }
        Set<String> words = new HashSet<>();
        List<Searching.TermCount> people = service.people(MIN_PERSON_DOCUMENTS, MAX_PEOPLE);
        Set<String> personNames = new HashSet<>();
        people.forEach(p -> personNames.add(p.term()));
        Set<String> phrases = readings.phrases();
        java.util.function.Predicate<String> vetted = w -> w.codePointCount(0, w.length()) <= 2 || phrases.contains(w) || personNames.contains(w);
        List<Searching.TermCount> terms = new ArrayList<>(service.titleTerms(MIN_DOCUMENTS, MAX_WORDS));
        // and the dictionaries' words the documents hold, in titles or bodies (卢沟桥, 钱学森: the titles
        // seldom hold them, or the title sequences cut them otherwise), after the titles' words
        java.util.Map<String, Integer> used = service.documentsUsing(readings.phrases(), MIN_DICTIONARY_DOCUMENTS);
        used.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> terms.add(new Searching.TermCount(e.getKey(), e.getValue())));
        for (Searching.TermCount term : terms) {
            String hans = term.term();
            boolean vouched = vetted.test(hans);
            if (companysName(companyForms, hans, term.documents()) || !vouched && runsAcross(hans, phrases) || !words.add(hans)) {
                continue;
            }
            String taiwan = word(hans, "term", term.documents(), vouched, candidates, pinyinKeys, pinyinOwners, zhuyinKeys, zhuyinOwners);
            // the other regions' words the index folded into this one (川普, 通膨, 土石流, 健保署 of 医保署):
            // suggestions of their own, as they are written, as frequent as the word they fold to
            for (String other : otherForms(hans)) {
                if (!other.equals(taiwan) && !companyForms.containsKey(other)) {
                    otherForm(other, "term", term.documents(), candidates, pinyinKeys, pinyinOwners, zhuyinKeys, zhuyinOwners);
                }
            }
        }
        // the people the documents name, by the words around them (titles seldom hold a name: 王小洪强调)
        for (Searching.TermCount person : people) {
            String hans = person.term();
            if (companyForms.containsKey(hans) || !words.add(hans)) {
                continue;
            }
            String taiwan = word(hans, "person", person.documents(), true, candidates, pinyinKeys, pinyinOwners, zhuyinKeys, zhuyinOwners);
            // the names the index folded into this one (施凱爾 into 基尔·斯塔默), as they are written
            for (String other : otherWords.apply(hans)) {
                if (!other.equals(taiwan) && words.add(other)) {
                    otherForm(other, "person", person.documents(), candidates, pinyinKeys, pinyinOwners, zhuyinKeys, zhuyinOwners);
                }
            }
        }
        // last, the dictionaries' words no document holds (weight 0): typed whole, they are still what
        // was meant (雙十節 in a summer's news), as an input method would offer them, after every word the
        // documents hold; no search by sound goes to them
        for (String hans : new java.util.TreeSet<>(phrases)) {
            if (!companyForms.containsKey(hans) && words.add(hans)) {
                otherForm(hans, "term", 0, candidates, pinyinKeys, pinyinOwners, zhuyinKeys, zhuyinOwners);
            }
        }
        return new Table(List.copyOf(candidates), Keys.of(pinyinKeys, pinyinOwners), Keys.of(zhuyinKeys, zhuyinOwners), documents,
                SoundLattice.of(service, MIN_DOCUMENTS));
    }

    /**
     * Characters that end no word a title sequence makes, beside {@link SearchService#FUNCTION_ENDS}: a
     * demonstrative or a degree word begins what the title says next (点名这|…, 县市最|…).
     */
    static final String SEQUENCE_ENDS_NOT = "这那最很";

    /**
     * Whether a title sequence nothing vouches for runs across words rather than being one: it begins
     * with a function character (的建设, 在武汉, 是重要 of …的建设, 在武汉举行, 是重要的) or ends with
     * one (点名这), unless the two characters there are a dictionary's word (在线教育, 和平饭店, 将来银行,
     * 也门胡塞, 世界之最 stay). The word analysis cuts 在|武汉, so the title sequences' alignment test
     * ({@link SearchService}) keeps them; the character at either end tells, read with the dictionary,
     * which the suggester holds and the sequence finder does not.
     */
    static boolean runsAcross(String hans, Set<String> dictionary) {
        int n = hans.codePointCount(0, hans.length());
        if (n < 3) {
            return false;
        }
        int first = hans.codePointAt(0);
        int last = hans.codePointBefore(hans.length());
        String head = hans.substring(0, hans.offsetByCodePoints(0, 2));
        String tail = hans.substring(hans.offsetByCodePoints(hans.length(), -2));
        return SearchService.FUNCTION_ENDS.indexOf(first) >= 0 && !dictionary.contains(head)
                || (SearchService.FUNCTION_ENDS.indexOf(last) >= 0 || SEQUENCE_ENDS_NOT.indexOf(last) >= 0) && !dictionary.contains(tail);
    }

    /**
     * A word the documents use this many times more often than they name the company of the same name
     * is a word of its own too (台南 the city, in 1,596 documents, beside 台南, the short name of 台南企業).
     */
    static final int WORD_OVER_COMPANY = 10;

    /** Whether {@code alias} is a shorter beginning of one of the company's display names (台積 of 台積電), in either script. */
    private boolean beginsDisplayName(Company c, String alias) {
        String folded = toSimplified.convert(alias);
        for (String name : List.of(c.nameHant(), c.nameHans())) {
            String shown = toSimplified.convert(shown(name));
            if (shown.length() > folded.length() && shown.startsWith(folded)) {
                return true;
            }
        }
        return false;
    }

    /** Whether word {@code hans}, in {@code documents} documents, is rather a company's name (suggested as the company) than a word of its own. */
    private static boolean companysName(Map<String, Integer> companyForms, String hans, long documents) {
        Integer named = companyForms.get(hans);
        return named != null && documents <= WORD_OVER_COMPANY * Math.max(named, 1L);
    }

    /**
     * A word of the index as suggestions, each shown as what was typed for it: the word in either
     * script (奥巴马 / 奧巴馬, read ao ba ma), and where Taiwan writes it otherwise, Taiwan's word as
     * a suggestion of its own (歐巴馬, read ou ba ma; 伺服器 si fu qi for 服务器), as frequent. Returns
     * Taiwan's word, Simplified (the word itself where Taiwan writes it alike).
     */
    private String word(String hans, String type, long weight, boolean vetted, List<Candidate> candidates, List<String> pinyinKeys,
                        List<Integer> pinyinOwners, List<String> zhuyinKeys, List<Integer> zhuyinOwners) {
        String taiwanHant = toTraditional.convert(hans);
        String taiwan = toSimplified.convert(taiwanHant);
        List<Readings.Keys> ownWays = readings.keysAll(hans, WAYS);
        List<Readings.Keys> theirWays = taiwan.equals(hans) ? ownWays : readings.keysAll(taiwan, WAYS);
        Set<String> own = keys(ownWays);
        Set<String> theirs = keys(theirWays);
        theirs.removeAll(own);
        // one suggestion where Taiwan's word reads as this one (机率 / 几率: ji lv), shown in Taiwan's words
        boolean apart = !theirs.isEmpty();
        int owner = candidates.size();
        candidates.add(new Candidate(apart ? scriptTraditional.convert(hans) : taiwanHant, hans, type, null, weight, vetted));
        key(ownWays, owner, Set.of(), pinyinKeys, pinyinOwners, zhuyinKeys, zhuyinOwners);
        if (apart) {
            int t = candidates.size();
            candidates.add(new Candidate(taiwanHant, taiwan, type, null, weight, vetted));
            key(theirWays, t, own, pinyinKeys, pinyinOwners, zhuyinKeys, zhuyinOwners); // only what this word's keys are not
        }
        return taiwan;
    }

    /**
     * A word as a suggestion of its own, as it is written, without a Taiwan form of its own: another
     * region's spelling of a word (川普 of 特朗普, 施凱爾 of 基尔·斯塔默), or a dictionary's word no document holds.
     */
    private void otherForm(String other, String type, long weight, List<Candidate> candidates, List<String> pinyinKeys,
                           List<Integer> pinyinOwners, List<String> zhuyinKeys, List<Integer> zhuyinOwners) {
        int owner = candidates.size();
        candidates.add(new Candidate(toTraditional.convert(other), other, type, null, weight));
        key(other, owner, pinyinKeys, pinyinOwners, zhuyinKeys, zhuyinOwners);
    }

    /** Other regions' spellings of one word at most. */
    static final int OTHER_FORMS = 4;

    /**
     * The other regions' spellings of a word of the folded index: the words that fold to all of it
     * (川普 for 特朗普), then the word with one piece of it put back as another region writes it
     * (健保署 for 医保署, whose 健保 the fold made 医保; 量子电脑 for 量子计算机), longest piece first.
     */
    private List<String> otherForms(String hans) {
        List<String> out = new ArrayList<>(otherWords.apply(hans));
        int[] cps = hans.codePoints().toArray();
        for (int i = 0; i < cps.length && out.size() < OTHER_FORMS; i++) {
            for (int j = cps.length; j >= i + 2; j--) {
                if (j - i == cps.length) {
                    continue; // the whole word: above
                }
                List<String> others = otherWords.apply(new String(cps, i, j - i));
                if (others.isEmpty()) {
                    continue;
                }
                for (String o : others) {
                    String form = new String(cps, 0, i) + o + new String(cps, j, cps.length - j);
                    if (!out.contains(form)) {
                        out.add(form);
                    }
                }
                i = j - 1; // on after the piece
                break;
            }
        }
        return out.size() > OTHER_FORMS ? out.subList(0, OTHER_FORMS) : out;
    }

    /** Readings of one word at most: a character no phrase covers may be read each way it can. */
    static final int WAYS = 4;

    private void key(String simplified, int owner, List<String> pinyinKeys, List<Integer> pinyinOwners,
                     List<String> zhuyinKeys, List<Integer> zhuyinOwners) {
        key(readings.keysAll(simplified, WAYS), owner, Set.of(), pinyinKeys, pinyinOwners, zhuyinKeys, zhuyinOwners);
    }

    /** A word's keys (pinyin, initials, Zhuyin; each way it may be read) but those in {@code skip}, for {@code owner}. */
    private static void key(List<Readings.Keys> ways, int owner, Set<String> skip, List<String> pinyinKeys, List<Integer> pinyinOwners,
                            List<String> zhuyinKeys, List<Integer> zhuyinOwners) {
        for (int way = 0; way < ways.size(); way++) {
            Readings.Keys k = ways.get(way);
            if (k.pinyin().isEmpty()) {
                return;
            }
            int marked = owner << 1 | (way == 0 ? 0 : 1); // the first way is the usual reading
            for (String p : k.initials().equals(k.pinyin()) ? List.of(k.pinyin()) : List.of(k.pinyin(), k.initials())) {
                if (!skip.contains(p)) {
                    pinyinKeys.add(p);
                    pinyinOwners.add(marked);
                }
            }
            if (!skip.contains(k.zhuyin())) {
                zhuyinKeys.add(k.zhuyin());
                zhuyinOwners.add(marked);
            }
        }
    }

    /** Every key a word is typed by: its pinyin, initials and Zhuyin, each way it may be read. */
    private static Set<String> keys(List<Readings.Keys> ways) {
        Set<String> out = new HashSet<>();
        for (Readings.Keys k : ways) {
            out.add(k.pinyin());
            out.add(k.initials());
            out.add(k.zhuyin());
        }
        return out;
    }

    /** A display name without the brackets that mark it shown but not matched. */
    private static String shown(String name) {
        return name == null ? "" : name.replace("[", "").replace("]", "").strip();
    }
}

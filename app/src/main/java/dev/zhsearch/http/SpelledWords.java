package dev.zhsearch.http;

import dev.zhsearch.convert.ChineseConverter;
import dev.zhsearch.pinyin.Readings;
import dev.zhsearch.search.SearchService;
import dev.zhsearch.search.Searching;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Words no table of the {@link PinyinSuggester} lists, found from their sound and asked of the
 * documents: spelled character by character through the {@link SoundLattice} ({@code zhonghuazhibang}:
 * 中华职棒), or, from initials, composed of the table's words end to end ({@code kdgldd}: 凯达格兰 大道);
 * and the phrases an input typed part way begins ({@code jiaquanzh}: 加权指数). The suggester keeps
 * what this finds per input for its table's life.
 */
final class SpelledWords {

    private final Readings readings;
    private final ChineseConverter toSimplified;
    /** Simplified to Traditional characters only: a word shown as it was spelled. */
    private final ChineseConverter scriptTraditional;
    private final Searching service;

    SpelledWords(Readings readings, ChineseConverter toSimplified, ChineseConverter scriptTraditional, Searching service) {
        this.readings = readings;
        this.toSimplified = toSimplified;
        this.scriptTraditional = scriptTraditional;
        this.service = service;
    }

    /** Spellings the documents hold as written offered at most. */
    static final int SPELLINGS = 3;
    /** Ways the letters split into syllables tried (xian: xian, xi an). */
    static final int SPLITS = 3;

    /**
     * The words no table lists that the input spells, if its letters split wholly into syllables
     * ({@code zhonghuazhibang}, {@code ㄍㄨㄥㄆㄧㄥㄏㄨㄟ}, {@code 中華zhibang}: a typed character stays as
     * typed): the {@link SoundLattice}'s best spellings that {@value #SPELLED_DOCUMENTS} document or more
     * holds as written, each as a word of the titles would be (its documents, vetted if a dictionary
     * lists it), after the phrases {@link #composedOfSyllables} of the table's words (input of letters
     * or Zhuyin alone). Initials are {@link #composed} of words instead. A spelling nearly always
     * inside a longer phrase is no word of its own; where no word of the table begins as typed
     * ({@code begin}), the phrase it is {@link #continued} to is a longer one the input begins, and a
     * last syllable typed part way is spelled too ({@link #begun}).
     */
    Spelled words(String q, Readings.Typed letters, PinyinSuggester.Table t, boolean begin) throws IOException {
        if (!letters.zhuyin() && INITIALS.matcher(letters.key()).matches() && q.codePoints().allMatch(cp -> cp < 0x80)) {
            return new Spelled(composed(letters.key(), t), List.of());
        }
        List<PinyinSuggester.Candidate> out = new ArrayList<>();
        boolean han = q.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
        if (!han) {
            List<Readings.Syllable> toned = readings.tonesTyped(q);
            List<String> phrases = new ArrayList<>();
            for (List<String> split : readings.syllablesAsTyped(q, SPLITS)) {
                composedOfSyllables(split, toned, t).stream().filter(w -> !phrases.contains(w)).forEach(phrases::add);
            }
            out.addAll(held(phrases, t));
        }
        List<PinyinSuggester.Candidate> longer = new ArrayList<>();
        for (PinyinSuggester.Candidate c : spelled(q, letters, t, begin ? longer : null)) {
            if (out.size() < SPELLINGS && out.stream().noneMatch(o -> o.hans().equals(c.hans()))) {
                out.add(c);
            }
        }
        // typed part way: the last syllable begun, none ended by a tone (ㄅㄟˇㄕˋㄈ, jiaquanzh; not wei4de2sheng4)
        if (begin && out.isEmpty() && longer.isEmpty() && !han && readings.tonesTyped(q).isEmpty() && begunAtEnd(letters)) {
            longer.addAll(begun(letters, t));
        }
        return new Spelled(out, longer);
    }

    /**
     * What an input spells: the words that read wholly as typed, and the longer ones it begins (a
     * phrase typed part way: {@code gutianhui} of 古田会议, {@code jiaquanzh} of 加权指数).
     */
    record Spelled(List<PinyinSuggester.Candidate> whole, List<PinyinSuggester.Candidate> begun) {}

    /**
     * Whether the typed key ends in a syllable begun: it splits into no whole syllables (jiaquanzh), or
     * in Zhuyin its last letter, a syllable alone, begins others too (ㄏㄜㄙㄢㄔ: ㄔ is chi, and begins
     * chan, chang …). Whole pinyin (liudeyin) is taken as typed.
     */
    private boolean begunAtEnd(Readings.Typed letters) {
        String key = letters.key();
        if (readings.syllables(key, letters.zhuyin(), 1).isEmpty()) {
            return true;
        }
        String last = key.substring(key.offsetByCodePoints(key.length(), -1));
        return letters.zhuyin() && readings.syllablesBeginning(last, true).size() > 1;
    }

    /** Whole syllables typed before a syllable begun for it to be spelled ({@link #begun}): a guess from fewer is a poor one. */
    static final int BEGUN_WHOLE = 2;

    /**
     * The phrases the documents hold that an input typed part way begins: whole syllables, then the
     * beginning of one more, each syllable any character it may be read as and the last any
     * character of a syllable so begun ({@code hesanch}: 核三厂; {@code jiaquanzh}: 加权指, continued to
     * 加权指数): the whole syllables' spellings the documents hold most, each followed by the characters
     * of the syllable begun that the documents' pairs put after it most, the phrases the documents hold
     * best by their documents and how bound the last character is to the rest, each
     * {@link #continued continued} where one character nearly always follows. On the development
     * files (3,633 cases) prefix cases 0.798 → 0.811, the whole 0.928 → 0.930.
     */
    private List<PinyinSuggester.Candidate> begun(Readings.Typed letters, PinyinSuggester.Table t) throws IOException {
        Map<String, Integer> phrases = new java.util.HashMap<>();
        for (Readings.Begun way : readings.syllablesBegun(letters.key(), letters.zhuyin(), BEGUN_WHOLE, SPLITS)) {
            // the whole syllables' spellings the documents hold, the most held first …
            List<String> spelled = t.lattice().spell(choices(way.whole(), List.of()), 2 * TRIED);
            Map<String, Integer> heads = service.documentsUsing(spelled, SPELLED_DOCUMENTS, SPELLED_COUNT);
            List<String> best = heads.keySet().stream()
                    .sorted(java.util.Comparator.<String>comparingInt(heads::get).reversed().thenComparing(java.util.Comparator.naturalOrder()))
                    .limit(BEGUN_HEADS).toList();
            int[] begun = beginning(way.begun(), letters.zhuyin());
            for (String head : best) {
                // … each followed by the characters of the syllable begun that the documents' pairs put after it most
                int end = head.codePointBefore(head.length());
                List<String> next = java.util.Arrays.stream(begun).filter(c -> t.lattice().count(end, c) > 0).boxed()
                        .sorted(java.util.Comparator.<Integer>comparingInt(c -> t.lattice().count(end, c)).reversed())
                        .limit(BEGUN_NEXT).map(c -> head + Character.toString(c)).toList();
                service.documentsUsing(next, SPELLED_DOCUMENTS, SPELLED_COUNT).forEach((phrase, n) -> phrases.merge(phrase, n, Math::max));
            }
        }
        // the best by how many documents hold the phrase and how bound its last character is to the
        // head: the share of the last pair's documents that are the phrase's (核三厂 of 三厂's before 和三场
        // of 三场's: a word, not a head and the next word)
        Map<String, Double> bound = new java.util.HashMap<>();
        phrases.forEach((w, n) -> {
            int last = w.codePointBefore(w.length());
            int before = w.codePointBefore(w.length() - Character.charCount(last));
            bound.put(w, (double) n * n / Math.max(n, t.lattice().count(before, last)));
        });
        List<PinyinSuggester.Candidate> out = new ArrayList<>();
        for (String w : phrases.keySet().stream()
                .sorted(java.util.Comparator.<String>comparingDouble(bound::get).reversed().thenComparing(java.util.Comparator.naturalOrder())).toList()) {
            PinyinSuggester.Candidate c = continued(w, phrases.get(w), t).orElseGet(() -> heldWord(w, phrases.get(w)));
            if (out.stream().noneMatch(o -> o.hans().equals(c.hans()))) {
                out.add(c);
            }
            if (out.size() == SPELLINGS) {
                break;
            }
        }
        return out;
    }

    /** Spellings of the whole syllables before a syllable begun that are continued ({@link #begun}) … */
    static final int BEGUN_HEADS = 4;
    /** … each by this many characters of the syllable begun at most. */
    static final int BEGUN_NEXT = 32;

    /** The characters of every syllable {@code begun} begins. */
    private int[] beginning(String begun, boolean zhuyin) {
        java.util.TreeSet<Integer> characters = new java.util.TreeSet<>();
        for (String syllable : readings.syllablesBeginning(begun, zhuyin)) {
            for (int cp : readings.charactersRead(syllable)) {
                characters.add(cp);
            }
        }
        return characters.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Characters a phrase is {@link #continued} to at most. */
    static final int CONTINUED_LENGTH = 8;

    /**
     * The phrase {@code w} is a piece of, continued a character at a time while one character follows
     * it in {@value #PIECE} of its documents (基孔肯 → 基孔肯雅 → 基孔肯雅热), and no piece of a phrase on
     * its other side either (盟建设 of 联盟建设), or none.
     */
    private java.util.Optional<PinyinSuggester.Candidate> continued(String w, int documents, PinyinSuggester.Table t) throws IOException {
        java.util.Optional<PinyinSuggester.Candidate> longer = extended(w, documents, t);
        if (longer.isEmpty()) {
            return longer;
        }
        String phrase = longer.get().hans();
        long held = longer.get().weight();
        List<String> before = new ArrayList<>();
        for (int c : t.lattice().before(phrase.codePointAt(0))) {
            before.add(Character.toString(c) + phrase);
        }
        int enough = (int) Math.ceil(PIECE * held);
        return service.documentsUsing(before, enough, enough).isEmpty() ? longer : java.util.Optional.empty();
    }

    /**
     * The phrase {@code w} (Simplified, in {@code documents} documents) is a piece of, continued a
     * character at a time while one character follows it in {@value #PIECE} of its documents, up to
     * {@value #CONTINUED_LENGTH} characters, or none if none does: what typed characters begin (加权指 →
     * 加权指数), where what comes before them is the typist's to choose.
     */
    java.util.Optional<PinyinSuggester.Candidate> extended(String w, int documents, PinyinSuggester.Table t) throws IOException {
        String phrase = w;
        int held = documents;
        while (phrase.codePointCount(0, phrase.length()) < CONTINUED_LENGTH) {
            int enough = (int) Math.ceil(PIECE * held);
            int last = phrase.codePointBefore(phrase.length());
            List<String> next = new ArrayList<>();
            for (int c : t.lattice().following(last)) {
                // (not by what begins the title's next words: 十四五规划和, 台积电的; and not where the pair
                // alone is in too few documents: a pair's documents in titles and in bodies, each at most
                // the lattice's count, bound the phrase's, and the index is not asked)
                if (SearchService.FUNCTION_ENDS.indexOf(c) < 0 && SearchService.NOT_CONTINUING.indexOf(c) < 0
                        && 2L * t.lattice().count(last, c) >= enough) {
                    next.add(phrase + Character.toString(c));
                }
            }
            if (next.isEmpty()) {
                break;
            }
            // (in stories: a tag page's title, 彈飛相關報導, is a name and a label, no phrase)
            Map<String, Integer> found = service.storiesUsing(next, enough, SPELLED_COUNT);
            if (found.isEmpty()) {
                break;
            }
            Map.Entry<String, Integer> best = found.entrySet().stream()
                    .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey())).orElseThrow();
            phrase = best.getKey();
            held = best.getValue();
        }
        return phrase.equals(w) ? java.util.Optional.empty() : java.util.Optional.of(heldWord(phrase, held));
    }

    /**
     * The lattice's spellings of {@code q} (its keys {@code letters}) the documents hold as written, no
     * piece of a longer phrase ({@link #words}); the phrases such pieces are {@link #continued} to go to
     * {@code longer}, if not null (only where no word of the table begins as typed: eluo has 俄罗斯 there,
     * and a continuation asks the documents a dozen counts or more).
     */
    private List<PinyinSuggester.Candidate> spelled(String q, Readings.Typed letters, PinyinSuggester.Table t,
                                                    List<PinyinSuggester.Candidate> longer) throws IOException {
        List<List<SoundLattice.Choices>> ways = new ArrayList<>(List.of(new ArrayList<>()));
        StringBuilder run = new StringBuilder();
        int[] cps = toSimplified.convert(q).codePoints().toArray();
        for (int i = 0; i <= cps.length; i++) {
            boolean han = i < cps.length && Character.UnicodeScript.of(cps[i]) == Character.UnicodeScript.HAN;
            if (i < cps.length && !han) {
                run.appendCodePoint(cps[i]);
                continue;
            }
            if (!run.toString().isBlank()) {
                List<List<String>> splits = readings.syllablesAsTyped(run.toString(), SPLITS);
                if (splits.isEmpty()) {
                    return List.of();
                }
                List<Readings.Syllable> toned = readings.tonesTyped(run.toString());
                List<List<SoundLattice.Choices>> choices = splits.stream().map(split -> choices(split, toned)).toList();
                List<List<SoundLattice.Choices>> next = new ArrayList<>();
                for (List<SoundLattice.Choices> way : ways) {
                    for (List<SoundLattice.Choices> split : choices) {
                        List<SoundLattice.Choices> joined = new ArrayList<>(way);
                        joined.addAll(split);
                        next.add(joined);
                    }
                }
                ways = next.size() > SPLITS ? next.subList(0, SPLITS) : next;
                run.setLength(0);
            }
            if (han) {
                int cp = cps[i];
                ways.forEach(w -> w.add(SoundLattice.Choices.of(cp)));
            }
        }
        List<String> spellings = new ArrayList<>();
        for (List<SoundLattice.Choices> way : ways) {
            if (way.size() < SPELLED_LENGTH) {
                continue; // (one character: no word)
            }
            for (String w : t.lattice().spell(way, TRIED)) {
                if (!spellings.contains(w)) {
                    spellings.add(w);
                }
            }
        }
        if (spellings.isEmpty()) {
            return List.of();
        }
        // the best spellings first, each held as written and no piece of a longer phrase (公平惠 of
        // 公平惠及): the phrase one of the commonest characters after or before it makes is in fewer
        // than PIECE of its documents (a count asked only where its rarest pair allows it), unless
        // the spelling is words of the dictionaries end to end (中央政治局, nearly always in 中共中央政治局,
        // is 中央 政治局 as typed)
        Set<String> phrases = readings.phrases();
        List<PinyinSuggester.Candidate> out = new ArrayList<>();
        for (String w : spellings.subList(0, Math.min(TRIED, spellings.size()))) {
            if (w.codePointCount(0, w.length()) == 2 && !readings.readsAsTyped(w, letters)) {
                continue; // two characters through a rarer reading are a guess too far (全家 read quan gu for quangu)
            }
            Integer documents = service.documentsUsing(List.of(w), SPELLED_DOCUMENTS, SPELLED_COUNT).get(w);
            if (documents == null) {
                continue;
            }
            List<String> around = new ArrayList<>();
            for (int c : t.lattice().after(w.codePointBefore(w.length()))) {
                around.add(w + Character.toString(c));
            }
            for (int c : t.lattice().before(w.codePointAt(0))) {
                around.add(Character.toString(c) + w);
            }
            int enough = (int) Math.ceil(PIECE * documents);
            if (!wordsOf(w, phrases) && !service.documentsUsing(around, enough, enough).isEmpty()) {
                // a piece: the phrase it begins, if one character nearly always follows it, is what was typed the beginning of
                java.util.Optional<PinyinSuggester.Candidate> whole = longer == null ? java.util.Optional.empty() : continued(w, documents, t);
                if (whole.isPresent() && longer.size() < SPELLINGS && longer.stream().noneMatch(o -> o.hans().equals(whole.get().hans()))) {
                    longer.add(whole.get());
                }
                continue;
            }
            out.add(heldWord(w, documents));
            if (out.size() == SPELLINGS) {
                break;
            }
        }
        return out;
    }

    /**
     * The characters each syllable of {@code split} may be, and which of them are read so only at
     * times; where the split is the one {@code toned} gives, only those read with the tone typed (tai2:
     * 台, not 大 read tai4).
     */
    private List<SoundLattice.Choices> choices(List<String> split, List<Readings.Syllable> toned) {
        boolean withTones = toned.stream().map(Readings.Syllable::text).toList().equals(split);
        List<SoundLattice.Choices> out = new ArrayList<>();
        for (int j = 0; j < split.size(); j++) {
            String syllable = split.get(j);
            Readings.Syllable typed = withTones ? toned.get(j) : null;
            int[] characters = Arrays.stream(readings.charactersRead(syllable))
                    .filter(cp -> typed == null || readings.fits(cp, typed)).toArray();
            java.util.BitSet rarely = new java.util.BitSet(characters.length);
            for (int k = 0; k < characters.length; k++) {
                rarely.set(k, !readings.usualReading(characters[k], syllable));
            }
            out.add(new SoundLattice.Choices(characters, rarely));
        }
        return out;
    }

    /** Initials long enough to compose: four letters or more, none a vowel (a syllable typed whole has one). */
    private static final java.util.regex.Pattern INITIALS = java.util.regex.Pattern.compile("[bcdfghjklmnpqrstwxyz]{4,}");
    /** Letters of initials one word of a composition takes at most. */
    static final int COMPOSED_PIECE = 6;
    /** Words tried for a piece of initials, the most used first ({@code dd} has hundreds). */
    static final int COMPOSED_WORDS = 50;
    /** Syllables of one word of a composition at most. */
    static final int COMPOSED_SYLLABLES = 6;
    /** Compositions kept at each letter. */
    static final int COMPOSED_BEAM = 50;
    /**
     * Compositions asked of the documents at most: words and joints say little of the whole (凯达格兰大道
     * is the thirteenth of kdgldd's, after 凯达格兰大地). On the earlier held-out files read together,
     * initials 0.848 → 0.854 with 8, 0.858 with 16 or 32. With 50 words a piece and 50 compositions a
     * letter (0.858 as with 100 and 200), a composition costs 5–15 ms the first time it is asked.
     */
    static final int COMPOSED_TRIED = 16;

    /** A composition of words so far, its score, and its last character as the documents' pairs hold it (folded). */
    private record Composition(String text, int words, double score, int lastFolded) {}

    /**
     * The phrases of two or more of the table's vetted words end to end whose initials are the
     * input ({@code kdgldd}: 凯达格兰 大道, {@code shzyhxjzg}: 社会主义 核心 价值观), as an input method
     * composes them ({@link #compose}); those {@value PinyinSuggester#MIN_DOCUMENTS} or more documents
     * hold as written offered as words.
     */
    private List<PinyinSuggester.Candidate> composed(String key, PinyinSuggester.Table t) throws IOException {
        Map<String, List<PinyinSuggester.Candidate>> byPiece = new java.util.HashMap<>();
        return held(compose(key.length(), COMPOSED_PIECE, (i, j) -> byPiece.computeIfAbsent(key.substring(i, j),
                piece -> wordsByKey(t, piece, piece.length(), null)), t), t);
    }

    /**
     * The same of whole syllables ({@code jishishandizhen}: 积石山 地震; {@code ㄓㄢˋㄌㄩㄝˋㄓ ㄩㄢˊㄅㄨˋㄉㄨㄟˋ}:
     * 战略 支援 部队), each word read usually as its syllables are typed, with the tones typed if the
     * split is the one {@code toned} gives: the character-pair model alone spells phrases of many
     * syllables poorly.
     */
    private List<String> composedOfSyllables(List<String> split, List<Readings.Syllable> toned, PinyinSuggester.Table t) {
        boolean withTones = toned.stream().map(Readings.Syllable::text).toList().equals(split);
        return compose(split.size(), COMPOSED_SYLLABLES, (i, j) -> wordsByKey(t, String.join("", split.subList(i, j)), j - i,
                withTones ? toned.subList(i, j) : null), t);
    }

    /**
     * The best of a beam over positions {@code 0..n} (letters of initials, or syllables), each step a
     * word of {@code words(i, j)} for the positions it covers, two to {@code longest} of them: each word
     * scored by the share of documents that use it, each joint by how often the documents' pairs of
     * characters follow the one word's last character with the next one's first, as the documents
     * hold them, folded (社会主义 核心: 义内, as 核心 folds to 内核; a joint no pair of characters makes
     * ends the composition); of two words or more, the best {@value #COMPOSED_TRIED}.
     */
    private List<String> compose(int n, int longest, java.util.function.BiFunction<Integer, Integer, List<PinyinSuggester.Candidate>> words,
                                        PinyinSuggester.Table t) {
        List<java.util.PriorityQueue<Composition>> best = new ArrayList<>();
        for (int i = 0; i <= n; i++) {
            best.add(new java.util.PriorityQueue<>(java.util.Comparator.comparingDouble(Composition::score)));
        }
        best.getFirst().add(new Composition("", 0, 0, -1));
        Map<String, int[]> foldedEnds = new java.util.HashMap<>(); // each word's first and last characters as folded (核心: 内核)
        double documents = Math.log(t.documents() + 1.0);
        for (int i = 0; i < n; i++) {
            if (best.get(i).isEmpty()) {
                continue;
            }
            for (int j = i + 2; j <= Math.min(n, i + longest); j++) {
                java.util.PriorityQueue<Composition> there = best.get(j);
                for (PinyinSuggester.Candidate w : words.apply(i, j)) {
                    int[] ends = foldedEnds.computeIfAbsent(w.hans(), h -> {
                        String f = service.folded(h);
                        return f.isEmpty() ? new int[] {h.codePointAt(0), h.codePointBefore(h.length())}
                                : new int[] {f.codePointAt(0), f.codePointBefore(f.length())};
                    });
                    for (Composition before : best.get(i)) {
                        double joint = before.lastFolded() < 0 ? 0 : t.lattice().follows(before.lastFolded(), ends[0]);
                        if (joint == Double.NEGATIVE_INFINITY) {
                            continue;
                        }
                        double score = before.score() + Math.log1p(w.weight()) - documents + joint;
                        if (there.size() < COMPOSED_BEAM || score > there.peek().score()) {
                            there.add(new Composition(before.text() + w.hans(), before.words() + 1, score, ends[1]));
                            if (there.size() > COMPOSED_BEAM) {
                                there.poll();
                            }
                        }
                    }
                }
            }
        }
        return best.get(n).stream().filter(c -> c.words() >= 2)
                .sorted(java.util.Comparator.comparingDouble(Composition::score).reversed())
                .map(Composition::text).distinct().limit(COMPOSED_TRIED).toList();
    }

    /** Those of {@code phrases} that {@value PinyinSuggester#MIN_DOCUMENTS} documents or more hold as written, as words, {@value #SPELLINGS} at most. */
    private List<PinyinSuggester.Candidate> held(List<String> phrases, PinyinSuggester.Table t) throws IOException {
        if (phrases.isEmpty()) {
            return List.of();
        }
        // (counted by the folded phrase: 社会主义核心价值观 is 社会主义内核价值观 to the index)
        Map<String, Integer> held = service.documentsUsing(phrases, PinyinSuggester.MIN_DOCUMENTS, SPELLED_COUNT);
        List<PinyinSuggester.Candidate> out = new ArrayList<>();
        for (String w : phrases) {
            Integer documents = held.get(service.folded(w));
            if (documents != null && out.size() < SPELLINGS) {
                out.add(heldWord(w, documents));
            }
        }
        return out;
    }

    /** A spelling the documents hold as written, as a word of the titles would be: its documents, vetted if a dictionary lists it. */
    PinyinSuggester.Candidate heldWord(String hans, int documents) {
        return new PinyinSuggester.Candidate(scriptTraditional.convert(hans), hans, "term", null, documents, readings.phrases().contains(hans));
    }

    /**
     * The table's vetted words of {@code characters} Han characters a usual key of which is {@code key}
     * (their initials, or their whole pinyin), read with the tones {@code toned} if not null, the most
     * used first, {@value #COMPOSED_WORDS} at most.
     */
    private List<PinyinSuggester.Candidate> wordsByKey(PinyinSuggester.Table t, String key, int characters, List<Readings.Syllable> toned) {
        Map<String, PinyinSuggester.Candidate> words = new java.util.HashMap<>();
        t.pinyin().exactly(key, (owner, usual) -> {
            PinyinSuggester.Candidate c = t.candidates().get(owner);
            if (usual && c.vetted() && c.hans().codePointCount(0, c.hans().length()) == characters
                    && c.hans().codePoints().allMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)
                    && (toned == null || readings.fitsTones(c.hans(), toned, characters))) {
                words.merge(c.hans(), c, (a, b) -> a.weight() >= b.weight() ? a : b);
            }
        });
        return words.values().stream().sorted(java.util.Comparator.comparingLong(PinyinSuggester.Candidate::weight).reversed())
                .limit(COMPOSED_WORDS).toList();
    }

    /** Whether {@code text} splits wholly into words of two characters or more that {@code words} holds. */
    static boolean wordsOf(String text, Set<String> words) {
        int[] cps = text.codePoints().toArray();
        boolean[] ends = new boolean[cps.length + 1]; // ends[i]: the first i characters split so
        ends[0] = true;
        for (int i = 2; i <= cps.length; i++) {
            for (int j = i - 2; j >= 0 && !ends[i]; j--) {
                ends[i] = ends[j] && words.contains(new String(cps, j, i - j));
            }
        }
        return ends[cps.length];
    }

    /** A spelling's documents are counted up to this many (its score's part: log 200 ≈ 5.3). */
    static final int SPELLED_COUNT = 200;
    /**
     * Spellings asked of the documents at most: the bigram model often ranks the word meant fifth or
     * later (林百里 after 林白立, 临百里, 林伯利, 林白理). On the earlier held-out files read together,
     * 4 gave 0.912, 8 gave 0.915, 16 gave 0.916 for twice the counts.
     */
    static final int TRIED = 8;

    /**
     * A spelling is offered if this many documents hold it as written: it is asked only when no word
     * of the table reads as typed, and the lattice's pairs are each in several documents (年金改革 and
     * 十四五规划 are each in one document as written; on the earlier held-out files read together,
     * 2,480 cases: 0.926 with 3 documents, 0.929 with 1).
     */
    static final int SPELLED_DOCUMENTS = 1;

    /**
     * Spellings of fewer characters are not tried. Two-character ones are, if the characters' usual
     * readings are what was typed (村超, 揽月, 碳费, 化债: words of the news no dictionary lists and the
     * titles' sequences do not make; development files 0.922 → 0.925).
     */
    static final int SPELLED_LENGTH = 2;
    /** A spelling continued by one character in this share of its documents is a piece of that longer phrase. */
    static final double PIECE = 0.7;

}

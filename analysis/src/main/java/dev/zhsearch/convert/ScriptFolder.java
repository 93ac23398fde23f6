package dev.zhsearch.convert;

import dev.zhsearch.text.RuleFiles;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Folds Traditional and Simplified Chinese, and Taiwan and mainland vocabulary, to one normal form,
 * so that 台積電/台积电, 伺服器/服务器, 軟體/软件 analyse to the same terms. The fold is a
 * <em>projection</em>: {@code fold(fold(x)) == fold(x)}, and the two sides of every entry of OpenCC's
 * TWPhrases, TWVariants, STPhrases and STCharacters fold to the same string. It is designed from that
 * property rather than by chaining OpenCC's one-way conversions (which rewrite text that is already
 * mainland Simplified: 显著 → 显着, 文件 → 文档, 土库曼斯坦 → 土库曼斯坦斯坦):
 * <ol>
 *   <li><b>Script</b>, one longest-match table: Traditional phrases to their Simplified form
 *       (TSPhrases, STPhrases read backwards, Taiwan variant phrases), every Simplified phrase of
 *       those tables to itself (so a Simplified word is never re-converted character by character),
 *       and characters by <em>classes</em>: the characters that STCharacters, TSCharacters and
 *       TWVariants relate (first values, as OpenCC converts) are one class, written as its
 *       Simplified member.</li>
 *   <li><b>Vocabulary</b>, one longest-match table over the script-folded text: the words that
 *       OpenCC's TWPhrases (and zhsearch's own {@code zhsearch-vocabulary.txt}) pair across the
 *       strait are classes too; each class is written as one member, its mainland word where there is
 *       one, and that member maps to itself, so a canonical word is left alone and never matched by a
 *       shorter key inside it. A few OpenCC pairs chain (Taiwan 文件 is mainland 文档, mainland 文件
 *       is Taiwan 檔案): such words become one class, since a word alone cannot say which side wrote
 *       it; {@link #chains()} lists them.</li>
 * </ol>
 * OpenCC's TWPhrasesRev (every Taiwan alternative of a TWPhrases entry, as OpenCC's {@code tw2sp}
 * reads them) joins its classes too, so the fold equates what OpenCC equates in either direction.
 * Both tables map every key to a value that is itself a fixed point, and all of it is OpenCC's data,
 * read at start-up; {@code FoldTablesTest} checks the property on every table entry and on the
 * corpus titles.
 */
public final class ScriptFolder {

    /**
     * zhsearch's own vocabulary pairs, Taiwan word TAB mainland word: {@code zhsearch-vocabulary.txt}
     * by hand, {@code zhsearch-vocabulary-public.txt} made by {@code ./zhsearch vocabulary build} from
     * maintained public sources (its header names them, with dates and licences).
     */
    public static final List<String> VOCABULARIES =
            List.of("opencc/zhsearch-vocabulary.txt", "opencc/zhsearch-vocabulary-public.txt");

    private final ChineseConverter script;
    /** Every word of the vocabulary classes, its canonical member included: where the notes look. */
    private final PrefixDictionary vocabulary;
    private final ChineseConverter vocabularyStep;
    private final List<Set<String>> chains;
    private final Set<String> canonicalWords;
    /** Canonical word → the other words of its class (script-folded): 特朗普 → 川普. */
    private final Map<String, List<String>> members;

    private ScriptFolder(ChineseConverter script, Map<String, String> vocabulary, List<Set<String>> chains) {
        this.script = script;
        this.canonicalWords = Set.copyOf(vocabulary.values());
        Map<String, List<String>> byCanonical = new HashMap<>();
        vocabulary.forEach((word, canonical) -> {
            if (!word.equals(canonical)) {
                byCanonical.computeIfAbsent(canonical, k -> new ArrayList<>()).add(word);
            }
        });
        byCanonical.replaceAll((k, v) -> List.copyOf(v.stream().sorted().toList()));
        this.members = Map.copyOf(byCanonical);
        this.vocabulary = PrefixDictionary.of(vocabulary);
        this.vocabularyStep = new ChineseConverter("fold-vocabulary", List.of(), null,
                List.of(PrefixDictionary.of(withoutIdleFixedPoints(vocabulary))));
        this.chains = List.copyOf(chains);
    }

    public static ScriptFolder standard(OpenccConfigs configs) {
        return withVocabularies(configs, VOCABULARIES);
    }

    /** OpenCC's tables and the vocabulary pairs of the given resources (none: OpenCC's alone). */
    public static ScriptFolder withVocabularies(OpenccConfigs configs, List<String> resources) {
        ChineseConverter script = new ChineseConverter("fold-script",
                List.of(configs.dictionary("CJK_Compatibility_Ideographs").orElseThrow()), null,
                List.of(PrefixDictionary.of(scriptTable(configs))));
        Classes words = new Classes();
        Set<String> mainland = new java.util.HashSet<>();
        Set<String> taiwan = new java.util.HashSet<>();
        java.util.function.BiConsumer<String, String> pair = (cnWord, twWord) -> { // both script-folded first
            String cn = script.convert(cnWord.strip());
            String tw = script.convert(twWord.strip());
            words.union(cn, tw);
            mainland.add(cn);
            taiwan.add(tw);
        };
        // mainland (in Traditional script) → Taiwan, as s2twp converts
        configs.entries("TWPhrases").forEach(e -> pair.accept(e.key(), e.values().getFirst()));
        // what OpenCC's tw2sp does: every Taiwan value of TWPhrases back to its mainland word (数位 → 数字)
        configs.entries("TWPhrasesRev").forEach(e -> pair.accept(e.values().getFirst(), e.key()));
        // zhsearch's own additions, Taiwan → mainland; and what OpenCC writes for each of their words in
        // the other region's wording (tw2sp 社群媒體 → 社区媒体, beside the pair's 社交媒体), so that a text
        // and its twin made by OpenCC still fold alike where a new word overlaps one of OpenCC's
        ChineseConverter toMainland = configs.converter("tw2sp");
        ChineseConverter toTaiwan = configs.converter("s2twp");
        resources.forEach(resource -> RuleFiles.pairs(resource).forEach(e -> {
            String cnWord = e.getValue().strip().split(" +")[0];
            pair.accept(cnWord, e.getKey());
            words.union(script.convert(toMainland.convert(e.getKey().strip())), script.convert(e.getKey().strip()));
            words.union(script.convert(toTaiwan.convert(cnWord)), script.convert(cnWord));
        }));
        Comparator<String> canonical = Comparator
                .comparing((String w) -> !(mainland.contains(w) && !taiwan.contains(w))) // mainland only first
                .thenComparing(w -> !mainland.contains(w))
                .thenComparingInt(String::length)
                .thenComparing(Comparator.naturalOrder());
        Map<String, String> vocabulary = new HashMap<>();
        List<Set<String>> chains = new ArrayList<>();
        for (Set<String> members : words.classes()) {
            String rep = members.stream().min(canonical).orElseThrow();
            members.forEach(m -> vocabulary.put(m, rep));
            if (members.size() > 2) {
                chains.add(members);
            }
        }
        return new ScriptFolder(script, vocabulary, chains);
    }

    /**
     * The script table: Traditional (and Taiwan-variant) text to Simplified. Phrases are classes: the
     * pairs of TSPhrases, STPhrases (every value) and TWVariantsRevPhrases (Taiwan form to OpenCC's
     * standard form, through t2s) join their two sides, and a class is written as one Simplified
     * member, which maps to itself. Characters are classes too ({@link #characterClasses}).
     */
    static Map<String, String> scriptTable(OpenccConfigs configs) {
        ChineseConverter t2s = configs.converter("t2s");
        Classes phrases = new Classes();
        Set<String> simplified = new java.util.HashSet<>(); // sides OpenCC writes in Simplified
        for (OpenccConfigs.Entry e : configs.entries("TSPhrases")) {
            phrases.union(e.key(), e.values().getFirst());
            simplified.add(e.values().getFirst());
        }
        for (OpenccConfigs.Entry e : configs.entries("STPhrases")) {
            e.values().forEach(v -> phrases.union(e.key(), v));
            simplified.add(e.key());
        }
        for (OpenccConfigs.Entry e : configs.entries("TWVariantsRevPhrases")) {
            String s = t2s.convert(e.values().getFirst());
            phrases.union(e.key(), s);
            simplified.add(s);
        }
        Comparator<String> simplifiedFirst = Comparator
                .comparing((String p) -> !simplified.contains(p))
                .thenComparing(p -> !p.equals(t2s.convert(p)))
                .thenComparing(Comparator.naturalOrder());
        Map<String, String> table = new HashMap<>();
        for (Set<String> members : phrases.classes()) {
            String rep = members.stream().min(simplifiedFirst).orElseThrow();
            members.forEach(m -> table.put(m, rep));
        }
        characterClasses(configs).forEach(table::putIfAbsent);
        table.entrySet().removeIf(e -> e.getKey().length() == 1 && e.getKey().equals(e.getValue()));
        return withoutIdleFixedPoints(table);
    }

    /**
     * Drops the entries that map a phrase to itself where the rest of the table would leave that
     * phrase unchanged anyway: they change no output, and each is one more key that every position
     * of a Simplified text would probe.
     */
    static Map<String, String> withoutIdleFixedPoints(Map<String, String> table) {
        PrefixDictionary all = PrefixDictionary.of(table);
        Map<String, String> kept = new HashMap<>(table.size());
        String[] value = new String[1];
        table.forEach((key, v) -> {
            if (key.length() > 1 && key.equals(v) && unchangedWithout(all, key, value)) {
                return;
            }
            kept.put(key, v);
        });
        return kept;
    }

    /** Whether forward maximum matching leaves {@code key} as it is when {@code key} itself is not a key. */
    private static boolean unchangedWithout(PrefixDictionary dict, String key, String[] value) {
        int i = 0;
        while (i < key.length()) {
            int len = dict.match(key, i, i == 0 ? key.length() - 1 : key.length(), value);
            if (len == 0) {
                i++;
                continue;
            }
            if (!key.regionMatches(i, value[0], 0, value[0].length()) || value[0].length() != len) {
                return false;
            }
            i += len;
        }
        return true;
    }

    /**
     * Characters that OpenCC relates (TSCharacters, STCharacters and TWVariants, first values) as
     * classes, each mapped to its Simplified member: the one that is not a TSCharacters key (a
     * Traditional character), preferring a TSCharacters value; ties by code point.
     */
    private static Map<String, String> characterClasses(OpenccConfigs configs) {
        Classes classes = new Classes();
        Set<String> traditional = new java.util.HashSet<>();
        Set<String> simplifiedTargets = new java.util.HashSet<>();
        for (OpenccConfigs.Entry e : configs.entries("TSCharacters")) {
            classes.union(e.key(), e.values().getFirst());
            if (!e.key().equals(e.values().getFirst())) {
                traditional.add(e.key());
                simplifiedTargets.add(e.values().getFirst());
            }
        }
        for (String stem : List.of("STCharacters", "TWVariants")) {
            for (OpenccConfigs.Entry e : configs.entries(stem)) {
                classes.union(e.key(), e.values().getFirst());
            }
        }
        Comparator<String> simplifiedFirst = Comparator
                .comparing((String c) -> traditional.contains(c))
                .thenComparing(c -> !simplifiedTargets.contains(c))
                .thenComparingInt(c -> c.codePointAt(0));
        Map<String, String> out = new HashMap<>();
        for (Set<String> members : classes.classes()) {
            String rep = members.stream().min(simplifiedFirst).orElseThrow();
            members.forEach(m -> out.put(m, rep));
        }
        return out;
    }

    /**
     * Each table maps a key to a fixed point, but a replacement can complete a key with its
     * neighbours (网路卡 → 网络卡 → 网卡): the fold repeats until nothing changes, at most this often.
     */
    static final int MAX_ROUNDS = 4;

    public String fold(String text) {
        return foldWithOffsets(text).text();
    }

    /** Folds and maps every position of the result back to the input. */
    public Converted foldWithOffsets(String input) {
        String text = withoutLoneSurrogates(input);
        Converted c = once(text);
        for (int round = 1; round < MAX_ROUNDS && c.text() != text; round++) { // unchanged text is already folded
            Converted next = once(c.text());
            if (next.text().equals(c.text())) {
                break;
            }
            c = compose(c, next);
        }
        return c;
    }

    /**
     * Unpaired surrogates (invalid UTF-16, from a broken client or file) become U+FFFD, one for one, so
     * offsets are unchanged: Lucene's StandardTokenizer drops the whole text after a high surrogate at
     * its end ("文件\uD800" gave no bigrams at all).
     */
    static String withoutLoneSurrogates(String text) {
        char[] out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                if (out == null) {
                    out = text.toCharArray();
                }
                out[i] = '\uFFFD';
            }
        }
        return out == null ? text : new String(out);
    }

    private Converted once(String text) {
        Converted s = script.convertWithOffsets(text);
        Converted v = vocabularyStep.convertWithOffsets(s.text());
        return v.text() == s.text() ? s : compose(s, v);
    }

    /** The script step alone: Traditional to Simplified, without the vocabulary step. */
    public String foldScript(String text) {
        return script.convert(text);
    }

    /** Where the vocabulary step matched: a span of the original text and the word its class folds to. */
    public record VocabularyMatch(int start, int end, String canonical) {}

    /** Every span of {@code text} that the vocabulary step matched (a canonical word matching itself included). */
    public List<VocabularyMatch> vocabularyMatches(String text) {
        Converted s = script.convertWithOffsets(text);
        String t = s.text();
        List<VocabularyMatch> out = new ArrayList<>();
        String[] value = new String[1];
        int i = 0;
        while (i < t.length()) {
            int len = vocabulary.match(t, i, t.length(), value);
            if (len == 0) {
                i += Character.charCount(t.codePointAt(i));
                continue;
            }
            out.add(new VocabularyMatch(s.sourceOffset(i), s.sourceOffset(i + len), value[0]));
            i += len;
        }
        return out;
    }

    /**
     * The word each vocabulary class folds to (特朗普, 泥石流, 软件…): what folded text says where a
     * Taiwan or mainland word stood, so a word segmenter can keep it whole.
     */
    public Set<String> canonicalWords() {
        return canonicalWords;
    }

    /**
     * The other words that fold to {@code canonical} (script-folded, so in Simplified script): 川普
     * for 特朗普, 通膨 for 通胀; none for a word outside the vocabulary.
     */
    public List<String> wordsFoldingTo(String canonical) {
        return members.getOrDefault(canonical, List.of());
    }

    /** The vocabulary classes of more than two words (OpenCC pairs that chain), for inspection. */
    public List<Set<String>> chains() {
        return chains;
    }

    private static Converted compose(Converted first, Converted second) {
        int[] a = first.sourceOffsets();
        int[] b = second.sourceOffsets();
        int[] composed = new int[b.length];
        for (int i = 0; i < b.length; i++) {
            composed[i] = a[b[i]];
        }
        return new Converted(second.text(), composed);
    }

    /** Union-find over strings. */
    private static final class Classes {
        private final Map<String, String> parent = new HashMap<>();

        String find(String x) {
            String p = parent.computeIfAbsent(x, k -> k);
            if (p.equals(x)) {
                return x;
            }
            String root = find(p);
            parent.put(x, root);
            return root;
        }

        void union(String a, String b) {
            String ra = find(a);
            String rb = find(b);
            if (!ra.equals(rb)) {
                parent.put(ra, rb);
            }
        }

        List<Set<String>> classes() {
            Map<String, Set<String>> byRoot = new LinkedHashMap<>();
            for (String x : List.copyOf(parent.keySet())) {
                byRoot.computeIfAbsent(find(x), k -> new TreeSet<>()).add(x);
            }
            return List.copyOf(byRoot.values());
        }
    }
}

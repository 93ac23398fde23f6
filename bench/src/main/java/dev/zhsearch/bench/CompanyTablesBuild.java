package dev.zhsearch.bench;

import dev.zhsearch.convert.ChineseConverter;
import dev.zhsearch.convert.PrefixDictionary;
import dev.zhsearch.corpus.CorpusReaders;
import dev.zhsearch.corpus.CorpusSink;
import dev.zhsearch.corpus.ReadProblem;
import dev.zhsearch.corpus.SourceDoc;
import dev.zhsearch.entity.Company;
import dev.zhsearch.entity.CompanyTable;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Builds the company tables from maintained public lists in {@code ../shared/data} (TWSE/TPEx and
 * emerging-market listings, mainland A-shares, central state-owned enterprises, CC-CEDICT's companies
 * and brands) into resource files of the analysis library, so that the company facet covers the long
 * tail without hand typing ({@code ./zhsearch entities tables}).
 *
 * <p>A name that is also an ordinary word is decided by data, not by hand: it is a common word in
 * CC-CEDICT (lower-case pinyin), a place or person there, a Taiwan short name that CCTV's 新闻联播
 * (which does not report Taiwan's market) uses, or a mainland short name ending in a facility word
 * ({@code listed-review.tsv}), or a mainland name common in CCTV but seldom near a company word. Such a name is display-only and matches with its code, its full name
 * or a company word after it (統一企業, 大同公司). An alias that folds to one another company already
 * has is left out (first table wins: the hand tables, then Taiwan, mainland, state-owned, CC-CEDICT)
 * and reported.
 */
public final class CompanyTablesBuild {

    /** CCTV documents from which a Taiwan short name counts as an ordinary word (CCTV does not report Taiwan's market). */
    static final int OTHER_SIDE_USE_TW = 5;
    /** Documents of a corpus from which a name is common enough to judge by its company-word share. */
    static final int COMMON_USE = 10;
    /** CCTV documents from which a name never near a company word in any of them is a phrase. */
    static final int RARE_USE = 3;
    /** Below this share of documents with a company word near it, a common name is a word, not a company. */
    static final double COMPANY_SHARE = 0.25;
    /** The same for Taiwan names in Taiwan's news. */
    static final double TAIWAN_COMPANY_SHARE = 0.10;
    /** Taiwan news documents from which a mainland short name does (Taiwan's press names big mainland firms, not small ones). */
    static final int OTHER_SIDE_USE_CN = 20;
    private static final Pattern LEGAL = Pattern.compile("(股份有限公司|有限責任公司|有限责任公司|有限公司|股份公司)$");
    private static final Pattern ST_PREFIX = Pattern.compile("^(\\*?ST|S\\*?ST|SST|S|G|XD|XR|DR|N|C|U|W|UW)(?=\\p{IsHan})");
    private static final Pattern COMPANY_GLOSS = Pattern.compile(
            "(?i)\\b(company|corporation|corp\\.|inc\\.|ltd|co\\.|airlines?|airways|bank|group|conglomerate|manufacturer|carmaker|automaker"
                    + "|retailer|supermarket|department store|restaurant chain|fast food|chain|brewery|bookstore chain|shipping line|insurer|e-commerce"
                    + "|telecom\\w*|industr\\w*|holdings?|securities|insurance|pharma\\w*|electronics?|technolog\\w*|steel|petro\\w*|motors?"
                    + "|semiconductors?|computers?|brand|enterprises?|firm|maker|producer|Co)\\b");
    private static final Pattern NOT_A_COMPANY = Pattern.compile(
            "(?i)(development bank|reserve bank|bank of (england|japan|korea|canada|france|italy|spain|russia|thailand|israel)|\\(\\d{4}-|founder|magnate|businessman|entrepreneur|neighbou?rhood|ocean|\\bsea\\b|street|square|road|bridge|airport|port of|world bank|central bank|people's bank|development bank of asia|asian development|monetary fund|west bank|bank of the|river ?bank"
                    + "|township|county|district|province|city|town\\b|village|river|mountain|lake|island|surname|given name|prefecture|dynasty|emperor|temple)");
    /** A sense of the whole dictionary's that names a company: a kind of business, or a company word. */
    private static final Pattern MORE_COMPANY_GLOSS = Pattern.compile(
            "(?i)\\b(company|corporation|corp\\.|inc\\.|ltd|co\\.|plc|airlines?|airways|bank|manufacturer|car ?maker|automaker|plane maker"
                    + "|steel maker|retailer|retail group|supermarket|department store|restaurant|fast food|chain|bookstore|courier|logistics"
                    + "|hypermarkets?"
                    + "|Iron and Steel|Express|telecommunication service provider|card organization)\\b");
    /** Senses of such kinds that are no company's: institutions, coinages, things named after a business. */
    private static final Pattern NOT_MORE = Pattern.compile(
            "(?i)(ethnic|universit|institute|college|school|commission|ministry|association|federation|\\bparty\\b|\\bgame\\b|journal"
                    + "|daily|newspaper|slang|satirical|abbr\\.|National Health|function|award|index|average|pop group|math\\.|militant"
                    + "|separatist|pressure group|aviator|Center|\\(coll\\.\\) most|intellectual property|strategic|syndrome|^Chinese restaurant$"
                    + "|film industry|Space Agency|\\(military\\)|news service)");
    private static final String COMMON_WORD = "a common word";
    private static final String TWO_CHARACTERS = "two characters: as often part of a person's or place's name";
    /** A CC-CEDICT sense that says the headword is a surname: "surname Han" (韓 is Korea first). */
    private static final Pattern SURNAME_SENSE = Pattern.compile("(^|/ )surname [A-Z]");
    /** A hand table's code alias: (2330). */
    private static final Pattern CODE_ALIAS = Pattern.compile("\\((\\d{4,6})\\)");
    private static final List<String> COMPANY_WORDS = List.of("公司", "企業", "集團", "控股");
    /**
     * The country's words a listed name may begin with: followed by a common word, the name is as
     * often a phrase of general text (中国核电 China's nuclear power, 中国船舶 Chinese ships, 中国长城
     * the Great Wall) as the company. Only for A-shares no hand table knows (中国移动, 中国银行 are
     * the companies' in the hand tables).
     */
    private static final List<String> NATIONAL = List.of("中国", "中华", "国家", "全国");

    /** One line of a generated table. */
    record Row(String id, String hant, String hans, String en, boolean displayOnly, List<String> aliases) {
        String line() {
            String h = displayOnly ? "[" + hant + "]" : hant;
            String s = displayOnly ? "[" + hans + "]" : hans;
            return id + "\t" + h + "\t" + s + "\t[" + en + "]\t" + String.join("|", aliases);
        }
    }

    /** What happened to one listing: its table, id, names and why a name is guarded or dropped. */
    record Outcome(String table, String key, String id, String name, String verdict) {}

    private final UnaryOperator<String> fold;
    private final ChineseConverter s2t;
    private final ChineseConverter t2s;
    /** Folded alias → the id that claimed it first. */
    private final Map<String, String> claims = new HashMap<>();
    private final Map<String, String> codes = new HashMap<>();
    private final List<Outcome> outcomes = new ArrayList<>();
    /** CC-CEDICT headwords (folded) that are common words (lower-case pinyin). */
    private final Set<String> cedictCommon = new java.util.HashSet<>();
    /** CC-CEDICT's surnames, both scripts (王, 歐陽 / 欧阳), for finding the people the news names. */
    private final Set<String> surnames = new java.util.TreeSet<>();
    /** CC-CEDICT's words whose every sense is a verb (both scripts). */
    private final Set<String> verbs = new java.util.TreeSet<>();
    /**
     * CC-CEDICT's proper names whose every sense is a company of a kind the keyword list of
     * {@code cedict_company_brand_names.tsv} leaves out (an investment bank, a hotel chain, a restaurant:
     * 雷曼兄弟, 希爾頓, 漢堡王), read from the whole dictionary. Platforms and apps (微博, 抖音) are not
     * taken: the news names them mostly as a medium, which the annotation does not count.
     */
    private final List<Map<String, String>> moreCompanies = new ArrayList<>();
    /** CC-CEDICT proper names (folded) that are no company's: places, people, things. */
    private final Set<String> cedictPlace = new java.util.HashSet<>();
    /** Documents of CCTV's 新闻联播 (mainland) and of tw-news-digest (Taiwan) that hold each name. */
    private final Map<String, Integer> mainlandUse = new HashMap<>();
    private final Map<String, Integer> taiwanUse = new HashMap<>();
    /** CCTV documents where a name stands near a company word (公司, 集团, 股份 …). */
    private final Map<String, Integer> mainlandCompanyUse = new HashMap<>();
    private final Map<String, Integer> taiwanCompanyUse = new HashMap<>();
    /** Taiwan documents where a name follows a surname (林佳龍's 佳龍): a given name's use. */
    private final Map<String, Integer> taiwanAfterSurname = new HashMap<>();
    /** Characters on each side of a name in which a company word makes the use a company's. */
    private static final int CONTEXT = 8;
    private static final List<String> CONTEXT_WORDS = List.of("公司", "集团", "股份", "企业", "董事长", "总经理", "有限", "上市", "股价", "营收", "财报", "品牌", "门市", "门店", "旗下", "子公司",
            "股", "涨", "跌", "法说", "员工", "营运", "产品", "客户", "订单", "出货", "获利", "公告", "投资", "营业");
    private long mainlandDocs;
    private long taiwanDocs;
    private final Set<String> displayOnly = new LinkedHashSet<>();
    private final Set<String> handDisplayOnly = new LinkedHashSet<>();
    /** Folded names that Taiwan's news writes as 名稱(代號) at least twice with the same code. */
    private final Set<String> pressWritesWithCode = new java.util.HashSet<>();
    private final dev.zhsearch.entity.CompanyDiscovery discovery = new dev.zhsearch.entity.CompanyDiscovery();
    /** Companies Taiwan's press writes as 名稱(代號), most mentioned first. */
    private List<dev.zhsearch.entity.CompanyDiscovery.Candidate> discovered = List.of();
    private final List<String> blocks = new ArrayList<>();
    private final List<String> placeSuffixes = new ArrayList<>();
    private final List<String> orgSuffixes = new ArrayList<>();
    /** Characters that begin a phrase as often as a name (和 of 和大企业). */
    private final Set<String> functionStarts = new java.util.HashSet<>();

    /** Judges whether an occurrence stands as a word as the matcher would. */
    private final dev.zhsearch.entity.CompanyMatcher words;

    CompanyTablesBuild(UnaryOperator<String> fold, ChineseConverter s2t, ChineseConverter t2s, dev.zhsearch.entity.CompanyMatcher words) {
        this.words = words;
        this.fold = fold;
        this.s2t = s2t;
        this.t2s = t2s;
    }

    /** Claims the hand tables' aliases and codes first: a listing they know joins their id. */
    void claimHandTables(String... resources) throws IOException {
        for (String r : resources) {
            try (InputStream in = CompanyTable.class.getClassLoader().getResourceAsStream(r)) {
                CompanyTable t = CompanyTable.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), r);
                for (Company c : t.companies()) {
                    for (String name : List.of(c.nameHant(), c.nameHans())) {
                        if (c.aliases().stream().noneMatch(a -> Company.aliasText(a).equals(name))) {
                            handDisplayOnly.add(fold.apply(name)); // a hand table's [word]: generated rows keep it so
                        }
                    }
                    List<String> names = new ArrayList<>(c.aliases());
                    names.addAll(List.of(c.nameHant(), c.nameHans()));
                    for (String a : names) {
                        String text = Company.aliasText(a);
                        claims.putIfAbsent(fold.apply(text), c.id());
                        var code = CODE_ALIAS.matcher(text);
                        if (code.find()) {
                            codes.putIfAbsent(code.group(1), c.id());
                        }
                    }
                }
            }
        }
    }

    void readReview(Path file) throws IOException {
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t");
            List<String> phrases = List.of(cols[1].split("\\|"));
            switch (cols[0]) {
                case "display-only" -> phrases.forEach(p -> displayOnly.add(fold.apply(p)));
                case "block" -> blocks.addAll(phrases);
                case "place-suffix" -> phrases.forEach(p -> placeSuffixes.add(fold.apply(p)));
                case "org-suffix" -> phrases.forEach(p -> orgSuffixes.add(fold.apply(p)));
                case "function-start" -> phrases.forEach(p -> functionStarts.add(fold.apply(p)));
                default -> throw new IllegalArgumentException(file + ": unknown kind " + cols[0]);
            }
        }
    }

    /** Reads CC-CEDICT: which headwords are common words, which places or people. */
    void readCedict(Path gz) throws IOException {
        DataTsv.each(gz, c -> {
            if (c.length < 4 || c[2].isEmpty()) {
                return;
            }
            boolean proper = Character.isUpperCase(c[2].charAt(0));
            int length = c[1].codePointCount(0, c[1].length());
            if (proper && (length == 1 && SURNAME_SENSE.matcher(c[3]).find()
                    || length == 2 && (SURNAME_SENSE.matcher(c[3]).find() || c[3].contains("two-character surname") || c[3].contains("compound surname")))) {
                surnames.add(c[0]);
                surnames.add(c[1]);
            }
            if (proper && List.of(c[3].split(" / ")).stream().allMatch(s -> MORE_COMPANY_GLOSS.matcher(s).find() || s.startsWith("also written"))
                    && !NOT_A_COMPANY.matcher(c[3]).find() && !NOT_MORE.matcher(c[3]).find()) {
                moreCompanies.add(Map.of("traditional", c[0], "simplified", c[1], "pinyin_numbered", c[2], "english", c[3]));
            }
            if (!proper && List.of(c[3].split(" / ")).stream().allMatch(s -> s.startsWith("to "))) {
                verbs.add(c[0]);
                verbs.add(c[1]);
            }
            for (String w : new java.util.HashSet<>(List.of(fold.apply(c[0]), fold.apply(c[1])))) {
                if (!proper) {
                    cedictCommon.add(w);
                } else if (!COMPANY_GLOSS.matcher(c[3]).find() || NOT_A_COMPANY.matcher(c[3]).find()) {
                    cedictPlace.add(w);
                }
            }
        });
    }

    /**
     * Counts the documents of a corpus that use each name as a word (folded; nested names too; an
     * occurrence inside another word, as the matcher's word and segment boundaries tell, is none):
     * {@code mainland} for CCTV's 新闻联播, else Taiwan's news.
     */
    void countUse(Path corpus, boolean mainland, Set<String> names, PrintStream out) throws IOException {
        Map<String, String> entries = new HashMap<>();
        for (String n : names) {
            if (n.length() >= 2) {
                entries.put(n, n);
            }
        }
        PrefixDictionary dict = PrefixDictionary.of(entries);
        Map<String, Integer> use = mainland ? mainlandUse : taiwanUse;
        Map<String, Integer> companyUse = mainland ? mainlandCompanyUse : taiwanCompanyUse;
        List<String> contextWords = CONTEXT_WORDS.stream().map(fold).toList();
        long[] docs = new long[1];
        String[] value = new String[1];
        CorpusReaders.standard().readAll(List.of(corpus), new CorpusSink() {
            @Override
            public void accept(SourceDoc doc) {
                String t = fold.apply(doc.title() + "\n" + doc.body());
                if (!mainland) {
                    discovery.scan(doc.title() + "\n" + doc.body());
                }
                Set<String> seen = new java.util.HashSet<>();
                Set<String> asCompany = new java.util.HashSet<>();
                Set<String> afterSurname = new java.util.HashSet<>();
                for (int i = 0; i < t.length(); i++) {
                    for (int len = dict.match(t, i, t.length(), value); len > 0; len = dict.match(t, i, i + len - 1, value)) {
                        if (!words.standsAsWord(t, i, i + len)) {
                            continue; // inside another word: no use of the name (力成 in 努力成为)
                        }
                        if (mainland && beginsLongerName(t, i + len)) {
                            // the head of a longer name (航天科技 of 中国航天科技集团, the state's group, not
                            // the listing): the name alone is what the guard judges. (Taiwan's news
                            // writes a listing's own holding so, 永豐餘投資控股, and seldom puts a company
                            // word near the bare name: there the longer form still counts.)
                            continue;
                        }
                        seen.add(value[0]);
                        if (i > 0 && surnames.contains(t.substring(i - 1, i))) {
                            afterSurname.add(value[0]);
                        }
                        String around = t.substring(Math.max(0, i - CONTEXT), Math.min(t.length(), i + len + CONTEXT));
                        if (contextWords.stream().anyMatch(around::contains)) {
                            asCompany.add(value[0]);
                        }
                    }
                }
                seen.forEach(n -> use.merge(n, 1, Integer::sum));
                asCompany.forEach(n -> companyUse.merge(n, 1, Integer::sum));
                if (!mainland) {
                    afterSurname.forEach(n -> taiwanAfterSurname.merge(n, 1, Integer::sum));
                }
                if (++docs[0] % 40_000 == 0) {
                    out.printf("  %s: %,d documents%n", corpus, docs[0]);
                }
            }

            @Override
            public void skip(ReadProblem problem) {
            }
        });
        if (mainland) {
            mainlandDocs = docs[0];
        } else {
            taiwanDocs = docs[0];
            discovered = discovery.candidates(2, null);
            discovered.forEach(c -> pressWritesWithCode.add(fold.apply(c.name())));
        }
    }

    /** Words after a name that make it part of a longer organisation's name. */
    private static final List<String> LONGER_NAME = List.of("集团", "集團", "公司", "股份", "控股", "有限");

    /** Whether the text at {@code end}, just after a name, continues it into a longer organisation's name. */
    private static boolean beginsLongerName(String text, int end) {
        for (String w : LONGER_NAME) {
            if (text.startsWith(w, end)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Why a name is an ordinary word in general text, or null. A name that 1% of either corpus's
     * documents hold is a word (or a dateline: 日電 in 台北13日電) more than a company; a Taiwan name that
     * CCTV uses, or a mainland name that Taiwan's news uses, is one as well, since neither reports the
     * other side's small listings.
     */
    private String generalUse(String f, String origin) {
        int cn = mainlandUse.getOrDefault(f, 0);
        int tw = taiwanUse.getOrDefault(f, 0);
        if (cn >= 0.01 * Math.max(1, mainlandDocs) || tw >= 0.01 * Math.max(1, taiwanDocs)) {
            return COMMON_WORD + ": in 1% of a corpus's documents (" + cn + " CCTV, " + tw + " Taiwan)";
        }
        int cnCompany = mainlandCompanyUse.getOrDefault(f, 0);
        // full transcripts say 公司 / 集团 near a company they name; Taiwan's one-line digests often do not
        if (!origin.equals("tw") && cn >= COMMON_USE && cnCompany < COMPANY_SHARE * cn && orgSuffixes.stream().noneMatch(f::endsWith)) {
            return "common in CCTV, rarely near a company word (" + cnCompany + " of " + cn + " documents)";
        }
        // fewer documents than judge a share, none of them near a company word, and the name two common
        // words: a phrase of general text (国际+医学, 新+坐标, 西部+建设; not 江淮汽车, 金风科技)
        String parts = origin.equals("cn") && cn >= RARE_USE && cnCompany == 0 ? commonWords(f) : null;
        if (parts != null) {
            return "two common words (" + parts + ") in " + cn + " CCTV documents, never near a company word";
        }
        int twCompany = taiwanCompanyUse.getOrDefault(f, 0);
        // Taiwan's one-line digests name a company with fewer company words around it than CCTV's
        // transcripts: a lower share, for names the lists call Taiwan's (大台北 the region, 台灣大 the university)
        if (origin.equals("tw") && tw >= COMMON_USE && twCompany < TAIWAN_COMPANY_SHARE * tw) {
            return "common in Taiwan's news, rarely near a company word (" + twCompany + " of " + tw + " documents)";
        }
        if (origin.equals("tw") && cn >= OTHER_SIDE_USE_TW) {
            return cn + " CCTV documents (general text for a Taiwan name)";
        }
        if (origin.equals("cn") && tw >= OTHER_SIDE_USE_CN) {
            return tw + " Taiwan documents (general text for a mainland name)";
        }
        return null;
    }

    /** Taiwan documents that must use a two-character name before its uses are judged … */
    static final int PRESS_USE = 5;
    /** … the share of them with a company or market word near it … */
    static final double PRESS_COMPANY_SHARE = 0.5;
    /** … and the share, at most, that put a surname before it. */
    static final double PRESS_SURNAME_SHARE = 0.1;

    /**
     * Whether Taiwan's news uses a two-character listed name as the company's (its alias then names
     * it in Traditional text, {@code @hant}): in enough documents, mostly with a company or market
     * word near it (遠傳 5G 用戶, 健策漲停), seldom after a surname, and no common word, place or person
     * in CC-CEDICT or in general text. (20 names on the 2026 lists; 東陽, a place in CC-CEDICT, is not one.)
     */
    private boolean pressNamesTheCompany(String f) {
        int tw = taiwanUse.getOrDefault(f, 0);
        return tw >= PRESS_USE && taiwanCompanyUse.getOrDefault(f, 0) >= PRESS_COMPANY_SHARE * tw
                && taiwanAfterSurname.getOrDefault(f, 0) <= PRESS_SURNAME_SHARE * tw
                && !cedictCommon.contains(f) && !cedictPlace.contains(f) && generalUse(f, "tw") == null;
    }

    private String ordinary(String name, String origin) {
        String f = fold.apply(name);
        if (f.codePointCount(0, f.length()) < 2) {
            return "one character";
        }
        if (displayOnly.contains(f)) {
            return "reviewed: a word or name";
        }
        if (f.length() <= 3 && f.chars().allMatch(c -> c < 0x80 && Character.isLetter(c))) {
            return "a Latin name of three letters or fewer: an acronym as often (GIS, AES)";
        }
        if (f.codePointCount(0, f.length()) == 2 && f.codePoints().allMatch(Character::isIdeographic) && !pressWritesWithCode.contains(f)) {
            // the audit of 200 random mentions (seed 2601) found two-character listed names inside
            // people's and places' names (林佳龍, 阿戴尔, 伊利哈姆, 大甲); a name Taiwan's press writes as
            // 名稱(代號) (欣興(3037)) is the company's there, as the reviewed discovery table found
            return TWO_CHARACTERS;
        }
        if (handDisplayOnly.contains(f)) {
            return "display-only in a hand table";
        }
        if (cedictCommon.contains(f)) {
            return COMMON_WORD + " in CC-CEDICT";
        }
        if (cedictPlace.contains(f)) {
            return "a place or person in CC-CEDICT";
        }
        String general = generalUse(f, origin);
        if (general != null) {
            return general;
        }
        if (!origin.equals("tw")) {
            for (String s : placeSuffixes) {
                if (f.endsWith(s) && f.length() > s.length()) {
                    return "ends in " + s + " (a facility or medium as often)";
                }
            }
        }
        return null;
    }

    /** {@code f} as two CC-CEDICT common words, "a + b", or null. */
    private String commonWords(String f) {
        for (int i = f.offsetByCodePoints(0, 1); i < f.length(); i = f.offsetByCodePoints(i, 1)) {
            if (cedictCommon.contains(f.substring(0, i)) && cedictCommon.contains(f.substring(i))) {
                return f.substring(0, i) + " + " + f.substring(i);
            }
        }
        return null;
    }

    /**
     * Why a state group's name without its group word reads as a description of an industry (中国 +
     * 交通 + 建设 "China's transport construction", 航天 + 科技, 哈尔滨 + 电气), or null: after the
     * country's name, every part of it is a CC-CEDICT common word or place of two characters or more.
     * A name has a part of its own (中国|诚通, 中国|华能, 中国|中车).
     */
    private String describes(String name) {
        String f = fold.apply(name);
        for (String n : NATIONAL) {
            if (f.startsWith(n) && f.length() > n.length()) {
                f = f.substring(n.length());
                break;
            }
        }
        int[] cps = f.codePoints().toArray();
        // parts[i]: how f's first i characters split into common words and places (null: they do not)
        String[] parts = new String[cps.length + 1];
        parts[0] = "";
        for (int end = 2; end <= cps.length; end++) {
            for (int start = end - 2; start >= 0 && parts[end] == null; start--) {
                String w = new String(cps, start, end - start);
                if (parts[start] != null && (cedictCommon.contains(w) || cedictPlace.contains(w))) {
                    parts[end] = parts[start].isEmpty() ? w : parts[start] + " + " + w;
                }
            }
        }
        return parts[cps.length] == null ? null : "common words and places only (" + parts[cps.length] + "): a description as often";
    }

    /** Why a listed name is the country's name and a common word (中国船舶), or null. */
    private String national(String name) {
        String f = fold.apply(name);
        for (String n : NATIONAL) {
            String rest = f.startsWith(n) ? f.substring(n.length()) : "";
            if (rest.codePointCount(0, rest.length()) >= 2 && (cedictCommon.contains(rest) || cedictPlace.contains(rest))) {
                return "the country's name and a common word (" + n + " + " + rest + "): a phrase as often";
            }
        }
        return null;
    }

    /**
     * How many listings' full names (legal form stripped, folded) end with each word of two to four
     * characters that is shorter than the name: 材料 ends 濟南大自然新材料, 三菱材料 and dozens more.
     * Filled by {@link #names}, which runs before the tables are made.
     */
    private final Map<String, Integer> nameEnds = new HashMap<>();

    private void endsOf(String stem) {
        String f = fold.apply(stem);
        int n = f.codePointCount(0, f.length());
        for (int k = 2; k <= Math.min(4, n - 1); k++) {
            nameEnds.merge(f.substring(f.offsetByCodePoints(0, n - k)), 1, Integer::sum);
        }
    }

    /**
     * A common word that ends this many listings' names or more is what a company is of (材料, 科技,
     * 电子), not a name: 三菱材料公司 and 中国建筑材料集团 are no 材料 (4763)'s.
     */
    static final int GENERIC_HEAD = 5;

    /**
     * A guarded name with a company word after it names the company (大同公司, 泰山企業), except where
     * the name is another company's in a hand table (三星 is Samsung), and except that
     * a common word with 企業 after it is a kind of business (机器人企业, 全国企业), not a name, and a
     * two-character name that begins with a conjunction or preposition takes none (和大企业), nor does a
     * common word that ends {@value #GENERIC_HEAD} listings' names or more (材料).
     */
    private void companyWords(List<String> aliases, String id, String name, String why, String table) {
        String f = fold.apply(name);
        boolean common = why.startsWith(COMMON_WORD) || cedictCommon.contains(f); // 全国企业: enterprises nationwide
        if (common && nameEnds.getOrDefault(f, 0) >= GENERIC_HEAD) {
            return; // 材料公司 is any materials company
        }
        if (f.codePointCount(0, f.length()) == 2 && functionStarts.contains(f.substring(0, f.offsetByCodePoints(0, 1)))) {
            return; // 和大企业 is "and large enterprises", 与大公司 "with big companies"
        }
        String other = claims.get(f);
        if (other != null && !other.equals(id)) {
            return; // 三星公司 and 三星集團 are Samsung's (the hand table's 三星), not San Shing's (5007)
        }
        for (String w : COMPANY_WORDS) {
            if (!(w.equals("企業") && common)) {
                alias(aliases, id, name + w, table);
            }
        }
    }

    /**
     * A display-only name still names its company as an item of a list beside another company
     * (供應福懋、福壽及泰山): {@code ~name}, unless a review says it is a word or name everywhere.
     */
    private void listItem(List<String> aliases, String id, String name, String why, String table) {
        String f = fold.apply(name);
        if (f.codePointCount(0, f.length()) >= 2 && !displayOnly.contains(f)) {
            alias(aliases, id, (inMarket(f, why, table) ? Company.IN_MARKET : Company.IN_LISTS) + name, table);
        }
    }

    /**
     * Whether a guarded name also names its company beside a word of the stock market: guarded only
     * for being two characters (力成, 台糖), not a common word, place or person in CC-CEDICT or in
     * general text (國安 national security, 全國, 值得買 "worth buying" stay list items only).
     */
    private boolean inMarket(String f, String why, String table) {
        return why.equals(TWO_CHARACTERS) && !cedictCommon.contains(f) && !cedictPlace.contains(f) && generalUse(f, table) == null;
    }

    /** Adds an alias unless another id has it; reports the conflict. */
    private void alias(List<String> aliases, String id, String alias, String table) {
        String key = fold.apply(Company.aliasText(alias));
        if (key.codePointCount(0, key.length()) < 2) {
            return;
        }
        String owner = claims.putIfAbsent(key, id);
        if (owner == null || owner.equals(id)) {
            if (!aliases.contains(alias)) {
                aliases.add(alias);
            }
        } else {
            outcomes.add(new Outcome(table, alias, id, alias, "alias left out: " + owner + " has it"));
        }
    }

    /** The id a hand table gives this listing by its short name, full name or full name without its legal form; else {@code fresh}. */
    private String known(String shortName, String full, String fresh) {
        List<String> names = new ArrayList<>(List.of(shortName, full, stripLegal(full)));
        if (stripLegal(full).endsWith("集团")) {
            names.add(stripLegal(full).substring(0, stripLegal(full).length() - 2)); // 中国石油化工集团 is 中国石油化工's
        }
        for (String n : names) {
            String id = n.isEmpty() ? null : claims.get(fold.apply(n));
            if (id != null && !id.startsWith("tw-") && !id.startsWith("cn-")) {
                return id;
            }
        }
        return fresh;
    }

    /** Whether a display name may match: its folded form is this id's (a table's names are aliases too). */
    private boolean owns(String id, String name) {
        return id.equals(claims.get(fold.apply(name)));
    }

    private static String stripLegal(String name) {
        return LEGAL.matcher(name).replaceFirst("");
    }

    /** A group's word at the end of a state group's name (中国诚通控股集团, 中国华能集团, 华润（集团）). */
    private static final java.util.regex.Pattern GROUP_WORD = java.util.regex.Pattern.compile("(控股集团|（集团）控股|（集团）|集团|控股)$");
    /** Fewest characters a state group's name keeps without its group word (中国诚通, 中国华能; not 鞍钢). */
    static final int MIN_BARE_NAME = 4;

    /**
     * A state group's name without its group word, as the news names the group (中国诚通 of
     * 中国诚通控股集团, 中国华能 of 中国华能集团), or null: none to drop, or fewer than
     * {@value #MIN_BARE_NAME} characters would stay.
     */
    static String withoutGroupWord(String stem) {
        String bare = GROUP_WORD.matcher(stem).replaceFirst("");
        return bare.equals(stem) || bare.codePointCount(0, bare.length()) < MIN_BARE_NAME ? null : bare;
    }

    private static boolean yearLike(String code) {
        return code.length() == 4 && (code.startsWith("19") || code.startsWith("20"));
    }

    /**
     * A listing's short name without its market marks (-KY, -DR, -創, *, or * and one of the others). The weekly ISIN list is Big5
     * at the source, and a character Big5 lacks (碁 of 宏碁, 恒) arrives there as U+FFFD: then the
     * OpenAPI's short name ({@code alt_short_name}), or none.
     */
    static String taiwanShort(Map<String, String> r) {
        String listed = r.get("short_name");
        String name = listed.indexOf('\uFFFD') < 0 ? listed : r.getOrDefault("alt_short_name", "");
        // the marks may come together, in any order: 太景*-KY, 成信實業*-創, 錼創科技-KY創
        String bare = name.strip();
        for (String before = ""; !bare.equals(before); ) {
            before = bare;
            bare = bare.replaceAll("[-*]?(KY|DR|創)$|\\*$", "").strip();
        }
        return bare;
    }

    private static String mainlandShort(Map<String, String> r) {
        return ST_PREFIX.matcher(Normalizer.normalize(r.get("short_name_nfkc"), Normalizer.Form.NFKC).replace(" ", ""))
                .replaceFirst("").replaceAll("(?<=\\p{IsHan})[AB]$", "");
    }

    /**
     * Every name the tables may match on its own, folded: what {@link #countUse} counts. And, from the
     * listings' full names, the words that end many of them ({@link #nameEnds}).
     */
    Set<String> names(Path tw, Path cn, Path soe, Path brands) throws IOException {
        Set<String> names = new java.util.HashSet<>();
        for (Map<String, String> r : DataTsv.records(tw)) {
            String stem = stripLegal(r.getOrDefault("full_name", ""));
            names.add(fold.apply(taiwanShort(r)));
            names.add(fold.apply(stem));
            endsOf(stem);
        }
        for (Map<String, String> r : DataTsv.records(cn)) {
            String stem = stripLegal(r.getOrDefault("full_name", ""));
            names.add(fold.apply(mainlandShort(r)));
            names.add(fold.apply(stem));
            endsOf(stem);
        }
        for (Map<String, String> r : DataTsv.records(soe)) {
            names.add(fold.apply(stripLegal(r.get("name"))));
            names.add(fold.apply(stripLegal(r.getOrDefault("alt_name", ""))));
            String bare = withoutGroupWord(stripLegal(r.get("name").strip()));
            if (bare != null) {
                names.add(fold.apply(bare));
            }
        }
        for (Map<String, String> r : cedictEntries(brands)) {
            names.add(fold.apply(r.get("simplified")));
        }
        names.remove("");
        return names;
    }

    /** Every TWSE, TPEx and emerging-market listing ({@code tw_companies.tsv}). */
    List<Row> taiwan(Path tsv) throws IOException {
        List<Row> rows = new ArrayList<>();
        Set<String> listed = new java.util.HashSet<>();
        for (Map<String, String> r : DataTsv.records(tsv)) {
            String code = r.get("code");
            listed.add(code);
            String shortName = taiwanShort(r);
            String full = r.getOrDefault("full_name", "");
            if (shortName.isEmpty()) {
                continue;
            }
            // not by short name alone: 中石化 is Sinopec on the mainland and 中國石油化學工業開發 (1314) in Taiwan
            String id = codes.getOrDefault(code, known("", full, "tw-" + code));
            String why = ordinary(shortName, "tw");
            List<String> aliases = new ArrayList<>();
            if (why == null) {
                alias(aliases, id, shortName, "tw");
                if (!r.get("short_name").equals(shortName) && r.get("short_name").indexOf('\uFFFD') < 0) {
                    alias(aliases, id, r.get("short_name"), "tw");
                }
            } else {
                companyWords(aliases, id, shortName, why, "tw");
                if (why.equals(TWO_CHARACTERS) && pressNamesTheCompany(fold.apply(shortName))) {
                    // Taiwan's news names the company so: there the name alone is the company's (遠傳,
                    // 健策), in place of its forms beside a market word or in a list; CCTV's text is no
                    // evidence (家登 of 百余家登上, 精测 of 精测风云)
                    alias(aliases, id, shortName + "@hant", "tw");
                    why = TWO_CHARACTERS + "; in Taiwan's script the name alone: Taiwan's news names the company so";
                } else {
                    listItem(aliases, id, shortName, why, "tw");
                }
            }
            // the code alone where it cannot be a year, so that a mention stays on the name (台積電（2330）)
            alias(aliases, id, yearLike(code) ? shortName + "(" + code + ")" : "(" + code + ")", "tw");
            if (!full.isEmpty()) {
                alias(aliases, id, full, "tw");
                String stem = stripLegal(full);
                if (!stem.equals(full) && ordinary(stem, "tw") == null) {
                    alias(aliases, id, stem, "tw");
                }
            }
            String en = r.getOrDefault("english_short", "").isBlank() ? shortName : r.get("english_short").strip().replaceAll("-KY$", "");
            rows.add(new Row(id, shortName, t2s.convert(shortName), en, why != null || !owns(id, shortName) || !owns(id, t2s.convert(shortName)), aliases));
            outcomes.add(new Outcome("tw", code, id, shortName, why == null ? "matched" : "display-only: " + why));
        }
        // what the press writes as 名稱(代號) but the lists lack (delisted, or newer than the snapshot: 長亨精密 (4546));
        // 00… codes are ETFs
        for (var c : discovered) {
            if (listed.contains(c.code()) || codes.containsKey(c.code()) || yearLike(c.code()) || c.code().startsWith("00") || c.name().length() > 8) {
                continue;
            }
            String id = known(c.name(), "", "tw-" + c.code());
            String why = ordinary(c.name(), "tw");
            List<String> aliases = new ArrayList<>();
            if (why == null) {
                alias(aliases, id, c.name(), "tw-press");
            }
            alias(aliases, id, "(" + c.code() + ")", "tw-press");
            rows.add(new Row(id, c.name(), t2s.convert(c.name()), c.name(), why != null || !owns(id, c.name()), aliases));
            outcomes.add(new Outcome("tw-press", c.code(), id, c.name(), (why == null ? "matched" : "display-only: " + why)
                    + " (" + c.mentions() + " mentions as 名稱(代號), not in the lists)"));
        }
        return rows;
    }

    /** Mainland A-shares ({@code a_share_companies.tsv}; B-shares are the same companies and left out). */
    List<Row> mainland(Path tsv) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (Map<String, String> r : DataTsv.records(tsv)) {
            String code = r.get("code");
            if (r.get("board").contains("B") || code.startsWith("200") || code.startsWith("900")) {
                continue;
            }
            String shortName = mainlandShort(r);
            if (shortName.isEmpty() || !shortName.codePoints().anyMatch(Character::isIdeographic)) {
                continue;
            }
            String full = r.getOrDefault("full_name", "");
            String own = "cn-" + code;
            String id = known(shortName, full, own);
            // a hand table's company keeps the name it has there; with 集团 such a name is the state's
            // group, not the listing (中国黄金集团 is the SOE, 中国黄金 its listed arm), whatever else guards it
            String national = id.equals(own) ? national(shortName) : null;
            String why = national != null ? national : ordinary(shortName, "cn");
            List<String> aliases = new ArrayList<>();
            if (why == null) {
                alias(aliases, id, shortName, "cn");
            } else {
                if (national == null) {
                    companyWords(aliases, id, shortName, why, "cn");
                }
                alias(aliases, id, shortName + "股份", "cn");
                listItem(aliases, id, shortName, why, "cn");
            }
            alias(aliases, id, shortName + "(" + code + ")", "cn");
            if (!full.isEmpty()) {
                // the full name only: its stem is often the parent group's name too (中国船舶重工 in 中国船舶重工集团)
                alias(aliases, id, full, "cn");
            }
            rows.add(new Row(id, s2t.convert(shortName), shortName, shortName, why != null || !owns(id, shortName), aliases));
            outcomes.add(new Outcome("cn", code, id, shortName, why == null ? "matched" : "display-only: " + why));
        }
        return rows;
    }

    /** Central state-owned and financial enterprises ({@code central_soe.tsv}; cultural ones, publishers and media, are left out). */
    List<Row> stateOwned(Path tsv) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (Map<String, String> r : DataTsv.records(tsv)) {
            if (r.get("category").equals("mof_cultural")) {
                continue;
            }
            String full = r.get("name").strip();
            String stem = stripLegal(full);
            String id = known("", full, "soe-" + r.get("category").replace('_', '-') + "-" + r.get("seq"));
            List<String> aliases = new ArrayList<>();
            alias(aliases, id, full, "soe");
            String why = ordinary(stem, "cn");
            if (why == null) {
                alias(aliases, id, stem, "soe");
            }
            // the group as the news names it, without its group word, where that is no word or phrase of
            // general text by the same data (中国诚通, 中国华能; not 中国建筑, 中国船舶, 中国大唐)
            String bare = withoutGroupWord(stem);
            if (bare != null) {
                String bareWhy = ordinary(bare, "cn");
                if (bareWhy == null) {
                    bareWhy = national(bare);
                }
                if (bareWhy == null) {
                    bareWhy = describes(bare);
                }
                if (bareWhy == null) {
                    alias(aliases, id, bare, "soe");
                }
                outcomes.add(new Outcome("soe-bare", r.get("category") + "-" + r.get("seq"), id, bare, bareWhy == null ? "matched" : "left out: " + bareWhy));
            }
            String alt = r.getOrDefault("alt_name", "").strip();
            if (!alt.isEmpty()) {
                alias(aliases, id, alt, "soe");
                if (ordinary(stripLegal(alt), "cn") == null) {
                    alias(aliases, id, stripLegal(alt), "soe");
                }
            }
            rows.add(new Row(id, s2t.convert(stem), stem, stem, why != null || !owns(id, stem), aliases));
            outcomes.add(new Outcome("soe", r.get("category") + "-" + r.get("seq"), id, stem, why == null ? "matched" : "full name only: " + why));
        }
        return rows;
    }

    /** CC-CEDICT's company and brand names whose every sense is a company (三星 the township, 福克斯 the car are not). */
    List<Row> cedictCompanies(Path tsv) throws IOException {
        List<Row> rows = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (Map<String, String> r : cedictEntries(tsv)) {
            String gloss = r.get("english");
            List<String> senses = List.of(gloss.split(" / "));
            boolean every = senses.stream().allMatch(s -> COMPANY_GLOSS.matcher(s).find() || s.startsWith("abbr. for") || s.startsWith("also written"));
            String trad = r.get("traditional");
            String simp = r.get("simplified");
            String verdict;
            String why = ordinary(simp, "brand");
            if (!every || NOT_A_COMPANY.matcher(gloss).find()) {
                verdict = "left out: not every sense a company";
            } else if (why != null) {
                verdict = "left out: " + why;
            } else if (trad.codePoints().noneMatch(Character::isIdeographic)) {
                verdict = "left out: no Chinese name";
            } else {
                String en = senses.getFirst().replaceAll("[,(].*", "").strip();
                String slug = en.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
                // 微軟公司 is the hand table's 微軟 with a company word after it: the same company, not a brand of its own
                String id = claims.getOrDefault(fold.apply(trad), claims.getOrDefault(fold.apply(withoutCompanyWord(trad)),
                        "brand-" + (slug.isEmpty() ? "x" : slug)));
                while (id.startsWith("brand-") && !ids.add(id)) {
                    id = id + "-2";
                }
                List<String> aliases = new ArrayList<>();
                alias(aliases, id, trad, "cedict");
                alias(aliases, id, simp, "cedict");
                if (!aliases.isEmpty() || !id.startsWith("brand-")) {
                    rows.add(new Row(id, trad, simp, en.isEmpty() ? trad : en, !owns(id, trad) || !owns(id, simp), aliases));
                }
                verdict = "matched";
            }
            outcomes.add(new Outcome("cedict", trad, "", trad, verdict + ": " + gloss));
        }
        return rows;
    }

    /** The company and brand list's entries, then the whole dictionary's further companies ({@link #moreCompanies}; after {@link #readCedict}). */
    private List<Map<String, String>> cedictEntries(Path subset) throws IOException {
        List<Map<String, String>> entries = new ArrayList<>(DataTsv.records(subset));
        Set<String> listed = entries.stream().map(r -> r.get("traditional")).collect(java.util.stream.Collectors.toSet());
        moreCompanies.stream().filter(r -> !listed.contains(r.get("traditional"))).forEach(entries::add);
        return entries;
    }

    /**
     * A name without the company word it ends with (微軟公司 → 微軟, 宏碁集團 → 宏碁), unless what is left
     * ends with one too (中國石油天然氣集團公司 is the group, not the listed 中國石油天然氣).
     */
    static String withoutCompanyWord(String name) {
        for (String w : List.of("公司", "集團", "集团")) {
            if (name.endsWith(w) && name.length() > w.length() + 1) {
                String stem = name.substring(0, name.length() - w.length());
                return stem.endsWith("集團") || stem.endsWith("集团") ? name : stem;
            }
        }
        return name;
    }

    /** Whether a word is one of CC-CEDICT's surnames (either script). */
    boolean surname(String word) {
        return surnames.contains(word);
    }

    /** Whether a folded word is a common word in CC-CEDICT (lower-case pinyin). */
    boolean cedictCommon(String folded) {
        return cedictCommon.contains(folded);
    }

    /** Whether a folded word is a CC-CEDICT proper name that is no company's (a place, a person). */
    boolean cedictPlace(String folded) {
        return cedictPlace.contains(folded);
    }

    List<Outcome> outcomes() {
        return outcomes;
    }

    List<String> blocks() {
        return blocks;
    }

    static void write(Path file, String header, List<Row> rows, List<String> blocks) throws IOException {
        StringBuilder sb = new StringBuilder(header);
        if (!blocks.isEmpty()) {
            sb.append(CompanyTable.BLOCK).append('\t').append(String.join("|", blocks)).append('\n');
        }
        for (Row r : rows) {
            sb.append(r.line()).append('\n');
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, sb);
    }

    /** Writes the surnames read from CC-CEDICT as a people rule file ({@code surname<TAB>…}). */
    void writeSurnames(Path file, String header) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, header + "surname\t" + String.join("|", surnames) + "\n");
    }

    /**
     * Writes the words every sense of which CC-CEDICT glosses as a verb ("to …"), for the recogniser:
     * a name before a plain 公司 does not begin with one (惊悉|印尼狮航公司, 帶回|中聯公司).
     */
    void writeVerbs(Path file, String header) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, header + "verb\t" + String.join("|", verbs) + "\n");
    }

    /**
     * Writes CC-CEDICT's common words (not proper names) of two characters or more, folded, for the
     * recogniser: a name before a plain 公司 begins (after places) with a word that is none of these
     * (萬佳食品公司), where a description begins with a common word (集裝箱班輪公司).
     */
    void writeCommonWords(Path file, String header) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, header + "common\t" + String.join("|", new java.util.TreeSet<>(cedictCommon.stream()
                .filter(w -> w.codePointCount(0, w.length()) >= 2 && w.codePoints().allMatch(Character::isIdeographic)).toList())) + "\n");
    }

    int verbCount() {
        return verbs.size();
    }

    int surnameCount() {
        return surnames.size();
    }

    static void writeReport(Path file, List<Outcome> outcomes) throws IOException {
        StringBuilder sb = new StringBuilder("table\tkey\tid\tname\tverdict\n");
        for (Outcome o : outcomes) {
            sb.append(o.table()).append('\t').append(o.key()).append('\t').append(o.id()).append('\t').append(o.name()).append('\t').append(o.verdict()).append('\n');
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, sb);
    }
}

package dev.zhsearch.entity;

import dev.zhsearch.analysis.hhmm.HhmmSegmenter;
import dev.zhsearch.text.RuleFiles;
import dev.zhsearch.convert.PrefixDictionary;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Companies no table knows, recognised by how their names end: a legal form (山西烁科晶体有限公司),
 * a group word (中船重工集团), or, by stricter rules ({@link #plainNameStart}), a plain 公司 (临汾钢铁公司). The name runs left from that ending over smartcn words until a
 * stop word (a verb, preposition, determiner or adjective: 来到|北京能源投资集团) or punctuation; a name
 * holding a "not" word is no company (诈骗集团, 二十国集团) and one made only of generic words is a
 * description (传媒集团). The id is {@link #PREFIX} + the folded name without its legal form, so 山西
 * 烁科晶体有限公司 and 山西爍科晶體有限公司 are one facet value. Rules are data: {@code entities/org-names.txt},
 * extended by {@code conf/entities/org-names.txt} beside the project.
 */
public final class OrgNames {

    /** Id prefix of a recognised (untabled) company. */
    public static final String PREFIX = "org:";
    static final String RESOURCE = "entities/org-names.txt";
    /** Longest name looked at, in characters left of the ending: a longer run has no visible start. */
    static final int MAX_NAME = 16;
    /** Longest name before a group word (集团 is also a bloc or a ring after a long description). */
    static final int MAX_GROUP_NAME = 8;
    private static final String LEGAL = "legal";
    private static final String GROUP = "group";
    private static final String PLAIN = "plain";
    /** CC-CEDICT's verbs (written by {@code ./zhsearch entities tables}): no name before a plain 公司 begins with one. */
    static final String VERBS = "entities/verbs.txt";
    /** CC-CEDICT's common words (written by {@code ./zhsearch entities tables}): a name before a plain 公司 begins with a word that is none. */
    static final String COMMON = "entities/common-words.txt";
    /** A count of companies (一家, 幾家, 多家) or of kinds (各類) inside a run makes it a description. */
    private static final java.util.regex.Pattern COUNTED = java.util.regex.Pattern.compile("[一二两三四五六七八九十几多数每各某该这那][家间类种个批些]");
    /** Fewest characters of a name before a plain 公司 (網貸公司, 老郭公司 are kinds and people, 吉祥搬家公司 a name). */
    static final int MIN_PLAIN_NAME = 4;
    /** Longest name before a plain 公司. */
    static final int MAX_PLAIN_NAME = 10;
    /** After a place, the word that makes the rest its national company's name (folded 國家). */
    private static final String NATIONAL = "国家";
    /** Before a plain 公司, these make it a part of another company (分公司, 子公司, 母公司). */
    private static final String NOT_BEFORE_PLAIN = "分子母";
    /** Trails a group word as a legal form would (集团公司). */
    private static final String GROUP_COMPANY = "公司";

    private final PrefixDictionary endings;
    private final PrefixDictionary legalForms;
    private final PrefixDictionary notAfter;
    private final Set<String> stop;
    private final Set<String> not;
    private final Set<String> generic;
    private final Set<String> extending;
    private final Set<String> keepAfter;
    private final PrefixDictionary market;
    private final Set<String> verbs;
    private final Set<String> places;
    private final Set<String> common;
    /** {@code thingafter} phrases (value {@link #THING}) and the longer {@code companyafter} ones that begin like them (value {@link #COMPANY}). */
    private final PrefixDictionary thingAfter;
    private final PhrasesBefore thingBefore;
    private final PhrasesBefore titles;
    private final String placeAfter;
    /** {@code listend}: what follows the last item of a list of firms (等企業, 等多家公司), value {@link #LIST_END}; {@code notlistend} the longer phrases that do not (等企業家), value {@link #NOT_LIST_END}. */
    private final PrefixDictionary listEnds;
    /** {@code ownword}: a company's own things (股價, 董座, 營收): a name kept for lists right before one names its company. */
    private final PrefixDictionary ownWords;
    /** {@code kindbefore}: a kind of company right before a Latin name makes it a company's (德商Kontron, 美國品牌OCTROT). */
    private final PhrasesBefore kindsBefore;
    /** {@code notfirmend}: how an institution's name ends (警政署, 商工會議所): no item of a list of firms ends so. */
    private final Set<String> notFirmEnds;

    private static final String THING = "thing";
    private static final String COMPANY = "company";
    private static final String LIST_END = "list end";
    private static final String NOT_LIST_END = "no list end";

    private OrgNames(Rules r) {
        this.endings = PrefixDictionary.of(r.endings);
        this.legalForms = PrefixDictionary.of(r.legal);
        this.notAfter = PrefixDictionary.of(r.notAfter);
        this.stop = Set.copyOf(r.stop);
        this.not = Set.copyOf(r.not);
        this.generic = Set.copyOf(r.generic);
        this.extending = Set.copyOf(r.extending);
        this.keepAfter = Set.copyOf(r.keepAfter);
        this.market = PrefixDictionary.of(r.market);
        this.verbs = Set.copyOf(r.verbs);
        this.places = Set.copyOf(r.places);
        this.common = Set.copyOf(r.common);
        this.thingAfter = PrefixDictionary.of(r.thingAfter);
        this.thingBefore = PhrasesBefore.of(r.thingBefore);
        this.titles = PhrasesBefore.of(r.titles);
        this.placeAfter = String.join("", r.placeAfter);
        this.listEnds = PrefixDictionary.of(r.listEnds);
        this.ownWords = PrefixDictionary.of(r.ownWords);
        this.notFirmEnds = Set.copyOf(r.notFirmEnds);
        this.kindsBefore = PhrasesBefore.of(r.kindsBefore);
    }

    /**
     * Whether a word right after a company's name ending at {@code end} of folded {@code t} makes the
     * mention a thing named after it ({@code thingafter}): a stadium, a team, a laboratory, a department,
     * a car or its driver (梅賽德斯-賓士體育場, 廣州恒大足球隊, 綠色動力實驗室, 馬來西亞航空部門, 賓士車,
     * 賓士女); unless a longer {@code companyafter} word begins there (賓士車廠, 台積電女員工).
     */
    boolean thingAfter(String t, int end) {
        String[] value = new String[1];
        return thingAfter.match(t, end, t.length(), value) > 0 && THING.equals(value[0]);
    }

    /**
     * Whether {@code t} ends at {@code start} with a {@code thingbefore} phrase (開, 駕駛, 紅色): the
     * caller then asks the segmenter whether it is a word there ({@link #thingBefore(String)}).
     */
    boolean mayBeThingBefore(String t, int start) {
        return thingBefore.endAt(t, start);
    }

    /** Phrases looked for where they end, right before a name: the set and its longest phrase's length. */
    private record PhrasesBefore(Set<String> phrases, int longest) {
        static PhrasesBefore of(Set<String> phrases) {
            return new PhrasesBefore(Set.copyOf(phrases), phrases.stream().mapToInt(String::length).max().orElse(0));
        }

        /** Whether one of the phrases ends at {@code at} of {@code t}. */
        boolean endAt(String t, int at) {
            for (int len = 1; len <= Math.min(longest, at); len++) {
                if (phrases.contains(t.substring(at - len, at))) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * The conjunctions (folded) that join two names: no person's name runs across one from a title to a
     * company's name (州長和谷歌高管), and they join the last items of a list of firms (洪瑞珍及愛之味).
     */
    private static final String LIST_WORDS = "和与及跟同、";

    /** Most characters between a person's title and a company's name for the name to be part of the person's (市長|萊特|福特). */
    static final int TITLE_GAP = 2;

    /**
     * Whether a person's title ({@code titlebefore}) ends right before {@code start} of folded {@code t}, or
     * at most {@value #TITLE_GAP} Han characters before it: the name is then part of the person's
     * (總理|海爾|馬里亞姆, 助理國務卿|福特, 市長萊特|福特, 總統阿|戴爾).
     */
    boolean afterTitle(String t, int start) {
        for (int gap = 0; gap <= TITLE_GAP && gap <= start; gap++) {
            int at = start - gap;
            if (gap > 0 && (!Character.isIdeographic(t.codePointAt(at)) || LIST_WORDS.indexOf(t.charAt(at)) >= 0)) {
                return false; // (前州長和|谷歌高管: two people, one of them a company's)
            }
            if (titles.endAt(t, at)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code c} may be a one-character word that makes the name before it a place's ({@code placeafter}: 伊利|湖, 夏普|山, 康普頓|市). */
    boolean mayBePlaceAfter(char c) {
        return placeAfter.indexOf(c) >= 0;
    }

    /** Whether a word right before a company's name makes the mention a thing, a car driven or bought (開|賓士, 駕駛|特斯拉, 紅色|法拉利). */
    boolean thingBefore(String word) {
        return thingBefore.phrases().contains(word);
    }

    /**
     * Whether a folded phrase is one of the rules' own words, none of which is a company's name: a
     * stop word, a "not" word, a generic word or a word of the market (上櫃, 新創, 股價).
     */
    boolean ruleWord(String folded) {
        String[] value = new String[1];
        return stop.contains(folded) || not.contains(folded) || generic.contains(folded)
                || market.match(folded, 0, folded.length(), value) == folded.length();
    }

    /** Whether a folded word is a generic word of the rules (科技, 电力, 航空: a name made only of these is a description). */
    boolean genericWord(String folded) {
        return generic.contains(folded);
    }

    /** Whether a word of a company's own things ({@code ownword}: 股價, 董座, 營收) begins at {@code at} of folded, lower-cased {@code t}. */
    boolean ownWordAt(String t, int at) {
        return at < t.length() && ownWords.match(t, at, t.length(), new String[1]) > 0;
    }

    /** Whether a word of the stock market ({@code market}) begins at {@code at} of folded, lower-cased {@code t}. */
    boolean marketWordAt(String t, int at) {
        return at < t.length() && market.match(t, at, t.length(), new String[1]) > 0;
    }

    /** What a headline may put between a company and a word of the market: a period (7月, 第二季及上半年, Q2, 2026年). */
    private static final java.util.regex.Pattern PERIOD = java.util.regex.Pattern.compile("[0-9０-９一二三四五六七八九十上下半前第季年月度及q ]{0,10}");

    /** Whether a word of the market follows {@code end} of folded, lower-cased {@code t}, after a period at most. */
    boolean periodThenMarketWord(String t, int end) {
        java.util.regex.Matcher m = PERIOD.matcher(t).region(end, t.length());
        for (int to = m.lookingAt() ? m.end() : end; to >= end; to--) { // the period may hold a market word's first character
            if (marketWordAt(t, to)) {
                return true;
            }
        }
        return false;
    }

    /** Characters on each side of a name in which a word of the stock market makes it its company's. */
    static final int MARKET_WINDOW = 10;

    /**
     * Whether a word of the stock market ({@code market}: 股價, 營收, 漲停, 法說會) stands within
     * {@link #MARKET_WINDOW} characters of {@code [start, end)} in folded, lower-cased {@code t}: a name
     * the tables keep for lists, as it is also a word or part of a name (力成, 台糖, 友訊), there names
     * the listed company (力成股價, 台糖營收).
     */
    boolean nearMarketWord(String t, int start, int end) {
        String[] value = new String[1];
        int from = Math.max(0, start - MARKET_WINDOW);
        int to = Math.min(t.length(), end + MARKET_WINDOW);
        for (int i = from; i < to; i++) {
            if (i >= start && i < end) {
                continue;
            }
            int len = market.match(t, i, to, value);
            if (len > 0 && (i + len <= start || i >= end)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a product's or model's name in Latin letters follows a company's name that ends at
     * {@code end} of folded, lower-cased {@code t} ({@code cased}: the same before lower-casing): a word
     * of two or more letters and digits that begins with a capital letter (三星Galaxy, Toyota Hilux, BMW
     * X1, DeepSeek V4), or a plus (Disney+), unless it is a word that keeps the company's (Toyota Motor,
     * Apple CEO, Meta Q2: {@code keepafter}). A lower-case word is English text going on (TSMC raises
     * capex); a code with a hyphen is a drug's or a project's whose maker the text reports on
     * (思捷優達YA-101二期收案), as the annotated samples count it.
     */
    boolean productAfter(String t, String cased, int end) {
        int n = t.length();
        if (end < n && t.charAt(end) == '+') {
            return true;
        }
        int from = end < n && t.charAt(end) == ' ' ? end + 1 : end;
        int i = from;
        while (i < n && (isLatin(t.charAt(i)) || Character.isDigit(t.charAt(i)))) {
            i++;
        }
        String word = t.substring(from, i);
        return word.length() >= 2 && isLatin(word.charAt(0)) && (i == n || t.charAt(i) != '-')
                && aligned(t, cased) && Character.isUpperCase(cased.charAt(from))
                && !keepAfter.contains(word);
    }

    /** Whether {@code cased}, the text before lower-casing, lines up with folded {@code t} character for character. */
    private static boolean aligned(String t, String cased) {
        return cased != null && cased.length() == t.length();
    }

    /** The text a found name's id is taken from: its case as written where that lines up, else the folded text. */
    private static String idText(String t, String cased) {
        return aligned(t, cased) ? cased : t;
    }

    private static boolean isLatin(char c) {
        return c < 0x80 && Character.isLetter(c);
    }

    /**
     * The shipped rules, then the user's {@code conf/entities/org-names.txt} beside the project if
     * there is one (its phrases add to the shipped ones), folded with {@code fold} (the matcher's folding).
     */
    static OrgNames standard(UnaryOperator<String> fold) {
        Rules rules = new Rules(fold);
        RuleFiles.shippedThenLocal(CompanyTable.LOCAL_DIR.resolve("org-names.txt"), rules::read, RESOURCE, VERBS, COMMON);
        return rules.build(RESOURCE);
    }

    static OrgNames read(Reader reader, String name, UnaryOperator<String> fold) {
        Rules rules = new Rules(fold);
        rules.read(reader, name);
        return rules.build(name);
    }

    /**
     * The rules of a directory that holds what the library ships ({@code org-names.txt}, and the
     * {@code verbs.txt} and {@code common-words.txt} it was written with, when they are there), say an
     * earlier version's, to compare with; only those files, neither the shipped nor the local ones.
     */
    static OrgNames fromDirectory(java.nio.file.Path dir, UnaryOperator<String> fold) {
        Rules rules = new Rules(fold);
        for (String resource : List.of(RESOURCE, VERBS, COMMON)) {
            java.nio.file.Path file = dir.resolve(resource.substring(resource.lastIndexOf('/') + 1));
            if (java.nio.file.Files.isRegularFile(file)) {
                try (Reader in = java.nio.file.Files.newBufferedReader(file)) {
                    rules.read(in, file.toString());
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(file.toString(), e);
                }
            }
        }
        return rules.build(dir.resolve("org-names.txt").toString());
    }

    /** Rule lines of one or more files, gathered before the dictionaries are built. */
    private static final class Rules {
        private final UnaryOperator<String> fold;
        private final Map<String, String> endings = new HashMap<>();
        private final Map<String, String> legal = new HashMap<>();
        private final Map<String, String> notAfter = new HashMap<>();
        private final Set<String> stop = new HashSet<>();
        private final Set<String> not = new HashSet<>();
        private final Set<String> generic = new HashSet<>();
        private final Set<String> extending = new HashSet<>();
        private final Set<String> keepAfter = new HashSet<>();
        private final Map<String, String> market = new HashMap<>();
        private final Set<String> verbs = new HashSet<>();
        private final Set<String> places = new HashSet<>();
        private final Set<String> common = new HashSet<>();
        private final Map<String, String> thingAfter = new HashMap<>();
        private final Set<String> thingBefore = new HashSet<>();
        private final Set<String> titles = new HashSet<>();
        private final Set<String> placeAfter = new HashSet<>();
        private final Map<String, String> listEnds = new HashMap<>();
        private final Map<String, String> ownWords = new HashMap<>();
        private final Set<String> notFirmEnds = new HashSet<>();
        private final Set<String> kindsBefore = new HashSet<>();

        Rules(UnaryOperator<String> fold) {
            this.fold = fold;
        }

        void read(Reader reader, String name) {
            RuleFiles.kindPhrases(reader, name, fold, (kind, phrase, where) -> {
                switch (kind) {
                    case LEGAL -> {
                        endings.put(phrase, LEGAL);
                        legal.put(phrase, LEGAL);
                    }
                    case GROUP -> endings.put(phrase, GROUP);
                    case PLAIN -> endings.put(phrase, PLAIN);
                    case "verb" -> verbs.add(phrase);
                    case "place" -> places.add(phrase);
                    case "common" -> common.add(phrase);
                    case "thingafter" -> thingAfter.put(phrase, THING);
                    case "companyafter" -> thingAfter.put(phrase, COMPANY);
                    case "thingbefore" -> thingBefore.add(phrase);
                    case "titlebefore" -> titles.add(phrase);
                    case "listend" -> listEnds.put(phrase, LIST_END);
                    case "notlistend" -> listEnds.put(phrase, NOT_LIST_END);
                    case "notfirmend" -> notFirmEnds.add(phrase);
                    case "kindbefore" -> kindsBefore.add(phrase);
                    case "ownword" -> ownWords.put(phrase.toLowerCase(java.util.Locale.ROOT), phrase);
                    case "placeafter" -> {
                        if (phrase.length() != 1) {
                            throw new IllegalArgumentException(where + ": placeafter takes one-character words ('" + phrase + "')");
                        }
                        placeAfter.add(phrase);
                    }
                    case "stop" -> stop.add(phrase);
                    case "not" -> not.add(phrase);
                    case "generic" -> generic.add(phrase);
                    case "extends" -> extending.add(phrase);
                    case "notafter" -> notAfter.put(phrase, phrase);
                    case "keepafter" -> keepAfter.add(phrase.toLowerCase(java.util.Locale.ROOT));
                    case "market" -> market.put(phrase.toLowerCase(java.util.Locale.ROOT), phrase);
                    default -> throw new IllegalArgumentException(where + ": unknown kind '" + kind
                            + "' (legal, group, plain, stop, not, generic, place, extends, notafter, keepafter, market, verb, common, thingafter, companyafter, thingbefore, titlebefore, placeafter, listend, notlistend, notfirmend, ownword, kindbefore)");
                }
            });
        }

        OrgNames build(String name) {
            if (endings.isEmpty()) {
                throw new IllegalArgumentException(name + ": no legal or group endings");
            }
            return new OrgNames(this);
        }
    }

    /** What separates the items of a list of firms (folded). */
    private static final char LIST_SEPARATOR = '、';

    /**
     * The other items of each list of firms that names a known company: items separated by 、 and
     * followed by a {@code listend} phrase (美團、小紅書、貨拉拉、阿里雲等企業負責人), one of which is a
     * company already found ({@code known}, a table's or a name its ending makes one: its mention ends
     * the item). Each other item is a name as before a
     * plain 公司: the verbs it begins with shed, then a word no dictionary lists as common, a run of
     * characters no word, or a Latin word of four letters or more (小紅書, 貨拉拉, BOSS直聘; not
     * 航天雲網, nor 焦化 and 水泥 in a list of industries, which names no known company anyway).
     */
    List<Found> listed(String t, String cased, HhmmSegmenter segmenter, List<int[]> known) {
        List<Found> out = new ArrayList<>();
        String[] value = new String[1];
        for (int at = t.indexOf('等'); at > 0; at = t.indexOf('等', at + 1)) {
            if (listEnds.match(t, at, t.length(), value) == 0 || !LIST_END.equals(value[0]) || t.charAt(at - 1) == LIST_SEPARATOR) {
                continue;
            }
            // the items, last first: each ends before 等 or a separator and starts after the run's last
            // stop word of two characters or more, conjunction or 等, with the verbs it begins with
            // shed; a run that holds one is the list's first (包括|凡燒臘, 專家和|美的集團). After 等 or a
            // conjunction the item counts only as the known company that makes the list one of firms
            // (the people before 和 are another list); but the last two items may be joined by a
            // conjunction where the last is a known company (洪瑞珍及|愛之味等業者; not 盤錦和運公司)
            List<int[]> items = new ArrayList<>(); // {start, end, 1 if it may only be a known company}
            int end = at;
            while (end > 0) {
                int start = end;
                while (start > 0 && end - start <= MAX_NAME && t.charAt(start - 1) != LIST_SEPARATOR && Character.isLetterOrDigit(t.charAt(start - 1))) {
                    start--;
                }
                int[] cut = lastBreak(t, start, end, segmenter); // {where the item starts, where the break starts (-1: none)}
                int itemStart = afterVerbs(t, cut[0], end, segmenter);
                boolean afterList = cut[1] >= 0 && (t.charAt(cut[1]) == '等' || LIST_WORDS.indexOf(t.charAt(cut[1])) >= 0) && cut[0] - cut[1] == 1;
                int from = itemStart;
                int to = end;
                boolean knownLast = items.isEmpty() && afterList && t.charAt(cut[1]) != '等'
                        && known.stream().anyMatch(k -> k[0] == from && k[1] == to);
                if (end - itemStart >= 2) {
                    items.add(new int[] {itemStart, end, afterList && !knownLast ? 1 : 0});
                }
                if (knownLast) {
                    end = cut[1]; // (洪瑞珍及|愛之味: the item before the conjunction, then on)
                    continue;
                }
                if (cut[1] >= 0 || start <= 1 || t.charAt(start - 1) != LIST_SEPARATOR) {
                    break;
                }
                end = start - 1;
            }
            boolean namesKnown = items.size() >= 2 && items.stream().anyMatch(item -> known.stream().anyMatch(k -> k[1] == item[1] && k[0] >= item[0]));
            if (!namesKnown) {
                continue;
            }
            for (int[] item : items) {
                if (item[2] == 1 || known.stream().anyMatch(k -> k[0] < item[1] && item[0] < k[1]) || !firmName(t, item[0], item[1], segmenter)) {
                    continue;
                }
                out.add(new Found(PREFIX + idText(t, cased).substring(item[0], item[1]), item[0], item[1], item[1]));
            }
        }
        return out;
    }

    /**
     * In the run {@code [start, end)}, where the text after its last stop word of two characters or
     * more, conjunction or 等 begins, and where that word begins: {start, -1} if the run holds none.
     */
    private int[] lastBreak(String t, int start, int end, HhmmSegmenter segmenter) {
        List<HhmmSegmenter.Word> words = segmenter.segment(t.substring(start, end));
        for (int k = words.size() - 1; k >= 0; k--) {
            String w = word(t, start, words.get(k));
            // (a stop word of one character is no break: the segmenter leaves names it does not know in
            // single characters, and 之 of 愛|之|味, 的 of 美|的|集團 are stop words too)
            if (w.length() >= 2 && stop.contains(w) || w.equals("等") || w.length() == 1 && LIST_WORDS.contains(w)) {
                return new int[] {start + words.get(k).end(), start + words.get(k).start()};
            }
        }
        return new int[] {start, -1};
    }

    /** Whether {@code [start, end)}, an item of a list of firms, reads as a name (as {@link #named} tells of a name before a plain 公司). */
    private boolean firmName(String t, int start, int end, HhmmSegmenter segmenter) {
        int chars = t.codePointCount(start, end);
        if (chars < 2 || chars > MAX_PLAIN_NAME || t.substring(start, end).chars().allMatch(Character::isDigit)) {
            return false;
        }
        if (notFirmEnds.stream().anyMatch(e -> t.startsWith(e, end - e.length()))) {
            return false; // an institution (警政署, 大韓商工會議所)
        }
        List<HhmmSegmenter.Word> words = segmenter.segment(t.substring(start, end));
        return words.stream().noneMatch(w -> not.contains(word(t, start, w)) || generic.contains(word(t, start, w)) && words.size() == 1
                        || w.end() - w.start() == 1 && LIST_WORDS.contains(word(t, start, w))) // (貿聯國際及中興保全: two items)
                && named(t, start, words);
    }

    /** A recognised name: [start, end) covers name and ending, [start, nameEnd) the name; {@code id} is PREFIX + name without legal form. */
    record Found(String id, int start, int nameEnd, int end) {}

    /**
     * Names in folded text {@code t}. {@code cased} is the same text before lower-casing (equal length)
     * or null: ids keep a Latin name's case (SK集团). {@code taken} reports whether a span overlaps a
     * company the tables found, which then wins.
     */
    List<Found> find(String t, String cased, HhmmSegmenter segmenter, SpanTest taken) {
        List<Found> out = new ArrayList<>();
        String[] kind = new String[1];
        int n = t.length();
        int i = 0;
        while (i < n) {
            int len = endings.match(t, i, n, kind);
            if (len == 0) {
                i++;
                continue;
            }
            int nameEnd = i;
            int end = i + len;
            boolean group = kind[0].equals(GROUP);
            boolean plain = kind[0].equals(PLAIN);
            if (plain && (nameEnd == 0 || NOT_BEFORE_PLAIN.indexOf(t.charAt(nameEnd - 1)) >= 0)) {
                i = end;
                continue;
            }
            // the id keeps a group word but no legal form: 中国邮政集团公司 and 中国邮政集团 are one value
            int idEnd = !group ? nameEnd : t.startsWith(GROUP_COMPANY, end - GROUP_COMPANY.length()) && len > GROUP_COMPANY.length()
                    ? end - GROUP_COMPANY.length() : end;
            if (group) {
                if (notAfter.match(t, end, n, kind) > 0) { // 集团军: an army corps
                    i = end;
                    continue;
                }
                end += legalForms.match(t, end, n, kind); // 集团有限公司: the legal form is part of the mention
            }
            int nameStart = plain ? plainNameStart(t, nameEnd, segmenter)
                    : afterVerbs(t, nameStart(t, nameEnd, segmenter, group ? MAX_GROUP_NAME : MAX_NAME), nameEnd, segmenter);
            // any table's name inside a plain name wins (xAI|人工智能公司); after a legal form or group
            // word the longer name may be another company (中国船舶|重工集团)
            if (nameStart >= 0 && !taken.overlaps(nameStart, plain ? nameStart : nameEnd, end)) {
                out.add(new Found(PREFIX + idText(t, cased).substring(nameStart, idEnd), nameStart, nameEnd, end));
            }
            i = end;
        }
        coded(t, cased, segmenter, taken, out);
        latinAfterKind(t, cased, taken, out);
        out.sort(java.util.Comparator.comparingInt(Found::start));
        return out;
    }

    /**
     * A Latin name right after a kind of company ({@code kindbefore}: 德商, 品牌, 公司, 新創) in
     * apposition (德商Kontron, 美國品牌OCTROT, 意見調查公司Verasight): one to three words, the first of
     * four letters or more or in mixed case (not AI, CEO, BBC: acronyms as often), no digits (MH370);
     * accented letters belong to it (LADURÉE).
     */
    private static final java.util.regex.Pattern LATIN_NAME = java.util.regex.Pattern.compile(
            "(?:[A-Za-z][A-Za-z\\u00C0-\\u024F&'.\\-]*[A-Za-z\\u00C0-\\u024F])(?: (?:[A-Z][A-Za-z\\u00C0-\\u024F&'.\\-]*[A-Za-z\\u00C0-\\u024F]|AG|SA|AB)){0,2}(?![A-Za-z0-9\\u00C0-\\u024F])");

    private void latinAfterKind(String t, String cased, SpanTest taken, List<Found> out) {
        if (!aligned(t, cased)) {
            return;
        }
        for (int i = 1; i < t.length(); i++) {
            if (!isLatin(t.charAt(i)) || !Character.isIdeographic(t.codePointBefore(i)) || !kindsBefore.endAt(t, i)) {
                continue;
            }
            java.util.regex.Matcher m = LATIN_NAME.matcher(cased).region(i, t.length());
            if (!m.lookingAt()) {
                continue;
            }
            String first = cased.substring(i, m.end()).split(" ")[0];
            boolean mixed = !first.equals(first.toUpperCase(java.util.Locale.ROOT)) && !first.equals(first.toLowerCase(java.util.Locale.ROOT));
            if (first.length() < 4 && !mixed || Character.isLowerCase(first.charAt(0))) {
                continue;
            }
            int end = m.end();
            int start = i;
            if (!taken.overlaps(start, end, end) && out.stream().noneMatch(f -> f.start() < end && start < f.end())) {
                out.add(new Found(PREFIX + cased.substring(start, end), start, end, end));
            }
        }
    }

    /** A stock code in brackets after a name: 4 digits (Taiwan) or 6 (mainland); a year is no code. */
    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("\\((\\d{4}|\\d{6})\\)");

    /**
     * {@code 名稱(代號)} anywhere in a text names a listed company, even one no table lists yet (a
     * new listing): the name is the words before the bracket back to a stop word (晶圓代工廠|力積電(6770)).
     */
    private void coded(String t, String cased, HhmmSegmenter segmenter, SpanTest taken, List<Found> out) {
        java.util.regex.Matcher m = CODE.matcher(t);
        while (m.find()) {
            String code = m.group(1);
            int nameEnd = m.start();
            if (code.length() == 4 && (code.startsWith("19") || code.startsWith("20")) || nameEnd == 0
                    || !Character.isIdeographic(t.codePointBefore(nameEnd))) {
                continue;
            }
            int start = nameStart(t, nameEnd, segmenter, MAX_NAME);
            if (start >= 0) { // descriptors the press puts before a name (晶圓代工廠力積電), as when tables are discovered
                java.util.regex.Matcher d = CompanyDiscovery.DESCRIPTOR.matcher(t.substring(start, nameEnd));
                if (d.lookingAt() && d.end() < nameEnd - start - 1) {
                    start += d.end();
                }
            }
            int nameStart = start;
            if (nameStart >= 0 && !taken.overlaps(nameStart, nameEnd, m.end())
                    && out.stream().noneMatch(f -> f.start() < m.end() && nameStart < f.end())) {
                out.add(new Found(PREFIX + idText(t, cased).substring(nameStart, nameEnd), nameStart, nameEnd, m.end()));
            }
        }
    }

    /** Where the name ending at {@code nameEnd} starts, or -1 when there is no acceptable name. */
    private int nameStart(String t, int nameEnd, HhmmSegmenter segmenter, int maxName) {
        int from = nameEnd;
        while (from > 0 && nameEnd - from <= MAX_NAME && Character.isLetterOrDigit(t.charAt(from - 1))) {
            from--;
        }
        if (nameEnd - from < 2) {
            return -1;
        }
        List<HhmmSegmenter.Word> words = segmenter.segment(t.substring(from, nameEnd));
        int start = nameEnd;
        boolean onlyGeneric = true;
        for (int k = words.size() - 1; k >= 0; k--) {
            HhmmSegmenter.Word w = words.get(k);
            String word = word(t, from, w);
            if (stop.contains(word)) {
                break;
            }
            if (not.contains(word)) {
                return -1;
            }
            onlyGeneric &= generic.contains(word);
            start = from + w.start();
        }
        int chars = t.codePointCount(start, nameEnd);
        // a run longer than MAX_NAME shows no start; digits belong to counts and dates (山西全省119个县级医疗集团)
        if (chars < 2 || chars > maxName || onlyGeneric || t.substring(start, nameEnd).chars().anyMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        return start;
    }

    /**
     * Where a name found before a legal form or group word starts once the verbs it begins with are
     * shed (察看|華茂供熱有限公司, 交付|老中鐵路有限公司, 查出|航見科技股份有限公司), as before a plain 公司,
     * though only verbs of two characters or more;
     * -1 stays -1, and a name that would keep fewer than two characters keeps its start.
     */
    private int afterVerbs(String t, int start, int nameEnd, HhmmSegmenter segmenter) {
        if (start < 0) {
            return start;
        }
        List<HhmmSegmenter.Word> words = segmenter.segment(t.substring(start, nameEnd));
        // (verbs of two characters or more: 中, 屏 are verbs too, and begin 中儲糧集團, 屏東…)
        int k = leadingVerbs(t, start, words, 2);
        return k == 0 || k == words.size() || t.codePointCount(start + words.get(k).start(), nameEnd) < 2 ? start : start + words.get(k).start();
    }

    /** How many of the words (of the text from {@code offset}) are verbs of {@code minChars} characters or more before the first that is not. */
    private int leadingVerbs(String t, int offset, List<HhmmSegmenter.Word> words, int minChars) {
        int k = 0;
        while (k < words.size() && words.get(k).end() - words.get(k).start() >= minChars && verbs.contains(word(t, offset, words.get(k)))) {
            k++;
        }
        return k;
    }

    /**
     * Where the name before a plain 公司 ending at {@code nameEnd} starts, or -1. Stricter than before a
     * legal form, as 公司 also follows kinds of company and people (網貸公司, 老郭公司) and verbs the
     * stop words do not list (惊悉印尼狮航公司): the name runs left as {@link #nameStart} does, then
     * sheds the verbs it begins with (CC-CEDICT's, {@link #VERBS}), and must be {@link #MIN_PLAIN_NAME}
     * to {@link #MAX_PLAIN_NAME} characters with no one-character verb, "not" word or count inside and a word that
     * names ({@link #named}: 美國科技公司 is a kind).
     */
    private int plainNameStart(String t, int nameEnd, HhmmSegmenter segmenter) {
        int start = nameStart(t, nameEnd, segmenter, MAX_NAME);
        if (start < 0) {
            return -1;
        }
        List<HhmmSegmenter.Word> words = segmenter.segment(t.substring(start, nameEnd));
        int k = leadingVerbs(t, start, words, 1);
        if (k == words.size()) {
            return -1;
        }
        int from = start + words.get(k).start();
        int chars = t.codePointCount(from, nameEnd);
        if (chars < MIN_PLAIN_NAME || chars > MAX_PLAIN_NAME || COUNTED.matcher(t).region(from, nameEnd).find()
                || words.subList(k, words.size()).stream().anyMatch(w -> w.end() - w.start() == 1 && verbs.contains(word(t, start, w)) || not.contains(word(t, start, w)))) {
            return -1; // a verb of one character inside is a clause (海外|附|認股權公司), a "not" word no company's (美國哥倫比亞廣播公司, cited as a source)
        }
        return named(t, start, words.subList(k, words.size())) ? from : -1;
    }

    /**
     * Whether the words begin with a name once the places before it are passed (美國|瑪氏, 臨汾|鋼鐵 as
     * 臨汾 is no country): a word of two characters or more that is no common word, place or generic
     * word (萬佳, 狮航), a run of one-character words, as the segmenter leaves a name it does not know
     * (萬|佳), that together is no common word, or a Latin word of four letters or more. A name that
     * begins with a common word is a description or a clause (日本|信用卡代收代付公司, 地主|台肥公司).
     */
    private boolean named(String t, int offset, List<HhmmSegmenter.Word> words) {
        int j = 0;
        while (j < words.size() && places.contains(word(t, offset, words.get(j)))) {
            j++;
        }
        if (j == words.size()) {
            return false;
        }
        String first = word(t, offset, words.get(j));
        if (latinName(first) || j > 0 && j + 1 < words.size() && first.equals(NATIONAL)) {
            return true; // a country's national company is one company (巴西|國家|傳媒公司, 阿聯酋|國家|鑽井公司)
        }
        if (!Character.isIdeographic(first.codePointAt(0))) {
            return false;
        }
        if (first.codePointCount(0, first.length()) >= 2) {
            return !known(first);
        }
        StringBuilder singles = new StringBuilder();
        for (int k = j; k < words.size() && words.get(k).end() - words.get(k).start() == 1
                && Character.isIdeographic(t.codePointAt(offset + words.get(k).start())); k++) {
            singles.append(word(t, offset, words.get(k)));
        }
        return singles.length() >= 2 && !known(singles.toString());
    }

    /** A Latin word of four letters or more is a name (Kontron); a shorter one is as often an abbreviation of a kind (AI, IT, IC). */
    private static boolean latinName(String w) {
        return w.length() >= 4 && w.chars().allMatch(c -> c < 0x80 && Character.isLetterOrDigit(c)) && isLatin(w.charAt(0));
    }

    private boolean known(String w) {
        return common.contains(w) || places.contains(w) || generic.contains(w) || stop.contains(w);
    }

    private static String word(String t, int offset, HhmmSegmenter.Word w) {
        return t.substring(offset + w.start(), offset + w.end());
    }

    /** Whether a span of the text is already a tabled company's. */
    interface SpanTest {
        /** Whether [start, end) overlaps a tabled company that should win over the name [start, nameEnd). */
        boolean overlaps(int start, int nameEnd, int end);
    }

    /**
     * Whether the words after a table's name, inside a longer recognised name, keep it the same
     * company (大众|汽车集团 is Volkswagen) rather than make another (中国船舶|重工集团 is not 中国船舶).
     */
    boolean sameCompany(String extension, HhmmSegmenter segmenter) {
        return segmenter.segment(extension).stream()
                .allMatch(w -> extending.contains(extension.substring(w.start(), w.end())));
    }
}

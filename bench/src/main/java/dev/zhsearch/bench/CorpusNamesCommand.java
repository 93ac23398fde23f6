package dev.zhsearch.bench;

import dev.zhsearch.convert.OpenccConfigs;
import dev.zhsearch.entity.CompanyMatcher;
import dev.zhsearch.entity.CompanyTable;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** {@code ./zhsearch entities mine}: company names the corpora write before a company word, as a table. */
final class CorpusNamesCommand {

    private CorpusNamesCommand() {}

    static final String NAME = "a company's name";
    /** Different characters that must stand before a name (糖公司 always follows 台: it is no name of its own). */
    static final int MIN_BEFORE = 3;
    /** Documents before a company word. */
    static final int MIN_DOCS = 3;
    /** Share of the documents holding a name in which it stands before a company word. */
    static final double MIN_SHARE = 0.05;
    /** Documents in which the name follows punctuation, a line's start, a preposition or a conjunction. */
    static final int MIN_CLEAN_DOCS = 2;
    /** A media name's end: 美國廣播公司, 巴西旗手傳媒 are cited as sources far more than they act. */
    static final java.util.regex.Pattern MEDIA = java.util.regex.Pattern.compile("(广播|广播电视|电视|传媒|媒体|新闻|新影|报业|出版|动画)$");
    /** Words after a two-character name that make it the company (台糖公司, 哈電集團), as the listed names have them. */
    static final List<String> COMPANY_WORDS = List.of("公司", "集團", "控股");
    /** The share of the documents holding a candidate in which it stands before a company word. */
    static double share(CorpusNamesBuild.Stat st) {
        return st.companyDocs / (double) Math.max(1, st.docs);
    }

    /** The table companies a name with a company word after it is (中核集團 is cnnc): a guarded short name, not a new company. */
    static List<String> knownWithWord(String k, CompanyMatcher known, java.util.function.UnaryOperator<String> fold) {
        return COMPANY_WORDS.stream().flatMap(w -> known.companies(k + fold.apply(w)).stream())
                .filter(id -> !id.startsWith(dev.zhsearch.entity.OrgNames.PREFIX)).distinct().toList();
    }

    /** Three characters, the first a surname and none in a word the dictionary knows: a person's name (周永暉董事長). */
    static boolean personLike(String k, dev.zhsearch.analysis.hhmm.HhmmSegmenter words, CompanyTablesBuild cedict) {
        return k.codePointCount(0, k.length()) == 3 && cedict.surname(k.substring(0, 1))
                && words.segment(k).stream().allMatch(w -> w.end() - w.start() == 1);
    }

    /** Endings of organisations that are no companies (印太戰略智庫, 台灣經濟研究院). */
    static final java.util.regex.Pattern NO_COMPANY = java.util.regex.Pattern.compile("(智库|研究院|研究所|研究中心|协会|学会|基金会|大学|学院|医院|中心)$");
    /** A count or an ordinal at a name's start (两家, 多家航空, 首份, 上季, 第二季): a phrase, not a name. */
    static final java.util.regex.Pattern COUNTED = java.util.regex.Pattern.compile("^([一二三四五六七八九十两几多数首上下本该每各这那]*[家季份个款项位名间座批]|第)");
    /** The end of a name that is part of the company word after it (子公司, 副總經理, 有限責任公司), 姓 ("surnamed") or 前 / 原 ("former"). */
    static final java.util.regex.Pattern PART_OF_WORD = java.util.regex.Pattern.compile("([子母分总副姓前原]|有限责任|有限|股份|集团有限)$");

    /** Share of uses before a company word after a count or determiner that makes the words a kind of company. */
    static final double KIND_SHARE = 0.15;
    /** Share needed by a place and a generic word (美國科技 American tech firms; 東京電力, 俄羅斯石油 stand before 公司 more often). */
    static final double WORDS_SHARE = 0.3;

    /** Whether the name is a place of CC-CEDICT and a generic word of org-names.txt (美国|科技, 东京|电力). */
    static boolean placeAndGeneric(String k, CompanyTablesBuild cedict, CompanyMatcher bare) {
        for (int i = 2; i < k.length() - 1; i++) {
            if (cedict.cedictPlace(k.substring(0, i)) && bare.genericWord(k.substring(i))) {
                return true;
            }
        }
        return false;
    }

    static List<String> pieces(String k, dev.zhsearch.analysis.hhmm.HhmmSegmenter words) {
        return words.segment(k).stream().map(w -> new String(w.term())).toList();
    }

    /** Whether the segmenter cuts the name into dictionary words of two or more characters, all common in CC-CEDICT (资产管理, 保险经纪). */
    static boolean ordinaryWords(String k, dev.zhsearch.analysis.hhmm.HhmmSegmenter words, CompanyTablesBuild cedict) {
        var parts = words.segment(k);
        return parts.stream().allMatch(w -> w.end() - w.start() >= 2 && cedict.cedictCommon(new String(w.term())));
    }

    static final String HEADER = """
            # Companies no registry here lists, found in the news itself: names the press writes before a word only a
            # company takes (台糖公司, 中聯油脂董事長, 亞昕股價) in 3 documents or more, after 3 different characters or
            # more, and in 5% or more of the documents that hold them; not a name a table already has, a common word,
            # place or person in CC-CEDICT, or what org-names.txt says is no name (README: "Companies the news names").
            # A name of two characters matches beside a word of the market or of its business only (^台糖).
            # Source: ../shared/corpora/tw-news-digest (2026-07-11 .. 2026-08-23) and ../shared/corpora/cctv-xwlb
            # (CCTV 新闻联播 transcripts); only the names are taken, which are facts. Ids are org: and the folded name.
            # Generated by `./zhsearch entities mine --input ../shared/corpora/tw-news-digest ../shared/corpora/cctv-xwlb`
            # (bench/…/CorpusNamesBuild.java); do not edit: block a name in conf/entities/*.tsv (!block) instead.
            """;

    static int run(List<Path> corpora, Path data, Path out, Path report, PrintStream o, PrintStream err) throws IOException {
        Path cedictFile = data.resolve("cc-cedict/cedict.tsv.gz");
        if (!Files.isRegularFile(cedictFile)) {
            err.println("zhsearch: public data not found: " + cedictFile.toAbsolutePath() + " (../shared/data beside the project, or --data DIR)");
            return 1;
        }
        for (Path p : corpora) {
            if (!Files.exists(p)) {
                err.println("zhsearch: corpus not found: " + p.toAbsolutePath());
                return 1;
            }
        }
        OpenccConfigs configs = new OpenccConfigs();
        var folder = dev.zhsearch.convert.ScriptFolder.standard(configs);
        var fold = CompanyMatcher.aliasFold(folder);
        var scripts = new dev.zhsearch.convert.ScriptDetector(configs);
        CompanyTable tables = CompanyTable.standardWithout(CompanyTable.CORPUS_NAMES);
        var known = new CompanyMatcher(tables, folder, scripts);
        // every name the tables hold, guarded ones too (~中国出版 only in lists, [泰山] only for display)
        java.util.Set<String> tabled = new java.util.HashSet<>();
        for (var c : tables.companies()) {
            c.aliases().forEach(a -> tabled.add(fold.apply(dev.zhsearch.entity.Company.aliasText(a))));
            tabled.add(fold.apply(c.nameHant()));
            tabled.add(fold.apply(c.nameHans()));
        }
        tables.blocked().forEach(p -> tabled.add(fold.apply(p)));
        var bare = new CompanyMatcher(CompanyTable.parse("", "(none)"), folder, scripts);
        CompanyTablesBuild cedict = new CompanyTablesBuild(fold, configs.converter("s2t"), configs.converter("t2s"), bare);
        cedict.readCedict(cedictFile);
        CorpusNamesBuild b = new CorpusNamesBuild(fold);
        var words = new dev.zhsearch.analysis.hhmm.HhmmSegmenter();
        o.println("pass 1: names before a company word…");
        b.scanContexts(corpora, o);
        b.prune(MIN_DOCS);
        o.println(b.stats().size() + " candidates; pass 2: documents that hold them…");
        b.countUse(corpora, o);
        List<String> names = new java.util.ArrayList<>();
        Map<String, String> verdicts = new java.util.LinkedHashMap<>();
        List<String> foldedCompanyWords = COMPANY_WORDS.stream().map(fold).toList();
        StringBuilder sb = new StringBuilder("name\tcompanyDocs\tdocs\tshare\tbefore\tafterCount/uses\tonBoundary\tverdict\n");
        for (String k : CorpusNamesBuild.sortedByUse(b.stats())) {
            var st = b.stats().get(k);
            String verdict;
            List<String> ids = known.companies(k);
            List<String> withWord = ids.isEmpty() ? knownWithWord(k, known, fold) : List.of();
            List<String> asOrg = bare.companies(k + "集团");
            double share = share(st);
            if (!ids.isEmpty()) {
                verdict = "known " + ids;
            } else if (!withWord.isEmpty()) {
                verdict = "a table's company with a company word after it " + withWord + ": the table guards the bare name";
            } else if (foldedCompanyWords.stream().anyMatch(k::endsWith)) {
                verdict = "ends in a company word: the name before it is the candidate";
            } else if (tabled.contains(k)) {
                verdict = "a name the tables guard (display-only, in lists or beside market words, or blocked)";
            } else if (!asOrg.equals(List.of("org:" + k + "集团"))) {
                verdict = "not a name by org-names " + asOrg;
            } else if (cedict.cedictCommon(k)) {
                verdict = "common word in CC-CEDICT";
            } else if (cedict.cedictPlace(k)) {
                verdict = "a place or person in CC-CEDICT";
            } else if (MEDIA.matcher(k).find()) {
                verdict = "a broadcaster or publisher: the news cites them as sources (据英国广播公司报道), which do not count";
            } else if (NO_COMPANY.matcher(k).find()) {
                verdict = "a think tank, school, hospital or association by its ending";
            } else if (personLike(k, words, cedict)) {
                verdict = "a surname and two characters the dictionary knows no word in: a person's name as often (周永暉)";
            } else if (COUNTED.matcher(k).find()) {
                verdict = "begins with a count or an ordinal (两家, 多家航空, 第二季, 上季): a phrase";
            } else if (st.kindBefore >= KIND_SHARE * st.occurrences) {
                verdict = "after a count or determiner in " + st.kindBefore + " of " + st.occurrences + " uses (一家新創公司): a kind of company";
            } else if (PART_OF_WORD.matcher(k).find()) {
                verdict = "ends where a company word's compound begins (子公司, 总经理, 有限责任公司) or in 姓";
            } else if (st.cleanLeftDocs < MIN_CLEAN_DOCS) {
                verdict = "seldom after punctuation, a preposition or a conjunction: a phrase's tail";
            } else if (ordinaryWords(k, words, cedict)) {
                verdict = "ordinary words (" + pieces(k, words) + ")";
            } else if (bare.ruleWord(k)) {
                verdict = "a word of org-names.txt (stop, not, generic or market)";
            } else if (placeAndGeneric(k, cedict, bare) && share < WORDS_SHARE) {
                verdict = "a place and a generic word (美國科技), before a company word in under "
                        + Math.round(100 * WORDS_SHARE) + "% of its documents";
            } else if (st.before.size() < MIN_BEFORE) {
                verdict = "always after the same characters: the end of a longer name";
            } else if (2 * st.onBoundary < st.occurrences) {
                verdict = "begins inside a word";
            } else if (share < MIN_SHARE) {
                verdict = "rarely before a company word: an ordinary word as often";
            } else {
                verdict = NAME;
            }
            verdicts.put(k, verdict);
        }
        // a place before another name is a descriptor (日本|東京電力, 廣西|柳工): the name alone is the company's
        for (var e : verdicts.entrySet()) {
            String k = e.getKey();
            for (int i = 2; e.getValue().equals(NAME) && i < k.length() - 1; i++) {
                if (cedict.cedictPlace(k.substring(0, i)) && NAME.equals(verdicts.get(k.substring(i)))) {
                    e.setValue("a place before another name found (" + k.substring(0, i) + " + " + k.substring(i) + ")");
                }
            }
        }
        for (String k : CorpusNamesBuild.sortedByUse(b.stats())) {
            var st = b.stats().get(k);
            String verdict = verdicts.get(k);
            if (verdict.equals(NAME)) {
                names.add(k);
            }
            double share = share(st);
            sb.append(k).append('\t').append(st.companyDocs).append('\t').append(st.docs).append('\t')
                    .append(String.format("%.2f", share)).append('\t').append(st.before.size()).append('\t').append(st.kindBefore).append('/').append(st.occurrences).append('\t').append(String.format("%.2f", st.onBoundary / (double) st.occurrences)).append('\t').append(verdict).append('\n');
        }
        Files.createDirectories(report.toAbsolutePath().getParent());
        Files.writeString(report, sb);
        var s2tw = configs.converter("s2tw");
        StringBuilder table = new StringBuilder(HEADER);
        for (String k : names) {
            String hant = s2tw.convert(k);
            boolean two = k.codePointCount(0, k.length()) == 2;
            // two characters are as often part of a person's or place's name (洪美秀, 裏海航行): as the listed
            // names of two characters, they name the company beside a word of the market or of its business
            String[] display = two ? new String[] {"[" + hant + "]", "[" + k + "]"} : new String[] {hant, k};
            table.append(dev.zhsearch.entity.OrgNames.PREFIX).append(k).append('\t').append(display[0]).append('\t').append(display[1])
                    .append("\t[").append(hant).append("]\t").append(two ? dev.zhsearch.entity.Company.IN_MARKET + hant + COMPANY_WORDS.stream()
                            .map(w -> "|" + hant + w).collect(java.util.stream.Collectors.joining()) : "").append('\n');
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, table);
        o.printf("%d names written to %s; every candidate and its verdict in %s%n", names.size(), out, report);
        return 0;
    }
}

package dev.zhsearch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which zh.wikipedia conversion pairs become candidates: those with a news group among all their groups. */
class VocabularyBuildTest {

    @Test
    void aPairIsTakenWhenAnyOfItsGroupsIsAboutNews(@TempDir Path data) throws Exception {
        Path wiki = Files.createDirectories(data.resolve("wiki-cgroups"));
        // the flattened pairs file names one group per pair: the first the flattening met
        Files.writeString(wiki.resolve("cgroups_pairs_cn_tw.tsv"), String.join("\n",
                "cn\ttw\thk\tgroup\toriginal\tscript_only",
                "澳大利亚\t澳洲\t澳洲\tALeague\tAustralia\t0",          // also AU Places in the rules: taken
                "单向组合\t1世代\tOne Direction\t1D\tOne Direction\t0",  // a band's fandom group only: not taken
                "香港宽频\t香港寬頻\t\tIT\tHKBN\t1",                     // script only: not a vocabulary pair
                "") + "\n");
        String header = "group\toriginal\tkind\toneway_source\tzh\tzh-hans\tzh-hant\tzh-cn\tzh-tw\tzh-hk\tzh-mo\tzh-sg\tzh-my";
        List<String> rules = List.of(header,
                "ALeague\tAustralia\tbidi\t\t\t\t澳大利亞\t澳大利亚\t澳洲\t澳洲\t\t\t",
                "AU Places\tAustralia\tbidi\t\t\t\t\t澳大利亚\t澳洲\t澳洲\t\t\t",
                "AU Places\tAustralia\toneway\t澳洲\t\t\t\t\t\t澳洲\t\t\t",   // one-way rules are not two-way pairs
                "1D\tOne Direction\tbidi\t\t一世代\t\t\t单向组合\t1世代\tOne Direction\t\t\t");
        gzipped(wiki.resolve("cgroups_rules.tsv.gz"), rules.toArray(String[]::new));
        var groups = VocabularyBuild.groupsOfPairs(wiki.resolve("cgroups_rules.tsv.gz"));
        assertEquals(new TreeSet<>(Set.of("ALeague", "AU Places")), groups.get("澳大利亚\t澳洲"));
        assertEquals(new TreeSet<>(Set.of("1D")), groups.get("单向组合\t1世代"));

        Files.createDirectories(data.resolve("zhtw-terms"));
        Files.writeString(data.resolve("zhtw-terms/zhtw_terms.tsv"), "from_variant\tcategory\tfrom\tto\tscript_only\n");
        Files.createDirectories(data.resolve("tw-cn-vocab-radar"));
        Files.writeString(data.resolve("tw-cn-vocab-radar/taiwan_china_vocabs.tsv"), "mainland_term\ttaiwan_terms\tenglish\tdescription\n");
        Files.createDirectories(data.resolve("cc-cedict"));
        gzipped(data.resolve("cc-cedict/cedict.tsv.gz"), "traditional\tsimplified\tpinyin_numbered\tenglish");
        List<VocabularyBuild.Candidate> wikiPairs = VocabularyBuild.candidates(data).stream()
                .filter(c -> c.source().equals("wiki-cgroups")).toList();
        assertEquals(1, wikiPairs.size(), wikiPairs.toString());
        assertEquals("AU Places", wikiPairs.getFirst().label());
        assertTrue(wikiPairs.getFirst().cn().equals("澳大利亚") && wikiPairs.getFirst().tw().equals("澳洲"), wikiPairs.toString());
    }

    /**
     * CC-CEDICT's common words marked as Taiwan usage meet the unmarked word with one of their senses
     * word for word, of two English words or more; a sense of one word ("server"), a verb's ("to …"),
     * a proper name (cedictNames) and a word whose first sense is not Taiwan's do not pair.
     */
    @Test
    void aTaiwanWordOfCcCedictMeetsTheWordWithItsSense(@TempDir Path data) throws Exception {
        Path cedict = data.resolve("cedict.tsv.gz");
        gzipped(cedict,
                "traditional\tsimplified\tpinyin_numbered\tenglish",
                "恐攻\t恐攻\tkong3 gong1\t(Tw) terrorist attack",
                "恐怖襲擊\t恐怖袭击\tkong3 bu4 xi2 ji1\tterrorist attack",
                "伺服器\t伺服器\tsi4 fu2 qi4\t(Tw) server (computer)",
                "服務生\t服务生\tfu2 wu4 sheng1\tserver / waiter",
                "凸槌\t凸槌\ttu1 chui2\t(Tw) to mess up",
                "搞砸\t搞砸\tgao3 za2\tto mess up",
                "北韓\t北韩\tBei3 Han2\t(Tw) North Korea",
                "朝鮮\t朝鲜\tChao2 xian3\tNorth Korea",
                "機車\t机车\tji1 che1\tmotor scooter (Tw) / locomotive",
                "草莓\t草莓\tcao3 mei2\tstrawberry / (Tw) love bite",   // Taiwan's in its second sense only
                "吻痕\t吻痕\twen3 hen2\tlove bite",
                "摩托車\t摩托车\tmo2 tuo1 che1\tmotor scooter");
        List<String> pairs = VocabularyBuild.cedictWords(cedict).stream().map(c -> c.tw() + "/" + c.cn()).toList();
        // 機車's first sense is Taiwan's: a candidate, which the corpora's counts keep out (机车 is the mainland's locomotive)
        assertEquals(List.of("恐攻/恐怖袭击", "機車/摩托车"), pairs);
    }

    /**
     * zh.wikipedia's one-way rules of news groups pair the word written with the word the other region
     * is shown: a zh-tw target is the Taiwan word, a zh-cn target the mainland word; Hong Kong's
     * targets, rules of fandom groups and a word shown as itself give no pair.
     */
    @Test
    void aOneWayRuleOfANewsGroupPairsTheWordWrittenWithTheWordShown(@TempDir Path data) throws Exception {
        Path rules = data.resolve("cgroups_rules.tsv.gz");
        gzipped(rules,
                "group\toriginal\tkind\toneway_source\tzh\tzh-hans\tzh-hant\tzh-cn\tzh-tw\tzh-hk\tzh-mo\tzh-sg\tzh-my",
                "Railway\tMaglev\toneway\t磁悬浮\t\t\t\t\t磁浮\t\t\t\t",          // Taiwan is shown 磁浮
                "Sports\tMasters\toneway\t世壯運\t\t\t\t老将运动会\t\t\t\t\t",    // the mainland is shown 老将运动会
                "Railway\tMTR\toneway\t地铁\t\t\t\t\t\t港鐵\t\t\t",             // Hong Kong's: not Taiwan's
                "1D\tOne Direction\toneway\t单向组合\t\t\t\t\t1世代\t\t\t\t",   // a fandom group
                "Astronomy\tNASA\toneway\t美国宇航局\t\t\t\t美国宇航局\t\t\t\t\t"); // shown as written
        List<String> pairs = VocabularyBuild.oneWay(rules).stream().map(c -> c.tw() + "/" + c.cn() + " " + c.label()).toList();
        assertEquals(List.of("磁浮/磁悬浮 Railway (one-way)", "世壯運/老将运动会 Sports (one-way)"), pairs);
        assertTrue(VocabularyBuild.weak(VocabularyBuild.ONE_WAY), "a one-way rule gives way to the curated lists");
    }

    /** Writes {@code lines} to {@code file} as gzipped UTF-8 text, one a line. */
    private static void gzipped(Path file, String... lines) throws java.io.IOException {
        try (var out = new java.io.OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(file)), java.nio.charset.StandardCharsets.UTF_8)) {
            out.write(String.join("\n", lines) + "\n");
        }
    }
}

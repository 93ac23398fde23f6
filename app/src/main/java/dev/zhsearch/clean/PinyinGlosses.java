package dev.zhsearch.clean;

import dev.zhsearch.text.RuleFiles;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Strips the pinyin glosses a broken converter leaves behind a Han character ({@code 擴(kuò)張} →
 * {@code 擴張}), then repairs known debris from the same converters (a resource table). A gloss is
 * one pinyin syllable with a tone mark in parentheses, right after a Han character, so "(doge)",
 * "(AGI)" or "(首期1000億)" stay.
 */
public final class PinyinGlosses {

    /**
     * The parenthesis comes first and the Han character is checked behind it: led by the
     * lookbehind, the matcher classified the script of every character of every body (1.4% of a
     * build); led by the parenthesis, it skips ahead to the next one.
     */
    private static final Pattern GLOSS = Pattern.compile(
            "[(（](?<=\\p{IsHan}[(（])[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ][a-zü]*[)）]");

    private final List<Map.Entry<String, String>> artifacts;

    public PinyinGlosses(List<Map.Entry<String, String>> artifacts) {
        this.artifacts = List.copyOf(artifacts);
    }

    /** With the artifact table shipped in {@code clean/converter-artifacts.tsv}. */
    public static PinyinGlosses standard() {
        return new PinyinGlosses(RuleFiles.pairs("clean/converter-artifacts.tsv"));
    }

    public String strip(String text) {
        if (text.indexOf('(') < 0 && text.indexOf('（') < 0) {
            return text;
        }
        String s = GLOSS.matcher(text).replaceAll("");
        for (Map.Entry<String, String> a : artifacts) {
            s = s.replace(a.getKey(), a.getValue());
        }
        return s;
    }
}

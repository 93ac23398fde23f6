package dev.zhsearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zhsearch.search.PeopleSyntax.Part;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PeopleSyntaxTest {

    private static Part words(String text) {
        return new Part(null, text, false);
    }

    private static List<List<Part>> groups(String q) {
        return PeopleSyntax.parse(q).groups();
    }

    @Test
    void plainTextIsWords() {
        assertEquals(List.of(List.of(words("台積電")), List.of(words("7/18"))), groups("台積電 7/18"));
        assertEquals(List.of(List.of(words("川普：關稅"))), groups("川普：關稅"));
        assertEquals(List.of(List.of(words("[视频]局地降雨持续")), List.of(words("长江2号洪峰通过三峡"))),
                groups("[视频]局地降雨持续 长江2号洪峰通过三峡"));
        assertEquals(List.of(List.of(words("台積電")), List.of(words("漲停"))), groups("台積電　漲停"), "a full-width space separates");
    }

    @ParameterizedTest
    @ValueSource(strings = {"!", "\"", "'", "(", ")", "[", "]", "{", "}", "^", "~", "*", "?", ":", "\\", "/", "+", "-", "&&", "||",
            "&", "|", "<", ">", "=", "@", "#", "%", "$", ",", ";", "。", "：", "「", "」", "“", "”"})
    void everySpecialCharacterIsTextAloneAndInContext(String c) {
        for (String q : List.of(c, "台積電" + c, c + "台積電", "台積電 " + c + " 7/18", c + c + c)) {
            PeopleSyntax.Parsed p = PeopleSyntax.parse(q);
            String all = String.join(" ", p.groups().stream().flatMap(List::stream).map(Part::text).toList())
                    + String.join(" ", p.excluded().stream().map(Part::text).toList());
            assertTrue(all.contains("台積電") || !q.contains("台積電"), q + " → " + p);
        }
    }

    @Test
    void quotesMakeAPhraseAndAnUnbalancedQuoteIsText() {
        assertEquals(List.of(List.of(new Part(null, "台積電 漲停", true)), List.of(words("今天"))), groups("\"台積電 漲停\" 今天"));
        assertEquals(List.of(List.of(words("\"台積電")), List.of(words("漲停"))), groups("\"台積電 漲停"));
        assertEquals(List.of(List.of(words("美参众两院通过解决\"财政悬崖\"议案"))), groups("美参众两院通过解决\"财政悬崖\"议案"),
                "quotes inside a pasted word are text");
        assertEquals(List.of(List.of(words("通过")), List.of(new Part(null, "财政悬崖", true)), List.of(words("议案"))),
                groups("通过 \"财政悬崖\" 议案"));
    }

    @Test
    void minusAndNotExclude() {
        PeopleSyntax.Parsed p = PeopleSyntax.parse("特斯拉 -三星 -\"台積電 漲停\" NOT 輝達");
        assertEquals(List.of(List.of(words("特斯拉"))), p.groups());
        assertEquals(List.of(words("三星"), new Part(null, "台積電 漲停", true), words("輝達")), p.excluded());
        assertEquals(List.of(List.of(words("COVID-19"))), groups("COVID-19"), "a hyphen inside a word is text");
        assertEquals(List.of(List.of(words("a")), List.of(words("-"))), groups("a -"), "a lone minus is text");
    }

    @Test
    void orJoinsItsNeighbours() {
        assertEquals(List.of(List.of(words("a")), List.of(words("b"), words("c")), List.of(words("d"))), groups("a b OR c d"));
        assertEquals(List.of(List.of(words("a"), words("b"), words("c"))), groups("a OR b OR c"));
        assertEquals(List.of(List.of(words("a"))), groups("OR a"), "a leading OR has nothing to join");
        assertEquals(List.of(List.of(words("a"))), groups("a OR"));
        assertEquals(List.of(List.of(words("or")), List.of(words("b"))), groups("or b"), "only the capital word is an operator");
    }

    @Test
    void knownFieldsOnlyAndOtherColonsAreText() {
        assertEquals(List.of(List.of(new Part("title", "伺服器", false))), groups("title:伺服器"));
        assertEquals(List.of(List.of(new Part("body", "台積電 法說會", true))), groups("body:\"台積電 法說會\""));
        assertEquals(List.of(List.of(new Part("source", "cna", false))), groups("Source:cna"));
        assertEquals(List.of(List.of(words("foo:bar"))), groups("foo:bar"));
        assertEquals(List.of(List.of(words("7:30"))), groups("7:30"));
        assertEquals(List.of(List.of(words("https://example.org/a?b=c"))), groups("https://example.org/a?b=c"));
        assertEquals(List.of(List.of(words("title:"))), groups("title:"), "a field with nothing after it is text");
        assertEquals(List.of(new Part("title", "伺服器", false)), PeopleSyntax.parse("-title:伺服器").excluded());
    }

    @Test
    void randomStringsAlwaysParse() {
        Random random = new Random(2126);
        String alphabet = "ab台積電 \"-:()[]{}!?*~^\\/ORNTtitle：　\t\n\uD83D\uDE00\uD800";
        for (int i = 0; i < 10_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = random.nextInt(30); k > 0; k--) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            PeopleSyntax.Parsed p = PeopleSyntax.parse(sb.toString());
            p.groups().forEach(g -> assertTrue(!g.isEmpty() && g.stream().noneMatch(part -> part.text().isBlank()), sb + " → " + p));
        }
    }
}

package dev.zhsearch.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The longest-key lookup, around the filters that let most positions skip the trie. */
class PrefixDictionaryTest {

    private static PrefixDictionary dictionary() {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("台", "台1");
        entries.put("台積電", "台积电");
        entries.put("記憶體", "内存");
        entries.put("記憶", "记忆");
        entries.put("𠮷野", "吉野"); // a surrogate pair, then a BMP character
        return PrefixDictionary.of(entries);
    }

    private static String match(PrefixDictionary d, String text, int start, int end) {
        String[] out = new String[1];
        int len = d.match(text, start, end, out);
        return len == 0 ? "-" : len + ":" + out[0];
    }

    @Test
    void longestKeyStartingHereWins() {
        PrefixDictionary d = dictionary();
        assertEquals("3:台积电", match(d, "台積電股價", 0, 5));
        assertEquals("3:内存", match(d, "記憶體不足", 0, 5));
        assertEquals("2:记忆", match(d, "記憶力", 0, 3), "a shorter key where the longer one stops matching");
        assertEquals("1:台1", match(d, "台灣", 0, 2), "a one-character key whose two-character prefix starts no key");
        assertEquals("1:台1", match(d, "台積", 0, 2), "a prefix of a longer key is not a match by itself");
        assertEquals("3:吉野", match(d, "𠮷野家", 0, 4));
    }

    @Test
    void boundsAreRespected() {
        PrefixDictionary d = dictionary();
        assertEquals("1:台1", match(d, "台積電", 0, 1), "the end cuts the longer key off");
        assertEquals("2:记忆", match(d, "記憶體", 0, 2));
        assertEquals("1:台1", match(d, "在台", 1, 2), "a match at the very end of the range");
        assertEquals("-", match(d, "台", 1, 1), "an empty range");
        assertEquals("-", match(d, "電台", 0, 2), "a character that starts no key");
        assertEquals("-", match(d, "", 0, 0));
    }

    @Test
    void getIsAnExactLookup() {
        PrefixDictionary d = dictionary();
        assertEquals("内存", d.get("記憶體"));
        assertNull(d.get("記憶體不足"));
        assertNull(d.get("台積"));
        assertNull(d.get(""));
        assertEquals(5, d.size());
    }
}

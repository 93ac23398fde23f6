package dev.zhsearch.pinyin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Phrase-level readings, the keys words are typed by, and what people type normalised to them. */
class ReadingsTest {

    static final Readings READINGS = Readings.standard();
    static final UnaryOperator<String> AS_IS = s -> s;

    static String read(String simplified) {
        return String.join(" ", READINGS.read(simplified).stream().map(Readings.Syllable::toString).toList());
    }

    @Test
    void polyphonesAreReadByTheWordTheyAreIn() {
        assertEquals("chong2 qing4", read("重庆"));
        assertEquals("yin2 hang2", read("银行"));
        assertEquals("xing2 zou3", read("行走"));
        assertEquals("kuai4 ji4", read("会计"));
        assertEquals("chang2 jiang1", read("长江"));
        assertEquals("zhang3 da4", read("长大"));
        assertEquals("liao3 bu4 qi3", read("了不起"));
        assertEquals("wei4 lai2", read("蔚来"), "no phrase lists 蔚来: each character's most common reading");
        // the longest phrase at each position, then the rest
        assertEquals("zhong1 guo2 yin2 hang2", read("中国银行"));
        // a name only CC-CEDICT lists, read as it reads it (森 alone is sen1 too: the phrase decides the tone)
        assertEquals("qian2 xue2 sen1", read("钱学森"));
        assertEquals("lu2 gou1 qiao2", read("卢沟桥"));
        assertTrue(READINGS.phrases().contains("卢沟桥"), "the dictionaries' words are listed, for suggestions");
    }

    /**
     * A phrase the table reads two ways (two rows: CC-CEDICT's syllables first where the other sources
     * read it otherwise) is typed either way, the first the usual one; read() gives the first.
     */
    @Test
    void aPhraseReadTwoWaysIsTypedEitherWay() {
        assertEquals("hong2 du1 la1 si1", read("洪都拉斯"), "CC-CEDICT's reading first (phrase-pinyin-data reads 都 dou)");
        List<String> keys = READINGS.keysAll("洪都拉斯", 4).stream().map(Readings.Keys::pinyin).toList();
        assertEquals(List.of("hongdulasi", "hongdoulasi"), keys);
        assertEquals(List.of("gupu", "gupiao"), READINGS.keysAll("古朴", 4).stream().map(Readings.Keys::pinyin).toList());
        assertEquals(List.of("yinhang"), READINGS.keysAll("银行", 4).stream().map(Readings.Keys::pinyin).toList(),
                "a phrase read one way stays one way");
    }

    @Test
    void latinRunsAndDigitsStayAsWritten() {
        List<Readings.Syllable> r = READINGS.read("iPhone17上市");
        assertEquals(new Readings.Syllable("iphone17", 0), r.getFirst());
        assertEquals("shang4", r.get(1).toString());
        assertEquals(List.of(), READINGS.read("，。！"));
        assertEquals(List.of(), READINGS.read(""));
    }

    @Test
    void aWordIsTypedByItsPinyinItsInitialsAndItsZhuyin() {
        Readings.Keys k = READINGS.keys("台积电");
        assertEquals("taijidian", k.pinyin());
        assertEquals("tjd", k.initials());
        assertEquals("ㄊㄞㄐㄧㄉㄧㄢ", k.zhuyin());
        assertEquals("lvse", READINGS.keys("绿色").pinyin(), "ü as v");
        assertEquals("ㄌㄩㄙㄜ", READINGS.keys("绿色").zhuyin());
    }

    @Test
    void aKeyTypedPartWayIsWholeSyllablesAndTheBeginningOfOneMore() {
        assertTrue(READINGS.syllablesBegun("jiaquanzh", false, 2, 3).contains(new Readings.Begun(List.of("jia", "quan"), "zh")));
        // a whole syllable may still be begun (ya of yan, yang); z begins zh's syllables too
        assertTrue(READINGS.syllablesBegun("wananya", false, 2, 3).contains(new Readings.Begun(List.of("wan", "an"), "ya")));
        assertTrue(READINGS.syllablesBeginning("ya", false).containsAll(List.of("ya", "yan", "yang", "yao")));
        assertTrue(READINGS.syllablesBeginning("z", false).containsAll(List.of("zi", "zhi", "zhuang")));
        assertEquals(List.of(), READINGS.syllablesBeginning("q", false).stream().filter(s -> !s.startsWith("q")).toList());
        // Zhuyin: the letters of a syllable begun (ㄐ of ji, jia, ju …), as pinyin syllables
        assertTrue(READINGS.syllablesBeginning("ㄐ", true).containsAll(List.of("ji", "jia", "ju")));
        assertTrue(READINGS.syllablesBegun("ㄍㄜㄖㄨㄐ", true, 2, 3).contains(new Readings.Begun(List.of("ge", "ru"), "ㄐ")));
        // fewer whole syllables than asked, or letters no syllable begins: none
        assertEquals(List.of(), READINGS.syllablesBegun("lvzh", false, 2, 3));
        assertEquals(List.of(), READINGS.syllablesBegun("taiwanii", false, 2, 3));
        assertEquals(List.of(), READINGS.syllablesBegun("", false, 2, 3));
    }

    @Test
    void whatIsTypedLosesTonesSpacesAndCaseAndReadsItsChineseCharacters() {
        assertEquals("taijidian", READINGS.typed("tái jī diàn", AS_IS).key());
        assertEquals("taijidian", READINGS.typed("Tai2 Ji1 Dian4", AS_IS).key());
        assertEquals("taiji", READINGS.typed("台ji", AS_IS).key(), "mixed: the character's reading, then the letters");
        assertTrue(READINGS.typed("重qing", AS_IS).keys().containsAll(List.of("zhongqing", "chongqing")), "a character alone: each of its readings");
        assertEquals(List.of("chongqing"), READINGS.typed("重庆", AS_IS).keys(), "in a word: the word's reading");
        assertEquals("lvse", READINGS.typed("lǜsè", AS_IS).key());
        assertEquals("lvse", READINGS.typed("lü se", AS_IS).key());
        assertEquals("xian", READINGS.typed("xi'an", AS_IS).key());
        assertEquals(new Readings.Typed(List.of("ㄊㄞㄐ"), true), READINGS.typed("ㄊㄞˊㄐ", AS_IS), "Zhuyin without its tone marks");
        assertEquals("ㄊㄞㄐㄧ", READINGS.typed("台ㄐㄧ", AS_IS).key());
        assertTrue(READINGS.typed("  ", AS_IS).isEmpty());
    }

    @Test
    void aCharacterNoPhraseCoversIsTypedByEachOfItsReadings() {
        // (长荣 itself is in CC-CEDICT, chang rong; 长泓 is in no dictionary)
        List<String> ways = READINGS.keysAll("长泓", 4).stream().map(Readings.Keys::pinyin).toList();
        assertEquals("zhanghong", ways.getFirst(), "the most common reading first");
        assertTrue(ways.contains("changhong"), ways.toString());
        assertEquals(List.of("changrong"), READINGS.keysAll("长荣", 4).stream().map(Readings.Keys::pinyin).toList());
        assertEquals(List.of("chongqing"), READINGS.keysAll("重庆", 4).stream().map(Readings.Keys::pinyin).toList(),
                "a phrase decides: no other reading");
    }

    @Test
    void pinyinIsTellsSyllablesFromOtherLetters() {
        assertTrue(READINGS.isPinyinPrefix("taij"));
        assertFalse(READINGS.isPinyinPrefix("tw"), "initials are not pinyin");
        assertFalse(READINGS.isPinyinPrefix("tsmc"));
        assertTrue(READINGS.isPinyin("taijidian"));
        assertTrue(READINGS.isPinyin("zhongguoyinhang"));
        assertTrue(READINGS.isPinyin("lvse"));
        assertFalse(READINGS.isPinyin("tsmc"));
        assertFalse(READINGS.isPinyin("iphone"));
        assertFalse(READINGS.isPinyin(""));
    }

    @Test
    void surrogatePairsAndVeryLongInputAreRead() {
        assertEquals("he1 ye3", read("𠀀野"), "a character outside the BMP (U+20000) has its reading too");
        String longText = "银行".repeat(50_000);
        assertEquals(100_000, READINGS.read(longText).size());
    }

    @Test
    void theTonesTypedAreTheSyllablesTones() {
        Readings.Syllable tan4 = new Readings.Syllable("tan", 4);
        assertEquals(List.of(tan4, new Readings.Syllable("fei", 4)), READINGS.tonesTyped("tan4fei4"));
        assertEquals(List.of(new Readings.Syllable("tan", 2), new Readings.Syllable("fei", 1)), READINGS.tonesTyped("tán fēi"));
        assertEquals(List.of(new Readings.Syllable("tan", 2), new Readings.Syllable("fei", 1)), READINGS.tonesTyped("tánfēi"),
                "marks on the vowels, no space");
        assertEquals(List.of(tan4, new Readings.Syllable("fei", 1)), READINGS.tonesTyped("ㄊㄢˋㄈㄟ"),
                "a Zhuyin syllable without a mark is the first tone when others have marks");
        assertEquals(List.of(new Readings.Syllable("tan", 0), new Readings.Syllable("fei", 4)), READINGS.tonesTyped("tan fei4"),
                "no tone typed for tan");
        assertEquals(List.of(new Readings.Syllable("lv", 4)), READINGS.tonesTyped("lǜ"));
        assertEquals(List.of(), READINGS.tonesTyped("tanfei"), "no tone typed");
        assertEquals(List.of(), READINGS.tonesTyped("ㄊㄢㄈㄟ"), "no tone typed");
        assertEquals(List.of(), READINGS.tonesTyped("台ji2"), "a character typed");
        assertEquals(List.of(), READINGS.tonesTyped("tjd3"), "no syllables");
        assertEquals(List.of(), READINGS.tonesTyped(""));
        assertTrue(READINGS.fits('彈', new Readings.Syllable("tan", 2)));
        assertFalse(READINGS.fits('彈', tan4), "彈 is tan2 or dan4");
        assertTrue(READINGS.fits('彈', new Readings.Syllable("tan", 0)), "no tone typed");
        assertFalse(READINGS.fits('大', new Readings.Syllable("tai", 2)), "大 is tai4 only at times");
        assertTrue(READINGS.fits('不', new Readings.Syllable("bu", 2)), "不 before a fourth tone");
        assertTrue(READINGS.fits('一', new Readings.Syllable("yi", 4)), "一 before other tones");
        assertFalse(READINGS.fits('吕', new Readings.Syllable("lu", 3)), "another syllable");
    }

    @Test
    void aToneOrASpaceTypedEndsASyllableThere() {
        assertEquals(List.of(List.of("lan", "yue"), List.of("lan", "yu", "e")), READINGS.syllablesAsTyped("lanyue", 3));
        assertEquals(List.of(List.of("lan", "yue")), READINGS.syllablesAsTyped("lan3yue4", 3), "the digit ends lan, and yue");
        assertEquals(List.of(List.of("lan", "yue")), READINGS.syllablesAsTyped("lǎn yuè", 3), "a space ends it too");
        assertEquals(List.of(List.of("xi", "an")), READINGS.syllablesAsTyped("xī ān", 3), "not xian");
        assertEquals(List.of(List.of("lan", "yue")), READINGS.syllablesAsTyped("ㄌㄢˇㄩㄝˋ", 3), "a Zhuyin tone mark");
        assertEquals(List.of(List.of("xi", "an")), READINGS.syllablesAsTyped("xi'an", 3), "an apostrophe");
        assertEquals(List.of(), READINGS.syllablesAsTyped("tj3d", 3), "a part that does not split");
        assertEquals(List.of(), READINGS.syllablesAsTyped(" 3 ", 3), "nothing typed");
        assertEquals(List.of(List.of("xian", "xian")), READINGS.syllablesAsTyped("xian xian", 3), "one syllable between spaces");
        assertEquals(List.of(List.of("xie", "chang", "ting")), READINGS.syllablesAsTyped("xiechang2ting2", 3), "a part of two, fewest ways");
    }

    @Test
    void aTypedKeySplitsIntoSyllablesAndEachSyllableIntoItsCharacters() {
        assertEquals(List.of(List.of("xian"), List.of("xi", "an")), READINGS.syllables("xian", false, 3), "fewer syllables first");
        assertEquals(List.of("gong", "ping", "hui"), READINGS.syllables("ㄍㄨㄥㄆㄧㄥㄏㄨㄟ", true, 3).getFirst());
        assertEquals(List.of(), READINGS.syllables("tjd", false, 3), "initials are no syllables");
        assertEquals(1, READINGS.syllables("xian", false, 1).size(), "at most max ways");
        int[] zhong = READINGS.charactersRead("zhong");
        assertTrue(java.util.Arrays.stream(zhong).anyMatch(cp -> cp == '中') && java.util.Arrays.stream(zhong).anyMatch(cp -> cp == '重'));
        assertTrue(java.util.Arrays.stream(READINGS.charactersRead("yun")).anyMatch(cp -> cp == '温'), "温 is read yun at times");
        assertFalse(READINGS.usualReading('温', "yun"));
        assertTrue(READINGS.usualReading('温', "wen"));
        assertEquals(0, READINGS.charactersRead("xyz").length);
    }
}

package dev.zhsearch.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScriptDetectorTest {

    private static final OpenccConfigs CONFIGS = new OpenccConfigs();
    private static final ScriptDetector DETECTOR = new ScriptDetector(CONFIGS);
    private static final Path GSD = Path.of("../shared/corpora/ud-chinese-gsd-parallel");

    @Test
    void votesOfOneScriptOnlyCharacters() {
        assertEquals(Script.TRADITIONAL, DETECTOR.detect("台積電發表新的處理器"));
        assertEquals(Script.SIMPLIFIED, DETECTOR.detect("台积电发表新的处理器"));
        assertEquals(Script.UNKNOWN, DETECTOR.detect("中文"), "shared characters do not vote");
        assertEquals(Script.UNKNOWN, DETECTOR.detect("發发"), "a tie is unknown");
        assertEquals(Script.TRADITIONAL, DETECTOR.detect("發發发"));
        assertEquals(Script.UNKNOWN, DETECTOR.detect(""));
        assertEquals(Script.UNKNOWN, DETECTOR.detect("TSMC 2nm"));
        assertEquals(Script.UNKNOWN, DETECTOR.detect("\uD842\uDFB7"), "𠮷 (beyond the BMP) is in neither table");
        assertEquals(Script.SIMPLIFIED, DETECTOR.detect("\uD842电\uDC00"), "lone surrogates are skipped");
    }

    /** The 64 KB table answers exactly as asking the two dictionaries for each character does. */
    @Test
    void sameAnswersAsTheDictionariesOnGsd() throws Exception {
        assumeTrue(Files.isDirectory(GSD), "skipped: " + GSD + " not found (the shared corpora sit beside the project)");
        PrefixDictionary trad = CONFIGS.dictionary("TSCharacters").orElseThrow();
        PrefixDictionary simp = CONFIGS.dictionary("STCharacters").orElseThrow();
        int compared = 0;
        for (String file : List.of("zh_gsd-ud-dev.conllu", "zh_gsdsimp-ud-dev.conllu")) {
            for (String line : Files.readAllLines(GSD.resolve(file))) {
                if (line.startsWith("# text = ")) {
                    String text = line.substring("# text = ".length());
                    assertEquals(byDictionaries(text, trad, simp), DETECTOR.detect(text), text);
                    compared++;
                }
            }
        }
        assertEquals(1000, compared, "dev sentences in both scripts");
    }

    private static Script byDictionaries(String text, PrefixDictionary trad, PrefixDictionary simp) {
        int t = 0;
        int s = 0;
        String[] value = new String[1];
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int len = Character.charCount(cp);
            if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
                String ch = text.substring(i, i + len);
                boolean isT = trad.match(text, i, i + len, value) == len && !value[0].equals(ch);
                boolean isS = simp.match(text, i, i + len, value) == len && !value[0].equals(ch);
                t += isT && !isS ? 1 : 0;
                s += isS && !isT ? 1 : 0;
            }
            i += len;
        }
        return t == s ? Script.UNKNOWN : t > s ? Script.TRADITIONAL : Script.SIMPLIFIED;
    }
}

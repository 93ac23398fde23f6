package dev.zhsearch.search;

import dev.zhsearch.analysis.FoldedText;
import dev.zhsearch.clean.Cleaner;
import dev.zhsearch.convert.ScriptFolder;
import dev.zhsearch.index.Analysis;
import dev.zhsearch.index.Fields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * What the index makes of a text, as Elasticsearch's {@code _analyze} shows it: the text as the
 * cleaner leaves it, as the fold writes it, the vocabulary folds that applied, and each field's
 * tokens with their positions and their offsets in the cleaned text. The same analyzers and cleaner
 * that index documents, so a user can see why X does or does not find Y.
 */
public final class TextAnalysis {

    /** The fields a text can be analysed as: the title and body word fields and their bigram twins. */
    public static final List<String> FIELDS = List.of(Fields.TITLE, Fields.TITLE_BIGRAM, Fields.BODY, Fields.BODY_BIGRAM);

    public record Token(String term, int position, int start, int end, String original, String type) {}

    public record FieldTokens(String field, List<Token> tokens) {}

    /** A vocabulary fold: the words as written, and the word both regions' forms fold to. */
    public record Fold(String original, String folded) {}

    public record Result(String text, String cleaned, String folded, List<Fold> folds, List<String> companies,
                         List<FieldTokens> fields) {}

    private final Analysis analysis;
    private final Cleaner cleaner;

    public TextAnalysis(Analysis analysis, Cleaner cleaner) {
        this.analysis = analysis;
        this.cleaner = cleaner;
    }

    /** Analyses {@code text} as {@code field} (one of {@link #FIELDS}), or as the title and its bigrams if null. */
    public Result analyze(String text, String field) {
        if (field != null && !FIELDS.contains(field)) {
            throw new IllegalArgumentException("unknown field '" + field + "' (" + String.join(", ", FIELDS) + ")");
        }
        List<String> fields = field == null ? List.of(Fields.TITLE, Fields.TITLE_BIGRAM) : List.of(field);
        boolean body = fields.getFirst().startsWith(Fields.BODY);
        String cleaned = body ? cleaner.body(text) : cleaner.title(text);
        FoldedText folded = analysis.words().fold(cleaned);
        List<FieldTokens> tokens = new ArrayList<>();
        for (String f : fields) {
            tokens.add(new FieldTokens(f, tokens(f, cleaned)));
        }
        return new Result(text, cleaned, folded.text(), folds(analysis.folder(), cleaned),
                analysis.companies().companies(cleaned), tokens);
    }

    /** The spans of {@code text} whose words the vocabulary step folded to another region's word. */
    static List<Fold> folds(ScriptFolder folder, String text) {
        List<Fold> out = new ArrayList<>();
        for (ScriptFolder.VocabularyMatch m : folder.vocabularyMatches(text)) {
            String original = text.substring(m.start(), m.end());
            if (!folder.foldScript(original).equals(m.canonical())) {
                out.add(new Fold(original, m.canonical()));
            }
        }
        return out;
    }

    private List<Token> tokens(String field, String text) {
        List<Token> out = new ArrayList<>();
        try (TokenStream ts = analysis.perField().tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            TypeAttribute type = ts.addAttribute(TypeAttribute.class);
            ts.reset();
            int position = -1;
            while (ts.incrementToken()) {
                position += inc.getPositionIncrement();
                int start = offset.startOffset();
                int end = offset.endOffset();
                String original = start >= 0 && end <= text.length() && start <= end ? text.substring(start, end) : "";
                out.add(new Token(term.toString(), position, start, end, original, type.type()));
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // analysing a String does not fail
        }
        return out;
    }

    /** The result as a few lines for a terminal. */
    public static String table(Result r) {
        StringBuilder sb = new StringBuilder();
        sb.append("text     ").append(r.text()).append('\n');
        sb.append("cleaned  ").append(r.cleaned()).append('\n');
        sb.append("folded   ").append(r.folded()).append('\n');
        for (Fold f : r.folds()) {
            sb.append("fold     ").append(f.original()).append(" ≈ ").append(f.folded()).append('\n');
        }
        if (!r.companies().isEmpty()) {
            sb.append("company  ").append(String.join(" ", r.companies())).append('\n');
        }
        for (FieldTokens ft : r.fields()) {
            sb.append('\n').append(ft.field()).append(": ").append(ft.tokens().size()).append(" tokens\n");
            sb.append(String.format("  %4s  %-12s %9s  %s%n", "pos", "term", "offsets", "original"));
            for (Token t : ft.tokens()) {
                sb.append(String.format("  %4d  %-12s %4d-%-4d  %s%n", t.position(), t.term(), t.start(), t.end(), t.original()));
            }
        }
        return sb.toString();
    }
}

package dev.zhsearch.search;

import dev.zhsearch.convert.ScriptFolder;
import java.util.ArrayList;
import java.util.List;

/** The "伺服器 ≈ 服务器" notes on a hit: where it matched the query only through the vocabulary fold. */
public final class FoldNotes {

    private final ScriptFolder folder;

    public FoldNotes(ScriptFolder folder) {
        this.folder = folder;
    }

    /** The query's vocabulary words, once per search. */
    public List<ScriptFolder.VocabularyMatch> queryWords(String query) {
        return query.isBlank() ? List.of() : folder.vocabularyMatches(query);
    }

    /**
     * The words of a hit that matched the query only through the vocabulary fold: a word of the hit
     * and a word of the query with the same canonical form but different even after the script fold
     * (伺服器 and 服务器; not 服務器 and 服务器, which differ only in script).
     */
    public List<Hit.FoldNote> notes(String query, List<ScriptFolder.VocabularyMatch> queryWords, String hitText) {
        if (queryWords.isEmpty()) {
            return List.of();
        }
        String text = Highlighting.plainText(hitText);
        List<Hit.FoldNote> notes = new ArrayList<>();
        for (ScriptFolder.VocabularyMatch d : folder.vocabularyMatches(text)) {
            for (ScriptFolder.VocabularyMatch q : queryWords) {
                if (!q.canonical().equals(d.canonical())) {
                    continue;
                }
                String docWord = text.substring(d.start(), d.end());
                String queryWord = query.substring(q.start(), q.end());
                Hit.FoldNote note = new Hit.FoldNote(docWord, queryWord);
                if (!folder.foldScript(docWord).equals(folder.foldScript(queryWord)) && !notes.contains(note)) {
                    notes.add(note);
                }
            }
        }
        return notes;
    }
}

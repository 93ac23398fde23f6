package dev.zhsearch.convert;

/**
 * Tells Traditional from Simplified by counting characters that exist in only one script: a key of
 * OpenCC's TSCharacters that converts to something else is Traditional-only; a key of STCharacters
 * that converts to something else is Simplified-only. Characters shared by both (most of them)
 * do not vote.
 */
public final class ScriptDetector {

    private final PrefixDictionary traditionalOnly;
    private final PrefixDictionary simplifiedOnly;

    public ScriptDetector(OpenccConfigs configs) {
        this.traditionalOnly = configs.dictionary("TSCharacters").orElseThrow();
        this.simplifiedOnly = configs.dictionary("STCharacters").orElseThrow();
    }

    public Script detect(CharSequence text) {
        int trad = 0;
        int simp = 0;
        String[] value = new String[1];
        for (int i = 0; i < text.length(); ) {
            int cp = Character.codePointAt(text, i);
            int len = Character.charCount(cp);
            if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
                boolean t = traditionalOnly.match(text, i, i + len, value) == len && !value[0].contentEquals(text.subSequence(i, i + len));
                boolean s = simplifiedOnly.match(text, i, i + len, value) == len && !value[0].contentEquals(text.subSequence(i, i + len));
                if (t && !s) {
                    trad++;
                } else if (s && !t) {
                    simp++;
                }
            }
            i += len;
        }
        if (trad == simp) {
            return Script.UNKNOWN;
        }
        return trad > simp ? Script.TRADITIONAL : Script.SIMPLIFIED;
    }
}

package dev.zhsearch.convert;

/**
 * Tells Traditional from Simplified by counting characters that exist in only one script: a key of
 * OpenCC's TSCharacters that converts to something else is Traditional-only; a key of STCharacters
 * that converts to something else is Simplified-only. Characters shared by both (most of them)
 * do not vote. Every document is detected, so each BMP character's vote is looked up once, when
 * the detector is built, into a 64 KB table; characters beyond the BMP ask the dictionaries.
 */
public final class ScriptDetector {

    private static final byte TRADITIONAL = 1;
    private static final byte SIMPLIFIED = -1;

    private final PrefixDictionary traditionalOnly;
    private final PrefixDictionary simplifiedOnly;
    private final byte[] bmpVotes = new byte[Character.MAX_VALUE + 1];

    public ScriptDetector(OpenccConfigs configs) {
        this.traditionalOnly = configs.dictionary("TSCharacters").orElseThrow();
        this.simplifiedOnly = configs.dictionary("STCharacters").orElseThrow();
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            if (!Character.isSurrogate((char) c)) {
                bmpVotes[c] = vote(c);
            }
        }
    }

    public Script detect(CharSequence text) {
        int balance = 0; // Traditional-only minus Simplified-only characters
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                balance += vote(Character.toCodePoint(c, text.charAt(++i)));
            } else {
                balance += bmpVotes[c];
            }
        }
        if (balance == 0) {
            return Script.UNKNOWN;
        }
        return balance > 0 ? Script.TRADITIONAL : Script.SIMPLIFIED;
    }

    /** +1 for a Traditional-only character, -1 for a Simplified-only one, 0 for shared or not Han. */
    private byte vote(int cp) {
        if (Character.UnicodeScript.of(cp) != Character.UnicodeScript.HAN) {
            return 0;
        }
        String ch = Character.toString(cp);
        String[] value = new String[1];
        boolean t = traditionalOnly.match(ch, 0, ch.length(), value) == ch.length() && !value[0].equals(ch);
        boolean s = simplifiedOnly.match(ch, 0, ch.length(), value) == ch.length() && !value[0].equals(ch);
        if (t && !s) {
            return TRADITIONAL;
        }
        return s && !t ? SIMPLIFIED : 0;
    }
}

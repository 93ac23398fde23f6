package dev.zhsearch.text;

/**
 * Folds full-width ASCII variants (U+FF01..U+FF5E) and the ideographic space to their ASCII forms:
 * {@code ＥＵＶ} → {@code EUV}. Length-preserving (one char for one char), so offsets in the folded
 * text are offsets in the original. For matching only: documents are displayed as written.
 */
public final class FullWidth {

    private FullWidth() {}

    public static String fold(String text) {
        char[] cs = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char f = fold(c);
            if (f != c) {
                if (cs == null) {
                    cs = text.toCharArray();
                }
                cs[i] = f;
            }
        }
        return cs == null ? text : new String(cs);
    }

    public static char fold(char c) {
        if (c >= '\uFF01' && c <= '\uFF5E') {
            return (char) (c - 0xFEE0);
        }
        return c == '\u3000' ? ' ' : c;
    }
}

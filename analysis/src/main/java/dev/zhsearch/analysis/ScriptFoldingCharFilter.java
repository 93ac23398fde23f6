package dev.zhsearch.analysis;

import dev.zhsearch.convert.Converted;
import dev.zhsearch.convert.ScriptFolder;
import java.io.IOException;
import java.io.Reader;
import org.apache.lucene.analysis.charfilter.BaseCharFilter;

/**
 * Folds Traditional/Simplified script and Taiwan/mainland vocabulary ({@link ScriptFolder}) inside
 * the analysis chain. Input is converted in chunks cut after a line break or sentence punctuation,
 * which no OpenCC phrase spans, so memory stays bounded for any document size. Every length change
 * (記憶體 → 内存) is recorded with {@link #addOffCorrectMap}, so token offsets point at the original
 * characters and highlights land where the reader sees the word.
 */
public final class ScriptFoldingCharFilter extends BaseCharFilter {

    static final int CHUNK = 2048;
    static final int MAX_CHUNK = 4 * CHUNK;

    private final ScriptFolder folder;
    private final char[] readBuffer = new char[CHUNK];
    private final StringBuilder pending = new StringBuilder(MAX_CHUNK);
    private boolean inputDone;
    private String out = "";
    private int outPos;
    private int inputBase;
    private int outputBase;
    private int lastDiff;

    public ScriptFoldingCharFilter(Reader in, ScriptFolder folder) {
        super(in);
        this.folder = folder;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (outPos == out.length()) {
            if (!fill()) {
                return -1;
            }
        }
        int n = Math.min(len, out.length() - outPos);
        out.getChars(outPos, outPos + n, cbuf, off);
        outPos += n;
        return n;
    }

    /** Converts the next chunk of input; false at the end of input. */
    private boolean fill() throws IOException {
        while (!inputDone && pending.length() < CHUNK) {
            int n = input.read(readBuffer, 0, readBuffer.length);
            if (n < 0) {
                inputDone = true;
            } else {
                pending.append(readBuffer, 0, n);
            }
        }
        if (pending.isEmpty()) {
            return false;
        }
        int cut = inputDone ? pending.length() : safeCut();
        while (cut < 0) {
            int n = input.read(readBuffer, 0, readBuffer.length);
            if (n < 0) {
                inputDone = true;
                cut = pending.length();
            } else {
                pending.append(readBuffer, 0, n);
                cut = pending.length() >= MAX_CHUNK ? hardCut() : safeCut();
            }
        }
        String chunk = pending.substring(0, cut);
        pending.delete(0, cut);
        Converted c = folder.foldWithOffsets(chunk);
        int[] map = c.sourceOffsets();
        for (int p = 0; p < map.length; p++) {
            int diff = inputBase + map[p] - (outputBase + p);
            if (diff != lastDiff) {
                addOffCorrectMap(outputBase + p, diff);
                lastDiff = diff;
            }
        }
        inputBase += cut;
        outputBase += c.text().length();
        out = c.text();
        outPos = 0;
        return true;
    }

    /** Just after the last safe boundary in the pending text, or -1 if there is none yet. */
    private int safeCut() {
        for (int i = pending.length() - 1; i >= 0; i--) {
            if (isBoundary(pending.charAt(i))) {
                return i + 1;
            }
        }
        return -1;
    }

    /** No boundary in MAX_CHUNK characters (a base64 blob, say): cut anyway, never inside a surrogate pair. */
    private int hardCut() {
        int cut = pending.length();
        return Character.isHighSurrogate(pending.charAt(cut - 1)) ? cut - 1 : cut;
    }

    private static boolean isBoundary(char c) {
        return switch (c) {
            case '\n', '\r', '\t', ' ', '\u3000', '。', '，', '！', '？', '；', '：', '、', ',', '.', ';', '!', '?' -> true;
            default -> false;
        };
    }
}

package dev.zhsearch.corpus;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;

/**
 * Reads a (possibly gzip'd) file line by line, decoding each line on its own, so that one line of
 * invalid UTF-8 costs that line only. Lines longer than {@code maxLineBytes} are reported, not read
 * into memory whole.
 */
public final class LineReader implements Closeable {

    /** A line: its 1-based number and its text, or null text with an error. */
    public record Line(int number, String text, String error) {}

    private final InputStream in;
    private final int maxLineBytes;
    private final ByteArrayOutputStream buf = new ByteArrayOutputStream(1 << 12);
    private int lineNo;
    private boolean eof;

    public LineReader(Path file, int maxLineBytes) throws IOException {
        this.in = InputFiles.open(file);
        this.maxLineBytes = maxLineBytes;
    }

    private final byte[] chunk = new byte[1 << 16];
    private int pos;
    private int limit;

    /** The next line, or null at the end of the file. */
    public Line next() throws IOException {
        if (eof) {
            return null;
        }
        buf.reset();
        boolean tooLong = false;
        boolean sawNewline = false;
        while (!sawNewline) {
            if (pos == limit) {
                limit = in.read(chunk, 0, chunk.length);
                pos = 0;
                if (limit <= 0) {
                    limit = 0;
                    eof = true;
                    break;
                }
            }
            int start = pos;
            while (pos < limit && chunk[pos] != '\n') {
                pos++;
            }
            int n = pos - start;
            if (buf.size() + n <= maxLineBytes) {
                buf.write(chunk, start, n);
            } else {
                tooLong = true;
            }
            if (pos < limit) {
                pos++; // the newline
                sawNewline = true;
            }
        }
        if (eof && buf.size() == 0 && !tooLong) {
            return null;
        }
        lineNo++;
        if (tooLong) {
            return new Line(lineNo, null, "line longer than " + maxLineBytes + " bytes");
        }
        byte[] bytes = buf.toByteArray();
        int len = bytes.length;
        if (len > 0 && bytes[len - 1] == '\r') {
            len--;
        }
        int off = lineNo == 1 && len >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        try {
            return new Line(lineNo, InputFiles.decodeStrict(bytes, off, len - off), null);
        } catch (CharacterCodingException e) {
            return new Line(lineNo, null, "invalid UTF-8");
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}

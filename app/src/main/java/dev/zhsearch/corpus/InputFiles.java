package dev.zhsearch.corpus;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Opening corpus files: gzip or plain alike (by magic bytes, not name), strict UTF-8. */
public final class InputFiles {

    private InputFiles() {}

    /** Opens a file, transparently decompressing gzip. */
    public static InputStream open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        if (b1 == 0x1f && b2 == 0x8b) {
            return new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
        }
        return in;
    }

    /** The file name without {@code .gz} and without its last extension. */
    public static String stem(Path file) {
        String name = file.getFileName().toString();
        if (name.endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
        }
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** The extension, lower-case, looking through {@code .gz}: "jsonl", "json", "txt", "md" or "". */
    public static String extension(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
        }
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(dot + 1) : "";
    }

    /** The first bytes of the (decompressed) file as text, for sniffing the format; "" if binary. */
    public static String head(Path file, int bytes) throws IOException {
        try (InputStream in = open(file)) {
            byte[] buf = in.readNBytes(bytes);
            for (byte b : buf) {
                if (b == 0) {
                    return "";
                }
            }
            return new String(buf, StandardCharsets.UTF_8);
        }
    }

    /** Decodes strictly: invalid UTF-8 is an error, never a silent U+FFFD. */
    public static String decodeStrict(byte[] bytes, int off, int len) throws CharacterCodingException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return decoder.decode(ByteBuffer.wrap(bytes, off, len)).toString();
    }

    /** Reads a whole file strictly as UTF-8 (after gunzip), stripping a BOM. */
    public static String readString(Path file) throws IOException {
        try (InputStream in = open(file)) {
            byte[] all = in.readAllBytes();
            int off = all.length >= 3 && (all[0] & 0xff) == 0xEF && (all[1] & 0xff) == 0xBB && (all[2] & 0xff) == 0xBF ? 3 : 0;
            return decodeStrict(all, off, all.length - off);
        }
    }
}

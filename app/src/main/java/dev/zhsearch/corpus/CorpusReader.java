package dev.zhsearch.corpus;

import java.io.IOException;
import java.nio.file.Path;

/** Reads one corpus format. Bad records are reported to the sink and skipped; reading goes on. */
public interface CorpusReader {

    /** A short name for messages and {@code --format}. */
    String name();

    /** Whether this reader takes a file with this name and first bytes (decompressed). */
    boolean accepts(Path file, String head);

    void read(Path file, CorpusSink sink) throws IOException;
}

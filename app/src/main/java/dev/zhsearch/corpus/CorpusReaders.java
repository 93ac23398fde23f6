package dev.zhsearch.corpus;

import dev.zhsearch.clean.Boilerplate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Picks the reader for each input file by content and extension, and expands folders into their
 * files (sorted, so ids and order are stable across rebuilds). Hidden files are skipped.
 */
public final class CorpusReaders {

    private static final int SNIFF_BYTES = 4096;
    private final List<CorpusReader> readers;

    public CorpusReaders(List<CorpusReader> readers) {
        this.readers = List.copyOf(readers);
    }

    public static CorpusReaders standard() {
        return new CorpusReaders(List.of(
                new CctvXwlbReader(), new TwNewsDigestReader(), new OwnJsonLinesReader(),
                new SeedFileReader(Boilerplate.standard())));
    }

    /** The reader for a file, or empty with no reader that takes it. */
    public Optional<CorpusReader> readerFor(Path file) throws IOException {
        String head = InputFiles.head(file, SNIFF_BYTES);
        if (head.isEmpty() && Files.size(file) > 0) {
            return Optional.empty(); // binary
        }
        return readers.stream().filter(r -> r.accepts(file, head)).findFirst();
    }

    /** All regular files under the inputs, in a stable order; unreadable entries are reported. */
    public static List<Path> expand(List<Path> inputs, CorpusSink sink) {
        List<Path> files = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                try (Stream<Path> walk = Files.walk(input)) {
                    walk.filter(p -> !p.getFileName().toString().startsWith("."))
                            .filter(p -> !Files.isDirectory(p))
                            .sorted()
                            .forEach(files::add);
                } catch (IOException | java.io.UncheckedIOException e) {
                    sink.skip(new ReadProblem(input.toString(), 0, "cannot list folder: " + e.getMessage()));
                }
            } else if (Files.exists(input)) {
                files.add(input);
            } else {
                sink.skip(new ReadProblem(input.toString(), 0, "no such file or folder"));
            }
        }
        return files;
    }

    /** Reads every file under the inputs, each with its reader; files no reader takes are reported. */
    public void readAll(List<Path> inputs, CorpusSink sink) {
        for (Path file : expand(inputs, sink)) {
            read(file, sink);
        }
    }

    public void read(Path file, CorpusSink sink) {
        try {
            if (!Files.isReadable(file)) {
                sink.skip(new ReadProblem(file.toString(), 0, "not readable"));
                return;
            }
            if (Files.size(file) == 0) {
                sink.skip(new ReadProblem(file.toString(), 0, "empty file"));
                return;
            }
            Optional<CorpusReader> reader = readerFor(file);
            if (reader.isEmpty()) {
                sink.skip(new ReadProblem(file.toString(), 0, "unrecognised format (not a seed article, JSON Lines or CCTV JSON)"));
                return;
            }
            reader.get().read(file, sink);
        } catch (IOException | RuntimeException e) {
            sink.skip(new ReadProblem(file.toString(), 0, "cannot read: " + e));
        }
    }
}

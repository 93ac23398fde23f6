package dev.zhsearch.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The official OpenCC command-line tool ({@code opencc} and {@code opencc_dict}, Debian's package
 * {@code opencc}), used to make the other-script, other-region twins of benchmark texts, so that the
 * twins do not come from zhsearch's own converters. Debian ships OpenCC 1.1.5 with its 2022
 * dictionaries, whose TWPhrases still held pairs OpenCC has since dropped (通過 → 透過); so the tool
 * runs on the current dictionaries ({@code ../shared/corpora/opencc/data/dictionary}, compiled here
 * with {@code opencc_dict}) under Debian's own config files. Texts are sent one per line (line
 * breaks inside a text become spaces).
 */
public final class OfficialOpencc {

    private static final List<String> DICTIONARIES = List.of("STCharacters", "STPhrases", "TSCharacters", "TSPhrases",
            "TWPhrases", "TWPhrasesRev", "TWVariants", "TWVariantsRevPhrases");
    private static final Path DEBIAN_CONFIGS = Path.of("/usr/share/opencc");

    private final Path configDir;

    private OfficialOpencc(Path configDir) {
        this.configDir = configDir;
    }

    /**
     * The tool, with OpenCC's dictionaries from {@code dictionaryDir} compiled into {@code workDir};
     * empty (with the reason in {@code why}) if the tool or the dictionaries are missing.
     */
    public static Optional<OfficialOpencc> prepare(Path dictionaryDir, Path workDir, StringBuilder why) {
        if (onPath("opencc").isEmpty() || onPath("opencc_dict").isEmpty() || !Files.isDirectory(DEBIAN_CONFIGS)) {
            why.append("the official opencc tool is not installed (apt-get install opencc)");
            return Optional.empty();
        }
        if (!Files.isDirectory(dictionaryDir)) {
            why.append("OpenCC's dictionaries not found at ").append(dictionaryDir);
            return Optional.empty();
        }
        try {
            Files.createDirectories(workDir);
            for (String stem : DICTIONARIES) {
                compile(readEntries(dictionaryDir.resolve(stem + ".txt")), workDir, stem);
            }
            // OpenCC's build derives TWVariantsRev by reversing TWVariants (the first key of a value wins)
            java.util.Map<String, String> reversed = new java.util.LinkedHashMap<>();
            for (String line : readEntries(dictionaryDir.resolve("TWVariants.txt"))) {
                String[] kv = line.split("\t", 2);
                for (String v : kv[1].strip().split(" +")) {
                    reversed.putIfAbsent(v, kv[0]);
                }
            }
            compile(reversed.entrySet().stream().map(e -> e.getKey() + "\t" + e.getValue()).toList(), workDir, "TWVariantsRev");
            for (String config : List.of("s2twp.json", "tw2sp.json")) {
                Files.copy(DEBIAN_CONFIGS.resolve(config), workDir.resolve(config), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            return Optional.of(new OfficialOpencc(workDir));
        } catch (IOException e) {
            why.append("cannot prepare OpenCC's dictionaries: ").append(e.getMessage());
            return Optional.empty();
        }
    }

    private static List<String> readEntries(Path file) throws IOException {
        return Files.readAllLines(file).stream().filter(l -> !l.isBlank() && !l.startsWith("#") && l.indexOf('\t') > 0).toList();
    }

    private static void compile(List<String> lines, Path workDir, String stem) throws IOException {
        Path txt = workDir.resolve(stem + ".txt");
        Files.write(txt, lines);
        run(List.of("opencc_dict", "-i", txt.toString(), "-o", workDir.resolve(stem + ".ocd2").toString(), "-f", "text", "-t", "ocd2"));
    }

    private static void run(List<String> command) throws IOException {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IOException(String.join(" ", command) + ": " + output.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static Optional<Path> onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Converts each text with an OpenCC config such as {@code s2twp} or {@code tw2sp}. */
    public List<String> convert(List<String> texts, String config) {
        try {
            Process p = new ProcessBuilder("opencc", "-c", configDir.resolve(config + ".json").toString()).redirectErrorStream(false).start();
            Thread feeder = Thread.ofVirtual().start(() -> {
                try (Writer w = new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8)) {
                    for (String t : texts) {
                        w.write(t.replaceAll("\\R", " "));
                        w.write('\n');
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            List<String> out = new ArrayList<>(texts.size());
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    out.add(line);
                }
            }
            feeder.join();
            int exit = p.waitFor();
            if (exit != 0 || out.size() != texts.size()) {
                throw new IllegalStateException("opencc -c " + config + " exited " + exit + " with " + out.size() + " of " + texts.size() + " lines");
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package dev.zhsearch.convert;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.HashMap;

/**
 * Loads OpenCC's own configuration files ({@code opencc/config/*.json}) and dictionaries
 * ({@code opencc/dictionary/*.txt}) from the classpath. Dictionaries are shared between the
 * converters this loader builds. A {@code XRev} dictionary that OpenCC generates at build time is
 * derived here by reversing {@code X}; one that OpenCC generates from data we do not ship (e.g.
 * {@code TSCharactersExt}, an optional extension) is left out of its group.
 */
public final class OpenccConfigs {

    private static final String ROOT = "opencc/";
    private static final String GENERATED_ST_PHRASES = "STPhrases_GeneratedFromRegionalPhrases";
    private final Map<String, Optional<PrefixDictionary>> dictionaries = new HashMap<>();
    private final Map<String, ChineseConverter> converters = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The converter for an OpenCC config name such as {@code s2t} or {@code tw2sp}. Searches ask for
     * one per facet value and per hit: a loaded converter is returned without taking the lock.
     */
    public ChineseConverter converter(String configName) {
        ChineseConverter c = converters.get(configName);
        return c != null ? c : loadOnce(configName);
    }

    private synchronized ChineseConverter loadOnce(String configName) {
        // get/put rather than computeIfAbsent: loading one converter may load another (see below)
        ChineseConverter c = converters.get(configName);
        if (c == null) {
            c = load(configName);
            converters.put(configName, c);
        }
        return c;
    }

    /** A dictionary by OpenCC file stem, e.g. {@code TSCharacters}; empty if not shipped. */
    public synchronized Optional<PrefixDictionary> dictionary(String stem) {
        Optional<PrefixDictionary> d = dictionaries.get(stem);
        if (d == null) {
            d = loadDictionary(stem);
            dictionaries.put(stem, d);
        }
        return d;
    }

    /** One line of an OpenCC dictionary: a key and its values, the first being OpenCC's conversion. */
    public record Entry(String key, List<String> values) {}

    /** The lines of a shipped dictionary (by file stem, e.g. {@code TWPhrases}), in file order. */
    public List<Entry> entries(String stem) {
        String path = ROOT + "dictionary/" + stem + ".txt";
        List<Entry> out = new ArrayList<>();
        try (InputStream in = resource(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no OpenCC dictionary " + stem);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#") && l.indexOf('\t') > 0)
                    .forEach(l -> {
                        int tab = l.indexOf('\t');
                        out.add(new Entry(l.substring(0, tab).strip(), List.of(l.substring(tab + 1).strip().split(" +"))));
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(path, e);
        }
        return out;
    }

    private ChineseConverter load(String configName) {
        Object root;
        try (InputStream in = resource(ROOT + "config/" + configName + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("unknown OpenCC config: " + configName);
            }
            root = ConfigJson.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("reading OpenCC config " + configName, e);
        }
        List<Dictionary> normalization = new ArrayList<>();
        for (Object step : ConfigJson.list(root, "normalization")) {
            parse(ConfigJson.get(step, "dict")).ifPresent(normalization::add);
        }
        Object segmentationStep = ConfigJson.get(root, "segmentation");
        Dictionary segmentation = segmentationStep == null ? null
                : parse(ConfigJson.get(segmentationStep, "dict")).orElse(null);
        List<Dictionary> chain = new ArrayList<>();
        for (Object step : ConfigJson.list(root, "conversion_chain")) {
            parse(ConfigJson.get(step, "dict")).ifPresent(chain::add);
        }
        return new ChineseConverter(configName, normalization, segmentation, chain);
    }

    private Optional<Dictionary> parse(Object node) {
        String type = ConfigJson.string(node, "type", "");
        if (type.equals("group")) {
            Dictionary.Policy policy = ConfigJson.string(node, "match_policy", "union").equals("short_circuit")
                    ? Dictionary.Policy.SHORT_CIRCUIT
                    : Dictionary.Policy.UNION;
            List<Dictionary> members = new ArrayList<>();
            for (Object member : ConfigJson.list(node, "dicts")) {
                parse(member).ifPresent(members::add);
            }
            return members.isEmpty() ? Optional.empty() : Optional.of(Dictionary.group(policy, members));
        }
        String file = ConfigJson.string(node, "file", "");
        String stem = file.replaceFirst("\\.(ocd2?|txt)$", "");
        return dictionary(stem).map(d -> (Dictionary) d);
    }

    private Optional<PrefixDictionary> loadDictionary(String stem) {
        if (stem.equals(GENERATED_ST_PHRASES)) {
            return Optional.of(generateStPhrasesFromRegionalPhrases());
        }
        Optional<PrefixDictionary> direct = read(stem, false);
        if (direct.isPresent() || !stem.endsWith("Rev")) {
            return direct;
        }
        return read(stem.substring(0, stem.length() - 3), true);
    }

    /**
     * OpenCC generates this at build time (data/scripts/generate_st_phrases_from_regional_phrases.py):
     * every key of TWPhrases and HKPhrases, converted with t2s, maps back to that key when the
     * converted key has at least 3 characters, so that s2t* keeps those Simplified spans whole
     * before regional vocabulary applies. We derive it the same way at load time.
     */
    private PrefixDictionary generateStPhrasesFromRegionalPhrases() {
        ChineseConverter t2s = converter("t2s");
        Map<String, String> generated = new java.util.LinkedHashMap<>();
        for (String regional : List.of("TWPhrases", "HKPhrases")) {
            for (Entry e : entries(regional)) {
                String simplified = t2s.convert(e.key());
                if (simplified.codePointCount(0, simplified.length()) >= 3) {
                    generated.putIfAbsent(simplified, e.key());
                }
            }
        }
        return PrefixDictionary.of(generated);
    }

    private Optional<PrefixDictionary> read(String stem, boolean reverse) {
        String path = ROOT + "dictionary/" + stem + ".txt";
        try (InputStream in = resource(path)) {
            if (in == null) {
                return Optional.empty();
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return Optional.of(PrefixDictionary.read(reader, path, reverse));
        } catch (IOException e) {
            throw new UncheckedIOException(path, e);
        }
    }

    private static InputStream resource(String path) {
        return OpenccConfigs.class.getClassLoader().getResourceAsStream(path);
    }
}

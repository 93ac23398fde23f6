package dev.zhsearch.bench;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.zhsearch.convert.OpenccConfigs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs OpenCC's own conversion test cases through our converters and reports pass rates. */
public final class OpenccCases {

    /** The conversions zhsearch uses. */
    public static final List<String> CONFIGS = List.of("s2t", "t2s", "s2tw", "tw2s", "s2twp", "tw2sp");

    public record Failure(String config, String caseId, String input, String expected, String actual) {}

    public record ConfigResult(String config, int passed, int total) {
        public double rate() {
            return total == 0 ? 1.0 : (double) passed / total;
        }
    }

    public record Report(List<ConfigResult> results, List<Failure> failures) {
        public int passed() {
            return results.stream().mapToInt(ConfigResult::passed).sum();
        }

        public int total() {
            return results.stream().mapToInt(ConfigResult::total).sum();
        }

        public double rate() {
            return total() == 0 ? 1.0 : (double) passed() / total();
        }

        public String table() {
            StringBuilder sb = new StringBuilder(String.format("%-8s %7s %7s %8s%n", "config", "passed", "total", "rate"));
            for (ConfigResult r : results) {
                sb.append(String.format("%-8s %7d %7d %7.1f%%%n", r.config(), r.passed(), r.total(), 100 * r.rate()));
            }
            sb.append(String.format("%-8s %7d %7d %7.1f%%%n", "all", passed(), total(), 100 * rate()));
            for (Failure f : failures) {
                sb.append(String.format("FAIL %s %s%n  input    %s%n  expected %s%n  actual   %s%n",
                        f.config(), f.caseId(), f.input(), f.expected(), f.actual()));
            }
            return sb.toString();
        }
    }

    public static Report run(Path testcasesJson, OpenccConfigs configs) throws IOException {
        JsonMapper mapper = JsonMapper.builder().enable(JsonReadFeature.ALLOW_TRAILING_COMMA).build();
        JsonNode root = mapper.readTree(Files.readString(testcasesJson));
        Map<String, int[]> counts = new LinkedHashMap<>();
        CONFIGS.forEach(c -> counts.put(c, new int[2]));
        List<Failure> failures = new ArrayList<>();
        for (JsonNode c : root.path("cases")) {
            String input = c.path("input").asText();
            for (Map.Entry<String, JsonNode> e : c.path("expected").properties()) {
                int[] count = counts.get(e.getKey());
                if (count == null) {
                    continue;
                }
                String actual = configs.converter(e.getKey()).convert(input);
                count[1]++;
                if (actual.equals(e.getValue().asText())) {
                    count[0]++;
                } else {
                    failures.add(new Failure(e.getKey(), c.path("id").asText(), input, e.getValue().asText(), actual));
                }
            }
        }
        List<ConfigResult> results = new ArrayList<>();
        counts.forEach((k, v) -> results.add(new ConfigResult(k, v[0], v[1])));
        return new Report(results, failures);
    }
}

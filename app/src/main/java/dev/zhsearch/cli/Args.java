package dev.zhsearch.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Minimal GNU-style options: {@code --name value}, repeatable options, positionals, {@code --}. */
public record Args(Map<String, List<String>> options, List<String> positionals) {

    public static final class UsageException extends Exception {
        public UsageException(String message) {
            super(message);
        }
    }

    /** {@code valued}: options that take a value; {@code flags}: options that do not. */
    public static Args parse(List<String> args, Set<String> valued, Set<String> flags) throws UsageException {
        Map<String, List<String>> options = new LinkedHashMap<>();
        List<String> positionals = new ArrayList<>();
        boolean rest = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (rest || !a.startsWith("--") || a.equals("-")) {
                positionals.add(a);
                continue;
            }
            if (a.equals("--")) {
                rest = true;
                continue;
            }
            String name = a.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq > 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (flags.contains(name)) {
                options.computeIfAbsent(name, k -> new ArrayList<>()).add("true");
            } else if (valued.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.size()) {
                        throw new UsageException("--" + name + " needs a value");
                    }
                    value = args.get(++i);
                }
                options.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            } else {
                throw new UsageException("unknown option --" + name);
            }
        }
        return new Args(options, positionals);
    }

    public String get(String name, String fallback) {
        List<String> v = options.get(name);
        return v == null ? fallback : v.getLast();
    }

    public List<String> all(String name) {
        return options.getOrDefault(name, List.of());
    }

    public boolean flag(String name) {
        return options.containsKey(name);
    }

    public int integer(String name, int fallback, int min, int max) throws UsageException {
        String v = get(name, null);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.strip());
            if (n < min || n > max) {
                throw new UsageException("--" + name + " must be between " + min + " and " + max + ", got " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a whole number, got '" + v + "'");
        }
    }

    /** The input paths: every {@code --input} and the positionals; a usage error if there are none. */
    public List<java.nio.file.Path> inputs() throws UsageException {
        List<String> inputs = new ArrayList<>(all("input"));
        inputs.addAll(positionals());
        if (inputs.isEmpty()) {
            throw new UsageException("needs --input PATH");
        }
        return inputs.stream().map(java.nio.file.Path::of).toList();
    }
}

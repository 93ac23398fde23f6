package dev.zhsearch.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

/**
 * What every zhsearch entry point ({@code Main}, the benchmarks' {@code BenchMain}) does around its
 * commands: the usage text on no arguments or {@code help}, one dispatch, and the exit status and
 * one-line message of a usage error (2) or a failure (1).
 */
public final class CommandLine {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    /** Runs one command with the arguments after its name. */
    public interface Dispatch {
        int run(String command, List<String> rest) throws Args.UsageException, IOException;
    }

    /**
     * Lucene announces at INFO, on stderr, which vectorisation it chose, in every command; only its
     * warnings and errors are shown. Held here: java.util.logging keeps loggers weakly.
     */
    private static final java.util.logging.Logger LUCENE_LOG = java.util.logging.Logger.getLogger("org.apache.lucene");

    private CommandLine() {}

    /** Lucene's warnings and errors only, for a main method to call first. */
    public static void quietLucene() {
        LUCENE_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    public static int run(List<String> args, String usage, PrintStream out, PrintStream err, Dispatch dispatch) {
        if (args.isEmpty() || args.getFirst().equals("--help") || args.getFirst().equals("help")) {
            out.print(usage);
            return args.isEmpty() ? USAGE : OK;
        }
        String command = args.getFirst();
        try {
            return dispatch.run(command, args.subList(1, args.size()));
        } catch (Args.UsageException e) {
            err.println("zhsearch: " + e.getMessage());
            err.print(usage);
            return USAGE;
        } catch (IOException | RuntimeException e) {
            err.println("zhsearch: " + command + " failed: " + e);
            return FAILED;
        }
    }
}

package dev.zhsearch.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Lets tests in other packages run the command line's search as a user would. */
public final class MainAccess {

    public int search(OutputStream out, String index, String query) {
        return new Main(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(OutputStream.nullOutputStream()))
                .run(List.of("search", "--index", index, "--size", "20", query));
    }
}

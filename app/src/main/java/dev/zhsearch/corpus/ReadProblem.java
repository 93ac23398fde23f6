package dev.zhsearch.corpus;

/** An input file, or one line of it, that was skipped, and why. Line 0 means the whole file. */
public record ReadProblem(String file, int line, String reason) {

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + reason : file + ": " + reason;
    }
}

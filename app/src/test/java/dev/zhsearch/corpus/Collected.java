package dev.zhsearch.corpus;

import java.util.ArrayList;
import java.util.List;

/** A sink that keeps everything, for tests. */
final class Collected implements CorpusSink {
    final List<SourceDoc> docs = new ArrayList<>();
    final List<ReadProblem> problems = new ArrayList<>();

    @Override
    public void accept(SourceDoc doc) {
        docs.add(doc);
    }

    @Override
    public void skip(ReadProblem problem) {
        problems.add(problem);
    }

    List<String> ids() {
        return docs.stream().map(SourceDoc::id).toList();
    }

    List<Integer> problemLines() {
        return problems.stream().map(ReadProblem::line).toList();
    }
}

package dev.zhsearch.corpus;

/** Where a reader delivers what it reads: documents, and the records it had to skip. */
public interface CorpusSink {

    void accept(SourceDoc doc);

    void skip(ReadProblem problem);
}

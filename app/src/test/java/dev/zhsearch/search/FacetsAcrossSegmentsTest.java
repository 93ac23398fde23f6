package dev.zhsearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zhsearch.clean.Cleaner;
import dev.zhsearch.corpus.CorpusReaders;
import dev.zhsearch.corpus.CorpusSink;
import dev.zhsearch.corpus.ReadProblem;
import dev.zhsearch.corpus.SourceDoc;
import dev.zhsearch.index.DocumentMapper;
import dev.zhsearch.index.DocumentPreparer;
import dev.zhsearch.index.IndexFacets;
import dev.zhsearch.index.Indexer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build ends with one segment per indexing thread, so facets are counted across segments (through
 * an ordinal map) as well as within one. Both must give the same counts, hits and totals.
 */
class FacetsAcrossSegmentsTest {

    @Test
    void countsDoNotDependOnHowTheIndexIsSegmented(@TempDir Path tmp) throws Exception {
        String[] companies = {"台積電", "鴻海", "聯發科", "輝達", "三星", "英特爾", "蘋果公司"};
        String[] sources = {"中央社", "自由時報", "新聞聯播"};
        String[] words = {"晶片", "伺服器", "記憶體", "出口", "營收", "法說會", "AI", "資料中心"};
        Random random = new Random(3);
        StringBuilder jsonl = new StringBuilder();
        for (int i = 0; i < 600; i++) {
            StringBuilder body = new StringBuilder();
            for (int k = 0; k < 3; k++) {
                body.append(companies[random.nextInt(companies.length)]).append("公布").append(words[random.nextInt(words.length)]).append("。");
            }
            jsonl.append("{\"id\":\"d").append(i).append("\",\"title\":\"").append(words[random.nextInt(words.length)])
                    .append("消息\",\"body\":\"").append(body).append("\",\"source\":\"").append(sources[random.nextInt(sources.length)])
                    .append("\",\"date\":\"").append(LocalDate.of(2025, 1 + random.nextInt(12), 1 + random.nextInt(28))).append("\"}\n");
        }
        Path input = tmp.resolve("docs.jsonl");
        Files.writeString(input, jsonl);
        Path one = tmp.resolve("one");
        Path several = tmp.resolve("several");
        new Indexer(SeedIndex.ANALYSIS, CorpusReaders.standard(), 1, null, 0, 256).build(List.of(input), one);
        writeInSegmentsOf(100, input, several);
        assertEquals(1, leaves(one));
        assertEquals(6, leaves(several));
        List<SearchRequest> requests = List.of(
                SearchRequest.of("", 10),
                SearchRequest.of("晶片", 10),
                SearchRequest.of("營收 OR 出口", 10).withCompanies(List.of("tsmc")),
                SearchRequest.of("", 10).withCompanies(List.of("tsmc", "mediatek")).withSources(List.of("中央社")),
                SearchRequest.of("伺服器", 10).withDates(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 8, 31)));
        try (SearchService a = SearchService.open(one, SeedIndex.ANALYSIS); SearchService b = SearchService.open(several, SeedIndex.ANALYSIS)) {
            for (SearchRequest r : requests) {
                SearchResult x = a.search(r);
                SearchResult y = b.search(r);
                assertTrue(x.total() > 0, r.query());
                assertEquals(x.total(), y.total(), r.toString());
                assertEquals(x.facets(), y.facets(), r.toString());
            }
        }
    }

    /** The same documents as the Indexer prepares them, written {@code per} to a segment, never merged. */
    private static void writeInSegmentsOf(int per, Path input, Path index) throws Exception {
        List<SourceDoc> docs = new ArrayList<>();
        CorpusReaders.standard().readAll(List.of(input), new CorpusSink() {
            @Override
            public void accept(SourceDoc doc) {
                docs.add(doc);
            }

            @Override
            public void skip(ReadProblem problem) {
                throw new AssertionError(problem.toString());
            }
        });
        DocumentPreparer preparer = DocumentPreparer.standard(SeedIndex.ANALYSIS);
        DocumentMapper mapper = new DocumentMapper();
        try (var dir = FSDirectory.open(index);
             var writer = new IndexWriter(dir, new IndexWriterConfig(SeedIndex.ANALYSIS.perField()).setMergePolicy(NoMergePolicy.INSTANCE))) {
            for (int i = 0; i < docs.size(); i++) {
                writer.addDocument(IndexFacets.CONFIG.build(mapper.toDocument(preparer.prepare(docs.get(i)))));
                if ((i + 1) % per == 0) {
                    writer.flush();
                }
            }
            writer.commit();
        }
    }

    private static int leaves(Path index) throws Exception {
        try (var dir = FSDirectory.open(index); var reader = DirectoryReader.open(dir)) {
            return reader.leaves().size();
        }
    }
}

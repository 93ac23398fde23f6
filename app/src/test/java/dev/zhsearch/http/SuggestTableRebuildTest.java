package dev.zhsearch.http;

import static dev.zhsearch.http.SuggestCalls.doc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zhsearch.corpus.SourceDoc;
import dev.zhsearch.index.LiveIndex;
import dev.zhsearch.pinyin.Readings;
import dev.zhsearch.search.Display;
import dev.zhsearch.search.IndexStats;
import dev.zhsearch.search.InvalidQueryException;
import dev.zhsearch.search.QueryFactory;
import dev.zhsearch.search.SearchRequest;
import dev.zhsearch.search.SearchResult;
import dev.zhsearch.search.SearchService;
import dev.zhsearch.search.Searching;
import dev.zhsearch.search.SeedIndex;
import dev.zhsearch.search.StoredDocument;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ObjIntConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Once the index has grown by a tenth, the suggestion table is built again in the background while
 * the old one answers: a request made while the new table is held half built answers at once from
 * the old one, many such requests start one rebuild, and the new table's words are suggested once
 * it is done.
 */
class SuggestTableRebuildTest {

    @Test
    void theOldTableAnswersWhileTheNewOneIsBuilt(@TempDir Path dir) throws Exception {
        List<SourceDoc> docs = new ArrayList<>();
        String[] what = {"豪雨成災", "市長視察", "美食節開幕", "古蹟修復", "捷運動工", "議會開議"};
        for (int i = 0; i < what.length; i++) {
            docs.add(doc(i, "台南" + what[i], "台南市政府今天表示，" + what[i] + "。"));
        }
        try (LiveIndex index = SeedIndex.of(dir, docs); SearchService real = SearchService.over(index, SeedIndex.ANALYSIS)) {
            Gated service = new Gated(real);
            var analysis = SeedIndex.ANALYSIS;
            PinyinSuggester pinyin = new PinyinSuggester(Readings.standard(), analysis.companyTable(),
                    analysis.configs().converter("t2s"), analysis.configs().converter("s2twp"), analysis.configs().converter("s2tw"),
                    analysis.folder()::wordsFoldingTo, service);
            assertEquals("台南", texts(pinyin.suggest("tainan", 5, true)).getFirst(), "the first table, built as asked");
            assertEquals(1, service.builds.get());

            // the index grows by more than a tenth; the next table's building is held at its first step
            service.grownBy.set(5_000);
            service.newWord = new Searching.TermCount("太难", 1_000);
            CountDownLatch release = new CountDownLatch(1);
            service.gate = release;
            List<CompletableFuture<List<String>>> asked = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                asked.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        return texts(pinyin.suggest("tainan", 5, true));
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }));
            }
            for (CompletableFuture<List<String>> a : asked) {
                // each answers from the old table while the new one waits on the gate
                List<String> shown = a.get(10, TimeUnit.SECONDS);
                assertEquals("台南", shown.getFirst(), shown.toString());
            }
            assertTrue(service.entered.await(10, TimeUnit.SECONDS), "a rebuild began");
            assertEquals(2, service.builds.get(), "eight requests started one rebuild");
            release.countDown();

            // the new table replaces the old once built: its new word, more used than 台南, comes first
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            List<String> shown = texts(pinyin.suggest("tainan", 5, true));
            while (!shown.getFirst().equals("太难") && System.nanoTime() < until) {
                Thread.sleep(50);
                shown = texts(pinyin.suggest("tainan", 5, true));
            }
            assertEquals("太难", shown.getFirst(), shown.toString());
            assertEquals(2, service.builds.get(), "the new table counts the grown index: no third build");
        }
    }

    private static List<String> texts(List<Suggester.Suggestion> suggestions) {
        return suggestions.stream().map(Suggester.Suggestion::text).toList();
    }

    /**
     * The real service, with a document count that can be made to grow, a word added to the titles'
     * words, and the table's building (which asks for the titles' words first) held at a gate.
     */
    private static final class Gated implements Searching {
        private final SearchService real;
        final AtomicLong grownBy = new AtomicLong();
        final AtomicInteger builds = new AtomicInteger();
        final CountDownLatch entered = new CountDownLatch(1);
        volatile CountDownLatch gate;
        volatile TermCount newWord;

        Gated(SearchService real) {
            this.real = real;
        }

        @Override
        public List<TermCount> titleTerms(int minDocs, int max) throws IOException {
            builds.incrementAndGet();
            CountDownLatch g = gate;
            if (g != null) {
                entered.countDown();
                try {
                    g.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
            }
            List<TermCount> out = new ArrayList<>(real.titleTerms(minDocs, max));
            if (newWord != null) {
                out.addFirst(newWord);
            }
            return out;
        }

        @Override
        public long documentCount() throws IOException {
            return real.documentCount() + grownBy.get();
        }

        @Override
        public SearchResult search(SearchRequest request) throws InvalidQueryException, IOException {
            return real.search(request);
        }

        @Override
        public Optional<StoredDocument> document(String id, String query, QueryFactory.Syntax syntax, Display display)
                throws IOException, InvalidQueryException {
            return real.document(id, query, syntax, display);
        }

        @Override
        public Optional<SearchResult> related(String id, int size, Display display) throws IOException {
            return real.related(id, size, display);
        }

        @Override
        public List<TermCount> frequentTitleTerms(String foldedPrefix, int max, int scanLimit) throws IOException {
            return real.frequentTitleTerms(foldedPrefix, max, scanLimit);
        }

        @Override
        public List<TermCount> people(int minDocs, int max) throws IOException {
            return real.people(minDocs, max);
        }

        @Override
        public Map<String, Integer> storiesUsing(Collection<String> words, int minDocs, int upTo) throws IOException {
            return real.storiesUsing(words, minDocs, upTo);
        }

        @Override
        public Map<String, Integer> documentsUsing(Collection<String> words, int minDocs) throws IOException {
            return real.documentsUsing(words, minDocs);
        }

        @Override
        public Map<String, Integer> documentsUsing(Collection<String> words, int minDocs, int upTo) throws IOException {
            return real.documentsUsing(words, minDocs, upTo);
        }

        @Override
        public void forEachHanPair(int minDocs, ObjIntConsumer<String> each) throws IOException {
            real.forEachHanPair(minDocs, each);
        }

        @Override
        public String folded(String text) {
            return real.folded(text);
        }

        @Override
        public Map<String, Integer> companyDocuments() throws IOException {
            return real.companyDocuments();
        }

        @Override
        public IndexStats.Stats stats() throws IOException {
            return real.stats();
        }

        @Override
        public void refresh() throws IOException {
            real.refresh();
        }

        @Override
        public void close() {
        }
    }
}

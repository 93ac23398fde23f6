package dev.zhsearch.story;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zhsearch.corpus.CorpusReaders;
import dev.zhsearch.corpus.PubDate;
import dev.zhsearch.corpus.SourceDoc;
import dev.zhsearch.http.ApiServer;
import dev.zhsearch.index.Fields;
import dev.zhsearch.index.Indexer;
import dev.zhsearch.index.LiveIndex;
import dev.zhsearch.search.Display;
import dev.zhsearch.search.Hit;
import dev.zhsearch.search.QueryFactory;
import dev.zhsearch.search.SearchRequest;
import dev.zhsearch.search.SearchResult;
import dev.zhsearch.search.SearchService;
import dev.zhsearch.search.SeedIndex;
import io.javalin.Javalin;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stories on a real index: a Taiwan report, another outlet's rewrite of it and a mainland Simplified
 * reprint in mainland wording, all of one day, are one story whose key is the earliest report's; the
 * same text three days later and another story of the same day are not. Searches collapse them into
 * one hit that names its copies, {@code collapse=off} lists every copy, {@code /api/stories/{id}}
 * lists the story earliest first, related articles leave the story out, and documents written to
 * the living index join the story they belong to (also the second of two copies in one batch, and
 * after the story's first report was deleted).
 */
class StoriesTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient CLIENT = HttpClient.newHttpClient();
    static final Set<String> STORY = Set.of("story-tw-cna", "story-tw-ltn", "story-cn");

    LiveIndex index;
    SearchService service;
    Javalin app;
    String base;

    @BeforeEach
    void start(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("index");
        new Indexer(SeedIndex.ANALYSIS, CorpusReaders.standard(), 2, null, 0)
                .build(List.of(Path.of("corpus"), Path.of("app/src/test/resources/story/stories.jsonl")), dir);
        index = LiveIndex.open(dir, SeedIndex.ANALYSIS);
        service = SearchService.over(index, SeedIndex.ANALYSIS);
        app = new ApiServer(service, index, SeedIndex.ANALYSIS, () -> "not used",
                new ApiServer.Config("127.0.0.1", 0, null, List.of(), List.of())).start();
        base = "http://127.0.0.1:" + app.port();
    }

    @AfterEach
    void stop() throws Exception {
        app.stop();
        index.close();
    }

    long storyOf(String id) throws Exception {
        IndexSearcher s = index.searchers().acquire();
        try {
            TopDocs top = s.search(new TermQuery(new Term(Fields.ID, id)), 1);
            assertEquals(1, top.scoreDocs.length, id);
            return Stories.keyOf(s, top.scoreDocs[0].doc).orElseThrow();
        } finally {
            index.searchers().release(s);
        }
    }

    @Test
    void aFullBuildJoinsAReportItsRewriteAndItsMainlandReprint() throws Exception {
        long key = Stories.ownKey("story-tw-cna");
        for (String id : STORY) {
            assertEquals(key, storyOf(id), id + " is in the story of the earliest report");
        }
        assertEquals(Stories.ownKey("story-later"), storyOf("story-later"), "the same text three days later is a story of its own");
        assertEquals(Stories.ownKey("other-same-day"), storyOf("other-same-day"), "another story of the same day");
    }

    @Test
    void searchesCollapseAStoryIntoOneHitThatNamesItsCopies() throws Exception {
        SearchResult collapsed = service.search(SearchRequest.of("凱米 撤離", 10));
        assertTrue(collapsed.collapsed());
        assertEquals(4, collapsed.total(), "the total counts documents");
        List<Hit> inStory = collapsed.hits().stream().filter(h -> STORY.contains(h.id())).toList();
        assertEquals(1, inStory.size(), "one hit for the story: " + collapsed.hits());
        assertEquals("story-tw-cna", inStory.getFirst().id(), "shown by its earliest report");
        Hit.StoryRef ref = inStory.getFirst().story();
        assertEquals(Stories.format(Stories.ownKey("story-tw-cna")), ref.id());
        assertEquals(2, ref.copies());
        assertEquals(List.of("自由時報", "中国新闻网"), ref.sources(), "the other reports' outlets, earliest first");
        assertTrue(collapsed.hits().stream().anyMatch(h -> h.id().equals("story-later")), "a story of its own stays a hit");

        SearchResult every = service.search(SearchRequest.of("凱米 撤離", 10).withCollapse(false));
        assertFalse(every.collapsed());
        assertEquals(Set.of("story-tw-cna", "story-tw-ltn", "story-cn", "story-later"),
                every.hits().stream().map(Hit::id).collect(Collectors.toSet()));
        assertTrue(every.hits().stream().allMatch(h -> h.story() != null && h.story().copies() == 0), "uncollapsed hits count no copies");

        SearchResult simplified = service.search(SearchRequest.of("台风凯米 撤离", 10));
        assertEquals(List.of("story-tw-cna"), simplified.hits().stream().map(Hit::id).filter(STORY::contains).toList(),
                "a Simplified query: the same one hit");
    }

    @Test
    void aStoryListsItsDocumentsEarliestFirstAndRelatedArticlesLeaveItOut() throws Exception {
        String id = Stories.format(Stories.ownKey("story-tw-cna"));
        SearchResult story = service.story(id, "撤离", QueryFactory.Syntax.PEOPLE, Display.ORIGINAL).orElseThrow();
        assertEquals(List.of("story-tw-cna", "story-tw-ltn", "story-cn"), story.hits().stream().map(Hit::id).toList());
        assertTrue(story.hits().stream().allMatch(h -> h.title().contains("<mark>") || String.join("", h.snippets()).contains("<mark>")),
                "the query's matches marked, in either script");
        assertTrue(service.story("0000000000000000", "", QueryFactory.Syntax.PEOPLE, Display.ORIGINAL).isEmpty());
        assertTrue(service.story("not-a-story", "", QueryFactory.Syntax.PEOPLE, Display.ORIGINAL).isEmpty());

        Set<String> related = service.related("story-tw-cna", 10, Display.ORIGINAL).orElseThrow().hits().stream()
                .map(Hit::id).collect(Collectors.toSet());
        assertFalse(related.contains("story-tw-ltn") || related.contains("story-cn"), "its copies are the story, not related: " + related);
    }

    @Test
    void theApiCollapsesListsAStoryAndRejectsABadCollapse() throws Exception {
        String q = URLEncoder.encode("凱米 撤離", StandardCharsets.UTF_8);
        JsonNode collapsed = get("/api/search?q=" + q, 200);
        assertTrue(collapsed.path("collapsed").asBoolean());
        assertEquals(2, collapsed.path("hits").size(), collapsed.toString());
        JsonNode every = get("/api/search?collapse=off&q=" + q, 200);
        assertEquals(4, every.path("hits").size());
        get("/api/search?collapse=maybe&q=" + q, 400);

        String id = Stories.format(Stories.ownKey("story-tw-cna"));
        JsonNode story = get("/api/stories/" + id + "?display=simplified", 200);
        assertEquals(3, story.path("hits").size());
        assertEquals("story-tw-cna", story.path("hits").get(0).path("id").asText());
        assertTrue(story.path("hits").get(0).path("title").asText().contains("台风"), "shown in the requested script");
        get("/api/stories/0000000000000000", 404);
        get("/api/stories/nonsense", 404);
    }

    @Test
    void documentsWrittenLaterJoinTheirStory() throws Exception {
        PubDate day = PubDate.parse("2026-03-10T16:00:00+08:00", PubDate.Provenance.METADATA).orElseThrow();
        index.upsertAll(List.of(
                new SourceDoc("story-late-copy", "花蓮颱風凱米 秀林鄉撤離382人",
                        "中度颱風凱米逼近，花蓮縣政府今天上午宣布秀林鄉和萬榮鄉山區啟動預防性撤離，截至中午已撤離382人，安置於秀林國中活動中心。",
                        day, "聯合報", null, "test"),
                new SourceDoc("new-story-1", "新竹科學園區停電 晶圓廠緊急應變",
                        "新竹科學園區今天下午發生停電，多家晶圓廠啟動緊急應變，台電表示變電所設備故障，預計兩小時內恢復供電。",
                        day, "中央社", null, "test"),
                new SourceDoc("new-story-2", "新竹科學園區停電　晶圓廠啟動緊急應變",
                        "新竹科學園區今天下午停電，多家晶圓廠啟動緊急應變，台電說變電所設備故障，預計2小時內恢復供電。",
                        day, "自由時報", null, "test")));
        assertTrue(index.awaitSearchable(1_000));
        assertEquals(Stories.ownKey("story-tw-cna"), storyOf("story-late-copy"), "a copy written later joins the story");
        assertEquals(Stories.ownKey("new-story-1"), storyOf("new-story-1"), "a new story stands alone");
        assertEquals(Stories.ownKey("new-story-1"), storyOf("new-story-2"), "its copy in the same batch joins it before any refresh");
    }

    @Test
    void aStoryOutlivesItsFirstReport() throws Exception {
        assertEquals(LiveIndex.Outcome.DELETED, index.delete("story-tw-cna"));
        PubDate day = PubDate.parse("2026-03-10T17:00:00+08:00", PubDate.Provenance.METADATA).orElseThrow();
        index.upsertAll(List.of(new SourceDoc("story-late-copy", "凱米颱風逼近 花蓮秀林、萬榮撤離382人",
                "中度颱風凱米逼近，花蓮縣政府今天上午宣布秀林鄉、萬榮鄉山區啟動預防性撤離，到中午已撤離382人，安置在秀林國中活動中心。",
                day, "聯合報", null, "test")));
        assertTrue(index.awaitSearchable(1_000));
        assertEquals(Stories.ownKey("story-tw-cna"), storyOf("story-late-copy"),
                "a copy joins the story through its next report, and the story keeps its key");
        assertEquals(Stories.ownKey("story-tw-cna"), storyOf("story-tw-ltn"));
    }

    JsonNode get(String path, int status) throws Exception {
        HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(status, r.statusCode(), path + ": " + r.body());
        return JSON.readTree(r.body());
    }
}

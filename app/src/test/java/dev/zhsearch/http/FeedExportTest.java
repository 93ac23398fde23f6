package dev.zhsearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import dev.zhsearch.search.SearchService;
import dev.zhsearch.search.SeedIndex;
import io.javalin.Javalin;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Atom feeds and exports on a real server on a random port, read by a real HTTP client and a real feed parser (ROME). */
class FeedExportTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient CLIENT = HttpClient.newHttpClient();
    static SearchService service;
    static Javalin app;
    static String base;

    @BeforeAll
    static void start() throws Exception {
        service = SearchService.open(SeedIndex.dir(), SeedIndex.ANALYSIS);
        app = new ApiServer(service, SeedIndex.ANALYSIS, () -> "not used",
                new ApiServer.Config("127.0.0.1", 0, Path.of("web"), Optional.empty())).start();
        base = "http://127.0.0.1:" + app.port();
    }

    @AfterAll
    static void stop() throws Exception {
        app.stop();
        service.close();
    }

    static HttpResponse<String> get(String pathAndQuery) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static SyndFeed feed(String query) throws Exception {
        HttpResponse<String> r = get("/feed.atom?" + query);
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("application/atom+xml"));
        SyndFeed f = new SyndFeedInput().build(new StringReader(r.body()));
        assertEquals("atom_1.0", f.getFeedType());
        return f;
    }

    @Test
    void aSearchIsAValidAtomFeedNewestFirstLinkingToTheDocuments() throws Exception {
        SyndFeed f = feed("q=" + enc("AI"));
        assertFalse(f.getEntries().isEmpty());
        assertTrue(f.getTitle().contains("AI"), f.getTitle());
        List<Date> dates = new ArrayList<>();
        for (SyndEntry e : f.getEntries()) {
            assertFalse(e.getTitle().contains("<mark>"), "titles are plain text: " + e.getTitle());
            assertTrue(e.getLink().startsWith(base + "/?doc="), e.getLink());
            assertTrue(e.getUri().startsWith("urn:zhsearch:document:"));
            assertTrue(e.getPublishedDate() != null, "every entry has its date: " + e.getTitle());
            dates.add(e.getPublishedDate());
        }
        for (int i = 1; i < dates.size(); i++) {
            assertFalse(dates.get(i).after(dates.get(i - 1)), "newest first: " + dates);
        }
        // the same documents as the search sorted by date
        JsonNode s = JSON.readTree(get("/api/search?sort=date&size=20&q=" + enc("AI")).body());
        List<String> expected = new ArrayList<>();
        s.path("hits").forEach(h -> {
            if (!h.path("date").isNull() && !h.path("date").asText().isEmpty()) { // undated documents are not in feeds
                expected.add("urn:zhsearch:document:" + enc(h.path("id").asText()));
            }
        });
        assertEquals(expected, f.getEntries().stream().map(SyndEntry::getUri).toList());
    }

    @Test
    void aCompanysFeedHoldsOnlyItsDocumentsInTheDisplayScript() throws Exception {
        SyndFeed f = feed("company=tsmc&display=hans");
        assertFalse(f.getEntries().isEmpty());
        assertTrue(f.getTitle().contains("台积电"), f.getTitle());
        for (SyndEntry e : f.getEntries()) {
            assertTrue(e.getCategories().stream().anyMatch(c -> c.getName().equals("tsmc")), e.getTitle());
            assertTrue(e.getLink().endsWith("&display=hans"), e.getLink());
            assertFalse(e.getTitle().contains("臺") || e.getTitle().contains("積"), "Simplified titles: " + e.getTitle());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/feed.atom?from=yesterday", "/feed.atom?size=1000", "/feed.atom?syntax=lucene&q=" + "AND%28",
            "/api/export?format=xls", "/api/export?format=csv&limit=0", "/api/export?format=csv&limit=10001",
            "/api/export?format=csv&syntax=lucene&q=AND%28", "/api/export?format=jsonl&to=2026-13-40"})
    void feedAndExportRefuseWhatSearchRefusesWithAJsonError(String path) throws Exception {
        HttpResponse<String> r = get(path);
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(JSON.readTree(r.body()).path("error").isTextual(), r.body());
    }

    @Test
    void csvExportHasTheSearchsDocumentsInItsOrder() throws Exception {
        HttpResponse<String> r = get("/api/export?format=csv&q=" + enc("AI"));
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("text/csv"));
        assertTrue(r.headers().firstValue("content-disposition").orElse("").contains("attachment; filename=\"zhsearch-export.csv\""));
        List<List<String>> rows = csv(r.body().replace("\uFEFF", ""));
        assertEquals(List.of("id", "date", "source", "script", "title", "url", "companies", "company_names", "score"), rows.getFirst());
        JsonNode s = JSON.readTree(get("/api/search?size=100&q=" + enc("AI")).body());
        assertEquals(s.path("total").asInt(), rows.size() - 1);
        for (int i = 0; i < s.path("hits").size(); i++) {
            assertEquals(s.path("hits").get(i).path("id").asText(), rows.get(i + 1).getFirst());
        }
    }

    @Test
    void jsonLinesExportStopsAtTheLimitAndKeepsFilters() throws Exception {
        HttpResponse<String> r = get("/api/export?format=jsonl&limit=2&company=tsmc");
        assertEquals(200, r.statusCode(), r.body());
        String[] lines = r.body().strip().split("\n");
        assertEquals(2, lines.length, r.body());
        for (String l : lines) {
            JsonNode o = JSON.readTree(l);
            assertTrue(o.path("companies").findValuesAsText("id").contains("tsmc"), l);
        }
    }

    @Test
    void csvFieldsAreQuotedAndFormulasDefused() {
        assertEquals("\"a,b\"", ResultExport.field("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", ResultExport.field("say \"hi\""));
        assertEquals("'=1+2", ResultExport.field("=1+2"));
        assertEquals("-1.5", ResultExport.field("-1.5"));
    }

    /** RFC 4180 rows: quoted fields may hold commas, quotes and line breaks. */
    static List<List<String>> csv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    f.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(f.toString());
                f.setLength(0);
            } else if (c == '\r') {
                // CRLF: the \n ends the row
            } else if (c == '\n') {
                row.add(f.toString());
                f.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                f.append(c);
            }
        }
        return rows;
    }
}

package dev.zhsearch.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.zhsearch.search.CompanyRef;
import dev.zhsearch.search.Highlighting;
import dev.zhsearch.search.Hit;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A result set written row by row as CSV (RFC 4180: a header, fields quoted where needed, CRLF) or
 * JSON Lines, one document a row: id, date, source, script, title (plain text, display script),
 * url, companies (ids and names), score.
 */
enum ResultExport {
    CSV("text/csv; charset=utf-8", "csv"),
    JSONL("application/x-ndjson; charset=utf-8", "jsonl");

    /** Most documents one export gives (the search's own paging depth). */
    static final int MAX_ROWS = dev.zhsearch.search.SearchRequest.MAX_PAGE_DEPTH;
    static final int DEFAULT_ROWS = 1_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    final String contentType;
    final String extension;

    ResultExport(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    static ResultExport parse(String format) {
        return switch (format == null ? "" : format.strip().toLowerCase(Locale.ROOT)) {
            case "csv" -> CSV;
            case "jsonl", "ndjson" -> JSONL;
            default -> throw new IllegalArgumentException("format must be csv or jsonl");
        };
    }

    void header(Writer out) throws IOException {
        if (this == CSV) {
            out.write("\uFEFFid,date,source,script,title,url,companies,company_names,score\r\n"); // BOM: spreadsheets read UTF-8
        }
    }

    void row(Hit h, Writer out) throws IOException {
        String title = Highlighting.plainText(h.title());
        String ids = h.companies().stream().map(CompanyRef::id).collect(Collectors.joining(";"));
        String names = h.companies().stream().map(CompanyRef::name).collect(Collectors.joining(";"));
        if (this == CSV) {
            out.write(String.join(",", field(h.id()), field(h.date()), field(h.source()), field(h.script()), field(title),
                    field(h.url()), field(ids), field(names), field(Float.toString(h.score()))));
            out.write("\r\n");
        } else {
            ObjectNode o = JSON.createObjectNode();
            o.put("id", h.id());
            o.put("date", h.date());
            o.put("source", h.source());
            o.put("script", h.script());
            o.put("title", title);
            o.put("url", h.url());
            var cs = o.putArray("companies");
            h.companies().forEach(c -> cs.addObject().put("id", c.id()).put("name", c.name()));
            o.put("score", h.score());
            out.write(JSON.writeValueAsString(o));
            out.write("\n");
        }
    }

    /** A CSV field: quoted when it holds a comma, quote or line break; a leading =, +, - or @ is prefixed so spreadsheets do not run it. */
    static String field(String v) {
        if (v == null) {
            return "";
        }
        String s = !v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 && !v.matches("-?\\d+(\\.\\d+)?") ? "'" + v : v;
        return s.matches("(?s).*[\",\\r\\n].*") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}

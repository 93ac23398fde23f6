package dev.zhsearch.bench;

import dev.zhsearch.clean.Cleaner;
import dev.zhsearch.corpus.CorpusReaders;
import dev.zhsearch.corpus.CorpusSink;
import dev.zhsearch.corpus.ReadProblem;
import dev.zhsearch.corpus.SourceDoc;
import dev.zhsearch.entity.CompanyMatcher;
import dev.zhsearch.search.SearchRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The baseline a user who "just wants search" would pick: SQLite FTS5 with the trigram tokenizer,
 * over the same cleaned text. Words of 3+ characters go to MATCH (as quoted phrases, ANDed); shorter
 * words, which a trigram index cannot match, become instr() conditions (a scan of the matches, or of
 * the table). Company ids (from
 * zhsearch's extractor), date, source and script are UNINDEXED columns for the same filters, and
 * month/source counts are GROUP BY queries over the matches.
 */
final class SqliteFts implements AutoCloseable {

    private final Path file;
    private final Connection connection;

    private SqliteFts(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    static SqliteFts create(Path file) throws SQLException, IOException {
        Files.deleteIfExists(file);
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=OFF");
            s.execute("PRAGMA synchronous=OFF");
            s.execute("CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, title, body, date UNINDEXED, source UNINDEXED, "
                    + "script UNINDEXED, companies UNINDEXED, tokenize='trigram')");
        }
        return new SqliteFts(file, c);
    }

    /** Reads, cleans and inserts everything under the inputs in one transaction; returns documents inserted. */
    long build(List<Path> inputs, Cleaner cleaner, CompanyMatcher companies, dev.zhsearch.convert.ScriptDetector scripts) throws SQLException {
        connection.setAutoCommit(false);
        long[] n = new long[1];
        SQLException[] failure = new SQLException[1];
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO docs(id, title, body, date, source, script, companies) VALUES (?,?,?,?,?,?,?)")) {
            CorpusReaders.standard().readAll(inputs, new CorpusSink() {
                @Override
                public void accept(SourceDoc d) {
                    if (failure[0] != null) {
                        return;
                    }
                    try {
                        String title = cleaner.title(d.title());
                        String body = cleaner.body(d.body());
                        insert.setString(1, d.id());
                        insert.setString(2, title);
                        insert.setString(3, body);
                        insert.setString(4, d.date().known() ? d.date().date().toString() : null);
                        insert.setString(5, d.source());
                        insert.setString(6, scripts.detect(title + "\n" + body).label());
                        insert.setString(7, " " + String.join(" ", companies.companies(title + "\n" + body)) + " ");
                        insert.executeUpdate();
                        n[0]++;
                    } catch (SQLException e) {
                        failure[0] = e;
                    }
                }

                @Override
                public void skip(ReadProblem problem) {
                }
            });
        }
        if (failure[0] != null) {
            throw failure[0];
        }
        connection.commit();
        connection.setAutoCommit(true);
        return n[0];
    }

    long bytes() throws IOException {
        return Files.size(file);
    }

    /** A read-only connection for one client thread. */
    static Connection reader(Path file) throws SQLException {
        org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
        config.setReadOnly(true);
        return config.createConnection("jdbc:sqlite:" + file);
    }

    record Answer(long total, List<String> ids) {}

    /** Top 10 with snippets (and, with {@code facets}, month and source counts), as a user of SQLite would write it. */
    static Answer search(Connection c, SearchRequest q, boolean facets) throws SQLException {
        List<String> match = new ArrayList<>();
        List<String> like = new ArrayList<>();
        for (String w : q.query().split("\\s+")) {
            String word = w.replaceAll("[\"'()\\[\\]{}:*?~^+!\\\\/-]", "");
            if (word.isEmpty() || word.equals("AND") || word.equals("OR") || word.equals("NOT")) {
                continue;
            }
            if (word.codePointCount(0, word.length()) >= 3) {
                match.add("\"" + word + "\"");
            } else {
                like.add(word);
            }
        }
        StringBuilder where = new StringBuilder("1=1");
        List<String> args = new ArrayList<>();
        if (!match.isEmpty()) {
            where.append(" AND docs MATCH ?");
            args.add(String.join(" AND ", match));
        }
        for (String w : like) { // instr, not LIKE: FTS5 will not combine MATCH with a LIKE it could push into its index
            where.append(" AND (instr(title, ?) > 0 OR instr(body, ?) > 0)");
            args.add(w);
            args.add(w);
        }
        for (String company : q.companies()) {
            where.append(" AND companies LIKE ?");
            args.add("% " + company + " %");
        }
        if (!q.sources().isEmpty()) {
            where.append(" AND source IN (").append(String.join(",", java.util.Collections.nCopies(q.sources().size(), "?"))).append(")");
            args.addAll(q.sources());
        }
        if (!q.scripts().isEmpty()) {
            where.append(" AND script IN (").append(String.join(",", java.util.Collections.nCopies(q.scripts().size(), "?"))).append(")");
            args.addAll(q.scripts());
        }
        if (q.from() != null) {
            where.append(" AND date >= ?");
            args.add(q.from().toString());
        }
        if (q.to() != null) {
            where.append(" AND date <= ?");
            args.add(q.to().toString());
        }
        String snippet = match.isEmpty() ? "substr(body, 1, 80)" : "snippet(docs, 2, '<mark>', '</mark>', '…', 16)";
        String order = match.isEmpty() ? "date DESC" : "bm25(docs)";
        List<String> ids = new ArrayList<>();
        try (PreparedStatement top = c.prepareStatement("SELECT id, " + snippet + " FROM docs WHERE " + where + " ORDER BY " + order + " LIMIT 10")) {
            bind(top, args);
            try (ResultSet rs = top.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                    rs.getString(2);
                }
            }
        }
        long total;
        try (PreparedStatement count = c.prepareStatement("SELECT count(*) FROM docs WHERE " + where)) {
            bind(count, args);
            try (ResultSet rs = count.executeQuery()) {
                total = rs.next() ? rs.getLong(1) : 0;
            }
        }
        if (facets) {
            for (String group : List.of("substr(date, 1, 7)", "source")) {
                try (PreparedStatement g = c.prepareStatement("SELECT " + group + ", count(*) FROM docs WHERE " + where + " GROUP BY 1")) {
                    bind(g, args);
                    try (ResultSet rs = g.executeQuery()) {
                        while (rs.next()) {
                            rs.getLong(2);
                        }
                    }
                }
            }
        }
        return new Answer(total, ids);
    }

    private static void bind(PreparedStatement p, List<String> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            p.setString(i + 1, args.get(i));
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}

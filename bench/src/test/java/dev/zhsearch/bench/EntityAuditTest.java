package dev.zhsearch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EntityAuditTest {

    @Test
    void scoresAJudgedAuditAndRefusesAnUnjudgedRow(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("a.tsv");
        Files.writeString(f, "# header\nd1\ttsmc\t台積電\t…台積電法說會…\ty\nd2\tapple\t苹果\t板栗、苹果、核桃\tn\nd3\tnvidia\t輝達\t輝達財報\ty\n");
        EntityAudit.Judged j = EntityAudit.score(f);
        assertEquals(2, j.right());
        assertEquals(1, j.wrong());
        assertEquals(2.0 / 3, j.precision(), 1e-9);
        double[] ci = j.interval();
        assertTrue(ci[0] < j.precision() && j.precision() < ci[1]);
        Files.writeString(f, "d1\ttsmc\t台積電\tctx\ty\nd2\tapple\t苹果\tctx\t\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EntityAudit.score(f));
        assertTrue(e.getMessage().endsWith("a.tsv:2: expected 5 TAB-separated columns ending in y or n"), e.getMessage());
    }

    @Test
    void theJudgedAuditInTheRepositoryScores() throws Exception {
        EntityAudit.Judged j = EntityAudit.score(Path.of("analysis/src/test/resources/entities/audit-zh100-seed22.tsv"));
        assertEquals(100, j.right() + j.wrong());
    }
}

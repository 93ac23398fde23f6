package dev.zhsearch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.zhsearch.convert.OpenccConfigs;
import dev.zhsearch.convert.ScriptFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scoring an annotated name sample: only names whose other-region form differs count, met by each fold. */
class NameCoverageTest {

    static final OpenccConfigs CONFIGS = new OpenccConfigs();

    @Test
    void onlyDifferingNamesCountAndEachFoldIsScored(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("names.tsv");
        Files.writeString(f, String.join("\n",
                "corpus\tname\tdocuments\tenglish\tkind\tother_form",
                "tw\t川普\t10\tTrump\tperson\t特朗普",       // met by the public vocabulary only
                "tw\t普丁\t9\tPutin\tperson\t普京",          // met by the public vocabulary only (a surname of a full-name pair)
                "tw\t美國\t8\tUSA\tplace\t=",               // the same up to script: not counted
                "tw\t北車\t7\tTaipei Main Station\tplace\t台北车站", // no source pairs the abbreviation: missed
                "tw\t台北\t6\tTaipei\tplace\t台北",           // the same: not counted
                "tw\t高達\t5\tGundam\tother\t",              // not a name: not counted
                "") + "\n");
        List<NameCoverage.Coverage> c = NameCoverage.score(f, ScriptFolder.standard(CONFIGS), ScriptFolder.withVocabularies(CONFIGS, List.of()));
        NameCoverage.Coverage person = c.stream().filter(x -> x.kind().equals("person")).findFirst().orElseThrow();
        assertEquals(2, person.differ());
        assertEquals(2, person.metNow());
        assertEquals(0, person.metOpenccOnly());
        NameCoverage.Coverage place = c.stream().filter(x -> x.kind().equals("place")).findFirst().orElseThrow();
        assertEquals(3, place.names());
        assertEquals(1, place.differ());
        assertEquals(0, place.metNow());
        assertEquals(List.of("北車/台北车站"), place.missed());
        NameCoverage.Coverage all = c.stream().filter(x -> x.kind().equals("all")).findFirst().orElseThrow();
        assertEquals(6, all.names());
        assertEquals(3, all.differ());
    }
}

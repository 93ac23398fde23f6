package dev.zhsearch.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ClusterIndexTest {

    @Test
    void idsWithinOpenSearchsLimitStayAsTheyAreLongerOnesAreDigested() {
        assertEquals("tw-1", ClusterIndex.documentId("tw-1"));
        String exactly = "台".repeat(170) + "ab"; // 512 bytes
        assertEquals(512, exactly.getBytes(StandardCharsets.UTF_8).length);
        assertEquals(exactly, ClusterIndex.documentId(exactly));
        String url = "https://news.google.com/rss/articles/" + "CBMi".repeat(150) + "?oc=5"; // a tw-news-digest id, 600+ bytes
        String a = ClusterIndex.documentId(url);
        assertTrue(a.startsWith("sha256:") && a.length() == 7 + 64, a);
        assertEquals(a, ClusterIndex.documentId(url), "the same id always maps to the same _id");
        assertNotEquals(a, ClusterIndex.documentId(url + "x"));
        assertTrue(ClusterIndex.documentId(exactly + "c").getBytes(StandardCharsets.UTF_8).length <= 512);
    }
}

package dev.zhsearch.analysis.hhmm;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.UncheckedIOException;

/** One of smartcn's serialized dictionaries, read from lucene-analysis-smartcn on the class path. */
final class SmartcnResource {

    interface Contents<T> {
        T read(ObjectInputStream in) throws IOException, ClassNotFoundException;
    }

    private SmartcnResource() {}

    static <T> T read(String name, Contents<T> contents) {
        String resource = "org/apache/lucene/analysis/cn/smart/hhmm/" + name;
        try (InputStream raw = SmartcnResource.class.getClassLoader().getResourceAsStream(resource)) {
            if (raw == null) {
                throw new IllegalStateException("smartcn's " + resource + " is not on the class path");
            }
            try (ObjectInputStream in = new ObjectInputStream(raw)) {
                return contents.read(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + resource, e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("reading " + resource, e);
        }
    }
}

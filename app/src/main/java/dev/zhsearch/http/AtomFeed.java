package dev.zhsearch.http;

import dev.zhsearch.search.Highlighting;
import dev.zhsearch.search.Hit;
import dev.zhsearch.search.SearchResult;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A search as an Atom 1.0 feed (RFC 4287), to follow a company or a topic in a feed reader: the
 * newest documents first, titles and summaries as plain text in the requested display script, each
 * entry linking to the document's view on the page and to the publisher's page. Documents carry the
 * publisher's wall-clock time; the feed states it at UTC+8, the zone of both corpora (Taiwan, Beijing).
 * A document without a known date is left out: a feed orders by time, and Atom requires each
 * entry's {@code updated} (date order puts such documents last, so the newest ones are all there).
 */
final class AtomFeed {

    static final String TYPE = "application/atom+xml; charset=utf-8";
    static final ZoneOffset PUBLISHER_ZONE = ZoneOffset.ofHours(8);
    private static final String ATOM = "http://www.w3.org/2005/Atom";

    private AtomFeed() {}

    /**
     * @param base    the server's own address, {@code http://host:port}
     * @param self    the feed's own URL (path and query)
     * @param page    the same search on the page (path and query)
     * @param title   the feed's title
     */
    static String write(SearchResult result, String base, String self, String page, String title, String display) {
        OffsetDateTime updated = result.hits().stream().map(h -> time(h.date())).filter(java.util.Objects::nonNull)
                .max(OffsetDateTime::compareTo).orElse(OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeStartElement("feed");
            x.writeDefaultNamespace(ATOM);
            text(x, "id", base + self);
            text(x, "title", title);
            text(x, "updated", updated.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
            text(x, "generator", "zhsearch");
            x.writeStartElement("author");
            text(x, "name", "zhsearch");
            x.writeEndElement();
            link(x, "self", base + self, TYPE.split(";")[0]);
            link(x, "alternate", base + page, "text/html");
            for (Hit h : result.hits()) {
                OffsetDateTime t = time(h.date());
                if (t == null) {
                    continue;
                }
                String view = base + "/?doc=" + URLEncoder.encode(h.id(), StandardCharsets.UTF_8)
                        + (display.equals("orig") ? "" : "&display=" + display);
                x.writeStartElement("entry");
                text(x, "id", "urn:zhsearch:document:" + URLEncoder.encode(h.id(), StandardCharsets.UTF_8));
                text(x, "title", Highlighting.plainText(h.title()));
                text(x, "updated", t.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
                text(x, "published", t.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
                link(x, "alternate", view, "text/html");
                if (h.url() != null && !h.url().isBlank()) {
                    link(x, "via", h.url(), "text/html");
                }
                if (h.source() != null) {
                    x.writeStartElement("author");
                    text(x, "name", h.source());
                    x.writeEndElement();
                }
                for (var c : h.companies()) {
                    x.writeEmptyElement("category");
                    x.writeAttribute("term", c.id());
                    x.writeAttribute("label", c.name());
                }
                text(x, "summary", h.snippets().stream().map(Highlighting::plainText).collect(Collectors.joining(" … ")));
                x.writeEndElement();
            }
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing the feed", e);
        }
        return out.toString();
    }

    /** The publisher's date or date-time at UTC+8, or null when unknown or unreadable. */
    static OffsetDateTime time(String iso) {
        if (iso == null || iso.isBlank()) {
            return null;
        }
        try {
            return iso.length() <= 10 ? LocalDate.parse(iso).atStartOfDay().atOffset(PUBLISHER_ZONE)
                    : LocalDateTime.parse(iso).atOffset(PUBLISHER_ZONE);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static void text(XMLStreamWriter x, String name, String value) throws XMLStreamException {
        x.writeStartElement(name);
        x.writeCharacters(value == null ? "" : value.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]", ""));
        x.writeEndElement();
    }

    private static void link(XMLStreamWriter x, String rel, String href, String type) throws XMLStreamException {
        x.writeEmptyElement("link");
        x.writeAttribute("rel", rel);
        x.writeAttribute("href", href);
        x.writeAttribute("type", type);
    }
}

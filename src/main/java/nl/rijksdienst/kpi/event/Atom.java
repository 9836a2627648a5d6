package nl.rijksdienst.kpi.event;

import java.io.OutputStream;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import nl.rijksdienst.kpi.sentence.Language;

/**
 * The events as an Atom feed (RFC 4287), which every feed reader and many intranets read: an entry
 * per event with what happened as its title, the sentence as its summary, a link to the resource,
 * its kind as a category, and its permanent id (the event's address in this API).
 */
final class Atom {

    static final String MEDIA_TYPE = "application/atom+xml";
    private static final String NS = "http://www.w3.org/2005/Atom";

    private Atom() {
    }

    /**
     * @param self    the feed's own address, with its filters
     * @param api     the API's public address, ending in a slash
     * @param updated when the feed last changed (its newest event, or the data's last change)
     */
    static void write(OutputStream out, List<EventDto> events, URI self, URI api, OffsetDateTime updated, String title, Language language)
            throws XMLStreamException {
        boolean nl = language == Language.nl;
        XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeStartElement("feed");
        xml.writeDefaultNamespace(NS);
        xml.writeAttribute("xml:lang", language.name());
        element(xml, "id", self.toString());
        element(xml, "title", title);
        element(xml, "subtitle", nl ? "Nieuwe cijfers, correcties (met de oude en de nieuwe waarde), andere oordelen en toezeggingen die aflopen, elk met de zin om te citeren."
                : "New figures, corrections (with the old and the new value), changed verdicts and commitments falling due, each with its sentence to quote.");
        element(xml, "updated", time(updated));
        link(xml, "self", MEDIA_TYPE, self.toString());
        link(xml, "alternate", "text/html", api.resolve("/").toString());
        xml.writeStartElement("author");
        element(xml, "name", "Rijksdienst KPI API");
        element(xml, "uri", api.toString());
        xml.writeEndElement();
        element(xml, "generator", "Rijksdienst KPI API");
        for (EventDto event : events) {
            xml.writeStartElement("entry");
            element(xml, "id", api.resolve("events/" + event.id()).toString());
            element(xml, "title", nl ? event.title().nl() : event.title().en());
            element(xml, "updated", time(event.occurredAt()));
            element(xml, "published", time(event.occurredAt()));
            link(xml, "alternate", "application/json", api.resolve(event.about().substring(1)).toString());
            xml.writeEmptyElement("category");
            xml.writeAttribute("term", event.kind());
            xml.writeAttribute("scheme", api.resolve("events").toString());
            String summary = event.sentence() == null ? (nl ? event.title().nl() : event.title().en()) : nl ? event.sentence().nl() : event.sentence().en();
            xml.writeStartElement("summary");
            xml.writeAttribute("type", "text");
            xml.writeCharacters(summary);
            xml.writeEndElement();
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeEndDocument();
        xml.flush();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String type, String href) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("type", type);
        xml.writeAttribute("href", href);
    }

    private static String time(OffsetDateTime time) {
        return time.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}

package nl.rijksdienst.kpi.sdmx;

import java.io.Writer;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import nl.rijksdienst.kpi.indicator.Indicator;
import nl.rijksdienst.kpi.observation.Observation;
import nl.rijksdienst.kpi.observation.Sdmx;

/**
 * SDMX-ML 2.1 messages, written as they are read (StAX): structure messages (dataflows, code lists,
 * the concept scheme, data structure definitions) and data messages, generic and
 * structure-specific, a series at a time with TIME_PERIOD at the observation.
 */
public final class SdmxMl {

    public static final String STRUCTURE_MEDIA_TYPE = "application/vnd.sdmx.structure+xml;version=2.1";
    public static final String GENERIC_DATA_MEDIA_TYPE = "application/vnd.sdmx.genericdata+xml;version=2.1";
    public static final String STRUCTURE_SPECIFIC_DATA_MEDIA_TYPE = "application/vnd.sdmx.structurespecificdata+xml;version=2.1";

    private static final String BASE = "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/";
    private static final String MESSAGE = BASE + "message";
    private static final String COMMON = BASE + "common";
    private static final String STRUCTURE = BASE + "structure";
    private static final String GENERIC = BASE + "data/generic";
    private static final String SPECIFIC = BASE + "data/structurespecific";
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    private static final String XML = "http://www.w3.org/XML/1998/namespace";
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private SdmxMl() {
    }

    /** The header every message starts with: an id and a preparation time that come from the data version, so equal data gives equal bytes. */
    public record Header(String id, OffsetDateTime prepared) {
        String preparedText() {
            return prepared.withOffsetSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        }
    }

    /** What a structure message holds. */
    public record Structures(List<Indicator> dataflows, List<SdmxModel.Codelist> codelists, List<SdmxModel.Concept> concepts, List<Indicator> dataStructures) {
    }

    public static void writeStructures(Writer out, Header header, Structures structures) throws XMLStreamException {
        XMLStreamWriter w = FACTORY.createXMLStreamWriter(out);
        w.writeStartDocument("UTF-8", "1.0");
        w.setPrefix("message", MESSAGE);
        w.setPrefix("structure", STRUCTURE);
        w.setPrefix("common", COMMON);
        w.writeStartElement(MESSAGE, "Structure");
        w.writeNamespace("message", MESSAGE);
        w.writeNamespace("structure", STRUCTURE);
        w.writeNamespace("common", COMMON);
        header(w, header, null, false);
        w.writeStartElement(MESSAGE, "Structures");
        if (!structures.dataflows().isEmpty()) {
            w.writeStartElement(STRUCTURE, "Dataflows");
            for (Indicator indicator : structures.dataflows()) {
                w.writeStartElement(STRUCTURE, "Dataflow");
                maintainable(w, indicator.id, "urn:sdmx:org.sdmx.infomodel.datastructure.Dataflow=" + urnId(indicator.id));
                names(w, indicator.labelNl, indicator.labelEn);
                descriptions(w, indicator.descriptionNl, indicator.descriptionEn);
                w.writeStartElement(STRUCTURE, "Structure");
                ref(w, indicator.id, Sdmx.AGENCY, SdmxModel.VERSION, null, "DataStructure", "datastructure");
                w.writeEndElement();
                w.writeEndElement();
            }
            w.writeEndElement();
        }
        if (!structures.codelists().isEmpty()) {
            w.writeStartElement(STRUCTURE, "Codelists");
            for (SdmxModel.Codelist list : structures.codelists()) {
                w.writeStartElement(STRUCTURE, "Codelist");
                maintainable(w, list.id(), "urn:sdmx:org.sdmx.infomodel.codelist.Codelist=" + urnId(list.id()));
                names(w, list.nl(), list.en());
                for (SdmxModel.Code code : list.codes()) {
                    w.writeStartElement(STRUCTURE, "Code");
                    w.writeAttribute("id", code.id());
                    w.writeAttribute("urn", "urn:sdmx:org.sdmx.infomodel.codelist.Code=" + urnId(list.id()) + "." + code.id());
                    names(w, code.nl(), code.en());
                    w.writeEndElement();
                }
                w.writeEndElement();
            }
            w.writeEndElement();
        }
        if (!structures.concepts().isEmpty()) {
            w.writeStartElement(STRUCTURE, "Concepts");
            w.writeStartElement(STRUCTURE, "ConceptScheme");
            maintainable(w, SdmxModel.CONCEPT_SCHEME, "urn:sdmx:org.sdmx.infomodel.conceptscheme.ConceptScheme=" + urnId(SdmxModel.CONCEPT_SCHEME));
            names(w, "Begrippen van de Rijksdienst KPI API", "Concepts of the Rijksdienst KPI API");
            for (SdmxModel.Concept concept : structures.concepts()) {
                w.writeStartElement(STRUCTURE, "Concept");
                w.writeAttribute("id", concept.id());
                w.writeAttribute("urn", "urn:sdmx:org.sdmx.infomodel.conceptscheme.Concept=" + urnId(SdmxModel.CONCEPT_SCHEME) + "." + concept.id());
                names(w, concept.nl(), concept.en());
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndElement();
        }
        if (!structures.dataStructures().isEmpty()) {
            w.writeStartElement(STRUCTURE, "DataStructures");
            for (Indicator indicator : structures.dataStructures()) {
                dataStructure(w, indicator);
            }
            w.writeEndElement();
        }
        w.writeEndElement(); // Structures
        w.writeEndElement();
        w.writeEndDocument();
        w.flush();
    }

    private static void dataStructure(XMLStreamWriter w, Indicator indicator) throws XMLStreamException {
        w.writeStartElement(STRUCTURE, "DataStructure");
        maintainable(w, indicator.id, "urn:sdmx:org.sdmx.infomodel.datastructure.DataStructure=" + urnId(indicator.id));
        names(w, indicator.labelNl, indicator.labelEn);
        w.writeStartElement(STRUCTURE, "DataStructureComponents");
        w.writeStartElement(STRUCTURE, "DimensionList");
        w.writeAttribute("id", "DimensionDescriptor");
        int position = 1;
        for (SdmxModel.Component dimension : SdmxModel.dimensions(indicator)) {
            w.writeStartElement(STRUCTURE, "Dimension");
            w.writeAttribute("id", dimension.id());
            w.writeAttribute("position", String.valueOf(position++));
            concept(w, dimension.id());
            representation(w, dimension);
            w.writeEndElement();
        }
        w.writeStartElement(STRUCTURE, "TimeDimension");
        w.writeAttribute("id", "TIME_PERIOD");
        w.writeAttribute("position", String.valueOf(position));
        concept(w, "TIME_PERIOD");
        w.writeStartElement(STRUCTURE, "LocalRepresentation");
        w.writeEmptyElement(STRUCTURE, "TextFormat");
        w.writeAttribute("textType", "ObservationalTimePeriod");
        w.writeEndElement();
        w.writeEndElement();
        w.writeEndElement(); // DimensionList
        w.writeStartElement(STRUCTURE, "AttributeList");
        w.writeAttribute("id", "AttributeDescriptor");
        for (SdmxModel.Component attribute : SdmxModel.ATTRIBUTES) {
            w.writeStartElement(STRUCTURE, "Attribute");
            w.writeAttribute("id", attribute.id());
            w.writeAttribute("assignmentStatus", attribute.mandatory() ? "Mandatory" : "Conditional");
            concept(w, attribute.id());
            representation(w, attribute);
            w.writeStartElement(STRUCTURE, "AttributeRelationship");
            w.writeStartElement(STRUCTURE, "PrimaryMeasure");
            w.writeEmptyElement("Ref");
            w.writeAttribute("id", "OBS_VALUE");
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndElement();
        }
        w.writeEndElement(); // AttributeList
        w.writeStartElement(STRUCTURE, "MeasureList");
        w.writeAttribute("id", "MeasureDescriptor");
        w.writeStartElement(STRUCTURE, "PrimaryMeasure");
        w.writeAttribute("id", "OBS_VALUE");
        concept(w, "OBS_VALUE");
        w.writeStartElement(STRUCTURE, "LocalRepresentation");
        w.writeEmptyElement(STRUCTURE, "TextFormat");
        w.writeAttribute("textType", "Decimal");
        w.writeEndElement();
        w.writeEndElement();
        w.writeEndElement(); // MeasureList
        w.writeEndElement(); // DataStructureComponents
        w.writeEndElement();
    }

    private static void representation(XMLStreamWriter w, SdmxModel.Component component) throws XMLStreamException {
        w.writeStartElement(STRUCTURE, "LocalRepresentation");
        if (component.codelist() != null) {
            w.writeStartElement(STRUCTURE, "Enumeration");
            ref(w, component.codelist(), Sdmx.AGENCY, SdmxModel.VERSION, null, "Codelist", "codelist");
            w.writeEndElement();
        } else {
            w.writeEmptyElement(STRUCTURE, "TextFormat");
            w.writeAttribute("textType", component.textType());
        }
        w.writeEndElement();
    }

    private static void concept(XMLStreamWriter w, String id) throws XMLStreamException {
        w.writeStartElement(STRUCTURE, "ConceptIdentity");
        w.writeEmptyElement("Ref");
        w.writeAttribute("id", id);
        w.writeAttribute("maintainableParentID", SdmxModel.CONCEPT_SCHEME);
        w.writeAttribute("maintainableParentVersion", SdmxModel.VERSION);
        w.writeAttribute("agencyID", Sdmx.AGENCY);
        w.writeAttribute("class", "Concept");
        w.writeAttribute("package", "conceptscheme");
        w.writeEndElement();
    }

    private static void ref(XMLStreamWriter w, String id, String agency, String version, String parent, String type, String pkg) throws XMLStreamException {
        w.writeEmptyElement("Ref");
        w.writeAttribute("id", id);
        w.writeAttribute("agencyID", agency);
        w.writeAttribute("version", version);
        w.writeAttribute("class", type);
        w.writeAttribute("package", pkg);
    }

    private static void maintainable(XMLStreamWriter w, String id, String urn) throws XMLStreamException {
        w.writeAttribute("id", id);
        w.writeAttribute("urn", urn);
        w.writeAttribute("agencyID", Sdmx.AGENCY);
        w.writeAttribute("version", SdmxModel.VERSION);
        w.writeAttribute("isFinal", "false");
    }

    private static String urnId(String id) {
        return Sdmx.AGENCY + ":" + id + "(" + SdmxModel.VERSION + ")";
    }

    private static void names(XMLStreamWriter w, String nl, String en) throws XMLStreamException {
        text(w, "Name", "nl", nl);
        if (en != null && !en.isBlank()) {
            text(w, "Name", "en", en);
        }
    }

    private static void descriptions(XMLStreamWriter w, String nl, String en) throws XMLStreamException {
        if (nl != null && !nl.isBlank()) {
            text(w, "Description", "nl", nl);
        }
        if (en != null && !en.isBlank()) {
            text(w, "Description", "en", en);
        }
    }

    private static void text(XMLStreamWriter w, String element, String lang, String text) throws XMLStreamException {
        w.writeStartElement(COMMON, element);
        w.writeAttribute("xml", XML, "lang", lang);
        w.writeCharacters(text);
        w.writeEndElement();
    }

    private static void header(XMLStreamWriter w, Header header, Indicator data, boolean structureSpecific) throws XMLStreamException {
        w.writeStartElement(MESSAGE, "Header");
        element(w, MESSAGE, "ID", header.id());
        element(w, MESSAGE, "Test", "false");
        element(w, MESSAGE, "Prepared", header.preparedText());
        w.writeStartElement(MESSAGE, "Sender");
        w.writeAttribute("id", Sdmx.AGENCY);
        names(w, "Rijksdienst KPI API", null);
        w.writeEndElement();
        if (data != null) {
            w.writeStartElement(MESSAGE, "Structure");
            w.writeAttribute("structureID", structureId(data));
            if (structureSpecific) {
                w.writeAttribute("namespace", specificNamespace(data));
            }
            w.writeAttribute("dimensionAtObservation", "TIME_PERIOD");
            w.writeStartElement(COMMON, "Structure");
            ref(w, data.id, Sdmx.AGENCY, SdmxModel.VERSION, null, "DataStructure", "datastructure");
            w.writeEndElement();
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    private static String structureId(Indicator indicator) {
        return Sdmx.AGENCY + "_" + indicator.id + "_" + SdmxModel.VERSION.replace('.', '_');
    }

    private static String specificNamespace(Indicator indicator) {
        return "urn:sdmx:org.sdmx.infomodel.datastructure.DataStructure=" + urnId(indicator.id) + ":ObsLevelDim:TIME_PERIOD";
    }

    private static void element(XMLStreamWriter w, String ns, String name, String text) throws XMLStreamException {
        w.writeStartElement(ns, name);
        w.writeCharacters(text);
        w.writeEndElement();
    }

    /** How much of the data a message carries: SDMX's {@code detail}. */
    public enum Detail {
        full, dataonly, serieskeysonly, nodata;
    }

    /**
     * Writes a data message from observations a series at a time (in {@code Sdmx.SERIES_ORDER}),
     * those {@code selected} only. An observation without a period SDMX can name is left out, and of
     * two in one series with the same period (with and without a base period) the first is written.
     */
    public static void writeData(Writer out, Header header, Indicator indicator, Iterable<Observation> bySeries, Predicate<Observation> selected,
            boolean structureSpecific, Detail detail) throws XMLStreamException {
        XMLStreamWriter w = FACTORY.createXMLStreamWriter(out);
        List<SdmxModel.Component> dimensions = SdmxModel.dimensions(indicator);
        w.writeStartDocument("UTF-8", "1.0");
        w.setPrefix("message", MESSAGE);
        w.setPrefix("common", COMMON);
        w.writeStartElement(MESSAGE, structureSpecific ? "StructureSpecificData" : "GenericData");
        w.writeNamespace("message", MESSAGE);
        w.writeNamespace("common", COMMON);
        if (structureSpecific) {
            w.setPrefix("ss", SPECIFIC);
            w.setPrefix("xsi", XSI);
            w.setPrefix("ns1", specificNamespace(indicator));
            w.writeNamespace("ss", SPECIFIC);
            w.writeNamespace("xsi", XSI);
            w.writeNamespace("ns1", specificNamespace(indicator));
        } else {
            w.setPrefix("generic", GENERIC);
            w.writeNamespace("generic", GENERIC);
        }
        header(w, header, indicator, structureSpecific);
        w.writeStartElement(MESSAGE, "DataSet");
        if (structureSpecific) {
            w.writeAttribute(SPECIFIC, "structureRef", structureId(indicator));
            w.writeAttribute(XSI, "type", "ns1:DataSetType");
            w.writeAttribute(SPECIFIC, "dataScope", "DataStructure");
            w.writeAttribute(SPECIFIC, "action", "Information");
        } else {
            w.writeAttribute("structureRef", structureId(indicator));
            w.writeAttribute("action", "Information");
        }
        if (detail != Detail.nodata) {
            String open = null;
            Set<String> periods = new HashSet<>();
            for (Observation o : bySeries) {
                if (o.periodStart == null || !selected.test(o)) {
                    continue;
                }
                StringBuilder key = new StringBuilder();
                for (SdmxModel.Component d : dimensions) {
                    key.append(d.value().apply(o)).append('\u0000');
                }
                if (!key.toString().equals(open)) {
                    if (open != null) {
                        w.writeEndElement();
                    }
                    open = key.toString();
                    periods.clear();
                    seriesStart(w, dimensions, o, structureSpecific);
                }
                String period = Sdmx.timePeriod(o.periodCode, o.frequency, o.periodStart, o.periodEnd);
                if (detail == Detail.serieskeysonly || !periods.add(period)) {
                    continue;
                }
                if (structureSpecific) {
                    w.writeEmptyElement("Obs");
                    w.writeAttribute("TIME_PERIOD", period);
                    if (o.value != null) {
                        w.writeAttribute("OBS_VALUE", plain(o.value));
                    }
                    if (detail == Detail.full) {
                        for (SdmxModel.Component a : SdmxModel.ATTRIBUTES) {
                            String value = SdmxModel.attribute(a, indicator, o);
                            if (value != null) {
                                w.writeAttribute(a.id(), value);
                            }
                        }
                    }
                } else {
                    w.writeStartElement(GENERIC, "Obs");
                    w.writeEmptyElement(GENERIC, "ObsDimension");
                    w.writeAttribute("value", period);
                    if (o.value != null) {
                        w.writeEmptyElement(GENERIC, "ObsValue");
                        w.writeAttribute("value", plain(o.value));
                    }
                    if (detail == Detail.full) {
                        w.writeStartElement(GENERIC, "Attributes");
                        for (SdmxModel.Component a : SdmxModel.ATTRIBUTES) {
                            String value = SdmxModel.attribute(a, indicator, o);
                            if (value != null) {
                                w.writeEmptyElement(GENERIC, "Value");
                                w.writeAttribute("id", a.id());
                                w.writeAttribute("value", value);
                            }
                        }
                        w.writeEndElement();
                    }
                    w.writeEndElement();
                }
            }
            if (open != null) {
                w.writeEndElement();
            }
        }
        w.writeEndElement(); // DataSet
        w.writeEndElement();
        w.writeEndDocument();
        w.flush();
    }

    private static void seriesStart(XMLStreamWriter w, List<SdmxModel.Component> dimensions, Observation o, boolean structureSpecific) throws XMLStreamException {
        if (structureSpecific) {
            w.writeStartElement("Series");
            for (SdmxModel.Component d : dimensions) {
                w.writeAttribute(d.id(), d.value().apply(o));
            }
            return;
        }
        w.writeStartElement(GENERIC, "Series");
        w.writeStartElement(GENERIC, "SeriesKey");
        for (SdmxModel.Component d : dimensions) {
            w.writeEmptyElement(GENERIC, "Value");
            w.writeAttribute("id", d.id());
            w.writeAttribute("value", d.value().apply(o));
        }
        w.writeEndElement();
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}

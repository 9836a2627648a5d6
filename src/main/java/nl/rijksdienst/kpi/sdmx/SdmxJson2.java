package nl.rijksdienst.kpi.sdmx;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import nl.rijksdienst.kpi.indicator.Indicator;
import nl.rijksdienst.kpi.observation.Observation;
import nl.rijksdienst.kpi.observation.Sdmx;

/**
 * SDMX-JSON 2.0 structure and data messages. Data is written as the observations are read: one data set, series keyed
 * by FREQ and the indicator's dimensions, TIME_PERIOD at the observation, OBS_VALUE and every
 * attribute per observation. Values are indexed on the way; the structure (with only the values
 * met) follows the data set. Coded values carry their names in Dutch and English; text attributes
 * (the source's words) are values, never codes.
 */
public final class SdmxJson2 {

    public static final String DATA_MEDIA_TYPE = "application/vnd.sdmx.data+json;version=2.0.0";
    public static final String STRUCTURE_MEDIA_TYPE = "application/vnd.sdmx.structure+json;version=2.0.0";
    private static final String SCHEMA = "https://raw.githubusercontent.com/sdmx-twg/sdmx-json/v2.0.0/data-message/tools/schemas/2.0.0/sdmx-json-data-schema.json";
    private static final String STRUCTURE_SCHEMA =
            "https://raw.githubusercontent.com/sdmx-twg/sdmx-json/v2.0.0/structure-message/tools/schemas/2.0.0/sdmx-json-structure-schema.json";
    private static final String URN = "urn:sdmx:org.sdmx.infomodel.";

    private static String urn(String type, String id) {
        return URN + type + "=" + Sdmx.AGENCY + ":" + id + "(" + SdmxModel.VERSION + ")";
    }

    private static String concept(String id) {
        return urn("conceptscheme.Concept", SdmxModel.CONCEPT_SCHEME) + "." + id;
    }

    private static void meta(JsonGenerator g, SdmxMl.Header header, String schema) throws IOException {
        g.writeObjectFieldStart("meta");
        g.writeStringField("schema", schema);
        g.writeStringField("id", header.id());
        g.writeBooleanField("test", false);
        g.writeStringField("prepared", header.preparedText());
        g.writeArrayFieldStart("contentLanguages");
        g.writeString("nl");
        g.writeString("en");
        g.writeEndArray();
        g.writeObjectFieldStart("sender");
        g.writeStringField("id", Sdmx.AGENCY);
        g.writeStringField("name", "Rijksdienst KPI API");
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void maintainable(JsonGenerator g, String id, String nl, String en) throws IOException {
        g.writeStringField("id", id);
        g.writeStringField("agencyID", Sdmx.AGENCY);
        g.writeStringField("version", SdmxModel.VERSION);
        names(g, "name", nl, en);
    }

    /** An SDMX-JSON 2.0 structure message: the same structures as the SDMX-ML 2.1 one, in the SDMX 3.0 model's terms (URN references). */
    public static void writeStructures(ObjectMapper mapper, Writer out, SdmxMl.Header header, SdmxMl.Structures structures) throws IOException {
        try (JsonGenerator g = mapper.createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartObject();
            meta(g, header, STRUCTURE_SCHEMA);
            g.writeObjectFieldStart("data");
            if (!structures.dataflows().isEmpty()) {
                g.writeArrayFieldStart("dataflows");
                for (Indicator indicator : structures.dataflows()) {
                    g.writeStartObject();
                    maintainable(g, indicator.id, indicator.labelNl, indicator.labelEn);
                    if (indicator.descriptionNl != null) {
                        names(g, "description", indicator.descriptionNl, indicator.descriptionEn);
                    }
                    g.writeStringField("structure", urn("datastructure.DataStructure", indicator.id));
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            if (!structures.codelists().isEmpty()) {
                g.writeArrayFieldStart("codelists");
                for (SdmxModel.Codelist list : structures.codelists()) {
                    g.writeStartObject();
                    maintainable(g, list.id(), list.nl(), list.en());
                    g.writeArrayFieldStart("codes");
                    for (SdmxModel.Code code : list.codes()) {
                        g.writeStartObject();
                        g.writeStringField("id", code.id());
                        names(g, "name", code.nl(), code.en());
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            if (!structures.concepts().isEmpty()) {
                g.writeArrayFieldStart("conceptSchemes");
                g.writeStartObject();
                maintainable(g, SdmxModel.CONCEPT_SCHEME, "Begrippen van de Rijksdienst KPI API", "Concepts of the Rijksdienst KPI API");
                g.writeArrayFieldStart("concepts");
                for (SdmxModel.Concept concept : structures.concepts()) {
                    g.writeStartObject();
                    g.writeStringField("id", concept.id());
                    names(g, "name", concept.nl(), concept.en());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
                g.writeEndArray();
            }
            if (!structures.dataStructures().isEmpty()) {
                g.writeArrayFieldStart("dataStructures");
                for (Indicator indicator : structures.dataStructures()) {
                    dataStructure(g, indicator);
                }
                g.writeEndArray();
            }
            g.writeEndObject(); // data
            g.writeEndObject();
        }
    }

    private static void dataStructure(JsonGenerator g, Indicator indicator) throws IOException {
        g.writeStartObject();
        maintainable(g, indicator.id, indicator.labelNl, indicator.labelEn);
        g.writeObjectFieldStart("dataStructureComponents");
        g.writeObjectFieldStart("dimensionList");
        g.writeStringField("id", "DimensionDescriptor");
        g.writeArrayFieldStart("dimensions");
        int position = 0;
        for (SdmxModel.Component d : SdmxModel.dimensions(indicator)) {
            g.writeStartObject();
            g.writeStringField("id", d.id());
            g.writeNumberField("position", position++);
            g.writeStringField("conceptIdentity", concept(d.id()));
            g.writeObjectFieldStart("localRepresentation");
            g.writeStringField("enumeration", urn("codelist.Codelist", d.codelist()));
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeObjectFieldStart("timeDimension");
        g.writeStringField("id", "TIME_PERIOD");
        g.writeStringField("conceptIdentity", concept("TIME_PERIOD"));
        g.writeObjectFieldStart("localRepresentation");
        g.writeObjectFieldStart("format");
        g.writeStringField("dataType", "ObservationalTimePeriod");
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndObject(); // dimensionList
        g.writeObjectFieldStart("attributeList");
        g.writeStringField("id", "AttributeDescriptor");
        g.writeArrayFieldStart("attributes");
        for (SdmxModel.Component a : SdmxModel.ATTRIBUTES) {
            g.writeStartObject();
            g.writeStringField("id", a.id());
            g.writeStringField("usage", a.mandatory() ? "mandatory" : "optional");
            g.writeObjectFieldStart("attributeRelationship");
            g.writeObjectFieldStart("observation");
            g.writeEndObject();
            g.writeEndObject();
            g.writeStringField("conceptIdentity", concept(a.id()));
            g.writeObjectFieldStart("localRepresentation");
            if (a.codelist() != null) {
                g.writeStringField("enumeration", urn("codelist.Codelist", a.codelist()));
            } else {
                g.writeObjectFieldStart("format");
                g.writeStringField("dataType", a.textType());
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject(); // attributeList
        g.writeObjectFieldStart("measureList");
        g.writeStringField("id", "MeasureDescriptor");
        g.writeArrayFieldStart("measures");
        g.writeStartObject();
        g.writeStringField("id", "OBS_VALUE");
        g.writeStringField("conceptIdentity", concept("OBS_VALUE"));
        g.writeObjectFieldStart("localRepresentation");
        g.writeObjectFieldStart("format");
        g.writeStringField("dataType", "Decimal");
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject(); // measureList
        g.writeEndObject(); // dataStructureComponents
        g.writeEndObject();
    }

    private SdmxJson2() {
    }

    public static void writeData(ObjectMapper mapper, Writer out, SdmxMl.Header header, Indicator indicator, List<Observation> periods,
            Iterable<Observation> bySeries, Predicate<Observation> selected, SdmxMl.Detail detail) throws IOException {
        List<SdmxModel.Component> dimensions = SdmxModel.dimensions(indicator);
        List<SdmxModel.Component> attributes = detail == SdmxMl.Detail.full ? SdmxModel.ATTRIBUTES : List.of();
        Map<String, SdmxModel.Codelist> lists = new LinkedHashMap<>();
        SdmxModel.codelistsOf(indicator).forEach(c -> lists.put(c.id(), c));
        List<Map<String, Integer>> keyIndex = new ArrayList<>();
        dimensions.forEach(d -> keyIndex.add(new LinkedHashMap<>()));
        List<Map<String, Integer>> attributeIndex = new ArrayList<>();
        attributes.forEach(a -> attributeIndex.add(new LinkedHashMap<>()));
        Map<String, Integer> timeIndex = new LinkedHashMap<>();
        Map<String, Observation> timeOf = new LinkedHashMap<>();
        for (Observation o : periods) {
            if (o.periodStart != null) {
                String period = Sdmx.timePeriod(o.periodCode, o.frequency, o.periodStart, o.periodEnd);
                if (timeIndex.putIfAbsent(period, timeIndex.size()) == null) {
                    timeOf.put(period, o);
                }
            }
        }
        try (JsonGenerator g = mapper.createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartObject();
            meta(g, header, SCHEMA);

            g.writeObjectFieldStart("data");
            g.writeArrayFieldStart("dataSets");
            g.writeStartObject();
            g.writeNumberField("structure", 0);
            g.writeStringField("action", "Information");
            g.writeArrayFieldStart("links");
            link(g, "dataflow", urn("datastructure.Dataflow", indicator.id));
            g.writeEndArray();
            g.writeObjectFieldStart("series");
            if (detail != SdmxMl.Detail.nodata) {
                String open = null;
                Set<Integer> written = new HashSet<>();
                for (Observation o : bySeries) {
                    if (o.periodStart == null || !selected.test(o)) {
                        continue;
                    }
                    StringBuilder key = new StringBuilder();
                    for (int i = 0; i < dimensions.size(); i++) {
                        Map<String, Integer> index = keyIndex.get(i);
                        key.append(i == 0 ? "" : ":").append(index.computeIfAbsent(dimensions.get(i).value().apply(o), v -> index.size()));
                    }
                    if (!key.toString().equals(open)) {
                        if (open != null) {
                            g.writeEndObject();
                            g.writeEndObject();
                        }
                        open = key.toString();
                        written.clear();
                        g.writeObjectFieldStart(open);
                        g.writeObjectFieldStart("observations");
                    }
                    Integer time = timeIndex.get(Sdmx.timePeriod(o.periodCode, o.frequency, o.periodStart, o.periodEnd));
                    if (detail == SdmxMl.Detail.serieskeysonly || time == null || !written.add(time)) {
                        continue;
                    }
                    g.writeArrayFieldStart(String.valueOf(time));
                    if (o.value == null) {
                        g.writeNull();
                    } else {
                        g.writeNumber(o.value.stripTrailingZeros().toPlainString());
                    }
                    for (int i = 0; i < attributes.size(); i++) {
                        String value = SdmxModel.attribute(attributes.get(i), indicator, o);
                        if (value == null) {
                            g.writeNull();
                        } else {
                            Map<String, Integer> index = attributeIndex.get(i);
                            g.writeNumber(index.computeIfAbsent(value, v -> index.size()));
                        }
                    }
                    g.writeEndArray();
                }
                if (open != null) {
                    g.writeEndObject();
                    g.writeEndObject();
                }
            }
            g.writeEndObject(); // series
            g.writeEndObject();
            g.writeEndArray(); // dataSets

            g.writeArrayFieldStart("structures");
            g.writeStartObject();
            g.writeArrayFieldStart("dataSets");
            g.writeNumber(0);
            g.writeEndArray();
            g.writeArrayFieldStart("links");
            link(g, "dataflow", urn("datastructure.Dataflow", indicator.id));
            link(g, "datastructure", urn("datastructure.DataStructure", indicator.id));
            g.writeEndArray();
            names(g, "name", indicator.labelNl, indicator.labelEn);
            g.writeObjectFieldStart("dimensions");
            g.writeArrayFieldStart("dataSet");
            g.writeEndArray();
            g.writeArrayFieldStart("series");
            boolean anySeries = !keyIndex.get(0).isEmpty();
            for (int i = 0; anySeries && i < dimensions.size(); i++) {
                SdmxModel.Component d = dimensions.get(i);
                g.writeStartObject();
                g.writeStringField("id", d.id());
                names(g, "name", d.nl(), d.en());
                g.writeNumberField("keyPosition", i);
                if (i == 0) {
                    g.writeArrayFieldStart("roles");
                    g.writeString("FREQ");
                    g.writeEndArray();
                }
                g.writeArrayFieldStart("values");
                for (String value : keyIndex.get(i).keySet()) {
                    SdmxModel.Code code = lists.get(d.codelist()).codes().stream().filter(c -> c.id().equals(value)).findFirst()
                            .orElse(new SdmxModel.Code(value, value, value));
                    g.writeStartObject();
                    g.writeStringField("id", value);
                    names(g, "name", code.nl(), code.en());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("observation");
            if (!timeIndex.isEmpty()) {
                g.writeStartObject();
                g.writeStringField("id", "TIME_PERIOD");
                names(g, "name", "Periode", "Time period");
                g.writeNumberField("keyPosition", dimensions.size());
                g.writeArrayFieldStart("roles");
                g.writeString("TIME_PERIOD");
                g.writeEndArray();
                g.writeArrayFieldStart("values");
                for (Map.Entry<String, Observation> time : timeOf.entrySet()) {
                    g.writeStartObject();
                    g.writeStringField("value", time.getKey());
                    g.writeStringField("start", time.getValue().periodStart + "T00:00:00Z");
                    g.writeStringField("end", time.getValue().periodEnd + "T23:59:59Z");
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject(); // dimensions

            g.writeObjectFieldStart("measures");
            g.writeArrayFieldStart("observation");
            g.writeStartObject();
            g.writeStringField("id", "OBS_VALUE");
            names(g, "name", "Waarde", "Observation value");
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();

            g.writeObjectFieldStart("attributes");
            g.writeArrayFieldStart("dataSet");
            g.writeEndArray();
            g.writeArrayFieldStart("series");
            g.writeEndArray();
            g.writeArrayFieldStart("observation");
            for (int i = 0; i < attributes.size(); i++) {
                SdmxModel.Component a = attributes.get(i);
                g.writeStartObject();
                g.writeStringField("id", a.id());
                names(g, "name", a.nl(), a.en());
                g.writeBooleanField("isMandatory", a.mandatory());
                g.writeObjectFieldStart("relationship");
                g.writeObjectFieldStart("observation");
                g.writeEndObject();
                g.writeEndObject();
                if (!attributeIndex.get(i).isEmpty()) {
                    g.writeArrayFieldStart("values");
                    for (String value : attributeIndex.get(i).keySet()) {
                        g.writeStartObject();
                        if (a.codelist() != null) {
                            SdmxModel.Code code = lists.get(a.codelist()).codes().stream().filter(c -> c.id().equals(value)).findFirst()
                                    .orElse(new SdmxModel.Code(value, value, value));
                            g.writeStringField("id", value);
                            names(g, "name", code.nl(), code.en());
                        } else if ("Boolean".equals(a.textType())) {
                            g.writeBooleanField("value", Boolean.parseBoolean(value));
                        } else if ("Decimal".equals(a.textType())) {
                            g.writeFieldName("value");
                            g.writeNumber(new BigDecimal(value));
                        } else {
                            g.writeStringField("value", value);
                        }
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject(); // attributes
            g.writeEndObject(); // the structure
            g.writeEndArray();
            g.writeEndObject(); // data
            g.writeEndObject();
        }
    }

    private static void link(JsonGenerator g, String rel, String urn) throws IOException {
        g.writeStartObject();
        g.writeStringField("rel", rel);
        g.writeStringField("urn", urn);
        g.writeEndObject();
    }

    /** A name in the best language ({@code name}, Dutch) and in every language ({@code names}). */
    private static void names(JsonGenerator g, String field, String nl, String en) throws IOException {
        g.writeStringField(field, nl);
        g.writeObjectFieldStart(field + "s");
        g.writeStringField("nl", nl);
        if (en != null && !en.isBlank()) {
            g.writeStringField("en", en);
        }
        g.writeEndObject();
    }
}

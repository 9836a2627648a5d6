package nl.rijksdienst.kpi.observation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.rijksdienst.kpi.common.Csv;
import nl.rijksdienst.kpi.indicator.Dimension;
import nl.rijksdienst.kpi.indicator.Indicator;
import nl.rijksdienst.kpi.indicator.Unit;
import nl.rijksdienst.kpi.period.Frequency;
import org.apache.commons.csv.CSVPrinter;

/**
 * Observations in SDMX's own terms, for statistical tools: SDMX-CSV 1.0 and SDMX-JSON 1.0 data
 * messages. The dataflow is {@code RIJKSDIENST:<indicator id>(1.0)}; FREQ and the indicator's
 * dimensions form the series key; TIME_PERIOD uses SDMX period codes (an interval becomes an SDMX
 * time range, start and ISO duration); OBS_STATUS uses SDMX's code list (A normal, P provisional,
 * E estimated, F forecast). What SDMX has no attribute for keeps our own: PUBLICATION_DATE and PUBLICATION_BASIS (when the version became public), STATED_BY and STATED_BY_NAME
 * (who states the figure: minister, members with their group, or a third party), RESPONSE_STANCE (what
 * the answer does with a members' figure: confirms, qualifies, rejects), OBS_QUALIFIER (exact,
 * approximate, lower_bound, upper_bound, range, qualitative), OBS_VALUE_LOW and OBS_VALUE_HIGH for
 * a range, OBS_TEXT for the source's words, BASE_PER for a base period, BREAK for a break in series.
 */
public final class Sdmx {

    public static final String CSV_MEDIA_TYPE = "application/vnd.sdmx.data+csv;version=1.0.0";
    public static final String JSON_MEDIA_TYPE = "application/vnd.sdmx.data+json;version=1.0.0";
    public static final String AGENCY = "RIJKSDIENST";

    private Sdmx() {
    }

    public static String dataflow(Indicator indicator) {
        return AGENCY + ":" + indicator.id + "(1.0)";
    }

    public static String freq(Frequency frequency) {
        return switch (frequency) {
            case annual -> "A";
            case semiannual -> "S";
            case quarterly -> "Q";
            case monthly -> "M";
            case daily -> "D";
            case interval -> "_Z";
        };
    }

    /** SDMX TIME_PERIOD: the period code, or for an interval an SDMX time range (start/duration). */
    public static String timePeriod(String code, Frequency frequency, LocalDate start, LocalDate end) {
        if (frequency != Frequency.interval) {
            return code;
        }
        java.time.Period length = java.time.Period.between(start, end.plusDays(1));
        String duration = length.getDays() == 0 ? "P" + (length.getYears() * 12 + length.getMonths()) + "M"
                : "P" + (java.time.temporal.ChronoUnit.DAYS.between(start, end) + 1) + "D";
        return start + "/" + duration;
    }

    public static String obsStatus(ObservationStatus status) {
        return switch (status) {
            case final_ -> "A";
            case provisional -> "P";
            case estimate -> "E";
            case forecast, target -> "F";
        };
    }

    public static String unitMeasure(Unit unit) {
        return switch (unit) {
            case percent -> "PC";
            case euro -> "EUR";
            case fte -> "FTE";
            case count -> "NUM";
            case year -> "YR";
            case month -> "MTH";
        };
    }

    public static List<String> csvHeader(Indicator indicator) {
        List<String> header = new ArrayList<>(List.of("DATAFLOW", "FREQ"));
        indicator.dimensions.stream().map(Dimension::id).forEach(header::add);
        header.addAll(List.of("TIME_PERIOD", "OBS_VALUE", "OBS_STATUS", "UNIT_MEASURE", "OBS_QUALIFIER", "OBS_VALUE_LOW", "OBS_VALUE_HIGH",
                "OBS_TEXT", "BASE_PER", "BREAK", "SOURCE", "COMMENT_OBS", "STATED_BY", "STATED_BY_NAME", "RESPONSE_STANCE",
                "PUBLICATION_DATE", "PUBLICATION_BASIS"));
        return header;
    }

    public static void writeCsv(Indicator indicator, Iterable<Observation> observations, CSVPrinter printer) throws IOException {
        for (Observation o : observations) {
            if (!hasTimePeriod(o)) {
                continue;
            }
            List<Object> row = new ArrayList<>(List.of(dataflow(indicator), freq(o.frequency)));
            for (Dimension d : indicator.dimensions) {
                row.add(Csv.cell(o.dimensions.get(d.id())));
            }
            row.add(timePeriod(o.periodCode, o.frequency, o.periodStart, o.periodEnd));
            row.add(Csv.cell(o.value));
            row.add(obsStatus(o.status));
            row.add(unitMeasure(indicator.unit));
            row.add(o.qualifier.name());
            row.add(Csv.cell(o.valueLow));
            row.add(Csv.cell(o.valueHigh));
            row.add(Csv.cell(o.valueText));
            row.add(Csv.cell(o.basePeriodCode));
            row.add(o.seriesBreak);
            row.add(Csv.cell(o.sourceId));
            row.add(Csv.cell(o.quote));
            row.add(o.statedBy == null ? "" : o.statedBy.name());
            row.add(Csv.cell(o.statedByName));
            row.add(o.responseStance == null ? "" : o.responseStance.name());
            row.add(Csv.cell(o.publishedOn));
            row.add(o.publicationBasis == null ? "" : o.publicationBasis.name());
            printer.printRecord(row);
        }
    }

    /** An SDMX-JSON 1.0 data message with one data set: series by FREQ and the indicator's dimensions. */
    /**
     * The observations SDMX can carry: one without a year the source names (P1Y) has no SDMX time
     * period, so it is left out of SDMX answers; the JSON and CSV representations have it.
     */
    private static boolean hasTimePeriod(Observation o) {
        return o.periodStart != null;
    }

    public static void writeJson(Indicator indicator, List<Observation> allObservations, ObjectMapper mapper, Writer out, OffsetDateTime prepared,
            long dataVersion) {
        List<Observation> observations = allObservations.stream().filter(Sdmx::hasTimePeriod).toList();
        List<String> seriesDims = new ArrayList<>(List.of("FREQ"));
        indicator.dimensions.stream().map(Dimension::id).forEach(seriesDims::add);
        List<Map<String, Integer>> seriesValueIndex = new ArrayList<>();
        List<List<String>> seriesValues = new ArrayList<>();
        for (int i = 0; i < seriesDims.size(); i++) {
            seriesValueIndex.add(new LinkedHashMap<>());
            seriesValues.add(new ArrayList<>());
        }
        Map<String, Integer> timeIndex = new LinkedHashMap<>();
        List<Observation> timeOrder = new ArrayList<>();
        String[] attributeIds = {"OBS_STATUS", "OBS_QUALIFIER", "OBS_VALUE_LOW", "OBS_VALUE_HIGH", "OBS_TEXT", "BASE_PER", "BREAK", "UNIT_MEASURE",
            "STATED_BY", "STATED_BY_NAME", "RESPONSE_STANCE", "PUBLICATION_DATE", "PUBLICATION_BASIS"};
        List<Map<String, Integer>> attributeIndex = new ArrayList<>();
        for (int i = 0; i < attributeIds.length; i++) {
            attributeIndex.add(new LinkedHashMap<>());
        }
        Map<String, ObjectNode> series = new LinkedHashMap<>();
        for (Observation o : observations) {
            StringBuilder key = new StringBuilder();
            for (int i = 0; i < seriesDims.size(); i++) {
                String value = i == 0 ? freq(o.frequency) : o.dimensions.getOrDefault(seriesDims.get(i), "_Z");
                Map<String, Integer> index = seriesValueIndex.get(i);
                if (!index.containsKey(value)) {
                    index.put(value, index.size());
                    seriesValues.get(i).add(value);
                }
                key.append(i == 0 ? "" : ":").append(index.get(value));
            }
            String time = timePeriod(o.periodCode, o.frequency, o.periodStart, o.periodEnd);
            if (!timeIndex.containsKey(time)) {
                timeIndex.put(time, timeIndex.size());
                timeOrder.add(o);
            }
            ObjectNode s = series.computeIfAbsent(key.toString(), k -> {
                ObjectNode node = mapper.createObjectNode();
                node.putArray("attributes");
                node.putObject("observations");
                return node;
            });
            ArrayNode obs = mapper.createArrayNode();
            if (o.value == null) {
                obs.addNull();
            } else {
                obs.add(o.value);
            }
            String[] attributes = {obsStatus(o.status), o.qualifier.name(), plain(o.valueLow), plain(o.valueHigh), o.valueText,
                    o.basePeriodCode, String.valueOf(o.seriesBreak), unitMeasure(indicator.unit), o.statedBy == null ? null : o.statedBy.name(),
                    o.statedByName, o.responseStance == null ? null : o.responseStance.name(), o.publishedOn == null ? null : o.publishedOn.toString(),
                    o.publicationBasis == null ? null : o.publicationBasis.name()};
            for (int i = 0; i < attributes.length; i++) {
                if (attributes[i] == null) {
                    obs.addNull();
                } else {
                    Map<String, Integer> index = attributeIndex.get(i);
                    index.putIfAbsent(attributes[i], index.size());
                    obs.add(index.get(attributes[i]));
                }
            }
            ((ObjectNode) s.get("observations")).set(String.valueOf(timeIndex.get(time)), obs);
        }

        ObjectNode root = mapper.createObjectNode();
        ObjectNode meta = root.putObject("meta");
        meta.put("schema", "https://raw.githubusercontent.com/sdmx-twg/sdmx-json/v1.0.0/data-message/tools/schemas/1.0/sdmx-json-data-schema.json");
        meta.put("id", "IREF-" + indicator.id + "-" + dataVersion);
        meta.put("prepared", prepared.toString());
        meta.put("test", false);
        meta.putObject("sender").put("id", AGENCY).put("name", "Rijksdienst KPI API");
        ObjectNode data = root.putObject("data");
        ObjectNode dataSet = data.putArray("dataSets").addObject();
        dataSet.put("action", "Information");
        ObjectNode seriesNode = dataSet.putObject("series");
        series.forEach(seriesNode::set);
        ObjectNode structure = data.putObject("structure");
        structure.put("name", indicator.labelNl);
        structure.put("description", indicator.descriptionNl == null ? indicator.labelNl : indicator.descriptionNl);
        structure.putArray("links").addObject().put("urn", "urn:sdmx:org.sdmx.infomodel.datastructure.Dataflow=" + dataflow(indicator)).put("rel", "dataflow");
        ObjectNode dimensions = structure.putObject("dimensions");
        ArrayNode seriesDimensions = dimensions.putArray("series");
        for (int i = 0; i < seriesDims.size(); i++) {
            ObjectNode dim = seriesDimensions.addObject();
            dim.put("id", seriesDims.get(i));
            dim.put("name", i == 0 ? "Frequentie" : indicator.dimension(seriesDims.get(i)).map(d -> d.label().nl()).orElse(seriesDims.get(i)));
            dim.put("keyPosition", i);
            ArrayNode values = dim.putArray("values");
            for (String value : seriesValues.get(i)) {
                String name = value;
                if (i > 0) {
                    String dimId = seriesDims.get(i);
                    name = indicator.dimension(dimId).flatMap(d -> d.codes().stream().filter(c -> c.code().equals(value)).findFirst())
                            .map(c -> c.label().nl()).orElse(value);
                }
                values.addObject().put("id", value).put("name", name);
            }
        }
        ArrayNode observationDimensions = dimensions.putArray("observation");
        ObjectNode time = observationDimensions.addObject();
        time.put("id", "TIME_PERIOD");
        time.put("name", "Periode");
        time.put("role", "time");
        ArrayNode timeValues = time.putArray("values");
        for (Map.Entry<String, Integer> entry : timeIndex.entrySet()) {
            Observation o = timeOrder.get(entry.getValue());
            timeValues.addObject().put("id", entry.getKey()).put("name", o.periodCode)
                    .put("start", o.periodStart + "T00:00:00").put("end", o.periodEnd + "T23:59:59");
        }
        ObjectNode attributesNode = structure.putObject("attributes");
        attributesNode.putArray("dataSet");
        attributesNode.putArray("series");
        ArrayNode observationAttributes = attributesNode.putArray("observation");
        for (int i = 0; i < attributeIds.length; i++) {
            ObjectNode attribute = observationAttributes.addObject();
            attribute.put("id", attributeIds[i]);
            attribute.put("name", attributeIds[i]);
            ArrayNode values = attribute.putArray("values");
            attributeIndex.get(i).keySet().forEach(v -> values.addObject().put("id", v).put("name", v));
        }
        try {
            // The caller flushes and closes the stream: Jackson must not close it first.
            mapper.writer().without(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(out, root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}

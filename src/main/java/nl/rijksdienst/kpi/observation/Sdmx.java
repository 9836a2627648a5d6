package nl.rijksdienst.kpi.observation;

import com.fasterxml.jackson.databind.ObjectMapper;
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

    public static void writeCsv(Indicator indicator, Iterable<Observation> observations, Csv.Printer printer) throws IOException {
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

    /** The order a streamed SDMX-JSON message reads its observations in: a series at a time, in period order within it. */
    static final String SERIES_ORDER = " order by frequency, dimension_key, period_start, period_end, period_code, coalesce(base_period_code, '') desc";

    /**
     * Writes an SDMX-JSON 1.0 data message as it reads the observations: {@code bySeries} a series
     * at a time ({@link #SERIES_ORDER}), {@code periods} the selection's periods in period order
     * (the time dimension's values). Only the code lists found on the way are held, and written in
     * the structure after the data set; an observation's period taken twice in one series (with and
     * without a base period) is written once, the one with a base period.
     */
    public static void writeJson(Indicator indicator, Iterable<Observation> bySeries, List<Observation> periods, ObjectMapper mapper, Writer out,
            OffsetDateTime prepared, long dataVersion) {
        List<String> seriesDims = new ArrayList<>(List.of("FREQ"));
        indicator.dimensions.stream().map(Dimension::id).forEach(seriesDims::add);
        List<Map<String, Integer>> seriesValueIndex = new ArrayList<>();
        for (int i = 0; i < seriesDims.size(); i++) {
            seriesValueIndex.add(new LinkedHashMap<>());
        }
        Map<String, Integer> timeIndex = new LinkedHashMap<>();
        List<Observation> timeOrder = new ArrayList<>();
        for (Observation o : periods) {
            if (hasTimePeriod(o) && timeIndex.putIfAbsent(timePeriod(o.periodCode, o.frequency, o.periodStart, o.periodEnd), timeIndex.size()) == null) {
                timeOrder.add(o);
            }
        }
        String[] attributeIds = {"OBS_STATUS", "OBS_QUALIFIER", "OBS_VALUE_LOW", "OBS_VALUE_HIGH", "OBS_TEXT", "BASE_PER", "BREAK", "UNIT_MEASURE",
            "STATED_BY", "STATED_BY_NAME", "RESPONSE_STANCE", "PUBLICATION_DATE", "PUBLICATION_BASIS"};
        List<Map<String, Integer>> attributeIndex = new ArrayList<>();
        for (int i = 0; i < attributeIds.length; i++) {
            attributeIndex.add(new LinkedHashMap<>());
        }
        try (com.fasterxml.jackson.core.JsonGenerator g = mapper.createGenerator(out)) {
            // the caller flushes and closes the stream
            g.disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartObject();
            g.writeObjectFieldStart("meta");
            g.writeStringField("schema", "https://raw.githubusercontent.com/sdmx-twg/sdmx-json/v1.0.0/data-message/tools/schemas/1.0/sdmx-json-data-schema.json");
            g.writeStringField("id", "IREF-" + indicator.id + "-" + dataVersion);
            g.writeStringField("prepared", prepared.toString());
            g.writeBooleanField("test", false);
            g.writeObjectFieldStart("sender");
            g.writeStringField("id", AGENCY);
            g.writeStringField("name", "Rijksdienst KPI API");
            g.writeEndObject();
            g.writeEndObject();
            g.writeObjectFieldStart("data");
            g.writeArrayFieldStart("dataSets");
            g.writeStartObject();
            g.writeStringField("action", "Information");
            g.writeArrayFieldStart("links");
            g.writeStartObject();
            g.writeStringField("urn", "urn:sdmx:org.sdmx.infomodel.datastructure.Dataflow=" + dataflow(indicator));
            g.writeStringField("rel", "dataflow");
            g.writeEndObject();
            g.writeEndArray();
            g.writeObjectFieldStart("series");
            String open = null;
            java.util.Set<Integer> written = new java.util.HashSet<>();
            for (Observation o : bySeries) {
                if (!hasTimePeriod(o)) {
                    continue;
                }
                StringBuilder key = new StringBuilder();
                for (int i = 0; i < seriesDims.size(); i++) {
                    String value = i == 0 ? freq(o.frequency) : o.dimensions.getOrDefault(seriesDims.get(i), "_Z");
                    Map<String, Integer> index = seriesValueIndex.get(i);
                    index.putIfAbsent(value, index.size());
                    key.append(i == 0 ? "" : ":").append(index.get(value));
                }
                if (!key.toString().equals(open)) {
                    if (open != null) {
                        g.writeEndObject();
                        g.writeEndObject();
                    }
                    open = key.toString();
                    written.clear();
                    g.writeObjectFieldStart(open);
                    g.writeArrayFieldStart("attributes");
                    g.writeEndArray();
                    g.writeObjectFieldStart("observations");
                }
                Integer time = timeIndex.get(timePeriod(o.periodCode, o.frequency, o.periodStart, o.periodEnd));
                if (time == null || !written.add(time)) {
                    continue;
                }
                g.writeArrayFieldStart(String.valueOf(time));
                if (o.value == null) {
                    g.writeNull();
                } else {
                    g.writeNumber(o.value);
                }
                String[] attributes = {obsStatus(o.status), o.qualifier.name(), plain(o.valueLow), plain(o.valueHigh), o.valueText,
                        o.basePeriodCode, String.valueOf(o.seriesBreak), unitMeasure(indicator.unit), o.statedBy == null ? null : o.statedBy.name(),
                        o.statedByName, o.responseStance == null ? null : o.responseStance.name(), o.publishedOn == null ? null : o.publishedOn.toString(),
                        o.publicationBasis == null ? null : o.publicationBasis.name()};
                for (int i = 0; i < attributes.length; i++) {
                    if (attributes[i] == null) {
                        g.writeNull();
                    } else {
                        Map<String, Integer> index = attributeIndex.get(i);
                        index.putIfAbsent(attributes[i], index.size());
                        g.writeNumber(index.get(attributes[i]));
                    }
                }
                g.writeEndArray();
            }
            if (open != null) {
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndObject(); // series
            g.writeEndObject(); // the data set
            g.writeEndArray();

            g.writeObjectFieldStart("structure");
            g.writeStringField("name", indicator.labelNl);
            g.writeStringField("description", indicator.descriptionNl == null ? indicator.labelNl : indicator.descriptionNl);
            g.writeArrayFieldStart("links");
            g.writeStartObject();
            g.writeStringField("urn", "urn:sdmx:org.sdmx.infomodel.datastructure.Dataflow=" + dataflow(indicator));
            g.writeStringField("rel", "dataflow");
            g.writeEndObject();
            g.writeEndArray();
            g.writeObjectFieldStart("dimensions");
            g.writeArrayFieldStart("series");
            for (int i = 0; i < seriesDims.size(); i++) {
                g.writeStartObject();
                g.writeStringField("id", seriesDims.get(i));
                g.writeStringField("name", i == 0 ? "Frequentie" : indicator.dimension(seriesDims.get(i)).map(d -> d.label().nl()).orElse(seriesDims.get(i)));
                g.writeNumberField("keyPosition", i);
                g.writeArrayFieldStart("values");
                for (String value : seriesValueIndex.get(i).keySet()) {
                    String name = value;
                    if (i > 0) {
                        String dimId = seriesDims.get(i);
                        name = indicator.dimension(dimId).flatMap(d -> d.codes().stream().filter(c -> c.code().equals(value)).findFirst())
                                .map(c -> c.label().nl()).orElse(value);
                    }
                    codeValue(g, value, name);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("observation");
            g.writeStartObject();
            g.writeStringField("id", "TIME_PERIOD");
            g.writeStringField("name", "Periode");
            g.writeNumberField("keyPosition", seriesDims.size());
            g.writeArrayFieldStart("roles");
            g.writeString("TIME_PERIOD");
            g.writeEndArray();
            g.writeArrayFieldStart("values");
            for (Map.Entry<String, Integer> entry : timeIndex.entrySet()) {
                Observation o = timeOrder.get(entry.getValue());
                g.writeStartObject();
                // SDMX-JSON 1.0 allows no "/" in an id: a time range (2025-01-01/P9M) is named in full, its id with "_"
                g.writeStringField("id", entry.getKey().replace('/', '_'));
                g.writeStringField("name", entry.getKey());
                g.writeStringField("start", o.periodStart + "T00:00:00Z");
                g.writeStringField("end", o.periodEnd + "T23:59:59Z");
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject(); // dimensions
            g.writeObjectFieldStart("attributes");
            g.writeArrayFieldStart("dataSet");
            g.writeEndArray();
            g.writeArrayFieldStart("series");
            g.writeEndArray();
            g.writeArrayFieldStart("observation");
            for (int i = 0; i < attributeIds.length; i++) {
                g.writeStartObject();
                g.writeStringField("id", attributeIds[i]);
                g.writeStringField("name", attributeIds[i]);
                g.writeObjectFieldStart("relationship");
                g.writeStringField("primaryMeasure", "OBS_VALUE");
                g.writeEndObject();
                g.writeArrayFieldStart("values");
                for (String v : attributeIndex.get(i).keySet()) {
                    if (TEXT_ATTRIBUTES.contains(attributeIds[i])) {
                        // words and numbers the source gives are values, not codes: a name without an id
                        g.writeStartObject();
                        g.writeStringField("name", v);
                        g.writeEndObject();
                    } else {
                        codeValue(g, v, v);
                    }
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject(); // attributes
            g.writeEndObject(); // structure
            g.writeEndObject(); // data
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The attributes whose values are not codes: the source's words, range ends, names, dates. */
    private static final java.util.Set<String> TEXT_ATTRIBUTES = java.util.Set.of("OBS_VALUE_LOW", "OBS_VALUE_HIGH", "OBS_TEXT", "BASE_PER",
            "STATED_BY_NAME", "PUBLICATION_DATE");

    /** A value of a code list in a structure: {@code {"id": …, "name": …}}. */
    private static void codeValue(com.fasterxml.jackson.core.JsonGenerator g, String id, String name) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", id);
        g.writeStringField("name", name);
        g.writeEndObject();
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}

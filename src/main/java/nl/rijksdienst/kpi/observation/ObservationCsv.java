package nl.rijksdienst.kpi.observation;

import java.io.Writer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.rijksdienst.kpi.common.Csv;
import nl.rijksdienst.kpi.indicator.Dimension;
import nl.rijksdienst.kpi.indicator.Indicator;

/**
 * Observations as CSV in tidy long format: one row per observation, one column per field and per
 * dimension, a header row, UTF-8, RFC 4180 quoting. Every row carries its id and version (to cite it
 * by), the indicator's labels beside its id and each dimension code's labels beside the code. The
 * same columns serve one indicator and a listing across indicators; there, the dimensions are those
 * of every indicator listed, in the order they first appear, and empty where an indicator has no
 * such dimension.
 */
public final class ObservationCsv {

    private ObservationCsv() {
    }

    /** The suffixes of a label column: {@code indicatorLabelNl}, {@code categoryLabelEn}. */
    private static final List<String> LABEL_SUFFIXES = List.of("LabelNl", "LabelEn");

    /** The columns before the dimensions. */
    private static final List<String> LEADING = List.of("observationId", "version", "indicatorId", "indicatorLabelNl", "indicatorLabelEn", "periodCode",
            "periodStart", "periodEnd", "frequency", "basePeriodCode", "basePeriodStart", "basePeriodEnd");

    /** The columns after the dimensions. */
    private static final List<String> TRAILING = List.of("qualifier", "value", "valueLow", "valueHigh", "valueText", "unit",
            "status", "seriesBreak", "noteNl", "noteEn", "sourceId", "section", "question", "quote", "originSourceId", "statedBy", "statedByName",
            "responseStance", "responseSection", "responseQuote", "publishedOn", "publicationBasis");

    /**
     * Column names of the CSV format (export and import) that therefore cannot name a dimension. An
     * import reads unit, publishedOn, publicationBasis and the labels as derived (from the indicator
     * and the source's date), and the id and version as the export's, so it takes none of them from the file.
     */
    public static final Set<String> RESERVED_COLUMNS;

    static {
        Set<String> reserved = new java.util.HashSet<>(LEADING);
        reserved.addAll(TRAILING);
        reserved.addAll(List.of("reason", "recordedAt"));
        RESERVED_COLUMNS = Set.copyOf(reserved);
    }

    /** Whether a dimension id would read as a label column (it ends in LabelNl or LabelEn). */
    public static boolean looksLikeLabel(String dimensionId) {
        return LABEL_SUFFIXES.stream().anyMatch(s -> dimensionId.endsWith(s) && dimensionId.length() > s.length());
    }

    /** Whether a column of a header is the label of another column of it (or of the indicator). */
    public static boolean isLabelColumn(String column, Collection<String> header) {
        for (String suffix : LABEL_SUFFIXES) {
            if (column.endsWith(suffix) && column.length() > suffix.length()) {
                String of = column.substring(0, column.length() - suffix.length());
                if (of.equals("indicator") || header.contains(of)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The dimension ids of the indicators, each once, in the order they first appear. */
    public static List<String> dimensionIds(Collection<Indicator> indicators) {
        Set<String> ids = new LinkedHashSet<>();
        indicators.forEach(i -> i.dimensions.forEach(d -> ids.add(d.id())));
        return List.copyOf(ids);
    }

    /** The header of one indicator's observations. */
    public static List<String> header(Indicator indicator) {
        return header(dimensionIds(List.of(indicator)));
    }

    /** The header with these dimensions, each with its two label columns beside it. */
    public static List<String> header(List<String> dimensionIds) {
        List<String> header = new ArrayList<>(LEADING);
        for (String id : dimensionIds) {
            header.add(id);
            LABEL_SUFFIXES.forEach(s -> header.add(id + s));
        }
        header.addAll(TRAILING);
        return header;
    }

    /** Writes observations of one indicator in a CSV dialect, with the header row. */
    public static void write(Csv.Dialect dialect, Indicator indicator, Iterable<Observation> observations, Writer out) {
        write(dialect, Map.of(indicator.id, indicator), dimensionIds(List.of(indicator)), observations, out);
    }

    /**
     * Writes observations of the given indicators (by id; every row's indicator is one of them) in a
     * CSV dialect, with the header row of these dimensions.
     */
    public static void write(Csv.Dialect dialect, Map<String, Indicator> indicators, List<String> dimensionIds, Iterable<Observation> observations, Writer out) {
        Csv.write(dialect, out, header(dimensionIds), printer -> {
            List<Object> row = new ArrayList<>();
            for (Observation o : observations) {
                Indicator indicator = indicators.get(o.indicatorId);
                row.clear();
                row.add(o.observationId);
                row.add(o.version);
                row.add(Csv.cell(o.indicatorId));
                row.add(Csv.cell(indicator.labelNl));
                row.add(Csv.cell(indicator.labelEn));
                row.add(o.periodCode);
                row.add(Csv.cell(o.periodStart));
                row.add(Csv.cell(o.periodEnd));
                row.add(o.frequency);
                row.add(Csv.cell(o.basePeriodCode));
                row.add(Csv.cell(o.basePeriodStart));
                row.add(Csv.cell(o.basePeriodEnd));
                for (String id : dimensionIds) {
                    String code = o.dimensions.get(id);
                    Dimension.Code label = code == null ? null : indicator.code(id, code).orElse(null);
                    row.add(Csv.cell(code));
                    row.add(Csv.cell(label == null || label.label() == null ? null : label.label().nl()));
                    row.add(Csv.cell(label == null || label.label() == null ? null : label.label().en()));
                }
                row.add(o.qualifier);
                row.add(Csv.cell(o.value));
                row.add(Csv.cell(o.valueLow));
                row.add(Csv.cell(o.valueHigh));
                row.add(Csv.cell(o.valueText));
                row.add(indicator.unit);
                row.add(o.status.code());
                row.add(o.seriesBreak);
                row.add(Csv.cell(o.noteNl));
                row.add(Csv.cell(o.noteEn));
                row.add(Csv.cell(o.sourceId));
                row.add(Csv.cell(o.section));
                row.add(Csv.cell(o.question));
                row.add(Csv.cell(o.quote));
                row.add(Csv.cell(o.originSourceId));
                row.add(o.statedBy == null ? "" : o.statedBy.name());
                row.add(Csv.cell(o.statedByName));
                row.add(o.responseStance == null ? "" : o.responseStance.name());
                row.add(Csv.cell(o.responseSection));
                row.add(Csv.cell(o.responseQuote));
                row.add(Csv.cell(o.publishedOn));
                row.add(o.publicationBasis == null ? "" : o.publicationBasis.name());
                printer.printRecord(row);
            }
        });
    }
}

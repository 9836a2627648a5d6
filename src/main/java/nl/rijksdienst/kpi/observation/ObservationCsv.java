package nl.rijksdienst.kpi.observation;

import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import nl.rijksdienst.kpi.common.Csv;
import nl.rijksdienst.kpi.indicator.Dimension;
import nl.rijksdienst.kpi.indicator.Indicator;

/**
 * Observations as CSV in tidy long format: one row per observation, one column per field and per
 * dimension of the indicator, a header row, UTF-8, RFC 4180 quoting.
 */
public final class ObservationCsv {

    private ObservationCsv() {
    }

    /** The columns every export has, in order; the indicator's dimensions come after the base period. */
    public static final List<String> FIXED_COLUMNS = List.of("indicatorId", "periodCode", "periodStart", "periodEnd", "frequency",
            "basePeriodCode", "basePeriodStart", "basePeriodEnd", "qualifier", "value", "valueLow", "valueHigh", "valueText", "unit",
            "status", "seriesBreak", "noteNl", "noteEn", "sourceId", "section", "question", "quote", "originSourceId", "statedBy", "statedByName",
            "responseStance", "responseSection", "responseQuote", "publishedOn", "publicationBasis");

    /**
     * Column names of the CSV format (export and import) that therefore cannot name a dimension. An
     * import reads publishedOn and publicationBasis as it reads unit: derived (from the source's date), so not taken from the file.
     */
    public static final java.util.Set<String> RESERVED_COLUMNS;

    static {
        java.util.Set<String> reserved = new java.util.HashSet<>(FIXED_COLUMNS);
        reserved.addAll(List.of("reason", "observationId", "version", "recordedAt"));
        RESERVED_COLUMNS = java.util.Set.copyOf(reserved);
    }

    public static List<String> header(Indicator indicator) {
        List<String> header = new ArrayList<>(FIXED_COLUMNS.subList(0, 8));
        indicator.dimensions.stream().map(Dimension::id).forEach(header::add);
        header.addAll(FIXED_COLUMNS.subList(8, FIXED_COLUMNS.size()));
        return header;
    }

    /** Writes observations of one indicator in a CSV dialect, with the header row. */
    public static void write(Csv.Dialect dialect, Indicator indicator, Iterable<Observation> observations, Writer out) {
        Csv.write(dialect, out, header(indicator), printer -> {
            for (Observation o : observations) {
                List<Object> row = new ArrayList<>(java.util.Arrays.asList(Csv.cell(o.indicatorId), o.periodCode, Csv.cell(o.periodStart), Csv.cell(o.periodEnd), o.frequency));
                row.add(Csv.cell(o.basePeriodCode));
                row.add(Csv.cell(o.basePeriodStart));
                row.add(Csv.cell(o.basePeriodEnd));
                for (Dimension d : indicator.dimensions) {
                    row.add(Csv.cell(o.dimensions.get(d.id())));
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

package nl.rijksdienst.kpi.sdmx;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import nl.rijksdienst.kpi.common.Csv;
import nl.rijksdienst.kpi.indicator.Indicator;
import nl.rijksdienst.kpi.observation.Observation;
import nl.rijksdienst.kpi.observation.Sdmx;

/**
 * SDMX-CSV 2.0 data: one row per observation, {@code STRUCTURE} (dataflow), {@code STRUCTURE_ID}
 * and {@code ACTION} first, then the series dimensions, TIME_PERIOD, OBS_VALUE and the attributes of
 * the data structure ({@link SdmxModel#ATTRIBUTES}) in its order. Codes as codes; the names are in
 * the code lists ({@code /sdmx/codelist}).
 */
public final class SdmxCsv2 {

    public static final String DATA_MEDIA_TYPE = "application/vnd.sdmx.data+csv;version=2.0.0";

    private SdmxCsv2() {
    }

    public static List<String> header(Indicator indicator, SdmxMl.Detail detail) {
        List<String> header = new ArrayList<>(List.of("STRUCTURE", "STRUCTURE_ID", "ACTION"));
        SdmxModel.dimensions(indicator).forEach(d -> header.add(d.id()));
        header.add("TIME_PERIOD");
        header.add("OBS_VALUE");
        if (detail == SdmxMl.Detail.full) {
            SdmxModel.ATTRIBUTES.forEach(a -> header.add(a.id()));
        }
        return header;
    }

    /** The rows, a series at a time as read; of two observations of one series with the same period the first is written, as in the other SDMX messages. */
    public static void write(Indicator indicator, Iterable<Observation> bySeries, Predicate<Observation> selected, SdmxMl.Detail detail, Csv.Printer printer)
            throws IOException {
        List<SdmxModel.Component> dimensions = SdmxModel.dimensions(indicator);
        String flow = Sdmx.AGENCY + ":" + indicator.id + "(" + SdmxModel.VERSION + ")";
        String open = null;
        Set<String> periods = new HashSet<>();
        for (Observation o : bySeries) {
            if (o.periodStart == null || !selected.test(o) || detail == SdmxMl.Detail.nodata || detail == SdmxMl.Detail.serieskeysonly) {
                continue;
            }
            List<Object> row = new ArrayList<>(List.of("dataflow", flow, "I"));
            StringBuilder key = new StringBuilder();
            for (SdmxModel.Component d : dimensions) {
                String code = d.value().apply(o);
                row.add(Csv.cell(code));
                key.append(code).append('\u0000');
            }
            if (!key.toString().equals(open)) {
                open = key.toString();
                periods.clear();
            }
            String period = Sdmx.timePeriod(o.periodCode, o.frequency, o.periodStart, o.periodEnd);
            if (!periods.add(period)) {
                continue;
            }
            row.add(period);
            row.add(Csv.cell(o.value));
            if (detail == SdmxMl.Detail.full) {
                for (SdmxModel.Component a : SdmxModel.ATTRIBUTES) {
                    String value = SdmxModel.attribute(a, indicator, o);
                    // numbers as numbers (a negative range end is not a formula to neutralise); truth values as SDMX writes them, true and false
                    row.add(value == null ? "" : "Decimal".equals(a.textType()) ? new java.math.BigDecimal(value) : Csv.cell(value));
                }
            }
            printer.printRecord(row);
        }
    }
}

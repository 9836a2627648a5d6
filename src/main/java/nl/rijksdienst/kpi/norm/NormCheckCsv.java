package nl.rijksdienst.kpi.norm;

import java.util.ArrayList;
import java.util.List;
import nl.rijksdienst.kpi.common.Csv;
import nl.rijksdienst.kpi.norm.check.Verdict;
import nl.rijksdienst.kpi.observation.ObservationDto;

/** Norm checks as tidy CSV rows: one row per checked observation, the verdict and its figures beside it. */
public final class NormCheckCsv {

    public static final List<String> CHECK_COLUMNS = List.of("normId", "indicatorId", "periodCode", "periodStart", "periodEnd", "basePeriodCode",
            "dimensions", "qualifier", "value", "valueLow", "valueHigh", "valueText", "unit", "status", "threshold", "referenceIndicatorId",
            "referencePeriod", "verdict", "verdictTextNl", "verdictTextEn", "basis", "gap", "gapLow", "gapHigh", "gapUnit", "trendDirection", "trendChange", "previousPeriod",
            "requiredPerYear", "observedPerYear", "projectedAtDeadline", "caveats", "sourceId", "quote");

    private NormCheckCsv() {
    }

    public static Object[] row(String indicatorId, NormCheckDto c, String... extra) {
        ObservationDto o = c.observation();
        List<Object> values = new ArrayList<>(List.of(c.normId(), indicatorId));
        if (o == null) {
            for (int i = 0; i < 12; i++) {
                values.add(null);
            }
        } else {
            values.addAll(java.util.Arrays.asList(o.period().code(), o.period().start(), o.period().end(), o.basePeriod() == null ? null : o.basePeriod().code(),
                    String.join(";", o.dimensions().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()), o.qualifier(), o.value(),
                    o.valueLow(), o.valueHigh(), o.valueText(), o.unit(), o.status()));
        }
        values.addAll(java.util.Arrays.asList(c.threshold() == null ? null : c.threshold().value(),
                c.threshold() == null ? null : c.threshold().referenceIndicatorId(), c.threshold() == null ? null : c.threshold().referencePeriod(),
                c.verdict() == null ? Verdict.no_data : c.verdict(), c.verdictText().nl(), c.verdictText().en(), c.basis(),
                c.gap() == null ? null : c.gap().value(), c.gap() == null ? null : c.gap().low(), c.gap() == null ? null : c.gap().high(),
                c.gap() == null ? null : c.gap().unit(),
                c.trend() == null ? null : c.trend().direction(), c.trend() == null ? null : c.trend().change(), c.trend() == null ? null : c.trend().previousPeriod(),
                c.pace() == null ? null : c.pace().requiredPerYear(), c.pace() == null ? null : c.pace().observedPerYear(),
                c.pace() == null ? null : c.pace().projectedAtDeadline(),
                String.join(";", c.caveats().stream().map(NormCheckDto.CaveatDto::code).toList()),
                o == null ? null : o.citation().sourceId(), o == null ? null : o.citation().quote()));
        values.addAll(List.of(extra));
        return Csv.cells(values.toArray());
    }
}

package nl.rijksdienst.kpi.observation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import nl.rijksdienst.kpi.indicator.Unit;
import nl.rijksdienst.kpi.period.PeriodDto;

/**
 * Change and percent change within a series, against the previous period of the same kind (2024
 * against 2023, 2025-Q3 against 2025-Q2) or against the same period a year earlier (2025-Q3 against
 * 2024-Q3). Only point values (exact or approximate) of the same series and base period are compared;
 * ranges, bounds and qualitative figures give no change. The pairs are found in the database
 * ({@link ObservationRepository#changePairs}), a page or a stream at a time.
 */
public final class ChangeCalculator {

    public enum Basis { previousPeriod, yearAgo }

    private ChangeCalculator() {
    }

    /**
     * The change of {@code o} against {@code base}, two point values (exact or approximate) of the
     * same series, paired as {@link ObservationRepository#changePairs} describes: the difference in
     * the unit's difference unit (percentage points for percentages), the percent change to two
     * decimals (none against zero), approximate when either is.
     */
    public static ChangeDto change(Observation o, Observation base, Unit unit) {
        if (!isPoint(o) || !isPoint(base)) {
            throw new IllegalArgumentException("only point values have a change");
        }
        BigDecimal change = o.value.subtract(base.value);
        BigDecimal percent = base.value.signum() == 0 ? null
                : change.multiply(BigDecimal.valueOf(100)).divide(base.value.abs(), 2, RoundingMode.HALF_UP);
        return new ChangeDto(PeriodDto.of(o.periodCode, o.periodStart, o.periodEnd), PeriodDto.of(base.periodCode, base.periodStart, base.periodEnd),
                o.dimensions, o.value, base.value, change, unit.differenceUnit(), percent, o.status.code(),
                o.qualifier == Qualifier.approximate || base.qualifier == Qualifier.approximate);
    }

    private static boolean isPoint(Observation o) {
        return (o.qualifier == Qualifier.exact || o.qualifier == Qualifier.approximate) && o.value != null;
    }

}

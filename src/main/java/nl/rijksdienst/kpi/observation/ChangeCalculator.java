package nl.rijksdienst.kpi.observation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.rijksdienst.kpi.indicator.Unit;
import nl.rijksdienst.kpi.period.Frequency;
import nl.rijksdienst.kpi.period.Period;
import nl.rijksdienst.kpi.period.PeriodDto;

/**
 * Change and percent change within a series, against the previous period of the same kind (2024
 * against 2023, 2025-Q3 against 2025-Q2) or against the same period a year earlier (2025-Q3 against
 * 2024-Q3). Only point values (exact or approximate) of the same series and base period are compared;
 * ranges, bounds and qualitative figures give no change.
 */
public final class ChangeCalculator {

    public enum Basis { previousPeriod, yearAgo }

    private ChangeCalculator() {
    }

    public static List<ChangeDto> changes(List<Observation> observations, Unit unit, Basis basis) {
        Map<String, Observation> byKey = new HashMap<>();
        for (Observation o : observations) {
            byKey.put(key(o, o.periodCode), o);
        }
        List<ChangeDto> changes = new ArrayList<>();
        for (Observation o : observations) {
            if (!isPoint(o)) {
                continue;
            }
            Optional<String> earlier = basis == Basis.previousPeriod ? previous(o.periodCode, o.frequency) : yearEarlier(o.periodCode, o.frequency);
            Observation base = earlier.map(code -> byKey.get(key(o, code))).orElse(null);
            if (base == null || !isPoint(base)) {
                continue;
            }
            BigDecimal change = o.value.subtract(base.value);
            BigDecimal percent = base.value.signum() == 0 ? null
                    : change.multiply(BigDecimal.valueOf(100)).divide(base.value.abs(), 2, RoundingMode.HALF_UP);
            changes.add(new ChangeDto(PeriodDto.of(o.periodCode, o.periodStart, o.periodEnd), PeriodDto.of(base.periodCode, base.periodStart, base.periodEnd),
                    o.dimensions, o.value, base.value, change, unit.differenceUnit(), percent, o.status.code(),
                    o.qualifier == Qualifier.approximate || base.qualifier == Qualifier.approximate));
        }
        return changes;
    }

    private static boolean isPoint(Observation o) {
        return (o.qualifier == Qualifier.exact || o.qualifier == Qualifier.approximate) && o.value != null;
    }

    private static String key(Observation o, String periodCode) {
        return o.dimensionKey + "|" + (o.basePeriodCode == null ? "" : "base") + "|" + periodCode;
    }

    static Optional<String> previous(String code, Frequency frequency) {
        Optional<Period> period = Period.parse(code);
        if (period.isEmpty() || !period.get().dated()) {
            return Optional.empty();
        }
        java.time.LocalDate dayBefore = period.get().start().minusDays(1);
        return switch (frequency) {
            case annual -> Optional.of(String.valueOf(dayBefore.getYear()));
            case semiannual -> Optional.of(dayBefore.getYear() + "-S" + (dayBefore.getMonthValue() <= 6 ? 1 : 2));
            case quarterly -> Optional.of(dayBefore.getYear() + "-Q" + ((dayBefore.getMonthValue() - 1) / 3 + 1));
            case monthly -> Optional.of(String.format("%d-%02d", dayBefore.getYear(), dayBefore.getMonthValue()));
            case daily -> Optional.of(dayBefore.toString());
            case interval -> Optional.empty();
        };
    }

    static Optional<String> yearEarlier(String code, Frequency frequency) {
        if (frequency == Frequency.interval || code.length() < 4) {
            return Optional.empty();
        }
        if (frequency == Frequency.daily) {
            return Period.parse(code).map(p -> p.start().minusYears(1).toString());
        }
        int year = Integer.parseInt(code.substring(0, 4));
        return Optional.of((year - 1) + code.substring(4));
    }
}

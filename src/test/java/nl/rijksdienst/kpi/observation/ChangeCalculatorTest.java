package nl.rijksdienst.kpi.observation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import nl.rijksdienst.kpi.indicator.Unit;
import nl.rijksdienst.kpi.period.Frequency;
import nl.rijksdienst.kpi.period.Period;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChangeCalculatorTest {

    @ParameterizedTest
    @CsvSource({"2024,annual,2023,2023", "2025-S1,semiannual,2024-S2,2024-S1", "2025-Q1,quarterly,2024-Q4,2024-Q1",
            "2025-01,monthly,2024-12,2024-01", "2025-03-01,daily,2025-02-28,2024-03-01"})
    void findsThePreviousPeriodAndTheSamePeriodAYearEarlier(String code, Frequency frequency, String previous, String yearAgo) {
        assertThat(ChangeCalculator.previous(code, frequency)).contains(previous);
        assertThat(ChangeCalculator.yearEarlier(code, frequency)).contains(yearAgo);
    }

    private static Observation point(String code, String value, Qualifier qualifier) {
        Period period = Period.parse(code).orElseThrow();
        Observation o = new Observation();
        o.periodCode = code;
        o.frequency = period.frequency();
        o.periodStart = period.start();
        o.periodEnd = period.end();
        o.dimensions = Map.of();
        o.dimensionKey = "";
        o.qualifier = qualifier;
        o.value = value == null ? null : new BigDecimal(value);
        o.status = ObservationStatus.final_;
        return o;
    }

    @Test
    void computesChangeInPercentagePointsAndPercentChangeOnlyBetweenPointValues() {
        List<Observation> series = List.of(point("2022", "16.0", Qualifier.exact), point("2023", "15.4", Qualifier.exact),
                point("2024", "12.0", Qualifier.approximate), point("2025", "11.0", Qualifier.lower_bound));

        List<ChangeDto> changes = ChangeCalculator.changes(series, Unit.percent, ChangeCalculator.Basis.previousPeriod);

        assertThat(changes).extracting(c -> c.period().code()).containsExactly("2023", "2024");
        assertThat(changes.get(0).change()).isEqualByComparingTo("-0.6");
        assertThat(changes.get(0).changeUnit()).isEqualTo("percentage_point");
        assertThat(changes.get(0).percentChange()).isEqualByComparingTo("-3.75");
        assertThat(changes.get(1).approximate()).isTrue();
    }
}

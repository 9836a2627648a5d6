package nl.rijksdienst.kpi.observation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import nl.rijksdienst.kpi.indicator.Unit;
import nl.rijksdienst.kpi.period.Period;
import org.junit.jupiter.api.Test;

class ChangeCalculatorTest {

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
        List<ChangeDto> changes = List.of(ChangeCalculator.change(point("2023", "15.4", Qualifier.exact), point("2022", "16.0", Qualifier.exact), Unit.percent),
                ChangeCalculator.change(point("2024", "12.0", Qualifier.approximate), point("2023", "15.4", Qualifier.exact), Unit.percent));

        assertThat(changes).extracting(c -> c.comparedWith().code()).containsExactly("2022", "2023");
        assertThat(changes.get(0).change()).isEqualByComparingTo("-0.6");
        assertThat(changes.get(0).changeUnit()).isEqualTo("percentage_point");
        assertThat(changes.get(0).percentChange()).isEqualByComparingTo("-3.75");
        assertThat(changes.get(1).approximate()).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ChangeCalculator.change(point("2025", "11.0", Qualifier.lower_bound),
                point("2024", "12.0", Qualifier.approximate), Unit.percent)).as("a bound has no change").isInstanceOf(IllegalArgumentException.class);
        assertThat(ChangeCalculator.change(point("2025", "3", Qualifier.exact), point("2024", "0", Qualifier.exact), Unit.percent).percentChange())
                .as("no percent change against zero").isNull();
    }
}

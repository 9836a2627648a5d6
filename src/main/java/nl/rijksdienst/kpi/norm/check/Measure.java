package nl.rijksdienst.kpi.norm.check;

import java.math.BigDecimal;
import nl.rijksdienst.kpi.observation.Qualifier;

/**
 * A value as the source states it, seen as an interval: an exact or approximate value is a point,
 * a bound is open on one side, a range is closed, a qualitative statement has no interval at all.
 */
public record Measure(Qualifier qualifier, BigDecimal value, BigDecimal low, BigDecimal high) {

    public static Measure point(BigDecimal value) {
        return new Measure(Qualifier.exact, value, null, null);
    }

    /** The smallest value the source allows, or null when unbounded below or not a number. */
    public BigDecimal lower() {
        return switch (qualifier) {
            case exact, approximate, lower_bound -> value;
            case range -> low;
            case upper_bound, qualitative -> null;
        };
    }

    /** The largest value the source allows, or null when unbounded above or not a number. */
    public BigDecimal upper() {
        return switch (qualifier) {
            case exact, approximate, upper_bound -> value;
            case range -> high;
            case lower_bound, qualitative -> null;
        };
    }

    public boolean isPoint() {
        return qualifier == Qualifier.exact || qualifier == Qualifier.approximate;
    }

    public boolean isNumeric() {
        return qualifier != Qualifier.qualitative;
    }
}

package nl.rijksdienst.kpi.norm.check;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The verdict for one observation against one norm, with everything a reader needs to judge it.
 *
 * @param observation the observation checked, or null when there was none (verdict no_data)
 * @param threshold   the value the observation was held to (the constant or the reference value)
 * @param gap         observation minus threshold, in the difference unit (percentage points for shares)
 * @param trend       the move since the previous comparable observation, or null when there is none
 * @param pace        for targets with a deadline not yet reached by this observation: required against observed pace
 */
public record Check(SeriesPoint observation, Verdict verdict, Threshold threshold, Gap gap, Trend trend, Pace pace,
        List<Caveat> caveats) {

    /** What the observation was held to. {@code referencePeriod} is set when it is another indicator's value. */
    public record Threshold(Measure measure, String referencePeriod) {
    }

    /** Observation minus threshold: one value for a point, a low and a high end for a range or bound. */
    public record Gap(BigDecimal value, BigDecimal low, BigDecimal high, String unit) {
    }

    public record Trend(TrendDirection direction, BigDecimal change, String unit, String previousPeriod) {
    }

    /** Pace per year needed to reach the target by the deadline, against the pace observed. */
    /**
     * @param yearsLeft            from the end of the observation to the deadline
     * @param yearsLeftFromToday   from the evaluation date to the deadline (0 when it has passed)
     * @param observedPerYear      null when there is no earlier comparable observation to measure it by
     * @param observedPaceAssumed  true when the observed pace could not be measured (then the verdict is indeterminate)
     */
    public record Pace(LocalDate deadline, BigDecimal yearsLeft, BigDecimal yearsLeftFromToday, BigDecimal requiredPerYear, BigDecimal observedPerYear,
            boolean observedPaceAssumed, BigDecimal projectedAtDeadline) {
    }
}

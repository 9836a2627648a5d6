package nl.rijksdienst.kpi.norm.check;

import nl.rijksdienst.kpi.observation.ObservationStatus;
import nl.rijksdienst.kpi.period.Period;

/**
 * One observation as the evaluator sees it. {@code seriesKey} tells series apart (the dimension
 * combination); {@code basePeriod} is null unless the figure compares two periods.
 */
public record SeriesPoint(long id, String seriesKey, Period period, Period basePeriod, Measure measure,
        ObservationStatus status, boolean seriesBreak) {

    /** Whether an earlier point can be compared with this one: same series, same kind of period, no break. */
    boolean comparableWith(SeriesPoint earlier) {
        return !seriesBreak
                && seriesKey.equals(earlier.seriesKey)
                && period.frequency() == earlier.period.frequency()
                && (basePeriod == null) == (earlier.basePeriod == null)
                && (basePeriod == null || basePeriod.days() == earlier.basePeriod.days());
    }
}

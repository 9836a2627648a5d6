package nl.rijksdienst.kpi.observation;

import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.rijksdienst.kpi.period.Period;

/**
 * A validated selection of one indicator's observations.
 *
 * @param from       only periods that start on or after this period's start (null: no limit)
 * @param to         only periods that end on or before this period's end (null: no limit)
 * @param statuses   only these statuses (empty: all)
 * @param dimensions per dimension, the codes allowed (a dimension not named: all codes)
 * @param asOf       the versions known at this moment (null: the current versions)
 * @param lastN      only the last this many observations of each series (FREQ and dimension codes), or null
 * @param statedBy   only figures stated by these (empty: all)
 * @param dimensionKeys the dimension filter as the keys of the series it selects (see
 *                   {@link ObservationQuery#seriesKeys}), matched by an index; null: the filter is
 *                   matched code by code
 */
public record ObservationFilter(String indicatorId, Period from, Period to, Set<ObservationStatus> statuses,
        Map<String, List<String>> dimensions, java.time.OffsetDateTime asOf, Integer lastN, Set<Speaker> statedBy, List<String> dimensionKeys) {

    public ObservationFilter(String indicatorId, Period from, Period to, Set<ObservationStatus> statuses,
            Map<String, List<String>> dimensions, java.time.OffsetDateTime asOf, Integer lastN, Set<Speaker> statedBy) {
        this(indicatorId, from, to, statuses, dimensions, asOf, lastN, statedBy, null);
    }
}

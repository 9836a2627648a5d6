package nl.rijksdienst.kpi.observation;

/**
 * How the source states a value. "15,4%" is exact, "ca. 20%" approximate, "ruim 16.000" a lower
 * bound, "tussen 2,5% en 5,2%" a range, "minimaal" qualitative with no number.
 */
public enum Qualifier {
    exact, approximate, lower_bound, upper_bound, range, qualitative
}

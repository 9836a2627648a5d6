package nl.rijksdienst.kpi.period;

/**
 * How long a period is, after SDMX's FREQ code list. Constants are lower case because they are the
 * values clients see in JSON, CSV and query strings.
 */
public enum Frequency {
    /** A calendar year: {@code 2024}. */
    annual,
    /** A half year: {@code 2025-S1}. */
    semiannual,
    /** A quarter: {@code 2025-Q3}. */
    quarterly,
    /** A month: {@code 2025-01}. */
    monthly,
    /** A single day: {@code 2025-06-30}. */
    daily,
    /** Any span from the start of one period to the end of another: {@code 2025-Q1/2025-Q3}. */
    interval
}

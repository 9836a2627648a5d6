package nl.rijksdienst.kpi.norm.check;

/** Whether the series moved towards the norm since the previous comparable observation. */
public enum TrendDirection {
    improving, worsening, stable, unknown, not_comparable
}

package nl.rijksdienst.kpi.indicator;

/** What an indicator measures: a level (stock), a flow over a period, a share, or a change against a base period. */
public enum IndicatorKind {
    level, flow, share, change
}

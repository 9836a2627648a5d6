package nl.rijksdienst.kpi.norm;

/** A ceiling (at most), a floor (at least), or a target to reach by a deadline. */
public enum NormType {
    ceiling, floor, target
}

package nl.rijksdienst.kpi.norm;

/** The direction of a norm: the value may be at most (a ceiling) or must be at least (a floor) the threshold. */
public enum Operator {
    at_most, at_least
}

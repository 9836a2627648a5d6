package nl.rijksdienst.kpi.indicator;

/** The unit of an indicator's values. Lower-case constants: they are the values clients see. */
public enum Unit {
    percent, fte, count, euro, year, month;

    /** The unit of a difference between two values: percentage points for percentages. */
    public String differenceUnit() {
        return this == percent ? "percentage_point" : name();
    }
}

package nl.rijksdienst.kpi.observation;

/** What the answer does with a figure that members of parliament put in their question. */
public enum Stance {
    /** The answer confirms it (in other words, or with its own figure). */
    confirms,
    /** The answer qualifies it: an interim figure, not comparable, another scope. */
    qualifies,
    /** The answer rejects it, or the premise it rests on. */
    rejects
}

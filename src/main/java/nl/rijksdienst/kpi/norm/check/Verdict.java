package nl.rijksdienst.kpi.norm.check;

/**
 * The outcome of holding an observation to a norm. {@code on_track} and {@code off_track} are for
 * targets whose deadline lies after the observation; {@code indeterminate} is for a range, bound or
 * qualitative figure that does not settle the question.
 */
public enum Verdict {
    met, breached, on_track, off_track, indeterminate, no_data
}

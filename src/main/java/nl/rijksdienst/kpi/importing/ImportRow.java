package nl.rijksdienst.kpi.importing;

import nl.rijksdienst.kpi.common.Problem.InvalidRow;

import java.util.List;
import nl.rijksdienst.kpi.observation.ObservationInput;

/**
 * One row read from an import body: the observation it holds, or the faults that kept it from being
 * read, with its line number and how the validator's field names map to the body's columns.
 */
record ImportRow(long line, ObservationInput input, List<InvalidRow> readErrors, java.util.function.UnaryOperator<String> columnOf) {
}

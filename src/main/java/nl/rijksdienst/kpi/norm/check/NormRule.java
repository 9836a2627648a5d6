package nl.rijksdienst.kpi.norm.check;

import nl.rijksdienst.kpi.period.Frequency;
import java.math.BigDecimal;
import java.time.LocalDate;
import nl.rijksdienst.kpi.indicator.Unit;
import nl.rijksdienst.kpi.norm.Operator;

/**
 * A norm as the evaluator sees it: at most or at least a constant threshold, or the value of a
 * reference indicator in the same period; optionally to be reached by a deadline.
 *
 * @param threshold      the constant, or null when the norm compares with a reference indicator
 * @param interpretation text saying the threshold interprets vague words of the source, or null
 * @param frequency      the kind of period the norm is about (a year for the Roemernorm), or null for any
 */
public record NormRule(Operator operator, BigDecimal threshold, LocalDate deadline, String interpretation, Unit unit, Frequency frequency) {

    public NormRule(Operator operator, BigDecimal threshold, LocalDate deadline, String interpretation, Unit unit) {
        this(operator, threshold, deadline, interpretation, unit, null);
    }

    public boolean comparesWithReference() {
        return threshold == null;
    }
}

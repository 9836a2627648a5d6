package nl.rijksdienst.kpi.norm.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.rijksdienst.kpi.indicator.Unit;
import nl.rijksdienst.kpi.norm.Operator;
import nl.rijksdienst.kpi.observation.ObservationStatus;
import nl.rijksdienst.kpi.observation.Qualifier;
import nl.rijksdienst.kpi.period.Period;
import org.junit.jupiter.api.Test;

/** The norm checks that follow from the letter, and the rules behind them, without the service. */
class NormEvaluatorTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
    private static final NormRule ROEMERNORM = new NormRule(Operator.at_most, new BigDecimal("10"), null, null, Unit.percent);

    private static long ids = 1;

    private static SeriesPoint point(String period, String value, ObservationStatus status, boolean seriesBreak) {
        return new SeriesPoint(ids++, "", Period.parse(period).orElseThrow(), null,
                new Measure(Qualifier.exact, new BigDecimal(value), null, null), status, seriesBreak);
    }

    private static SeriesPoint measure(String period, Measure measure) {
        return new SeriesPoint(ids++, "", Period.parse(period).orElseThrow(), null, measure, ObservationStatus.final_, false);
    }

    private static List<String> codes(Check check) {
        return check.caveats().stream().map(Caveat::code).toList();
    }

    @Test
    void externalHiringBreachesTheRoemernormIn2023And2024By5Point4AndInTheFirstHalfOf2025By1Point4WithTheInterimCaveat() {
        List<SeriesPoint> series = List.of(
                point("2023", "15.4", ObservationStatus.final_, false),
                point("2024", "15.4", ObservationStatus.final_, false),
                point("2025-S1", "11.4", ObservationStatus.provisional, true));

        NormEvaluator.Evaluation evaluation = NormEvaluator.evaluate(ROEMERNORM, series, Map.of(), TODAY);

        assertThat(evaluation.checks()).extracting(Check::verdict).containsExactly(Verdict.breached, Verdict.breached, Verdict.breached);
        assertThat(evaluation.checks()).extracting(c -> c.gap().value())
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("5.4"), new BigDecimal("5.4"), new BigDecimal("1.4"));
        assertThat(evaluation.checks().get(0).gap().unit()).isEqualTo("percentage_point");
        assertThat(evaluation.checks().get(1).trend().direction()).isEqualTo(TrendDirection.stable);
        assertThat(evaluation.checks().get(1).trend().change()).isEqualByComparingTo("0");

        Check latest = evaluation.latest();
        assertThat(latest.observation().period().code()).isEqualTo("2025-S1");
        assertThat(latest.verdict()).isEqualTo(Verdict.breached);
        assertThat(latest.gap().value()).isEqualByComparingTo("1.4");
        assertThat(codes(latest)).contains("provisional", "series_break", "not_comparable");
        assertThat(latest.trend().direction()).isEqualTo(TrendDirection.not_comparable);
        assertThat(evaluation.interim()).as("a norm without a kind of period has no interim").isNull();
    }

    @Test
    void anAnnualNormIsJudgedOnTheYearAndAHalfYearFigureIsAnInterimIndication() {
        NormRule annual = new NormRule(Operator.at_most, new BigDecimal("10"), null, null, Unit.percent, nl.rijksdienst.kpi.period.Frequency.annual);
        List<SeriesPoint> series = List.of(
                point("2023", "15.4", ObservationStatus.final_, false),
                point("2024", "15.4", ObservationStatus.final_, false),
                point("2025-S1", "11.4", ObservationStatus.provisional, true));

        NormEvaluator.Evaluation evaluation = NormEvaluator.evaluate(annual, series, Map.of(), TODAY);

        assertThat(evaluation.latest().observation().period().code()).isEqualTo("2024");
        assertThat(evaluation.latest().gap().value()).isEqualByComparingTo("5.4");
        assertThat(codes(evaluation.latest())).doesNotContain("interim_indication");
        assertThat(evaluation.interim().observation().period().code()).isEqualTo("2025-S1");
        assertThat(evaluation.interim().gap().value()).isEqualByComparingTo("1.4");
        assertThat(codes(evaluation.interim())).startsWith("interim_indication").contains("provisional");
        assertThat(evaluation.checks()).hasSize(3);

        // with only a half-year figure there is no annual verdict yet, only the indication
        NormEvaluator.Evaluation onlyInterim = NormEvaluator.evaluate(annual, List.of(point("2025-S1", "11.4", ObservationStatus.provisional, true)), Map.of(), TODAY);
        assertThat(onlyInterim.latest().verdict()).isEqualTo(Verdict.no_data);
        assertThat(onlyInterim.interim().verdict()).isEqualTo(Verdict.breached);
    }

    @Test
    void theWageOfferOf0PercentIn2026Stays2Point6PointsBelowExpectedInflation() {
        NormRule rule = new NormRule(Operator.at_least, null, null, "koopkracht", Unit.percent);
        List<SeriesPoint> offer = List.of(point("2026", "0", ObservationStatus.final_, false), point("2027", "3", ObservationStatus.final_, false));
        Map<String, SeriesPoint> inflation = Map.of("2026", point("2026", "2.6", ObservationStatus.forecast, false));

        NormEvaluator.Evaluation evaluation = NormEvaluator.evaluate(rule, offer, inflation, TODAY);

        Check y2026 = evaluation.checks().get(0);
        assertThat(y2026.verdict()).isEqualTo(Verdict.breached);
        assertThat(y2026.gap().value()).isEqualByComparingTo("-2.6");
        assertThat(y2026.threshold().referencePeriod()).isEqualTo("2026");
        assertThat(codes(y2026)).contains("reference_forecast", "interpretation");
        Check y2027 = evaluation.checks().get(1);
        assertThat(y2027.verdict()).isEqualTo(Verdict.no_data);
        assertThat(codes(y2027)).contains("reference_missing");
        assertThat(evaluation.latest().observation().period().code()).isEqualTo("2026");
    }

    @Test
    void withOneObservationThePaceCannotBeMeasuredSoBeleidskompasAwarenessIsIndeterminateWithTheRequiredPace() {
        NormRule rule = new NormRule(Operator.at_least, new BigDecimal("95"), LocalDate.of(2026, 12, 31), "nagenoeg alle", Unit.percent);

        Check latest = NormEvaluator.evaluate(rule, List.of(point("2024", "54", ObservationStatus.final_, false)), Map.of(), TODAY).latest();

        assertThat(latest.verdict()).isEqualTo(Verdict.indeterminate);
        assertThat(latest.gap().value()).isEqualByComparingTo("-41");
        assertThat(latest.pace().yearsLeft()).isEqualByComparingTo("2");
        assertThat(latest.pace().requiredPerYear()).isEqualByComparingTo("20.5");
        assertThat(latest.pace().observedPerYear()).isNull();
        assertThat(latest.pace().projectedAtDeadline()).isNull();
        assertThat(latest.pace().observedPaceAssumed()).isTrue();
        // evaluated on 2026-11-30: a month and a day of the two years are left
        assertThat(latest.pace().yearsLeftFromToday()).isEqualByComparingTo("0.09");
        assertThat(codes(latest)).contains("pace_unknown", "interpretation").doesNotContain("pace_assumed");
    }

    @Test
    void aTargetIsOnTrackWhenTheObservedPaceReachesItByTheDeadline() {
        NormRule rule = new NormRule(Operator.at_least, new BigDecimal("95"), LocalDate.of(2026, 12, 31), null, Unit.percent);
        List<SeriesPoint> series = List.of(point("2023", "40", ObservationStatus.final_, false), point("2024", "70", ObservationStatus.final_, false));

        Check latest = NormEvaluator.evaluate(rule, series, Map.of(), TODAY).latest();

        assertThat(latest.verdict()).isEqualTo(Verdict.on_track);
        assertThat(latest.pace().observedPerYear()).isEqualByComparingTo("30");
        assertThat(latest.pace().requiredPerYear()).isEqualByComparingTo("12.5");
        assertThat(latest.pace().projectedAtDeadline()).isEqualByComparingTo("130");
    }

    @Test
    void aTargetAlreadyReachedBeforeItsDeadlineIsMet() {
        NormRule rule = new NormRule(Operator.at_least, new BigDecimal("95"), LocalDate.of(2026, 12, 31), null, Unit.percent);

        Check latest = NormEvaluator.evaluate(rule, List.of(point("2025", "96", ObservationStatus.final_, false)), Map.of(), TODAY).latest();

        assertThat(latest.verdict()).isEqualTo(Verdict.met);
        assertThat(latest.pace()).isNull();
    }

    @Test
    void aTargetWithoutObservationsHasNoDataAndSaysWhenItsDeadlinePassed() {
        NormRule banenafspraak = new NormRule(Operator.at_least, new BigDecimal("25000"), LocalDate.of(2025, 12, 31), null, Unit.count);

        Check latest = NormEvaluator.evaluate(banenafspraak, List.of(), Map.of(), TODAY).latest();

        assertThat(latest.verdict()).isEqualTo(Verdict.no_data);
        assertThat(latest.observation()).isNull();
        assertThat(codes(latest)).containsExactly("no_data", "deadline_passed");
    }

    @Test
    void aLowerBoundAboveACeilingIsABreachAndBelowItIsIndeterminate() {
        NormRule ceiling = new NormRule(Operator.at_most, new BigDecimal("15000"), null, null, Unit.count);

        Check above = NormEvaluator.evaluate(ceiling, List.of(measure("2025", new Measure(Qualifier.lower_bound, new BigDecimal("16000"), null, null))), Map.of(), TODAY).latest();
        Check below = NormEvaluator.evaluate(ceiling, List.of(measure("2025", new Measure(Qualifier.lower_bound, new BigDecimal("14000"), null, null))), Map.of(), TODAY).latest();

        assertThat(above.verdict()).isEqualTo(Verdict.breached);
        assertThat(above.gap().value()).isNull();
        assertThat(above.gap().low()).isEqualByComparingTo("1000");
        assertThat(above.gap().high()).isNull();
        assertThat(codes(above)).contains("lower_bound");
        assertThat(below.verdict()).isEqualTo(Verdict.indeterminate);
    }

    @Test
    void aRangeThatStraddlesTheThresholdIsIndeterminateAndOneBeyondItIsDecided() {
        NormRule ceiling = new NormRule(Operator.at_most, new BigDecimal("4"), null, null, Unit.percent);

        Check straddles = NormEvaluator.evaluate(ceiling, List.of(measure("2025-S1", new Measure(Qualifier.range, null, new BigDecimal("2.5"), new BigDecimal("5.2")))), Map.of(), TODAY).latest();
        Check below = NormEvaluator.evaluate(ceiling, List.of(measure("2025-S1", new Measure(Qualifier.range, null, new BigDecimal("2.5"), new BigDecimal("3.9")))), Map.of(), TODAY).latest();

        assertThat(straddles.verdict()).isEqualTo(Verdict.indeterminate);
        assertThat(straddles.gap().low()).isEqualByComparingTo("-1.5");
        assertThat(straddles.gap().high()).isEqualByComparingTo("1.2");
        assertThat(codes(straddles)).contains("range");
        assertThat(below.verdict()).isEqualTo(Verdict.met);
    }

    @Test
    void aQualitativeFigureCannotBeChecked() {
        NormRule rule = new NormRule(Operator.at_least, new BigDecimal("1000000000"), LocalDate.of(2029, 12, 31), null, Unit.euro);

        Check latest = NormEvaluator.evaluate(rule, List.of(measure("2026-01", new Measure(Qualifier.qualitative, null, null, null))), Map.of(), TODAY).latest();

        assertThat(latest.verdict()).isEqualTo(Verdict.indeterminate);
        assertThat(latest.gap()).isNull();
        assertThat(codes(latest)).contains("qualitative");
    }

    @Test
    void anApproximateValueIsCheckedWithACaveat() {
        NormRule floor = new NormRule(Operator.at_least, new BigDecimal("15"), null, null, Unit.percent);

        Check latest = NormEvaluator.evaluate(floor, List.of(measure("2026", new Measure(Qualifier.approximate, new BigDecimal("20"), null, null))), Map.of(), TODAY).latest();

        assertThat(latest.verdict()).isEqualTo(Verdict.met);
        assertThat(latest.gap().value()).isEqualByComparingTo("5");
        assertThat(codes(latest)).contains("approximate");
    }

    @Test
    void theTrendIsImprovingWhenASeriesUnderACeilingFalls() {
        List<SeriesPoint> series = List.of(point("2024", "15.4", ObservationStatus.final_, false), point("2025", "12.0", ObservationStatus.final_, false));

        Check latest = NormEvaluator.evaluate(ROEMERNORM, series, Map.of(), TODAY).latest();

        assertThat(latest.trend().direction()).isEqualTo(TrendDirection.improving);
        assertThat(latest.trend().change()).isEqualByComparingTo("-3.4");
        assertThat(latest.trend().previousPeriod()).isEqualTo("2024");
    }

    @Test
    void targetStatusObservationsAreNotCheckedAgainstTheNorm() {
        List<SeriesPoint> series = List.of(point("2026", "5", ObservationStatus.target, false));

        assertThat(NormEvaluator.evaluate(ROEMERNORM, series, Map.of(), TODAY).checks()).isEmpty();
    }
}

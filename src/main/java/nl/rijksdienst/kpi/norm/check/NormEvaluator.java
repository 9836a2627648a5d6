package nl.rijksdienst.kpi.norm.check;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.rijksdienst.kpi.norm.Operator;
import nl.rijksdienst.kpi.observation.ObservationStatus;

/**
 * Holds a series of observations to a norm: a verdict per observation and for the latest one.
 *
 * <p>The rules, in order:
 * <ol>
 *   <li>A qualitative figure cannot be checked: indeterminate.</li>
 *   <li>The threshold is the norm's constant, or the reference indicator's value for the same
 *       period; without such a value there is no verdict (no_data).</li>
 *   <li>Seen as intervals, the observation meets the norm when all values it allows meet it, and
 *       breaches it when none do; a range or bound that straddles the threshold is indeterminate.</li>
 *   <li>For a target whose deadline lies after the observation and that is not met yet, the
 *       recent pace decides (after the UN SDG progress methodology, which needs at least two
 *       comparable observations): the pace needed to reach the target by the deadline against the
 *       pace since the previous comparable observation. With no such observation the pace cannot be
 *       measured: the verdict is indeterminate, with the required pace stated (caveat pace_unknown).
 *       The years left are counted both from the observation and from the evaluation date.</li>
 * </ol>
 * A norm about one kind of period (the Roemernorm: a year) takes its latest verdict from figures of
 * that kind; a newer figure of another period (a half-year interim figure) is checked all the same
 * and served beside it as an interim indication, not as the headline.
 * The gap is the observation minus the threshold, in the indicator's unit (percentage points for
 * percentages). The trend compares with the previous observation of the same series, the same kind
 * of period and no break in series.
 */
public final class NormEvaluator {

    private static final MathContext MC = MathContext.DECIMAL64;
    private static final BigDecimal DAYS_PER_YEAR = new BigDecimal("365.2425");

    private NormEvaluator() {
    }

    /**
     * The result of checking a whole series: one check per observation, the latest verdict, and, for
     * a norm about one kind of period, the check of a newer figure of a shorter period (an interim
     * indication, or null).
     */
    public record Evaluation(List<Check> checks, Check latest, Check interim) {
    }

    /**
     * @param rule       the norm
     * @param series     the observations the norm applies to (targets excluded), in any order
     * @param references the reference indicator's observations by period code (empty for a constant threshold)
     * @param today      the date of the evaluation, to tell whether a deadline has passed
     */
    public static Evaluation evaluate(NormRule rule, List<SeriesPoint> series, Map<String, SeriesPoint> references, LocalDate today) {
        List<SeriesPoint> ordered = series.stream()
                .filter(p -> p.status() != ObservationStatus.target)
                .sorted(Comparator.comparing((SeriesPoint p) -> p.period().end()).thenComparing(p -> p.period().start()))
                .toList();
        List<Check> checks = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            SeriesPoint point = ordered.get(i);
            checks.add(check(rule, point, ordered.subList(0, i), references, today));
        }
        if (rule.frequency() == null) {
            return new Evaluation(checks, latest(rule, checks, today), null);
        }
        // A norm about years is judged on years: a half-year figure does not make the headline.
        List<Check> ownKind = checks.stream().filter(c -> c.observation().period().frequency() == rule.frequency()).toList();
        Check headline = latest(rule, ownKind, today);
        Check interim = null;
        for (int i = checks.size() - 1; i >= 0 && interim == null; i--) {
            Check check = checks.get(i);
            boolean newer = headline.observation() == null || check.observation().period().end().isAfter(headline.observation().period().end());
            if (check.observation().period().frequency() != rule.frequency() && newer && check.verdict() != Verdict.no_data) {
                List<Caveat> caveats = new ArrayList<>(List.of(Caveat.INTERIM_INDICATION));
                caveats.addAll(check.caveats());
                interim = new Check(check.observation(), check.verdict(), check.threshold(), check.gap(), check.trend(), check.pace(),
                        List.copyOf(caveats));
            }
        }
        return new Evaluation(checks, headline, interim);
    }

    private static Check latest(NormRule rule, List<Check> checks, LocalDate today) {
        for (int i = checks.size() - 1; i >= 0; i--) {
            Check check = checks.get(i);
            if (check.verdict() != Verdict.no_data) {
                if (rule.deadline() != null && today.isAfter(rule.deadline())
                        && !check.observation().period().end().isAfter(rule.deadline())) {
                    List<Caveat> caveats = new ArrayList<>(check.caveats());
                    caveats.add(Caveat.DEADLINE_PASSED);
                    return new Check(check.observation(), check.verdict(), check.threshold(), check.gap(), check.trend(),
                            check.pace(), List.copyOf(caveats));
                }
                return check;
            }
        }
        if (!checks.isEmpty()) {
            return checks.get(checks.size() - 1);
        }
        List<Caveat> caveats = new ArrayList<>(List.of(Caveat.NO_DATA));
        if (rule.deadline() != null && today.isAfter(rule.deadline())) {
            caveats.add(Caveat.DEADLINE_PASSED);
        }
        return new Check(null, Verdict.no_data, rule.threshold() == null ? null : new Check.Threshold(Measure.point(rule.threshold()), null),
                null, null, null, List.copyOf(caveats));
    }

    private static Check check(NormRule rule, SeriesPoint point, List<SeriesPoint> earlier, Map<String, SeriesPoint> references, LocalDate today) {
        List<Caveat> caveats = new ArrayList<>(caveatsOf(point));
        if (rule.interpretation() != null) {
            caveats.add(Caveat.interpretation(rule.interpretation()));
        }
        Check.Trend trend = trend(rule, point, earlier, caveats);

        Check.Threshold threshold;
        if (rule.comparesWithReference()) {
            SeriesPoint reference = references.get(point.period().code());
            if (reference == null || !reference.measure().isNumeric()) {
                caveats.add(Caveat.REFERENCE_MISSING);
                return new Check(point, Verdict.no_data, null, null, trend, null, List.copyOf(caveats));
            }
            if (reference.status() == ObservationStatus.forecast || reference.status() == ObservationStatus.estimate) {
                caveats.add(Caveat.REFERENCE_FORECAST);
            }
            threshold = new Check.Threshold(reference.measure(), reference.period().code());
        } else {
            threshold = new Check.Threshold(Measure.point(rule.threshold()), null);
        }

        if (!point.measure().isNumeric()) {
            return new Check(point, Verdict.indeterminate, threshold, null, trend, null, List.copyOf(caveats));
        }
        Check.Gap gap = gap(rule, point.measure(), threshold.measure());
        Verdict verdict = compare(rule.operator(), point.measure(), threshold.measure());
        Check.Pace pace = null;
        boolean beforeDeadline = rule.deadline() != null && point.period().end().isBefore(rule.deadline());
        if (beforeDeadline && verdict == Verdict.breached && point.measure().isPoint() && threshold.measure().isPoint()) {
            pace = pace(rule, point, threshold.measure().value(), earlier, today);
            if (pace.observedPaceAssumed()) {
                caveats.add(Caveat.PACE_UNKNOWN);
                verdict = Verdict.indeterminate;
            } else {
                boolean reaches = rule.operator() == Operator.at_least
                        ? pace.projectedAtDeadline().compareTo(threshold.measure().value()) >= 0
                        : pace.projectedAtDeadline().compareTo(threshold.measure().value()) <= 0;
                verdict = reaches ? Verdict.on_track : Verdict.off_track;
            }
        } else if (beforeDeadline && verdict == Verdict.breached) {
            verdict = Verdict.indeterminate;
        }
        return new Check(point, verdict, threshold, gap, trend, pace, List.copyOf(caveats));
    }

    /** Interval comparison: met when every allowed value meets the norm, breached when none does. */
    static Verdict compare(Operator operator, Measure observed, Measure threshold) {
        BigDecimal lo = observed.lower();
        BigDecimal hi = observed.upper();
        BigDecimal tLo = threshold.lower();
        BigDecimal tHi = threshold.upper();
        if (operator == Operator.at_most) {
            if (hi != null && tLo != null && hi.compareTo(tLo) <= 0) {
                return Verdict.met;
            }
            if (lo != null && tHi != null && lo.compareTo(tHi) > 0) {
                return Verdict.breached;
            }
        } else {
            if (lo != null && tHi != null && lo.compareTo(tHi) >= 0) {
                return Verdict.met;
            }
            if (hi != null && tLo != null && hi.compareTo(tLo) < 0) {
                return Verdict.breached;
            }
        }
        return Verdict.indeterminate;
    }

    private static Check.Gap gap(NormRule rule, Measure observed, Measure threshold) {
        String unit = rule.unit().differenceUnit();
        if (!threshold.isPoint()) {
            return null;
        }
        BigDecimal t = threshold.value();
        if (observed.isPoint()) {
            return new Check.Gap(observed.value().subtract(t), null, null, unit);
        }
        BigDecimal lo = observed.lower();
        BigDecimal hi = observed.upper();
        return new Check.Gap(null, lo == null ? null : lo.subtract(t), hi == null ? null : hi.subtract(t), unit);
    }

    private static Check.Trend trend(NormRule rule, SeriesPoint point, List<SeriesPoint> earlier, List<Caveat> caveats) {
        List<SeriesPoint> sameSeries = earlier.stream().filter(e -> e.seriesKey().equals(point.seriesKey())).toList();
        if (sameSeries.isEmpty()) {
            return null;
        }
        Optional<SeriesPoint> previous = previousComparable(point, earlier);
        if (previous.isEmpty()) {
            caveats.add(Caveat.NOT_COMPARABLE);
            SeriesPoint last = sameSeries.get(sameSeries.size() - 1);
            return new Check.Trend(TrendDirection.not_comparable, null, null, last.period().code());
        }
        SeriesPoint prev = previous.get();
        String unit = rule.unit().differenceUnit();
        if (!point.measure().isPoint() || !prev.measure().isPoint()) {
            return new Check.Trend(TrendDirection.unknown, null, unit, prev.period().code());
        }
        BigDecimal change = point.measure().value().subtract(prev.measure().value());
        int sign = change.signum();
        TrendDirection direction;
        if (sign == 0) {
            direction = TrendDirection.stable;
        } else if ((sign < 0) == (rule.operator() == Operator.at_most)) {
            direction = TrendDirection.improving;
        } else {
            direction = TrendDirection.worsening;
        }
        return new Check.Trend(direction, change, unit, prev.period().code());
    }

    private static Optional<SeriesPoint> previousComparable(SeriesPoint point, List<SeriesPoint> earlier) {
        for (int i = earlier.size() - 1; i >= 0; i--) {
            SeriesPoint candidate = earlier.get(i);
            if (point.comparableWith(candidate) && candidate.period().end().isBefore(point.period().end())) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static Check.Pace pace(NormRule rule, SeriesPoint point, BigDecimal target, List<SeriesPoint> earlier, LocalDate today) {
        BigDecimal value = point.measure().value();
        BigDecimal yearsLeft = years(point.period().end(), rule.deadline());
        BigDecimal required = target.subtract(value).divide(yearsLeft, MC);
        BigDecimal yearsLeftNow = today.isBefore(rule.deadline()) ? round(years(today, rule.deadline())) : round(BigDecimal.ZERO);
        Optional<SeriesPoint> previous = previousComparable(point, earlier).filter(p -> p.measure().isPoint());
        if (previous.isEmpty()) {
            return new Check.Pace(rule.deadline(), round(yearsLeft), yearsLeftNow, round(required), null, true, null);
        }
        BigDecimal span = years(previous.get().period().end(), point.period().end());
        BigDecimal observed = value.subtract(previous.get().measure().value()).divide(span, MC);
        BigDecimal projected = value.add(observed.multiply(yearsLeft, MC));
        return new Check.Pace(rule.deadline(), round(yearsLeft), yearsLeftNow, round(required), round(observed), false, round(projected));
    }

    /** Calendar years between two dates: whole months count as twelfths, the remaining days by the mean year. */
    static BigDecimal years(LocalDate from, LocalDate to) {
        long months = ChronoUnit.MONTHS.between(from, to);
        long days = ChronoUnit.DAYS.between(from.plusMonths(months), to);
        return BigDecimal.valueOf(months).divide(BigDecimal.valueOf(12), MC)
                .add(BigDecimal.valueOf(days).divide(DAYS_PER_YEAR, MC));
    }

    private static BigDecimal round(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }

    private static List<Caveat> caveatsOf(SeriesPoint point) {
        return Caveat.ofFigure(point.status(), point.measure().qualifier(), point.seriesBreak());
    }
}

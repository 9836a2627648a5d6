package nl.rijksdienst.kpi.norm;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.rijksdienst.kpi.common.LocalizedText;
import nl.rijksdienst.kpi.indicator.Indicator;
import nl.rijksdienst.kpi.indicator.IndicatorRepository;
import nl.rijksdienst.kpi.indicator.IndicatorService;
import nl.rijksdienst.kpi.norm.check.Caveat;
import nl.rijksdienst.kpi.norm.check.Check;
import nl.rijksdienst.kpi.norm.check.Measure;
import nl.rijksdienst.kpi.norm.check.NormEvaluator;
import nl.rijksdienst.kpi.norm.check.NormRule;
import nl.rijksdienst.kpi.norm.check.SeriesPoint;
import nl.rijksdienst.kpi.observation.Observation;
import nl.rijksdienst.kpi.observation.ObservationDto;
import nl.rijksdienst.kpi.observation.ObservationRepository;
import nl.rijksdienst.kpi.period.Period;
import nl.rijksdienst.kpi.sentence.NormSentences;
import nl.rijksdienst.kpi.sentence.Sentence;
import nl.rijksdienst.kpi.source.Source;
import nl.rijksdienst.kpi.source.SourceRepository;

/**
 * Checks indicators against their norms. Whatever the number of norms, one evaluation reads the
 * norms, their indicators and all their observations in three queries, then judges in memory.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class NormCheckService {

    private final NormRepository norms;
    private final IndicatorRepository indicatorRepository;
    private final IndicatorService indicators;
    private final ObservationRepository observations;
    private final Clock clock;
    private final NormVersions versions;
    private final SourceRepository sources;

    public NormCheckService(NormRepository norms, IndicatorRepository indicatorRepository, IndicatorService indicators,
            ObservationRepository observations, Clock clock, NormVersions versions, SourceRepository sources) {
        this.sources = sources;
        this.clock = clock;
        this.versions = versions;
        this.norms = norms;
        this.indicatorRepository = indicatorRepository;
        this.indicators = indicators;
        this.observations = observations;
    }

    /** A norm with its evaluation and the check asked for: the latest, or the interim indication. */
    public record Checked(Norm norm, NormEvaluationDto evaluation, NormCheckDto check) {
    }

    /** A norm's latest check (or its interim indication) as known at {@code asOf}; 404 when the norm, or the interim indication, does not exist. */
    public Checked check(String normId, OffsetDateTime asOf, boolean interim) {
        Norm norm = findNorm(normId, asOf).orElseThrow(() -> nl.rijksdienst.kpi.common.ApiException.notFound("Er is geen norm met id '" + normId + "'"
                + (asOf == null ? "" : " die op " + nl.rijksdienst.kpi.common.AsOf.day(asOf) + " openbaar was") + "; zie /norms voor de normen."));
        NormEvaluationDto evaluation = evaluateIndicator(norm.indicatorId, asOf).stream().filter(e -> e.norm().id().equals(normId)).findFirst()
                .orElseThrow(() -> nl.rijksdienst.kpi.common.ApiException.notFound("Er is geen oordeel over norm '" + normId + "'."));
        NormCheckDto check = interim ? evaluation.interim() : evaluation.latest();
        if (check == null) {
            throw nl.rijksdienst.kpi.common.ApiException.notFound("Norm '" + normId + "' heeft geen tussentijdse indicatie; zonder interim het laatste oordeel.");
        }
        return new Checked(norm, evaluation, check);
    }

    /** The sentence of a check of {@code norm}, citing its sources as they stand now. */
    public Sentence sentence(Norm norm, NormCheckDto check) {
        Set<String> ids = new HashSet<>(List.of(norm.indicatorId));
        if (norm.referenceIndicatorId != null) {
            ids.add(norm.referenceIndicatorId);
        }
        Map<String, Indicator> byId = indicatorRepository.listByIds(ids).stream().collect(Collectors.toMap(i -> i.id, Function.identity()));
        return NormSentences.of(norm, byId.get(norm.indicatorId), referenceLabel(norm, byId), check, sources.byId()::get);
    }

    /** The name of the indicator a comparison holds the figure to; null for a norm with a number. */
    private static LocalizedText referenceLabel(Norm norm, Map<String, Indicator> indicatorsById) {
        Indicator reference = norm.referenceIndicatorId == null ? null : indicatorsById.get(norm.referenceIndicatorId);
        return reference == null ? null : LocalizedText.of(reference.labelNl, reference.labelEn);
    }

    /** The evaluations of a set of norms, with the indicators they were read with. */
    public record Evaluations(List<NormEvaluationDto> items, Map<String, Indicator> indicators) {
    }

    /** Every norm with its latest verdict and its verdict per observation, as known at {@code asOf} (null: now). */
    public Evaluations evaluateAll(OffsetDateTime asOf) {
        return evaluate(listNorms(asOf), asOf);
    }

    /** The norms of one indicator, evaluated as known at {@code asOf} (null: now); 404 for an unknown indicator. */
    public List<NormEvaluationDto> evaluateIndicator(String indicatorId, OffsetDateTime asOf) {
        indicators.require(indicatorId);
        List<Norm> list = asOf == null ? norms.listByIndicator(indicatorId)
                : listNorms(asOf).stream().filter(n -> n.indicatorId.equals(indicatorId)).toList();
        return evaluate(list, asOf).items();
    }

    /**
     * The latest check of every norm that reads one of {@code indicatorIds} (as its indicator or as
     * the one it is compared with), as the data stands now: what a change to those indicators may move.
     */
    public Map<String, NormCheckDto> latestChecks(Set<String> indicatorIds) {
        List<Norm> touched = norms.listOrdered().stream()
                .filter(n -> indicatorIds.contains(n.indicatorId) || (n.referenceIndicatorId != null && indicatorIds.contains(n.referenceIndicatorId))).toList();
        Map<String, NormCheckDto> latest = new LinkedHashMap<>();
        evaluate(touched, null).items().forEach(e -> latest.put(e.norm().id(), e.latest()));
        return latest;
    }

    /** The day the norms are checked on: today, or the day of {@code asOf} when that lies before. */
    public LocalDate evaluationDay(OffsetDateTime asOf) {
        LocalDate today = LocalDate.now(clock);
        if (asOf == null) {
            return today;
        }
        LocalDate then = asOf.atZoneSameInstant(clock.getZone()).toLocalDate();
        return then.isBefore(today) ? then : today;
    }

    /** The norms as they stand now (null) or as they were public on the day of {@code asOf}: a norm is checked as it then stood. */
    public List<Norm> listNorms(OffsetDateTime asOf) {
        return asOf == null ? norms.listOrdered() : versions.publicOn(nl.rijksdienst.kpi.common.AsOf.day(asOf));
    }

    public java.util.Optional<Norm> findNorm(String id, OffsetDateTime asOf) {
        return asOf == null ? norms.findByIdOptional(id) : listNorms(asOf).stream().filter(n -> n.id.equals(id)).findFirst();
    }

    public List<NormVersion> versions(String id) {
        return versions.versions(id);
    }

    public Map<String, Indicator> indicatorsOf(List<Norm> list) {
        Set<String> ids = list.stream().map(n -> n.indicatorId).collect(Collectors.toSet());
        return indicatorRepository.listByIds(ids).stream().collect(Collectors.toMap(i -> i.id, Function.identity()));
    }

    private Evaluations evaluate(List<Norm> list, OffsetDateTime asOf) {
        if (list.isEmpty()) {
            return new Evaluations(List.of(), Map.of());
        }
        Set<String> ids = new HashSet<>();
        list.forEach(n -> {
            ids.add(n.indicatorId);
            if (n.referenceIndicatorId != null) {
                ids.add(n.referenceIndicatorId);
            }
        });
        Map<String, Indicator> byId = indicatorRepository.listByIds(ids).stream().collect(Collectors.toMap(i -> i.id, Function.identity()));
        Map<String, List<Observation>> byIndicator = observations.listByIndicators(ids, asOf).stream()
                .collect(Collectors.groupingBy(o -> o.indicatorId, LinkedHashMap::new, Collectors.toList()));
        LocalDate today = evaluationDay(asOf);
        // the sources the sentences cite, read once
        Map<String, Source> sourcesById = sources.byId();
        return new Evaluations(list.stream().map(norm -> evaluate(norm, byId, byIndicator, today, sourcesById)).toList(), byId);
    }

    private NormEvaluationDto evaluate(Norm norm, Map<String, Indicator> indicatorsById, Map<String, List<Observation>> byIndicator, LocalDate today,
            Map<String, Source> sourcesById) {
        Indicator indicator = indicatorsById.get(norm.indicatorId);
        List<Observation> series = byIndicator.getOrDefault(norm.indicatorId, List.of()).stream()
                .filter(o -> o.dimensions.entrySet().containsAll(norm.dimensions.entrySet()))
                // judged only on figures of periods within the norm's validity (a year the source does not name is in none)
                .filter(o -> o.periodStart != null && norm.validFor(o.periodStart, o.periodEnd))
                .toList();
        Map<Long, Observation> byObservationId = series.stream().collect(Collectors.toMap(o -> o.id, Function.identity()));
        Map<String, SeriesPoint> references = norm.referenceIndicatorId == null ? Map.of()
                : byIndicator.getOrDefault(norm.referenceIndicatorId, List.of()).stream()
                        .collect(Collectors.toMap(o -> o.periodCode, NormCheckService::toPoint, (a, b) -> a));
        // the interpretation caveat is for a threshold that is our reading of words without a number
        NormRule rule = new NormRule(norm.operator, norm.threshold != null ? norm.threshold : norm.interpretedThreshold, norm.deadline,
                norm.interpretedThreshold != null ? norm.interpretation : null,
                indicator.unit, norm.frequency);
        NormEvaluator.Evaluation evaluation = NormEvaluator.evaluate(rule, series.stream().map(NormCheckService::toPoint).toList(), references, today);
        LocalizedText reference = referenceLabel(norm, indicatorsById);
        Function<Check, NormCheckDto> toDto = check -> toDto(norm, indicator, check, byObservationId, reference, sourcesById::get);
        return new NormEvaluationDto(NormDto.of(norm, indicator.unit), toDto.apply(evaluation.latest()),
                evaluation.checks().stream().map(toDto).toList(), evaluation.interim() == null ? null : toDto.apply(evaluation.interim()));
    }

    static SeriesPoint toPoint(Observation o) {
        Period period = new Period(o.periodCode, o.frequency, o.periodStart, o.periodEnd);
        Period base = o.basePeriodCode == null ? null : Period.parse(o.basePeriodCode)
                .orElse(new Period(o.basePeriodCode, nl.rijksdienst.kpi.period.Frequency.interval, o.basePeriodStart, o.basePeriodEnd));
        return new SeriesPoint(o.id, o.dimensionKey, period, base, new Measure(o.qualifier, o.value, o.valueLow, o.valueHigh),
                o.status, o.seriesBreak);
    }

    private static NormCheckDto toDto(Norm norm, Indicator indicator, Check check, Map<Long, Observation> observationsById,
            LocalizedText reference, Function<String, Source> sourcesById) {
        ObservationDto observation = check.observation() == null ? null
                : ObservationDto.of(observationsById.get(check.observation().id()), indicator.unit);
        NormCheckDto.ThresholdDto threshold = check.threshold() == null ? null : new NormCheckDto.ThresholdDto(
                check.threshold().measure().qualifier(), check.threshold().measure().value(), check.threshold().measure().low(),
                check.threshold().measure().high(), check.threshold().referencePeriod() == null ? null : norm.referenceIndicatorId,
                check.threshold().referencePeriod());
        NormCheckDto.GapDto gap = check.gap() == null ? null
                : new NormCheckDto.GapDto(check.gap().value(), check.gap().low(), check.gap().high(), check.gap().unit());
        NormCheckDto.TrendDto trend = check.trend() == null ? null
                : new NormCheckDto.TrendDto(check.trend().direction(), check.trend().change(), check.trend().unit(), check.trend().previousPeriod());
        NormCheckDto.PaceDto pace = check.pace() == null ? null
                : new NormCheckDto.PaceDto(check.pace().deadline(), check.pace().yearsLeft(), check.pace().yearsLeftFromToday(), check.pace().requiredPerYear(),
                        check.pace().observedPerYear(), check.pace().observedPaceAssumed(), check.pace().projectedAtDeadline());
        List<NormCheckDto.CaveatDto> caveats = check.caveats().stream().filter(Objects::nonNull)
                .map((Caveat c) -> new NormCheckDto.CaveatDto(c.code(), c.nl(), c.en())).toList();
        VerdictBasis basis = VerdictBasis.of(norm);
        if (basis == VerdictBasis.members && check.verdict() != nl.rijksdienst.kpi.norm.check.Verdict.no_data) {
            caveats = new java.util.ArrayList<>(caveats);
            caveats.add(new NormCheckDto.CaveatDto("members_threshold",
                    "De drempel is een getal van " + VerdictText.who(norm) + " in hun vraag; het antwoord bevestigt het niet.",
                    "The threshold is a figure from the question of " + norm.statedByName + "; the answer does not confirm it."));
        }
        NormCheckDto unsaid = new NormCheckDto(norm.id, check.verdict(), VerdictText.of(check.verdict(), norm, basis), basis, observation, threshold, gap,
                trend, pace, List.copyOf(caveats), null);
        return unsaid.withSentence(NormSentences.of(norm, indicator, reference, unsaid, sourcesById).text());
    }
}

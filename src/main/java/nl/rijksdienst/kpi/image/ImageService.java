package nl.rijksdienst.kpi.image;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import nl.rijksdienst.kpi.common.ApiException;
import nl.rijksdienst.kpi.common.LocalizedText;
import nl.rijksdienst.kpi.indicator.Dimension;
import nl.rijksdienst.kpi.indicator.Indicator;
import nl.rijksdienst.kpi.indicator.IndicatorService;
import nl.rijksdienst.kpi.norm.Norm;
import nl.rijksdienst.kpi.norm.NormCheckDto;
import nl.rijksdienst.kpi.norm.NormCheckService;
import nl.rijksdienst.kpi.norm.NormKind;
import nl.rijksdienst.kpi.norm.Operator;
import nl.rijksdienst.kpi.norm.VerdictBasis;
import nl.rijksdienst.kpi.norm.VerdictText;
import nl.rijksdienst.kpi.norm.check.Verdict;
import nl.rijksdienst.kpi.observation.Observation;
import nl.rijksdienst.kpi.observation.ObservationDto;
import nl.rijksdienst.kpi.observation.ObservationQuery;
import nl.rijksdienst.kpi.observation.ObservationService;
import nl.rijksdienst.kpi.observation.Speaker;
import nl.rijksdienst.kpi.observation.Stance;
import nl.rijksdienst.kpi.period.Period;
import nl.rijksdienst.kpi.period.PeriodDto;
import nl.rijksdienst.kpi.sentence.Language;
import nl.rijksdienst.kpi.sentence.ObservationSentences;
import nl.rijksdienst.kpi.sentence.Words;
import nl.rijksdienst.kpi.source.Source;
import nl.rijksdienst.kpi.source.SourceRepository;

/**
 * The images of the data: a badge per norm, a chart per norm and per indicator. Drawn from the
 * same checks and observations the JSON answers are made of, in either language, with the
 * sentence of the same data as their text alternative.
 */
@ApplicationScoped
public class ImageService {

    /** More figures than fit in one readable chart: a filter on dimension or period is asked for. */
    static final int MAX_FIGURES = 2_000;

    private final NormCheckService norms;
    private final ObservationService observations;
    private final SourceRepository sources;
    private final IndicatorService indicators;

    public ImageService(NormCheckService norms, ObservationService observations, SourceRepository sources, IndicatorService indicators) {
        this.indicators = indicators;
        this.norms = norms;
        this.observations = observations;
        this.sources = sources;
    }

    /** The badge of a norm's latest verdict (or of its interim indication). */
    public String badge(String normId, OffsetDateTime asOf, boolean interim, Language language) {
        NormCheckService.Checked checked = norms.check(normId, asOf, interim);
        NormCheckDto check = checked.check();
        boolean nl = language == Language.nl;
        List<String> message = new ArrayList<>();
        message.add(text(VerdictText.of(check.verdict(), checked.norm(), VerdictBasis.source), language));
        ObservationDto o = check.observation();
        if (o != null) {
            message.add(Words.figure(o, language) + " (" + Words.shortPeriod(o.period(), language) + ")");
            if (!"final".equals(o.status())) {
                message.add(nl ? "voorlopig" : "provisional");
            }
            // a members' number the answer does not confirm is not the government's
            if (o.citation().statedBy() == Speaker.members
                    && (o.citation().response() == null || o.citation().response().stance() != Stance.confirms)) {
                message.add(nl ? "cijfer van Kamerleden" : "members' figure");
            }
        }
        if (interim) {
            message.add(nl ? "tussentijds" : "interim");
        }
        if (check.verdict() != Verdict.no_data && check.basis() == VerdictBasis.members) {
            message.add(nl ? "drempel van Kamerleden" : "members' threshold");
        } else if (check.verdict() != Verdict.no_data && check.basis() == VerdictBasis.interpretation) {
            message.add(nl ? "drempel gelezen" : "threshold read");
        }
        return Badge.svg(text(LocalizedText.of(checked.norm().labelNl, checked.norm().labelEn), language), check.verdict(), String.join(" · ", message),
                text(check.sentence(), language));
    }

    /** The chart of a norm: the figures it judges with their verdicts, its threshold or the indicator it is compared with, its deadline. */
    public String normChart(String normId, OffsetDateTime asOf, Language language) {
        NormCheckService.Checked checked = norms.check(normId, asOf, false);
        Norm norm = checked.norm();
        Indicator indicator = norms.indicatorsOf(List.of(norm)).get(norm.indicatorId);
        boolean nl = language == Language.nl;
        Map<String, List<Chart.Point>> bySeries = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        Set<String> cited = new LinkedHashSet<>();
        List<Chart.Point> reference = new ArrayList<>();
        for (NormCheckDto check : checked.evaluation().checks()) {
            ObservationDto o = check.observation();
            if (o == null) {
                continue;
            }
            String key = String.valueOf(o.dimensions());
            bySeries.computeIfAbsent(key, k -> new ArrayList<>()).add(point(o, language, check.verdict()));
            labels.putIfAbsent(key, seriesLabel(indicator, o, language));
            cited.add(o.citation().sourceId());
            if (check.threshold() != null && check.threshold().referencePeriod() != null && check.threshold().value() != null) {
                Period period = Period.parse(check.threshold().referencePeriod()).orElse(null);
                if (period != null && reference.stream().noneMatch(p -> p.start().equals(period.start()))) {
                    reference.add(new Chart.Point(period.start(), period.end(), Words.shortPeriod(PeriodDto.of(period), language), check.threshold().qualifier(),
                            check.threshold().value(), check.threshold().valueLow(), check.threshold().valueHigh(),
                            Words.amount(check.threshold().value(), indicator.unit, language), false, false, "reference", null));
                }
            }
        }
        List<Chart.Series> series = new ArrayList<>();
        bySeries.forEach((key, points) -> series.add(new Chart.Series(labels.get(key), points, false)));
        List<Chart.Rule> rules = new ArrayList<>();
        if (norm.referenceIndicatorId != null) {
            Indicator compared = indicators.requireForReading(norm.referenceIndicatorId);
            String name = text(LocalizedText.of(compared.labelNl, compared.labelEn), language);
            series.add(new Chart.Series(name, reference.stream().sorted(java.util.Comparator.comparing(Chart.Point::start)).toList(), true));
        } else {
            java.math.BigDecimal threshold = norm.threshold != null ? norm.threshold : norm.interpretedThreshold;
            rules.add(new Chart.Rule(text(LocalizedText.of(norm.labelNl, norm.labelEn), language) + ": "
                    + thresholdWords(norm, threshold, indicator, language), threshold, norm.operator == Operator.at_most, norm.deadline,
                    norm.threshold == null && norm.interpretedThreshold != null));
        }
        if (series.isEmpty()) {
            series.add(new Chart.Series(text(LocalizedText.of(indicator.labelNl, indicator.labelEn), language), List.of(), false));
        }
        if (norm.sourceId != null) {
            cited.add(norm.sourceId);
        }
        String subtitle = (norm.kind == NormKind.comparison ? (nl ? "Vergelijking (geen norm van het kabinet): " : "Comparison (not a government norm): ")
                : "Norm: ") + text(LocalizedText.of(norm.labelNl, norm.labelEn), language) + " · " + unitWords(indicator, language);
        return Chart.svg(new Chart.Spec(language, text(LocalizedText.of(indicator.labelNl, indicator.labelEn), language), subtitle, indicator.unit,
                series, rules, interpretationNotes(norm, indicator, language), citations(cited, language), text(checked.check().sentence(), language)));
    }

    /** The chart of an indicator's observations as selected by {@code query} (the filters of its observations), with its norms' thresholds. */
    public String indicatorChart(String indicatorId, Map<String, List<String>> query, Language language) {
        for (String paging : List.of("page", "pageSize")) {
            if (query.containsKey(paging)) {
                throw ApiException.badParameter(paging, "een grafiek toont de hele selectie en heeft geen pagina's");
            }
        }
        ObservationService.Result result = observations.search(indicatorId, query, ObservationQuery.Format.csv);
        Indicator indicator = result.indicator();
        List<Observation> selected = new ArrayList<>();
        observations.stream(result, rows -> {
            for (Observation o : rows) {
                if (selected.size() == MAX_FIGURES) {
                    throw new ApiException(422, "Onverwerkbare invoer", "De selectie heeft meer dan " + MAX_FIGURES + " waarnemingen: te veel voor één "
                            + "leesbare grafiek. Kies met een dimensie of met from en to een deel.", List.of());
                }
                selected.add(o);
            }
        });
        boolean nl = language == Language.nl;
        Map<String, List<Chart.Point>> bySeries = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        Map<String, ObservationDto> latest = new LinkedHashMap<>();
        Set<String> cited = new LinkedHashSet<>();
        for (Observation row : selected) {
            ObservationDto o = ObservationDto.of(row, indicator.unit);
            bySeries.computeIfAbsent(row.dimensionKey, k -> new ArrayList<>()).add(point(o, language, null));
            labels.putIfAbsent(row.dimensionKey, seriesLabel(indicator, o, language));
            if (o.period().start() != null) {
                latest.merge(row.dimensionKey, o, (a, b) -> b.period().end().isAfter(a.period().end()) ? b : a);
            }
            cited.add(o.citation().sourceId());
        }
        List<Chart.Series> series = new ArrayList<>();
        bySeries.forEach((key, points) -> series.add(new Chart.Series(labels.get(key), sorted(points), false)));
        if (series.isEmpty()) {
            series.add(new Chart.Series(text(LocalizedText.of(indicator.labelNl, indicator.labelEn), language), List.of(), false));
        }
        List<Chart.Rule> rules = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Norm norm : norms.listNorms(result.query().filter().asOf())) {
            java.math.BigDecimal threshold = norm.threshold != null ? norm.threshold : norm.interpretedThreshold;
            if (norm.indicatorId.equals(indicator.id) && norm.referenceIndicatorId == null && threshold != null) {
                rules.add(new Chart.Rule(text(LocalizedText.of(norm.labelNl, norm.labelEn), language) + ": " + thresholdWords(norm, threshold, indicator, language),
                        threshold, norm.operator == Operator.at_most, norm.deadline, norm.threshold == null));
                notes.addAll(interpretationNotes(norm, indicator, language));
            }
        }
        String alt;
        Function<String, Source> byId = sources.byId()::get;
        if (latest.size() == 1) {
            alt = ObservationSentences.of(indicator, latest.values().iterator().next(), byId).render(language);
        } else if (latest.isEmpty()) {
            alt = text(LocalizedText.of(indicator.labelNl, indicator.labelEn), language) + (nl ? ": geen waarnemingen in deze selectie." : ": no observations in this selection.");
        } else {
            List<String> last = new ArrayList<>();
            latest.forEach((key, o) -> last.add(labels.get(key) + " " + Words.figure(o, language) + " " + Words.period(o.period(), language)));
            alt = text(LocalizedText.of(indicator.labelNl, indicator.labelEn), language) + (nl ? ", " + latest.size() + " reeksen; de laatste cijfers: "
                    : ", " + latest.size() + " series; the latest figures: ") + String.join("; ", last) + ".";
        }
        return Chart.svg(new Chart.Spec(language, text(LocalizedText.of(indicator.labelNl, indicator.labelEn), language), unitWords(indicator, language),
                indicator.unit, series, rules, notes, citations(cited, language), alt));
    }

    private static List<Chart.Point> sorted(List<Chart.Point> points) {
        return points.stream().sorted(java.util.Comparator.comparing(Chart.Point::start, java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()))
                .thenComparing(Chart.Point::end, java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()))).toList();
    }

    private static Chart.Point point(ObservationDto o, Language language, Verdict verdict) {
        PeriodDto period = o.period();
        String label = Words.shortPeriod(period, language)
                + (o.basePeriod() == null ? "" : (language == Language.nl ? " t.o.v. " : " vs ") + Words.shortPeriod(o.basePeriod(), language));
        String join = period.frequency() + "|" + (o.basePeriod() == null || o.basePeriod().start() == null ? ""
                : o.basePeriod().end().toEpochDay() - o.basePeriod().start().toEpochDay());
        return new Chart.Point(period.start(), period.end(), label, o.qualifier(), o.value(), o.valueLow(), o.valueHigh(), Words.figure(o, language),
                !"final".equals(o.status()), o.seriesBreak(), join, verdict);
    }

    private static String seriesLabel(Indicator indicator, ObservationDto o, Language language) {
        if (o.dimensions().isEmpty()) {
            return text(LocalizedText.of(indicator.labelNl, indicator.labelEn), language);
        }
        List<String> codes = new ArrayList<>();
        o.dimensions().forEach((dimension, code) -> codes.add(indicator.code(dimension, code).map(Dimension.Code::label).map(t -> text(t, language)).orElse(code)));
        return String.join(", ", codes);
    }

    /** The threshold in a few words for its line: "ten hoogste 10%", "gelezen als ten minste 95%". */
    private static String thresholdWords(Norm norm, java.math.BigDecimal threshold, Indicator indicator, Language language) {
        boolean nl = language == Language.nl;
        String bound = (norm.operator == Operator.at_most ? (nl ? "ten hoogste " : "at most ") : (nl ? "ten minste " : "at least "))
                + Words.amount(threshold, indicator.unit, language);
        return norm.threshold == null ? (nl ? "gelezen als " : "read as ") + bound : bound;
    }

    /** For a threshold read into words without a number: the words, and that the line is a reading of them. */
    private static List<String> interpretationNotes(Norm norm, Indicator indicator, Language language) {
        if (norm.threshold != null || norm.interpretedThreshold == null) {
            return List.of();
        }
        boolean nl = language == Language.nl;
        return List.of((nl ? "Gestippelde drempel: de bron noemt geen getal (“" : "Dotted threshold: the source gives no number (“") + norm.wording
                + (nl ? "”); de lijn is een lezing van haar woorden: ten minste " : "”); the line is a reading of its words: at least ")
                + Words.amount(norm.interpretedThreshold, indicator.unit, language) + ".");
    }

    private static String unitWords(Indicator indicator, Language language) {
        boolean nl = language == Language.nl;
        return switch (indicator.unit) {
            case percent -> nl ? "in procenten" : "in per cent";
            case fte -> nl ? "in fte" : "in FTE";
            case count -> nl ? "aantal" : "number";
            case euro -> nl ? "in euro" : "in euros";
            case year -> nl ? "in jaren" : "in years";
            case month -> nl ? "in maanden" : "in months";
        };
    }

    private List<String> citations(Set<String> ids, Language language) {
        Map<String, Source> byId = sources.byId();
        List<String> cited = new ArrayList<>();
        for (String id : ids) {
            Source source = byId.get(id);
            if (source == null) {
                cited.add(id);
                continue;
            }
            LocalDate date = source.publicationDate != null ? source.publicationDate : source.earliestPublicationDate;
            cited.add(source.title + (source.kamerstuk == null || source.kamerstuk.isBlank() ? "" : (language == Language.nl ? " (Kamerstuk " : " (parliamentary paper ")
                    + source.kamerstuk + ")") + (date == null ? "" : ", " + Words.date(date, language)));
        }
        return cited;
    }

    private static String text(LocalizedText text, Language language) {
        return Words.text(text, language);
    }
}

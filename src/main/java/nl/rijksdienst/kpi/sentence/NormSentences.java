package nl.rijksdienst.kpi.sentence;

import java.util.function.Function;
import nl.rijksdienst.kpi.common.LocalizedText;
import nl.rijksdienst.kpi.indicator.Indicator;
import nl.rijksdienst.kpi.norm.Norm;
import nl.rijksdienst.kpi.norm.NormCheckDto;
import nl.rijksdienst.kpi.observation.ObservationDto;
import nl.rijksdienst.kpi.source.Source;

/**
 * The sentence of a norm check, as a person would paste it into a memo: the figure in the source's
 * words, its period, the norm and the verdict, the gap in its unit, who states the figure when it is
 * not the minister, every caveat of the check, and the citation. For example (2024, the Roemernorm):
 * "Aandeel externe inhuur in 2024: 15,4%. Getoetst aan de Roemernorm (ten hoogste 10%): overschreden,
 * verschil +5,4 procentpunt. …".
 */
public final class NormSentences {

    private NormSentences() {
    }

    /**
     * @param reference the name of the indicator a comparison is held to (null for a norm with a number)
     * @param sources   the source of an id (null when unknown)
     */
    public static Sentence of(Norm norm, Indicator indicator, LocalizedText reference, NormCheckDto check, Function<String, Source> sources) {
        LocalizedText normLabel = LocalizedText.of(norm.labelNl, norm.labelEn);
        boolean interpreted = norm.threshold == null && norm.interpretedThreshold != null;
        java.math.BigDecimal value = check.threshold() != null && check.threshold().value() != null ? check.threshold().value()
                : norm.threshold != null ? norm.threshold : norm.interpretedThreshold;
        Part.Threshold threshold = new Part.Threshold(norm.operator, value, indicator.unit, norm.deadline, norm.wording, interpreted,
                norm.referenceIndicatorId == null ? null : reference, check.threshold() == null ? null : check.threshold().referencePeriod());
        Part.Caveats caveats = new Part.Caveats(check.caveats().stream().map(c -> LocalizedText.of(c.nl(), c.en())).toList());
        ObservationDto o = check.observation();
        Sentence.Builder sentence = Sentence.builder();
        if (o == null) {
            return sentence.clause(new Part.NoData(normLabel, threshold, check.verdictText())).clause(new Part.StatedBy(Part.StatedBy.NORM, normCitation(norm)))
                    .clause(caveats).clause(source(norm.sourceId, norm.section, sources)).build();
        }
        return sentence
                .clause(ObservationSentences.observed(indicator, o))
                .clause(new Part.Verdict(normLabel, threshold, check.verdictText()),
                        check.gap() == null ? null : new Part.Gap(check.gap().value(), check.gap().low(), check.gap().high(), check.gap().unit()),
                        check.trend() == null ? null : new Part.Trend(check.trend().direction(), check.trend().change(), check.trend().unit(), check.trend().previousPeriod()))
                .clause(new Part.StatedBy(Part.StatedBy.FIGURE, o.citation()))
                .clause(caveats)
                .clause(source(o.citation().sourceId(), o.citation().section(), sources))
                .build();
    }

    /** Who states the norm, as a citation. */
    private static nl.rijksdienst.kpi.observation.CitationDto normCitation(Norm norm) {
        return new nl.rijksdienst.kpi.observation.CitationDto(norm.sourceId, norm.section, norm.question, norm.quote, null, norm.statedBy, norm.statedByName,
                norm.responseStance == null ? null : new nl.rijksdienst.kpi.observation.ResponseDto(norm.responseStance, norm.responseSection, norm.responseQuote));
    }

    static Part source(String sourceId, String section, Function<String, Source> sources) {
        Source source = sourceId == null ? null : sources.apply(sourceId);
        if (source == null) {
            return sourceId == null ? null : new Part.Source(sourceId, null, sourceId, null, section, null);
        }
        return new Part.Source(source.id, source.url, source.title, source.kamerstuk, section,
                source.publicationDate != null ? source.publicationDate : source.earliestPublicationDate);
    }
}

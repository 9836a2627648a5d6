package nl.rijksdienst.kpi.sentence;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import nl.rijksdienst.kpi.common.LocalizedText;
import nl.rijksdienst.kpi.indicator.Indicator;
import nl.rijksdienst.kpi.norm.check.Caveat;
import nl.rijksdienst.kpi.observation.ObservationDto;
import nl.rijksdienst.kpi.observation.ObservationStatus;
import nl.rijksdienst.kpi.source.Source;

/**
 * The sentence of one observation: what was measured, for which breakdown and period (and against
 * which base period), the figure in the source's words; its footnote; who states it when it is not
 * the minister; every caveat the figure carries by itself (interim, estimate, bound, range, words
 * only, a break in the series); and the citation. For example: "Aandeel externe inhuur in de eerste
 * helft van 2025: 11,4%. Let op: Voorlopig cijfer (tussenstand); het kan nog wijzigen. Bron: …".
 * Norms are not part of it: the sentence of a norm check says how the figure fares against one.
 */
public final class ObservationSentences {

    private ObservationSentences() {
    }

    public static Sentence of(Indicator indicator, ObservationDto o, Function<String, Source> sources) {
        ObservationStatus status = ObservationStatus.fromCode(o.status()).orElse(ObservationStatus.final_);
        return Sentence.builder()
                .clause(observed(indicator, o))
                .clause(new Part.Note(o.note()))
                .clause(new Part.StatedBy(Part.StatedBy.FIGURE, o.citation()))
                .clause(new Part.Caveats(Caveat.ofFigure(status, o.qualifier(), o.seriesBreak()).stream().map(c -> LocalizedText.of(c.nl(), c.en())).toList()))
                .clause(NormSentences.source(o.citation().sourceId(), o.citation().section(), sources))
                .build();
    }

    /** The observation as one observation is served: with its sentence. */
    public static ObservationDto quoted(Indicator indicator, ObservationDto o, Function<String, Source> sources) {
        return o.withSentence(of(indicator, o, sources).text());
    }

    /** The figure with what it measures: the indicator, the names of its dimension codes, the period and the figure. */
    static Part.Observed observed(Indicator indicator, ObservationDto o) {
        Map<String, LocalizedText> breakdown = new LinkedHashMap<>();
        o.dimensions().forEach((dimension, code) -> breakdown.put(dimension,
                indicator.code(dimension, code).map(c -> c.label()).orElse(LocalizedText.of(code, code))));
        return new Part.Observed(LocalizedText.of(indicator.labelNl, indicator.labelEn), breakdown, o);
    }
}

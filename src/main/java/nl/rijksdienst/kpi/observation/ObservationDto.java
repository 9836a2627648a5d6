package nl.rijksdienst.kpi.observation;

import java.math.BigDecimal;
import java.util.Map;
import nl.rijksdienst.kpi.common.LocalizedText;
import nl.rijksdienst.kpi.indicator.Unit;
import nl.rijksdienst.kpi.period.PeriodDto;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Observation", description = """
        Eén waarde van een indicator voor één periode en één combinatie van dimensiecodes (SDMX: observation). \
        De waarde staat zoals de bron haar geeft: exact (`value`), bij benadering (`value`), als ondergrens of \
        bovengrens (`value`), als bandbreedte (`valueLow` en `valueHigh`) of kwalitatief zonder getal (alleen `valueText`).""")
public record ObservationDto(
        @Schema(description = "Identificatie van de waarneming, gelijk over al haar versies.", required = true, examples = "12") long id,
        @Schema(description = "Versie van de waarneming: 1 bij toevoegen, één hoger bij elke correctie.", required = true, examples = "1") int version,
        @Schema(description = "Tijdstip waarop deze versie hier is vastgelegd (voor de controle; asOf kijkt naar publishedOn).", required = true)
        java.time.OffsetDateTime recordedAt,
        @Schema(description = "Datum waarop deze versie openbaar werd: de datum van het document waaruit het cijfer komt. Gelijk op elke installatie; asOf vraagt wat op een datum openbaar was.",
                required = true, format = "date", examples = "2025-12-05") java.time.LocalDate publishedOn,
        @Schema(description = "Waar publishedOn op rust; earliest_possible: de bron heeft geen datum en dit is de vroegste dag waarop zij openbaar kan zijn geweest.",
                required = true) nl.rijksdienst.kpi.source.PublicationBasis publicationBasis,
        @Schema(description = "Identificatie van de indicator.", required = true, examples = "external-hiring-share") String indicatorId,
        @Schema(description = "Naam van de indicator; alleen in /observations, waar waarnemingen van meer indicatoren samen staan.")
        LocalizedText indicatorLabel,
        @Schema(description = "De periode waarop de waarde betrekking heeft.", required = true) PeriodDto period,
        @Schema(description = "De basisperiode waartegen de waarde is gemeten, bij een verandering tussen twee periodes; anders afwezig.") PeriodDto basePeriod,
        @Schema(description = "De dimensiecodes van deze waarneming, per dimensie.", required = true, examples = "{\"category\": \"uitvoering\"}") Map<String, String> dimensions,
        @Schema(description = "De namen van de dimensiecodes, per dimensie; alleen in /observations.")
        Map<String, LocalizedText> dimensionLabels,
        @Schema(description = "Hoe de bron de waarde geeft.", required = true, examples = "exact") Qualifier qualifier,
        @Schema(description = "De waarde; bij een ondergrens de grens, bij een bandbreedte en kwalitatief afwezig.", examples = "11.4") BigDecimal value,
        @Schema(description = "Ondergrens van een bandbreedte.", examples = "2.5") BigDecimal valueLow,
        @Schema(description = "Bovengrens van een bandbreedte.", examples = "5.2") BigDecimal valueHigh,
        @Schema(description = "De waarde in de woorden van de bron.", examples = "11,4%") String valueText,
        @Schema(description = "Eenheid van de waarde.", required = true, examples = "percent") Unit unit,
        @Schema(description = "Status van de waarneming (SDMX OBS_STATUS): definitief, voorlopig (zoals een tussenstand), schatting, verwachting of streefwaarde.", required = true,
                enumeration = {"final", "provisional", "estimate", "forecast", "target"}, examples = "provisional") String status,
        @Schema(description = "Waar: de waarneming is niet vergelijkbaar met eerdere periodes (breuk in de reeks).", required = true, examples = "true") boolean seriesBreak,
        @Schema(description = "Voetnoot bij de waarneming.") LocalizedText note,
        @Schema(description = "Waar het cijfer staat.", required = true) CitationDto citation,
        @Schema(description = "De waarneming als zin om te citeren, in het Nederlands en het Engels: wat gemeten is, de periode, het cijfer in de woorden "
                + "van de bron, de voetnoot, wie het cijfer noemt, elke kanttekening (tussenstand, ondergrens, bandbreedte, breuk in de reeks) en de bron. "
                + "Alleen bij één waarneming; in lijsten afwezig (zie /indicators/{indicatorId}/observations/{observationId}/sentence).")
        LocalizedText sentence) {

    /** The same observation with its sentence, written from the rest of it. */
    public ObservationDto withSentence(LocalizedText sentence) {
        return new ObservationDto(id, version, recordedAt, publishedOn, publicationBasis, indicatorId, indicatorLabel, period, basePeriod, dimensions,
                dimensionLabels, qualifier, value, valueLow, valueHigh, valueText, unit, status, seriesBreak, note, citation, sentence);
    }

    public static ObservationDto of(Observation o, Unit unit) {
        return of(o, unit, null, null);
    }

    /** An observation with the names of its indicator and dimension codes, as a listing across indicators gives it. */
    public static ObservationDto labelled(Observation o, nl.rijksdienst.kpi.indicator.Indicator indicator) {
        Map<String, LocalizedText> labels = new java.util.LinkedHashMap<>();
        o.dimensions.forEach((dimension, code) -> indicator.code(dimension, code).ifPresent(c -> labels.put(dimension, c.label())));
        return of(o, indicator.unit, LocalizedText.of(indicator.labelNl, indicator.labelEn), labels);
    }

    private static ObservationDto of(Observation o, Unit unit, LocalizedText indicatorLabel, Map<String, LocalizedText> dimensionLabels) {
        return new ObservationDto(o.observationId, o.version, o.recordedAt, o.publishedOn, o.publicationBasis, o.indicatorId, indicatorLabel,
                o.periodCode == null ? null : new PeriodDto(o.periodCode, o.frequency, o.periodStart, o.periodEnd),
                PeriodDto.of(o.basePeriodCode, o.basePeriodStart, o.basePeriodEnd),
                o.dimensions, dimensionLabels,
                o.qualifier, o.value, o.valueLow, o.valueHigh, o.valueText,
                unit, o.status.code(), o.seriesBreak,
                o.noteNl == null && o.noteEn == null ? null : LocalizedText.of(o.noteNl, o.noteEn),
                new CitationDto(o.sourceId, o.section, o.question, o.quote, o.originSourceId, o.statedBy, o.statedByName,
                        CitationDto.response(o.responseStance, o.responseSection, o.responseQuote)), null);
    }
}

package nl.rijksdienst.kpi.norm;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import nl.rijksdienst.kpi.norm.check.TrendDirection;
import nl.rijksdienst.kpi.norm.check.Verdict;
import nl.rijksdienst.kpi.observation.ObservationDto;
import nl.rijksdienst.kpi.observation.Qualifier;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NormCheck", description = """
        Het oordeel over één waarneming getoetst aan één norm: voldaan (met), overschreden (breached), op koers \
        (on_track) of niet op koers (off_track) voor een streefwaarde met deadline, onbepaald (indeterminate) als een \
        bandbreedte, grens of kwalitatief cijfer de vraag niet beslist, of geen gegevens (no_data).""")
public record NormCheckDto(
        @Schema(description = "De getoetste norm.", required = true, examples = "roemernorm") String normId,
        @Schema(description = "Het oordeel.", required = true, examples = "breached") Verdict verdict,
        @Schema(description = "Het oordeel in woorden die bij de norm passen (een plafond wordt overschreden, een vloer niet gehaald) en die "
                + "zeggen waar het op rust als dat geen getal van de bron zelf is.", required = true) nl.rijksdienst.kpi.common.LocalizedText verdictText,
        @Schema(description = "Waar de drempel van dit oordeel op rust.", required = true) VerdictBasis basis,
        @Schema(description = "De getoetste waarneming; afwezig als er geen is.") ObservationDto observation,
        @Schema(description = "De drempel waaraan getoetst is.") ThresholdDto threshold,
        @Schema(description = "Waarneming min drempel, in de eenheid van het verschil (procentpunten bij percentages).") GapDto gap,
        @Schema(description = "De beweging sinds de vorige vergelijkbare waarneming; afwezig als er geen eerdere is.") TrendDto trend,
        @Schema(description = "Voor een streefwaarde met deadline die nog niet gehaald is: het benodigde tegenover het waargenomen tempo.") PaceDto pace,
        @Schema(description = "Kanttekeningen bij het oordeel.", required = true) List<CaveatDto> caveats,
        @Schema(description = "Het oordeel als zin om te citeren, in het Nederlands en het Engels: het cijfer in de woorden van de bron, de periode, "
                + "de norm en het oordeel, het verschil in zijn eenheid, wie het cijfer noemt als dat niet de minister is, elke kanttekening en de bron.",
                required = true) nl.rijksdienst.kpi.common.LocalizedText sentence) {

    /** The same check with its sentence, written from the rest of it. */
    public NormCheckDto withSentence(nl.rijksdienst.kpi.common.LocalizedText sentence) {
        return new NormCheckDto(normId, verdict, verdictText, basis, observation, threshold, gap, trend, pace, caveats, sentence);
    }

    @Schema(name = "NormCheckThreshold", description = "De drempel waaraan een waarneming is getoetst: het vaste getal van de norm of de waarde van de vergelijkingsindicator.")
    public record ThresholdDto(
            @Schema(description = "Hoe de drempel gegeven is.", required = true, examples = "exact") Qualifier qualifier,
            @Schema(description = "De drempel.", examples = "10") BigDecimal value,
            @Schema(description = "Ondergrens, als de drempel een bandbreedte is.") BigDecimal valueLow,
            @Schema(description = "Bovengrens, als de drempel een bandbreedte is.") BigDecimal valueHigh,
            @Schema(description = "De vergelijkingsindicator, als de drempel de waarde van een andere indicator is.", examples = "expected-inflation") String referenceIndicatorId,
            @Schema(description = "De periode van de vergelijkingswaarde.", examples = "2026") String referencePeriod) {
    }

    @Schema(name = "NormCheckGap", description = "Waarneming min drempel; bij een bandbreedte of grens het verschil aan beide kanten.")
    public record GapDto(
            @Schema(description = "Het verschil, voor een enkel getal.", examples = "5.4") BigDecimal value,
            @Schema(description = "Het verschil aan de onderkant van een bandbreedte of grens.") BigDecimal low,
            @Schema(description = "Het verschil aan de bovenkant van een bandbreedte of grens.") BigDecimal high,
            @Schema(description = "Eenheid van het verschil: percentage_point bij percentages, anders de eenheid van de indicator.", required = true, examples = "percentage_point") String unit) {
    }

    @Schema(name = "NormCheckTrend", description = "De beweging ten opzichte van de vorige vergelijkbare waarneming (zelfde reeks, zelfde soort periode, geen breuk).")
    public record TrendDto(
            @Schema(description = "Richting ten opzichte van de norm: verbetering, verslechtering, gelijk, onbekend of niet vergelijkbaar.", required = true, examples = "stable") TrendDirection direction,
            @Schema(description = "Verandering sinds de vorige vergelijkbare waarneming.", examples = "0.0") BigDecimal change,
            @Schema(description = "Eenheid van de verandering.", examples = "percentage_point") String unit,
            @Schema(description = "Periode van de vorige waarneming waarmee vergeleken is (of die niet vergelijkbaar was).", examples = "2023") String previousPeriod) {
    }

    @Schema(name = "NormCheckPace", description = "Tempo per jaar om de streefwaarde op de deadline te halen, tegenover het waargenomen tempo (naar de voortgangsmethode van de VN voor de SDG's).")
    public record PaceDto(
            @Schema(description = "De deadline.", required = true, format = "date", examples = "2026-12-31") LocalDate deadline,
            @Schema(description = "Jaren van het einde van de waarneming tot de deadline.", required = true, examples = "2.00") BigDecimal yearsLeft,
            @Schema(description = "Jaren van de evaluatiedatum (evaluatedOn) tot de deadline; 0 als die verstreken is.", required = true, examples = "0.09") BigDecimal yearsLeftFromEvaluation,
            @Schema(description = "Benodigde verandering per jaar, vanaf de waarneming, om de streefwaarde op de deadline te halen.", required = true, examples = "20.50") BigDecimal requiredPerYear,
            @Schema(description = "Waargenomen verandering per jaar sinds de vorige vergelijkbare waarneming; afwezig als er geen is.", examples = "30.00") BigDecimal observedPerYear,
            @Schema(description = "Waar: er is geen eerdere vergelijkbare waarneming, dus het tempo is niet gemeten (observedPerYear en projectedAtDeadline ontbreken) en het oordeel is onbepaald.", required = true) boolean observedPaceAssumed,
            @Schema(description = "Verwachte waarde op de deadline bij het waargenomen tempo; afwezig als dat niet gemeten is.", examples = "130.00") BigDecimal projectedAtDeadline) {
    }

    @Schema(name = "Caveat", description = "Een kanttekening bij een oordeel.")
    public record CaveatDto(
            @Schema(description = "Vaste code van de kanttekening.", required = true, examples = "provisional") String code,
            @Schema(description = "Tekst in het Nederlands.", required = true) String nl,
            @Schema(description = "Tekst in het Engels.", required = true) String en) {
    }
}

package nl.rijksdienst.kpi.scorecard;

import java.time.LocalDate;
import java.util.List;
import nl.rijksdienst.kpi.common.LocalizedText;
import nl.rijksdienst.kpi.common.Page;
import nl.rijksdienst.kpi.indicator.Unit;
import nl.rijksdienst.kpi.norm.NormCheckDto;
import nl.rijksdienst.kpi.norm.NormDto;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Scorecard", description = "Het laatste oordeel van elke norm in één antwoord, met een telling per oordeel.")
public record ScorecardDto(
        @Schema(description = "Datum waarop is getoetst (deadlines worden tegen deze datum gelezen).", required = true, format = "date", examples = "2026-11-30") LocalDate evaluatedOn,
        @Schema(description = "Aantal normen die het kabinet zichzelf stelt, per oordeel, getoetst aan een getal van de bron zelf (basis source): "
                + "zonder de vergelijkingen en zonder de oordelen die op een getal van Kamerleden of op onze lezing rusten.", required = true) VerdictCounts summary,
        @Schema(description = "Aantal normen waarvan het oordeel op een getal van Kamerleden rust dat het antwoord niet bevestigt, of op onze lezing "
                + "van een bron die geen getal noemt (basis members of interpretation), per oordeel: apart geteld, niet als gewoon oordeel.",
                required = true) VerdictCounts qualified,
        @Schema(description = "Aantal vergelijkingen (geen norm van het kabinet, zoals het loonbod tegenover de inflatie), per oordeel.", required = true)
        VerdictCounts comparisons,
        @Schema(description = "Aantal toezeggingen en aangekondigde publicaties per stand op de toetsdatum.", required = true) CommitmentCounts commitments,
        @Schema(description = "De toezeggingen die niet zijn geleverd (open, due_soon, overdue), de eerst verlopen termijn eerst; de volledige gegevens staan in /commitments.",
                required = true) List<CommitmentRef> pendingCommitments,
        @Schema(description = "Per norm het laatste oordeel.", required = true) List<Item> items,
        @Schema(description = "Paginering.", required = true) Page paging) {

    @Schema(name = "ScorecardItem", description = "Eén norm met zijn indicator en het oordeel over de laatste waarneming.")
    public record Item(
            @Schema(description = "De norm.", required = true) NormDto norm,
            @Schema(description = "De indicator die aan de norm wordt gehouden.", required = true) IndicatorRef indicator,
            @Schema(description = "Het oordeel over de laatste waarneming, met waarde, kwalificatie, status, verschil, trend, kanttekeningen en bron.", required = true) NormCheckDto latest,
            @Schema(description = "Een nieuwer cijfer van een kortere periode dan de norm, als tussentijdse indicatie (zie NormEvaluation.interim).") NormCheckDto interim) {
    }

    @Schema(name = "IndicatorRef", description = "Verwijzing naar een indicator, met naam en eenheid.")
    public record IndicatorRef(
            @Schema(description = "Identificatie.", required = true, examples = "external-hiring-share") String id,
            @Schema(description = "Naam.", required = true) LocalizedText label,
            @Schema(description = "Eenheid.", required = true, examples = "percent") Unit unit) {
    }

    @Schema(name = "CommitmentCounts", description = "Aantal toezeggingen per stand.")
    public record CommitmentCounts(
            @Schema(required = true) int open, @Schema(required = true) int dueSoon, @Schema(required = true) int overdue,
            @Schema(required = true) int delivered) {
    }

    @Schema(name = "CommitmentRef", description = "Een toezegging in het kort: wat, de termijn in de woorden van de bron, en de stand.")
    public record CommitmentRef(
            @Schema(description = "Identificatie (zie /commitments/{commitmentId}).", required = true, examples = "rijksinkoopstrategie") String id,
            @Schema(description = "Thema.", required = true, examples = "rijksinkoop") String themeId,
            @Schema(description = "Wat er is toegezegd of aangekondigd.", required = true) LocalizedText label,
            @Schema(description = "Hoe stellig de bron is.", required = true) nl.rijksdienst.kpi.commitment.CommitmentKind kind,
            @Schema(description = "De termijn in de woorden van de bron; leeg als er geen is.", examples = "uiterlijk Q3 2026") String dueWording,
            @Schema(description = "De laatste dag van de termijn; leeg als er geen is.", format = "date", examples = "2026-09-30") LocalDate dueEnd,
            @Schema(description = "De stand.", required = true) nl.rijksdienst.kpi.commitment.CommitmentState state,
            @Schema(description = "Waarom deze stand.", required = true) LocalizedText stateNote) {
    }

    @Schema(name = "VerdictCounts", description = "Aantal normen per oordeel.")
    public record VerdictCounts(
            @Schema(required = true) int met, @Schema(required = true) int breached, @Schema(required = true) int onTrack,
            @Schema(required = true) int offTrack, @Schema(required = true) int indeterminate, @Schema(required = true) int noData) {
    }
}

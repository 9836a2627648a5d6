package nl.rijksdienst.kpi.norm;

import nl.rijksdienst.kpi.period.Frequency;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import nl.rijksdienst.kpi.common.LocalizedText;
import nl.rijksdienst.kpi.indicator.Unit;
import nl.rijksdienst.kpi.observation.CitationDto;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Norm", description = """
        Een regel waaraan een indicator wordt gehouden: een plafond (ten hoogste), een vloer (ten minste) of een \
        streefwaarde met een deadline; tegen een vast getal of tegen de waarde van een andere indicator in dezelfde \
        periode. De woorden van de bron staan naast het gekozen getal.""")
public record NormDto(
        @Schema(description = "Identificatie van de norm.", required = true, examples = "roemernorm") String id,
        @Schema(description = "Naam.", required = true) LocalizedText label,
        @Schema(description = "Omschrijving.") LocalizedText description,
        @Schema(description = "De indicator die aan de norm wordt gehouden.", required = true, examples = "external-hiring-share") String indicatorId,
        @Schema(description = "De reeks van de indicator waarop de norm slaat (dimensiecodes); leeg als de norm op de hele indicator slaat.", required = true) Map<String, String> dimensions,
        @Schema(description = "Plafond, vloer of streefwaarde met deadline.", required = true, examples = "ceiling") NormType type,
        @Schema(description = "Ten hoogste (at_most) of ten minste (at_least).", required = true, examples = "at_most") Operator operator,
        @Schema(description = "De drempel, als de norm een vast getal is.", examples = "10") BigDecimal threshold,
        @Schema(description = "Eenheid van de drempel (die van de indicator).", required = true, examples = "percent") Unit unit,
        @Schema(description = "De indicator met wiens waarde in dezelfde periode wordt vergeleken, als de norm geen vast getal is.", examples = "expected-inflation") String referenceIndicatorId,
        @Schema(description = "Datum waarop de streefwaarde bereikt moet zijn.", format = "date", examples = "2026-12-31") LocalDate deadline,
        @Schema(description = "Datum vanaf wanneer de norm geldt, als bekend; cijfers over een periode die eerder eindigt, worden er niet aan getoetst.",
                format = "date", examples = "2010-01-01") LocalDate validFrom,
        @Schema(description = "Laatste dag waarop de norm geldt, als die er is; cijfers over een periode die later begint, worden er niet aan getoetst.",
                format = "date", examples = "2029-12-31") LocalDate validTo,
        @Schema(description = "De woorden van de bron.", required = true, examples = "de Roemernorm van maximaal 10 procent") String wording,
        @Schema(description = "Als de bron vaag is: welk getal hier gekozen is en waarom.") String interpretation,
        @Schema(description = "Als de bron geen getal noemt: het getal dat in haar woorden is gelezen (zie interpretation). Geen drempel van de bron; "
                + "threshold is dan afwezig, en een oordeel erop zegt dat het op deze lezing rust.", examples = "95") BigDecimal interpretedThreshold,
        @Schema(description = "Waar de norm staat.", required = true) CitationDto citation,
        @Schema(description = "norm: een norm die het kabinet zichzelf stelt; comparison: een vergelijking met een andere indicator die "
                + "geen norm van het kabinet is (het loonbod tegenover de verwachte inflatie); de scorecard telt die apart.",
                required = true, examples = "norm") NormKind kind,
        @Schema(description = "Over wat voor periode de norm gaat; afwezig: elke periode.", examples = "annual") Frequency frequency,
        @Schema(description = "Versie van de norm (1 voor de eerste); een wijziging van drempel, woorden of geldigheid is een nieuwe versie.",
                required = true, examples = "1") int version,
        @Schema(description = "Datum waarop deze versie openbaar werd (uit de datum van de bron).", required = true, format = "date", examples = "2026-01-22")
        LocalDate publishedOn,
        @Schema(description = "Waar publishedOn op rust.", required = true) nl.rijksdienst.kpi.source.PublicationBasis publicationBasis) {

    public static NormDto of(Norm n, Unit unit) {
        return new NormDto(n.id, LocalizedText.of(n.labelNl, n.labelEn), LocalizedText.optional(n.descriptionNl, n.descriptionEn),
                n.indicatorId, n.dimensions, n.type(), n.operator, n.threshold, unit, n.referenceIndicatorId, n.deadline, n.validFrom, n.validTo,
                n.wording, n.interpretation, n.interpretedThreshold, new CitationDto(n.sourceId, n.section, n.question, n.quote, null, n.statedBy, n.statedByName,
                        CitationDto.response(n.responseStance, n.responseSection, n.responseQuote)), n.kind, n.frequency,
                n.version, n.publishedOn, n.publicationBasis);
    }
}

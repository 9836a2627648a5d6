package nl.rijksdienst.kpi.norm;

import nl.rijksdienst.kpi.period.Frequency;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import nl.rijksdienst.kpi.common.LocalizedText;
import nl.rijksdienst.kpi.observation.CitationDto;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NormInput", description = "Een nieuwe norm of een wijziging van een norm: een vast getal (threshold), een vergelijkingsindicator (referenceIndicatorId) of, als de bron geen getal noemt, een gelezen getal (interpretedThreshold); precies één daarvan.")
public record NormInput(
        @Schema(description = "Identificatie (kebab-case); bij wijzigen gelijk aan die in het pad of weggelaten.", examples = "roemernorm") String id,
        @Schema(description = "De indicator die aan de norm wordt gehouden.", required = true, examples = "external-hiring-share") String indicatorId,
        @Schema(description = "De reeks waarop de norm slaat (dimensiecodes); weggelaten: de hele indicator.") Map<String, String> dimensions,
        @Schema(description = "Ten hoogste (at_most) of ten minste (at_least).", required = true, examples = "at_most") Operator operator,
        @Schema(description = "De drempel, in de eenheid van de indicator.", examples = "10") BigDecimal threshold,
        @Schema(description = "De indicator met wiens waarde in dezelfde periode wordt vergeleken.", examples = "expected-inflation") String referenceIndicatorId,
        @Schema(description = "Datum waarop de streefwaarde bereikt moet zijn; maakt de norm een streefwaarde.", format = "date", examples = "2026-12-31") LocalDate deadline,
        @Schema(description = "Datum vanaf wanneer de norm geldt; cijfers over een periode die eerder eindigt, worden er niet aan getoetst.",
                format = "date", examples = "2010-01-01") LocalDate validFrom,
        @Schema(description = "Laatste dag waarop de norm geldt; cijfers over een periode die later begint, worden er niet aan getoetst.",
                format = "date", examples = "2029-12-31") LocalDate validTo,
        @Schema(description = "Naam.", required = true, ref = "BilingualText") LocalizedText label,
        @Schema(description = "Omschrijving.") LocalizedText description,
        @Schema(description = "De woorden van de bron.", required = true, examples = "de Roemernorm van maximaal 10 procent") String wording,
        @Schema(description = "Als de bron vaag is: welk getal hier gekozen is en waarom.") String interpretation,
        @Schema(description = "Alleen als de bron geen getal noemt ('nagenoeg alle'): het getal dat in haar woorden is gelezen, in plaats van "
                + "threshold (leg de lezing uit in interpretation). Een oordeel daarop zegt dat, en telt op de scorecard niet als gewoon oordeel.",
                examples = "95") BigDecimal interpretedThreshold,
        @Schema(description = "Waar de norm staat.", required = true) CitationDto citation,
        @Schema(description = "norm: een norm die het kabinet zichzelf stelt (standaard); comparison: een vergelijking met een andere "
                + "indicator die geen norm van het kabinet is, zoals het loonbod tegenover de verwachte inflatie.", examples = "norm") NormKind kind,
        @Schema(description = "Over wat voor periode de norm gaat (de Roemernorm: een jaar); leeg: elke periode. Het laatste oordeel komt dan "
                + "van een cijfer van die soort; een nieuwer cijfer over een kortere periode staat ernaast als tussentijdse indicatie.",
                examples = "annual") Frequency frequency,
        @Schema(description = "Waarom deze wijziging; komt in de versie en het auditlog (de vorige versie blijft opvraagbaar via /norms/{normId}/versions).",
                examples = "Drempel aangepast in de Kamerbrief van 1 juni 2026") String reason) {
}

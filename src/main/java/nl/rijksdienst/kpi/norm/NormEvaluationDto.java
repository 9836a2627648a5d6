package nl.rijksdienst.kpi.norm;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NormEvaluation", description = "De toetsing van een indicator aan één norm: het laatste oordeel en het oordeel per waarneming.")
public record NormEvaluationDto(
        @Schema(description = "De norm.", required = true) NormDto norm,
        @Schema(description = "Het oordeel over de laatste waarneming waarover een oordeel mogelijk is.", required = true) NormCheckDto latest,
        @Schema(description = "Het oordeel per waarneming, in volgorde van periode.", required = true) List<NormCheckDto> checks,
        @Schema(description = "Bij een norm over één soort periode (een jaar): het oordeel over een nieuwer cijfer van een kortere periode, "
                + "als tussentijdse indicatie naast het laatste oordeel (kanttekening interim_indication).") NormCheckDto interim) {
}

package nl.rijksdienst.kpi.observation;

import java.math.BigDecimal;
import java.util.Map;
import nl.rijksdienst.kpi.common.LocalizedText;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new observation or a correction, as an editor sends it. */
@Schema(name = "ObservationInput", description = """
        Een nieuwe waarneming of een correctie. De waarde staat zoals de bron haar geeft: `value` bij exact, \
        bij benadering en een grens; `valueLow` en `valueHigh` bij een bandbreedte; alleen `valueText` bij kwalitatief.""")
public record ObservationInput(
        @Schema(description = "Identificatie van de indicator; bij een import verplicht, bij een enkele waarneming gelijk aan die in het pad of weggelaten.", examples = "external-hiring-share")
        String indicatorId,
        @Schema(description = "Periodecode.", required = true, examples = "2025")
        String period,
        @Schema(description = "Basisperiode, bij een verandering tussen twee periodes.", examples = "2024-Q4")
        String basePeriod,
        @Schema(description = "Dimensiecodes, per dimensie van de indicator.", examples = "{\"category\": \"uitvoering\"}")
        Map<String, String> dimensions,
        @Schema(description = "Hoe de bron de waarde geeft.", required = true, examples = "exact")
        Qualifier qualifier,
        @Schema(description = "De waarde (exact, bij benadering, grens).", examples = "12.1")
        BigDecimal value,
        @Schema(description = "Ondergrens van een bandbreedte.")
        BigDecimal valueLow,
        @Schema(description = "Bovengrens van een bandbreedte.")
        BigDecimal valueHigh,
        @Schema(description = "De waarde in de woorden van de bron; verplicht bij kwalitatief.", examples = "12,1%")
        String valueText,
        @Schema(description = "Status: final, provisional, estimate, forecast of target.", required = true,
                enumeration = {"final", "provisional", "estimate", "forecast", "target"}, examples = "final")
        String status,
        @Schema(description = "Waar: niet vergelijkbaar met eerdere periodes (breuk in de reeks). Standaard onwaar.")
        Boolean seriesBreak,
        @Schema(description = "Voetnoot.")
        LocalizedText note,
        @Schema(description = "Waar het cijfer staat.", required = true)
        CitationDto citation,
        @Schema(description = "Waarom deze waarde wordt toegevoegd of gecorrigeerd; verplicht bij een correctie.", examples = "Definitief cijfer uit de Jaarrapportage Bedrijfsvoering Rijk 2025")
        String reason) {
}

package nl.rijksdienst.kpi.observation;

import java.math.BigDecimal;
import java.util.Map;
import nl.rijksdienst.kpi.period.PeriodDto;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Change", description = "De verandering van een waarde ten opzichte van de vorige periode of een jaar eerder, in dezelfde reeks.")
public record ChangeDto(
        @Schema(description = "De periode.", required = true) PeriodDto period,
        @Schema(description = "De periode waarmee vergeleken is.", required = true) PeriodDto comparedWith,
        @Schema(description = "De dimensiecodes van de reeks.", required = true) Map<String, String> dimensions,
        @Schema(description = "De waarde in de periode.", required = true, examples = "15.4") BigDecimal value,
        @Schema(description = "De waarde in de vergeleken periode.", required = true, examples = "15.4") BigDecimal comparedValue,
        @Schema(description = "Het verschil: value min comparedValue.", required = true, examples = "0.0") BigDecimal change,
        @Schema(description = "Eenheid van het verschil: procentpunten bij percentages, anders die van de indicator.", required = true, examples = "percentage_point") String changeUnit,
        @Schema(description = "De procentuele verandering (eenheid: percent), afgerond op twee decimalen; afwezig als de vergeleken waarde 0 is.", examples = "0.00") BigDecimal percentChange,
        @Schema(description = "Status van de waarde in de periode.", required = true, examples = "final") String status,
        @Schema(description = "Waar: een van beide waarden is bij benadering, zodat het verschil dat ook is.", required = true) boolean approximate) {
}

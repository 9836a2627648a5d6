package nl.rijksdienst.kpi.indicator;

import java.util.List;
import nl.rijksdienst.kpi.common.LocalizedText;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A dimension an indicator is broken down by, with its code list. Stored as JSON on the indicator. */
@Schema(name = "Dimension", description = "Een dimensie waarnaar een indicator is uitgesplitst, met de codelijst.")
public record Dimension(
        @Schema(description = "Identificatie van de dimensie (lowerCamelCase); ook de naam van de queryparameter om erop te filteren.", required = true, examples = "category")
        String id,
        @Schema(description = "Naam van de dimensie.", required = true)
        LocalizedText label,
        @Schema(description = "De toegestane codes.", required = true)
        List<Code> codes) {

    @Schema(name = "DimensionCode", description = "Een code uit de codelijst van een dimensie.")
    public record Code(
            @Schema(description = "De code.", required = true, examples = "uitvoering") String code,
            @Schema(description = "Naam van de code.", required = true) LocalizedText label) {
    }

    public boolean hasCode(String code) {
        return codes.stream().anyMatch(c -> c.code().equals(code));
    }
}

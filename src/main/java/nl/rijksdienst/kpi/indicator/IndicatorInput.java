package nl.rijksdienst.kpi.indicator;

import java.util.List;
import nl.rijksdienst.kpi.common.LocalizedText;
import nl.rijksdienst.kpi.period.Frequency;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "IndicatorInput", description = "Een nieuwe indicator of een wijziging van een indicator, met dimensies en codelijsten.")
public record IndicatorInput(
        @Schema(description = "Identificatie (kebab-case); bij wijzigen gelijk aan die in het pad of weggelaten.", examples = "sick-leave-rate") String id,
        @Schema(description = "Identificatie van het thema.", required = true, examples = "werkgeverschap") String themeId,
        @Schema(description = "Eenheid van de waarden.", required = true, examples = "percent") Unit unit,
        @Schema(description = "Soort grootheid.", required = true, examples = "share") IndicatorKind kind,
        @Schema(description = "Naam, in het Nederlands en het Engels.", required = true, ref = "BilingualText") LocalizedText label,
        @Schema(description = "Omschrijving.") LocalizedText description,
        @Schema(description = "Dimensies met codelijsten; leeg of weggelaten als er geen uitsplitsing is.") List<Dimension> dimensions,
        @Schema(description = "De soorten periode die waarnemingen kunnen hebben; leeg of weggelaten: elke soort.") List<Frequency> frequencies) {
}

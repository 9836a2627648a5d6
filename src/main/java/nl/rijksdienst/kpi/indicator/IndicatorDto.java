package nl.rijksdienst.kpi.indicator;

import java.util.List;
import nl.rijksdienst.kpi.common.LocalizedText;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Indicator", description = "Een gemeten grootheid, met eenheid, soort, thema en de dimensies waarnaar ze is uitgesplitst.")
public record IndicatorDto(
        @Schema(description = "Stabiele identificatie (kebab-case).", required = true, examples = "external-hiring-share") String id,
        @Schema(description = "Naam.", required = true) LocalizedText label,
        @Schema(description = "Omschrijving: wat er precies gemeten wordt.") LocalizedText description,
        @Schema(description = "Eenheid van de waarden.", required = true, examples = "percent") Unit unit,
        @Schema(description = "Soort grootheid: stand (level), stroom (flow), aandeel (share) of verandering ten opzichte van een basisperiode (change).", required = true, examples = "share") IndicatorKind kind,
        @Schema(description = "Identificatie van het thema.", required = true, examples = "werkgeverschap") String themeId,
        @Schema(description = "De dimensies waarnaar de indicator is uitgesplitst, met hun codelijsten; leeg als er geen uitsplitsing is.", required = true) List<Dimension> dimensions,
        @Schema(description = "De soorten periode die waarnemingen van deze indicator kunnen hebben; leeg: elke soort.", required = true) List<nl.rijksdienst.kpi.period.Frequency> frequencies) {

    public static IndicatorDto of(Indicator i) {
        return new IndicatorDto(i.id, LocalizedText.of(i.labelNl, i.labelEn), LocalizedText.optional(i.descriptionNl, i.descriptionEn),
                i.unit, i.kind, i.themeId, List.copyOf(i.dimensions), List.copyOf(i.frequencies));
    }
}

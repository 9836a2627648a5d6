package nl.rijksdienst.kpi.theme;

import nl.rijksdienst.kpi.common.LocalizedText;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Theme", description = "Een thema: een onderdeel van de brief (A-F) waartoe indicatoren behoren.")
public record ThemeDto(
        @Schema(description = "Identificatie van het thema.", required = true, examples = "werkgeverschap") String id,
        @Schema(description = "Letter van het onderdeel in de brief.", required = true, examples = "A") String code,
        @Schema(description = "Naam.", required = true) LocalizedText label,
        @Schema(description = "Omschrijving.") LocalizedText description) {

    static ThemeDto of(Theme t) {
        return new ThemeDto(t.id, t.code, LocalizedText.of(t.labelNl, t.labelEn), LocalizedText.optional(t.descriptionNl, t.descriptionEn));
    }
}

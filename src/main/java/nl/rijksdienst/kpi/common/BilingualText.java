package nl.rijksdienst.kpi.common;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The schema of a name an editor must give in both languages (an indicator's, a norm's, a
 * commitment's label): a {@link LocalizedText} in which English is required too, as the write
 * services check. Only the OpenAPI document uses this type; the body is read as a LocalizedText.
 */
@Schema(name = "BilingualText", description = "Tekst in het Nederlands en het Engels, allebei verplicht.")
public record BilingualText(
        @Schema(description = "Nederlandse tekst", required = true, minLength = 1, examples = "Aandeel externe inhuur") String nl,
        @Schema(description = "Engelse tekst", required = true, minLength = 1, examples = "Share of external hiring") String en) {
}

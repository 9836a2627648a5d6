package nl.rijksdienst.kpi.common;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A text in Dutch and in English. */
@Schema(description = "Tekst in het Nederlands en het Engels.")
public record LocalizedText(
        @Schema(description = "Nederlandse tekst", required = true, examples = "Aandeel externe inhuur") String nl,
        @Schema(description = "Engelse tekst", examples = "Share of external hiring") String en) {

    public static LocalizedText of(String nl, String en) {
        return new LocalizedText(nl, en);
    }

    /** A text that may be absent: null when there is none in either language (not an empty object, which the schema does not allow). */
    public static LocalizedText optional(String nl, String en) {
        return nl == null && en == null ? null : new LocalizedText(nl, en);
    }
}

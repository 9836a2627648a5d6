package nl.rijksdienst.kpi.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An error answer in the form of RFC 9457 (Problem Details for HTTP APIs), as the NL GOV API
 * Design Rules require: {@code type}, {@code title}, {@code status}, {@code detail} and
 * {@code instance}, plus the parameters at fault.
 */
@Schema(name = "Problem", description = "Foutmelding volgens RFC 9457 (Problem Details for HTTP APIs).")
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        @Schema(description = "URI die het soort fout aanduidt; about:blank als de HTTP-status volstaat.", examples = "about:blank")
        String type,
        @Schema(description = "Korte, vaste omschrijving van het soort fout.", required = true, examples = "Ongeldige invoer")
        String title,
        @Schema(description = "HTTP-statuscode.", required = true, examples = "400")
        int status,
        @Schema(description = "Uitleg van deze fout: wat er mis is en waarmee.", required = true,
                examples = "Parameter 'from': '2025-13' is geen geldige periode")
        String detail,
        @Schema(description = "Het pad van het verzoek dat de fout gaf.", examples = "/api/v1/indicators/external-hiring-share/observations")
        String instance,
        @Schema(description = "De parameters die niet deugen, elk met de reden.")
        List<InvalidParam> invalidParams) {

    public static final String MEDIA_TYPE = "application/problem+json";

    @Schema(name = "InvalidParam", description = "Een parameter die niet deugt.")
    public record InvalidParam(
            @Schema(description = "Naam van de parameter.", required = true, examples = "from") String name,
            @Schema(description = "Waarom de waarde niet deugt.", required = true, examples = "'2025-13' is geen geldige periode") String reason) {
    }
}

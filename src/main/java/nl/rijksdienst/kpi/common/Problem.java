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
        @Schema(description = "De parameters of velden die niet deugen, elk met de reden.")
        List<InvalidParam> invalidParams,
        @Schema(description = "Bij een import: de rijen die niet geschreven kunnen worden, elk met regel, kolom en reden (hooguit 1000).")
        List<InvalidRow> invalidRows,
        @Schema(description = "Bij een import: het aantal rijen met fouten boven de 1000 die in invalidRows staan.")
        Long moreInvalidRows) {

    public Problem(String type, String title, int status, String detail, String instance, List<InvalidParam> invalidParams) {
        this(type, title, status, detail, instance, invalidParams, List.of(), null);
    }

    public static final String MEDIA_TYPE = "application/problem+json";

    @Schema(name = "InvalidRow", description = "Een rij van een import die niet geschreven kan worden.")
    public record InvalidRow(
            @Schema(description = "Regelnummer in de body (de kopregel van een CSV is regel 1).", required = true, examples = "14") long line,
            @Schema(description = "De kolom (CSV) of het veld (JSON) dat niet deugt; afwezig als het de hele rij betreft.", examples = "periodCode") String column,
            @Schema(description = "Waarom.", required = true, examples = "'2025-13' is geen geldige periode") String reason) {
    }

    @Schema(name = "InvalidParam", description = "Een parameter of veld dat niet deugt.")
    public record InvalidParam(
            @Schema(description = "Naam van de parameter of het veld (met punten voor geneste velden, zoals citation.quote).", required = true, examples = "from") String name,
            @Schema(description = "Waarom de waarde niet deugt.", required = true, examples = "'2025-13' is geen geldige periode") String reason) {
    }
}

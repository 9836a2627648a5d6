package nl.rijksdienst.kpi.importing;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ImportReport", description = "Het resultaat van een import: wat er is toegevoegd, gecorrigeerd en ongewijzigd gebleven.")
public record ImportReport(
        @Schema(description = "Identificatie van de import.", required = true, implementation = String.class, format = "uuid") UUID id,
        @Schema(description = "applied: er is iets geschreven; no_change: alle rijen waren al bekend, er is niets veranderd.", required = true,
                enumeration = {"applied", "no_change"}, examples = "applied") String outcome,
        @Schema(description = "Aantal gelezen rijen.", required = true, examples = "27") long rowsRead,
        @Schema(description = "Aantal nieuwe waarnemingen.", required = true, examples = "1") long inserted,
        @Schema(description = "Aantal gecorrigeerde waarnemingen (elk een nieuwe versie; de oude blijft opvraagbaar).", required = true, examples = "1") long revised,
        @Schema(description = "Aantal rijen die gelijk waren aan wat er al stond.", required = true, examples = "25") long unchanged,
        @Schema(description = "Tijdstip waarop de import is vastgelegd.", required = true) OffsetDateTime recordedAt,
        @Schema(description = "Wie de import deed.", required = true, examples = "alice") String recordedBy,
        @Schema(description = "De opgegeven reden.") String reason,
        @Schema(description = "Formaat van de body.", required = true, examples = "text/csv") String mediaType,
        @Schema(description = "De Idempotency-Key van het verzoek, als die is meegegeven.") String idempotencyKey) {
}

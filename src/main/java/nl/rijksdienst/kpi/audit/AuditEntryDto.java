package nl.rijksdienst.kpi.audit;

import java.util.Map;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AuditEntry", description = "Eén wijziging: wie, wat, wanneer en waarom.")
public record AuditEntryDto(
        @Schema(description = "Volgnummer.", required = true, examples = "42") long id,
        @Schema(description = "Tijdstip van de wijziging.", required = true) OffsetDateTime occurredAt,
        @Schema(description = "Wie de wijziging deed (het subject van het token; system voor de gegevensbestanden).", required = true, examples = "alice") String actor,
        @Schema(description = "Soort wijziging.", required = true, enumeration = {"create", "update", "correct", "import"}, examples = "correct") String action,
        @Schema(description = "Soort object.", required = true, enumeration = {"indicator", "norm", "source", "observation", "observation-import"}, examples = "observation") String entityType,
        @Schema(description = "Identificatie van het object.", required = true, examples = "12") String entityId,
        @Schema(description = "De opgegeven reden.") String reason,
        @Schema(description = "Samenvatting.", required = true, examples = "Waarneming external-hiring-share 2025 gecorrigeerd naar versie 2") String summary,
        @Schema(description = "Bijzonderheden: wat er stond (before) en wat er nu staat (after), of de aantallen van een import.", type = SchemaType.OBJECT)
        Map<String, Object> details) {
}

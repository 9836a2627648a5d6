package nl.rijksdienst.kpi.observation;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ObservationVersion", description = "Eén versie van een waarneming: wanneer, door wie en waarom ze is vastgelegd, en tot wanneer ze gold.")
public record ObservationVersionDto(
        @Schema(description = "Versienummer.", required = true, examples = "2") int version,
        @Schema(description = "Waar: dit is de versie die nu geldt.", required = true) boolean current,
        @Schema(description = "Tijdstip waarop deze versie is vastgelegd.", required = true) OffsetDateTime recordedAt,
        @Schema(description = "Tijdstip waarop een latere versie deze verving; afwezig bij de huidige.") OffsetDateTime supersededAt,
        @Schema(description = "Datum waarop een latere versie openbaar werd en deze verving; afwezig bij de huidige.", format = "date") java.time.LocalDate supersededOn,
        @Schema(description = "Wie deze versie vastlegde.", required = true, examples = "alice") String recordedBy,
        @Schema(description = "De opgegeven reden.", examples = "Definitief cijfer uit de Jaarrapportage Bedrijfsvoering Rijk 2025") String reason,
        @Schema(description = "De import waarmee deze versie is vastgelegd, als dat via een import ging.", implementation = String.class, format = "uuid") UUID importId,
        @Schema(description = "De waarneming zoals ze in deze versie luidde.", required = true) ObservationDto observation) {

    public static ObservationVersionDto of(Observation o, nl.rijksdienst.kpi.indicator.Unit unit) {
        return new ObservationVersionDto(o.version, o.supersededAt == null, o.recordedAt, o.supersededAt, o.supersededOn, o.recordedBy, o.reason, o.importId,
                ObservationDto.of(o, unit));
    }
}

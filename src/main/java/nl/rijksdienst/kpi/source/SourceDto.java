package nl.rijksdienst.kpi.source;

import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Source", description = "Een document waaruit cijfers en normen komen.")
public record SourceDto(
        @Schema(description = "Identificatie van de bron.", required = true, examples = "antwoorden-so-functioneren-rijksdienst-2026") String id,
        @Schema(description = "Soort document.", required = true, examples = "letter") String type,
        @Schema(description = "Titel.", required = true, examples = "Antwoorden op de vragen en opmerkingen in het schriftelijk overleg Functioneren Rijksdienst") String title,
        @Schema(description = "Afzender of uitgever.", examples = "Minister van Binnenlandse Zaken en Koninkrijksrelaties") String publisher,
        @Schema(description = "Kamerstuknummer (dossier-volgnummer), als het document er een heeft.", examples = "31490-392") String kamerstuk,
        @Schema(description = "Datum van publicatie, als die bekend is.", format = "date", examples = "2025-12-05") LocalDate publicationDate,
        @Schema(description = "Als het document geen datum heeft: de vroegste dag waarop het openbaar kan zijn geweest (dateNote zegt waarom).",
                format = "date", examples = "2026-01-22") LocalDate earliestPublicationDate,
        @Schema(description = "Toelichting op de datering of identificatie van het document.") String dateNote,
        @Schema(description = "Vindplaats op internet, als bekend.") String url) {

    public static SourceDto of(Source s) {
        return new SourceDto(s.id, s.type, s.title, s.publisher, s.kamerstuk, s.publicationDate, s.earliestPublicationDate, s.dateNote, s.url);
    }
}

package nl.rijksdienst.kpi.source;

import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SourceInput", description = "Een nieuwe bron of een wijziging van een bron.")
public record SourceInput(
        @Schema(description = "Identificatie (kebab-case); bij wijzigen gelijk aan die in het pad of weggelaten.", examples = "jbr-2025") String id,
        @Schema(description = "Soort document.", required = true, examples = "report") String type,
        @Schema(description = "Titel.", required = true, examples = "Jaarrapportage Bedrijfsvoering Rijk 2025") String title,
        @Schema(description = "Afzender of uitgever.", examples = "Minister van Binnenlandse Zaken en Koninkrijksrelaties") String publisher,
        @Schema(description = "Kamerstuknummer (dossier-volgnummer).", examples = "31490-400") String kamerstuk,
        @Schema(description = "Datum van publicatie.", format = "date", examples = "2026-05-20") LocalDate publicationDate,
        @Schema(description = "Alleen als de bron geen datum heeft: de vroegste dag waarop zij openbaar kan zijn geweest (leg in dateNote uit waarom). "
                + "Cijfers, normen en toezeggingen uit de bron tellen vanaf die dag als openbaar, gemarkeerd als earliest_possible.",
                format = "date", examples = "2026-01-22") LocalDate earliestPublicationDate,
        @Schema(description = "Toelichting op datering of identificatie.") String dateNote,
        @Schema(description = "Vindplaats op internet (http of https).", examples = "https://www.rijksoverheid.nl/") String url) {
}

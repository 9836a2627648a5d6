package nl.rijksdienst.kpi.commitment;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import nl.rijksdienst.kpi.common.LocalizedText;
import nl.rijksdienst.kpi.observation.CitationDto;
import nl.rijksdienst.kpi.source.PublicationBasis;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Commitment", description = """
        Een toezegging of aangekondigde publicatie uit een bron: wat, door wie, aan wie, wanneer (met de woorden van de bron), \
        waar het staat, waarop het betrekking heeft, en de stand op de toetsdatum.""")
public record CommitmentDto(
        @Schema(description = "Identificatie.", required = true, examples = "rijksinkoopstrategie") String id,
        @Schema(description = "Thema (zie /themes).", required = true, examples = "rijksinkoop") String themeId,
        @Schema(description = "Hoe stellig de bron is.", required = true) CommitmentKind kind,
        @Schema(description = "Wat er is toegezegd of aangekondigd.", required = true) LocalizedText label,
        @Schema(description = "Toelichting.") LocalizedText description,
        @Schema(description = "Wie het toezegt of aankondigt; leeg als de bron het niet zegt.") String promisedBy,
        @Schema(description = "Aan wie; leeg als de bron het niet zegt.") String promisedTo,
        @Schema(description = "De termijn; leeg als de bron geen termijn noemt.") DueDto due,
        @Schema(description = "Waar de toezegging staat.", required = true) CitationDto citation,
        @Schema(description = "De indicatoren waarop de toezegging betrekking heeft.", required = true) List<String> indicatorIds,
        @Schema(description = "De normen waarop de toezegging betrekking heeft.", required = true) List<String> normIds,
        @Schema(description = "De levering, als die is vastgelegd.") CommitmentInput.DeliveryInput delivery,
        @Schema(description = "De stand op de toetsdatum.", required = true) CommitmentState state,
        @Schema(description = "Waarom deze stand, in het Nederlands en het Engels.", required = true) LocalizedText stateNote,
        @Schema(description = "Datum waarop de stand is bepaald.", required = true, format = "date", examples = "2026-11-30") LocalDate evaluatedOn,
        @Schema(description = "Versienummer van de toezegging (1 voor de eerste).", required = true, examples = "1") int version,
        @Schema(description = "Datum waarop deze versie openbaar werd (uit de datum van de bron).", required = true, format = "date", examples = "2026-01-22")
        LocalDate publishedOn,
        @Schema(description = "Waar publishedOn op rust.", required = true) PublicationBasis publicationBasis,
        @Schema(description = "Moment waarop deze versie hier is vastgelegd (voor de controle; asOf kijkt naar publishedOn).", required = true)
        OffsetDateTime recordedAt,
        @Schema(description = "De toezegging als zin om te citeren, in het Nederlands en het Engels: wat, door wie, aan wie, de termijn in de woorden "
                + "van de bron, de stand op evaluatedOn met de reden, en de bron.", required = true) LocalizedText sentence) {

    /** The same commitment with its sentence, written from the rest of it. */
    public CommitmentDto withSentence(LocalizedText sentence) {
        return new CommitmentDto(id, themeId, kind, label, description, promisedBy, promisedTo, due, citation, indicatorIds, normIds, delivery, state,
                stateNote, evaluatedOn, version, publishedOn, publicationBasis, recordedAt, sentence);
    }

    @Schema(name = "CommitmentDueDate", description = "De termijn: de periode, hoe die te lezen is, en de woorden van de bron.")
    public record DueDto(
            @Schema(description = "De periode als periodecode.", required = true, examples = "2026-Q3") String periodCode,
            @Schema(description = "Eerste dag van de periode.", required = true, format = "date", examples = "2026-07-01") LocalDate start,
            @Schema(description = "Laatste dag van de periode.", required = true, format = "date", examples = "2026-09-30") LocalDate end,
            @Schema(description = "Hoe de periode te lezen is.", required = true) DueQualifier qualifier,
            @Schema(description = "De woorden van de bron.", required = true, examples = "uiterlijk Q3 2026") String wording,
            @Schema(description = "De lezing van vage woorden, als de periode daarop rust.") String interpretation) {
    }
}

package nl.rijksdienst.kpi.commitment;

import java.time.LocalDate;
import java.util.List;
import nl.rijksdienst.kpi.common.LocalizedText;
import nl.rijksdienst.kpi.observation.CitationDto;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CommitmentInput", description = "Een nieuwe toezegging of een nieuwe versie ervan.")
public record CommitmentInput(
        @Schema(description = "Identificatie (kebab-case); bij wijzigen gelijk aan die in het pad of weggelaten.", examples = "rijksinkoopstrategie") String id,
        @Schema(description = "Thema (zie /themes).", required = true, examples = "rijksinkoop") String themeId,
        @Schema(description = "Hoe stellig de bron is.", required = true) CommitmentKind kind,
        @Schema(description = "Wat er is toegezegd of aangekondigd, kort.", required = true, ref = "BilingualText") LocalizedText label,
        @Schema(description = "Toelichting: wat de bron erover zegt, en wat zij openlaat.") LocalizedText description,
        @Schema(description = "Wie het toezegt of aankondigt, zoals de bron het noemt; leeg als de bron het niet zegt.",
                examples = "Minister van Binnenlandse Zaken en Koninkrijksrelaties") String promisedBy,
        @Schema(description = "Aan wie; leeg als de bron het niet zegt.", examples = "Tweede Kamer") String promisedTo,
        @Schema(description = "De termijn; weglaten als de bron geen termijn noemt.") DueInput due,
        @Schema(description = "Waar de toezegging staat.", required = true) CitationDto citation,
        @Schema(description = "De indicatoren waarop de toezegging betrekking heeft.") List<String> indicatorIds,
        @Schema(description = "De normen waarop de toezegging betrekking heeft.") List<String> normIds,
        @Schema(description = "De levering, als die er is: de bron die haar aantoont.") DeliveryInput delivery,
        @Schema(description = "Waarom deze versie (verplicht bij een wijziging).", examples = "Levering vastgelegd") String reason) {

    @Schema(name = "CommitmentDue", description = "De termijn van een toezegging, in de woorden van de bron.")
    public record DueInput(
            @Schema(description = "De periode als periodecode: 2026-Q3, 2026-05, 2026, 2026-09/2026-11, 2026-01-26.", required = true, examples = "2026-Q3") String periodCode,
            @Schema(description = "Hoe de periode te lezen is.", required = true) DueQualifier qualifier,
            @Schema(description = "De woorden van de bron.", required = true, examples = "uiterlijk Q3 2026") String wording,
            @Schema(description = "Waar de periode een lezing is van vage woorden (een seizoen, 'dit jaar', 'het zomerreces'): welke lezing, en waarom.")
            String interpretation) {
    }

    @Schema(name = "CommitmentDelivery", description = "De levering van een toezegging.")
    public record DeliveryInput(
            @Schema(description = "De bron die de levering is of aantoont (zie /sources).", required = true, examples = "rijksinkoopstrategie-2026") String sourceId,
            @Schema(description = "Datum van levering.", required = true, format = "date", examples = "2026-09-30") LocalDate date,
            @Schema(description = "Toelichting.") String note) {
    }
}

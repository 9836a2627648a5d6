package nl.rijksdienst.kpi.event;

import java.time.OffsetDateTime;
import java.util.Map;
import nl.rijksdienst.kpi.common.LocalizedText;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Event", description = """
        Iets dat gebeurde: een nieuw cijfer (observation.added), een correctie met de oude en de nieuwe waarde \
        (observation.corrected), een import (observations.imported), een ander oordeel over een norm (verdict.changed), \
        of een toezegging die binnenkort afloopt, verstreken of geleverd is (commitment.state). Met de zin zoals die op dat \
        moment luidde en een link naar de resource.""")
public record EventDto(
        @Schema(description = "Identificatie van de gebeurtenis; hoger is later.", required = true, examples = "42") long id,
        @Schema(description = "Wanneer het gebeurde (vastgelegd werd).", required = true) OffsetDateTime occurredAt,
        @Schema(description = "Soort gebeurtenis.", required = true,
                enumeration = {"observation.added", "observation.corrected", "observations.imported", "verdict.changed", "commitment.state"},
                examples = "observation.corrected") String kind,
        @Schema(description = "Het thema waar het over gaat.", examples = "werkgeverschap") String themeId,
        @Schema(description = "De indicator waar het over gaat.", examples = "external-hiring-share") String indicatorId,
        @Schema(description = "De norm waar het over gaat (bij verdict.changed).", examples = "roemernorm") String normId,
        @Schema(description = "De resource waar het over gaat, als pad relatief aan /api/v1.", required = true,
                examples = "/indicators/external-hiring-share/observations/12") String about,
        @Schema(description = "Wat er gebeurde, in het Nederlands en het Engels.", required = true) LocalizedText title,
        @Schema(description = "De zin van de resource zoals die na de gebeurtenis luidde (bij een import afwezig).") LocalizedText sentence,
        @Schema(description = "De gegevens van de gebeurtenis: bij een correctie before en after (de oude en de nieuwe waarde) en reason, bij "
                + "een ander oordeel from en to, bij een import de aantallen en de correcties.", required = true, type = SchemaType.OBJECT)
        Map<String, Object> data) {
}

package nl.rijksdienst.kpi.scorecard;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import nl.rijksdienst.kpi.common.AsOf;
import nl.rijksdienst.kpi.common.PagingParams;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/scorecard")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Scorecard", description = "Het laatste oordeel van elke norm in één antwoord.")
public class ScorecardResource {

    private final ScorecardService service;

    public ScorecardResource(ScorecardService service) {
        this.service = service;
    }

    @GET
    @Operation(operationId = "getScorecard", summary = "Scorecard opvragen",
            description = """
                    Geeft voor elke norm de indicator, de laatste waarde met kwalificatie en status, het oordeel, het \
                    verschil tot de drempel, de trend, de kanttekeningen en de bron; bovenaan een telling per oordeel. \
                    Bedoeld voor de voorpagina van een dashboard: één verzoek.""")
    public ScorecardDto get(
            @Parameter(description = AsOf.DESCRIPTION, example = "2026-01-15") @QueryParam("asOf") String asOf,
            @BeanParam PagingParams paging) {
        return service.scorecard(paging.toRequest(), AsOf.parse(asOf));
    }
}

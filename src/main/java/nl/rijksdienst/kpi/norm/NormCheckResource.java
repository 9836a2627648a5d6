package nl.rijksdienst.kpi.norm;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import nl.rijksdienst.kpi.common.PagingParams;
import nl.rijksdienst.kpi.common.AsOf;
import nl.rijksdienst.kpi.common.Page;
import nl.rijksdienst.kpi.common.PageRequest;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/indicators/{indicatorId}/norm-checks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Indicatoren")
public class NormCheckResource {

    private final NormCheckService service;

    public NormCheckResource(NormCheckService service) {
        this.service = service;
    }

    @Schema(name = "NormEvaluationCollection", description = "De toetsing van een indicator aan elk van zijn normen.")
    public record NormEvaluationCollection(@Schema(required = true) List<NormEvaluationDto> items, @Schema(required = true) Page paging) {
    }

    @GET
    @Operation(operationId = "listNormChecks", summary = "Toetsing van een indicator aan zijn normen opvragen",
            description = """
                    Geeft per norm van de indicator het oordeel over elke waarneming en over de laatste: voldaan, \
                    overschreden, op of niet op koers (streefwaarde met deadline), onbepaald of geen gegevens; met het \
                    verschil tot de drempel (in procentpunten bij percentages), de trend sinds de vorige vergelijkbare \
                    waarneming, het benodigde tegenover het waargenomen tempo en de kanttekeningen (tussenstand, niet \
                    vergelijkbaar, grens of bandbreedte in plaats van een waarde). Een indicator zonder normen geeft een lege lijst.""")
    public NormEvaluationCollection list(
            @Parameter(description = "Identificatie van de indicator.", example = "external-hiring-share") @PathParam("indicatorId") String indicatorId,
            @Parameter(description = AsOf.DESCRIPTION, example = "2026-01-15") @QueryParam("asOf") String asOf,
            @BeanParam PagingParams paging) {
        PageRequest request = paging.toRequest();
        Page.Sliced<NormEvaluationDto> sliced = Page.slice(service.evaluateIndicator(indicatorId, AsOf.parse(asOf)), request, e -> e);
        return new NormEvaluationCollection(sliced.items(), sliced.paging());
    }
}

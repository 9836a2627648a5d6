package nl.rijksdienst.kpi.norm;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import nl.rijksdienst.kpi.common.ApiException;
import nl.rijksdienst.kpi.common.PagingParams;
import nl.rijksdienst.kpi.common.Page;
import nl.rijksdienst.kpi.common.PageRequest;
import nl.rijksdienst.kpi.indicator.Indicator;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/norms")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Normen", description = "De normen en streefwaarden waaraan de indicatoren worden gehouden.")
public class NormResource {

    private final NormCheckService service;

    public NormResource(NormCheckService service) {
        this.service = service;
    }

    @Schema(name = "NormCollection", description = "Een pagina normen.")
    public record NormCollection(@Schema(required = true) List<NormDto> items, @Schema(required = true) Page paging) {
    }

    @GET
    @Operation(operationId = "listNorms", summary = "Normen opvragen",
            description = "Geeft de normen: plafonds, vloeren en streefwaarden met deadline, met de woorden van de bron en, waar de bron vaag is, het gekozen getal als interpretatie.")
    public NormCollection list(
            @BeanParam PagingParams paging) {
        PageRequest request = paging.toRequest();
        List<Norm> norms = service.listNorms();
        Map<String, Indicator> indicators = service.indicatorsOf(norms);
        Page.Sliced<NormDto> sliced = Page.slice(norms, request, n -> NormDto.of(n, indicators.get(n.indicatorId).unit));
        return new NormCollection(sliced.items(), sliced.paging());
    }

    @GET
    @Path("/{normId}")
    @Operation(operationId = "getNorm", summary = "Eén norm opvragen", description = "Geeft één norm met de woorden van de bron en de vindplaats.")
    public NormDto get(@Parameter(description = "Identificatie van de norm.", example = "roemernorm") @PathParam("normId") String normId) {
        Norm norm = service.findNorm(normId).orElseThrow(() -> ApiException.notFound("Er is geen norm met id '" + normId + "'; zie /norms voor de normen."));
        return NormDto.of(norm, service.indicatorsOf(List.of(norm)).get(norm.indicatorId).unit);
    }
}

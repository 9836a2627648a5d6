package nl.rijksdienst.kpi.source;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import nl.rijksdienst.kpi.common.ApiException;
import nl.rijksdienst.kpi.common.PagingParams;
import nl.rijksdienst.kpi.common.Page;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/sources")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Bronnen", description = "De documenten waaruit de cijfers en normen komen.")
public class SourceResource {

    private final SourceService service;

    public SourceResource(SourceService service) {
        this.service = service;
    }

    @Schema(name = "SourceCollection", description = "Een pagina bronnen.")
    public record SourceCollection(@Schema(required = true) List<SourceDto> items, @Schema(required = true) Page paging) {
    }

    @GET
    @Operation(operationId = "listSources", summary = "Bronnen opvragen",
            description = "Geeft de documenten waaruit cijfers en normen komen: Kamerbrieven en rapportages, met Kamerstuknummer en datum waar bekend.")
    public SourceCollection list(
            @BeanParam PagingParams paging) {
        Page.Sliced<SourceDto> sliced = service.list(paging.toRequest());
        return new SourceCollection(sliced.items(), sliced.paging());
    }

    @GET
    @Path("/{sourceId}")
    @Operation(operationId = "getSource", summary = "Eén bron opvragen", description = "Geeft één document waaruit cijfers en normen komen.")
    public SourceDto get(@Parameter(description = "Identificatie van de bron.", example = "kst-31490-392") @PathParam("sourceId") String sourceId) {
        return service.find(sourceId).orElseThrow(() -> ApiException.notFound("Er is geen bron met id '" + sourceId + "'."));
    }
}

package nl.rijksdienst.kpi.indicator;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import nl.rijksdienst.kpi.common.PagingParams;
import nl.rijksdienst.kpi.common.Page;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/indicators")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Indicatoren", description = "De gemeten grootheden, hun waarnemingen en de toetsing aan normen.")
public class IndicatorResource {

    private final IndicatorService service;

    public IndicatorResource(IndicatorService service) {
        this.service = service;
    }

    @Schema(name = "IndicatorCollection", description = "Een pagina indicatoren.")
    public record IndicatorCollection(@Schema(required = true) List<IndicatorDto> items, @Schema(required = true) Page paging) {
    }

    @GET
    @Operation(operationId = "listIndicators", summary = "Indicatoren opvragen",
            description = "Geeft de indicatoren, met eenheid, soort, thema en dimensies met codelijsten. Filter op thema met `theme`.")
    public IndicatorCollection list(
            @Parameter(description = "Alleen indicatoren van dit thema (zie /themes).", example = "werkgeverschap") @QueryParam("theme") String theme,
            @BeanParam PagingParams paging) {
        Page.Sliced<IndicatorDto> sliced = service.list(theme, paging.toRequest());
        return new IndicatorCollection(sliced.items(), sliced.paging());
    }

    @GET
    @Path("/{indicatorId}")
    @Operation(operationId = "getIndicator", summary = "Eén indicator opvragen",
            description = "Geeft één indicator met eenheid, soort, thema en dimensies met codelijsten.")
    public IndicatorDto get(@Parameter(description = "Identificatie van de indicator.", example = "external-hiring-share") @PathParam("indicatorId") String indicatorId) {
        return IndicatorDto.of(service.require(indicatorId));
    }
}

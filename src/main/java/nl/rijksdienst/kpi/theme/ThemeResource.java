package nl.rijksdienst.kpi.theme;

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

@Path("/themes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Thema's", description = "De onderdelen van de brief waarin de indicatoren zijn ingedeeld.")
public class ThemeResource {

    private final ThemeService service;

    public ThemeResource(ThemeService service) {
        this.service = service;
    }

    @Schema(name = "ThemeCollection", description = "Een pagina thema's.")
    public record ThemeCollection(@Schema(required = true) List<ThemeDto> items, @Schema(required = true) Page paging) {
    }

    @GET
    @Operation(operationId = "listThemes", summary = "Thema's opvragen",
            description = "Geeft de thema's (de onderdelen A-F van de brief) waarin de indicatoren zijn ingedeeld.")
    public ThemeCollection list(
            @BeanParam PagingParams paging) {
        Page.Sliced<ThemeDto> sliced = service.list(paging.toRequest());
        return new ThemeCollection(sliced.items(), sliced.paging());
    }

    @GET
    @Path("/{themeId}")
    @Operation(operationId = "getTheme", summary = "Eén thema opvragen", description = "Geeft één thema.")
    public ThemeDto get(@Parameter(description = "Identificatie van het thema.", example = "werkgeverschap") @PathParam("themeId") String themeId) {
        return service.find(themeId).orElseThrow(() -> ApiException.notFound("Er is geen thema met id '" + themeId + "'."));
    }
}

package nl.rijksdienst.kpi.theme;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import nl.rijksdienst.kpi.common.Csv;
import nl.rijksdienst.kpi.common.MediaTypes;
import nl.rijksdienst.kpi.common.OpenApiFormat;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import java.util.List;
import nl.rijksdienst.kpi.common.ApiException;
import nl.rijksdienst.kpi.common.PagingParams;
import nl.rijksdienst.kpi.common.Page;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
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
    @Produces({MediaType.APPLICATION_JSON, MediaTypes.TEXT_CSV})
    @Operation(operationId = "listThemes", summary = "Thema's opvragen",
            description = "Geeft de thema's (de onderdelen A-F van de brief) waarin de indicatoren zijn ingedeeld.")
    @APIResponse(responseCode = "200", description = "Gelukt.", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ThemeCollection.class)),
            @Content(mediaType = MediaTypes.TEXT_CSV, schema = @Schema(type = SchemaType.STRING))})
    public Response list(
            @Parameter(description = OpenApiFormat.DESCRIPTION, schema = @Schema(enumeration = {"json", "csv", "csv-nl"})) @QueryParam("format") String format,
            @BeanParam PagingParams paging,
            @Context Request request) {
        Csv.Dialect csv = Csv.chosen(request, format);
        Page.Sliced<ThemeDto> sliced = service.list(paging.toRequestOrAll(csv != null));
        if (csv != null) {
            return Csv.response(csv, "themes", List.of("id", "code", "labelNl", "labelEn", "descriptionNl", "descriptionEn"), printer -> {
                for (ThemeDto t : sliced.items()) {
                    printer.printRecord(Csv.cells(t.id(), t.code(), t.label().nl(), t.label().en(),
                            t.description() == null ? null : t.description().nl(), t.description() == null ? null : t.description().en()));
                }
            });
        }
        return Response.ok(new ThemeCollection(sliced.items(), sliced.paging())).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("/{themeId}")
    @Operation(operationId = "getTheme", summary = "Eén thema opvragen", description = "Geeft één thema.")
    public ThemeDto get(@Parameter(description = "Identificatie van het thema.", example = "werkgeverschap") @PathParam("themeId") String themeId) {
        return service.find(themeId).orElseThrow(() -> ApiException.notFound("Er is geen thema met id '" + themeId + "'."));
    }
}

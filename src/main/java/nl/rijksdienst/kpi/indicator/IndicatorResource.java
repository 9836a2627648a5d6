package nl.rijksdienst.kpi.indicator;

import nl.rijksdienst.kpi.common.HttpCaching;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.HttpHeaders;
import nl.rijksdienst.kpi.idempotency.IdempotentWrites;
import nl.rijksdienst.kpi.idempotency.IdempotencyKey;
import jakarta.ws.rs.BeanParam;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import nl.rijksdienst.kpi.common.Problem;
import nl.rijksdienst.kpi.common.Roles;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import nl.rijksdienst.kpi.common.Csv;
import nl.rijksdienst.kpi.common.MediaTypes;
import nl.rijksdienst.kpi.common.OpenApiFormat;
import java.util.List;
import nl.rijksdienst.kpi.common.PagingParams;
import nl.rijksdienst.kpi.common.Page;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/indicators")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Indicatoren", description = "De gemeten grootheden, hun waarnemingen en de toetsing aan normen.")
public class IndicatorResource {

    private final IndicatorService service;
    private final IndicatorWriteService writer;
    private final SecurityIdentity identity;
    private final IdempotentWrites idempotent;

    public IndicatorResource(IndicatorService service, IndicatorWriteService writer, SecurityIdentity identity, IdempotentWrites idempotent) {
        this.service = service;
        this.writer = writer;
        this.identity = identity;
        this.idempotent = idempotent;
    }

    @POST
    @RolesAllowed(Roles.EDITOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "editorToken")
    @Tag(name = "Redactie")
    @Operation(operationId = "addIndicator", summary = "Een indicator toevoegen",
            description = "Voegt een indicator toe, met dimensies en codelijsten en de soorten periode die haar waarnemingen kunnen hebben.")
    @APIResponse(responseCode = "201", description = "Toegevoegd; Location wijst naar de indicator.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IndicatorDto.class)))
    @APIResponse(responseCode = "409", description = "Er is al een indicator met dit id.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response add(IndicatorInput input,
            @Parameter(description = "Unieke sleutel van dit verzoek, per redacteur; hetzelfde verzoek nog eens met dezelfde sleutel geeft het eerste antwoord terug (200, Idempotent-Replayed) en schrijft niets.",
                    example = "jbr-2025-1") @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey,
            @Context HttpHeaders headers, UriInfo uriInfo) {
        String actor = identity.getPrincipal().getName();
        return idempotent.create(headers, actor, uriInfo, input, () -> writer.create(input, actor), IndicatorDto::id);
    }

    @PUT
    @HttpCaching.ResourceVersion
    @Path("/{indicatorId}")
    @RolesAllowed(Roles.EDITOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "editorToken")
    @Tag(name = "Redactie")
    @Operation(operationId = "updateIndicator", summary = "Een indicator wijzigen",
            description = """
                    Vervangt de gegevens van een indicator; het auditlog bewaart wat er stond. Een dimensie of code die in                     gebruik is, een soort periode die in gebruik is en de eenheid van een indicator met waarnemingen kunnen                     niet vervallen of veranderen.""")
    @APIResponse(responseCode = "200", description = "De indicator na de wijziging.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IndicatorDto.class)))
    public IndicatorDto update(@Parameter(description = "Identificatie van de indicator.", example = "external-hiring-share") @PathParam("indicatorId") String indicatorId,
            IndicatorInput input,
            @Parameter(description = "De ETag van de versie waarop de wijziging is gebaseerd (uit GET of een eerdere PUT): is de resource intussen gewijzigd, dan is het antwoord 412 en wordt er niets geschreven. Zonder If-Match gaat de wijziging altijd door.",
                    example = "\"3f2a9c0d5b7e41a8c6d2e9f0a1b3c4d5\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return writer.update(indicatorId, input, identity.getPrincipal().getName(), ifMatch);
    }

    @Schema(name = "IndicatorCollection", description = "Een pagina indicatoren.")
    public record IndicatorCollection(@Schema(required = true) List<IndicatorDto> items, @Schema(required = true) Page paging) {
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, MediaTypes.TEXT_CSV})
    @Operation(operationId = "listIndicators", summary = "Indicatoren opvragen",
            description = "Geeft de indicatoren, met eenheid, soort, thema en dimensies met codelijsten. Filter op thema met `theme`.")
    @APIResponse(responseCode = "200", description = "Gelukt.", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IndicatorCollection.class)),
            @Content(mediaType = MediaTypes.TEXT_CSV, schema = @Schema(type = SchemaType.STRING))})
    public Response list(
            @Parameter(description = "Alleen indicatoren van dit thema (zie /themes).", example = "werkgeverschap") @QueryParam("theme") String theme,
            @Parameter(description = OpenApiFormat.DESCRIPTION, schema = @Schema(enumeration = {"json", "csv", "csv-nl"})) @QueryParam("format") String format,
            @BeanParam PagingParams paging,
            @Context Request request) {
        Csv.Dialect csv = Csv.chosen(request, format);
        Page.Sliced<IndicatorDto> sliced = service.list(theme, paging.toRequestOrAll(csv != null));
        if (csv != null) {
            return Csv.response(csv, "indicators", List.of("id", "labelNl", "labelEn", "unit", "kind", "themeId", "dimensions", "frequencies",
                    "descriptionNl", "descriptionEn"), printer -> {
                for (IndicatorDto i : sliced.items()) {
                    printer.printRecord(Csv.cells(i.id(), i.label().nl(), i.label().en(), i.unit(), i.kind(), i.themeId(),
                            String.join(";", i.dimensions().stream().map(d -> d.id() + "=" + String.join("|", d.codes().stream().map(Dimension.Code::code).toList())).toList()),
                            String.join(";", i.frequencies().stream().map(Enum::name).toList()),
                            i.description() == null ? null : i.description().nl(), i.description() == null ? null : i.description().en()));
                }
            });
        }
        return Response.ok(new IndicatorCollection(sliced.items(), sliced.paging())).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @HttpCaching.ResourceVersion
    @Path("/{indicatorId}")
    @Operation(operationId = "getIndicator", summary = "Eén indicator opvragen",
            description = "Geeft één indicator met eenheid, soort, thema en dimensies met codelijsten.")
    public IndicatorDto get(@Parameter(description = "Identificatie van de indicator.", example = "external-hiring-share") @PathParam("indicatorId") String indicatorId) {
        return IndicatorDto.of(service.require(indicatorId));
    }
}

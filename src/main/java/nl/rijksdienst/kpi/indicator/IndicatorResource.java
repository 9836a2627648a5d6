package nl.rijksdienst.kpi.indicator;

import nl.rijksdienst.kpi.common.HttpCaching;
import nl.rijksdienst.kpi.common.KnownQueryParameters;
import nl.rijksdienst.kpi.image.ImageAnswer;
import nl.rijksdienst.kpi.image.ImageService;
import nl.rijksdienst.kpi.sentence.Language;
import nl.rijksdienst.kpi.sentence.SentenceAnswer;
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

    private final ImageService images;

    public IndicatorResource(IndicatorService service, IndicatorWriteService writer, SecurityIdentity identity, IdempotentWrites idempotent,
            ImageService images) {
        this.images = images;
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

    @GET
    @HttpCaching.MaxAge(60)
    @KnownQueryParameters.OpenQuery
    @Path("/{indicatorId}/chart")
    @Produces({ImageAnswer.SVG, ImageAnswer.PNG})
    @Operation(operationId = "getIndicatorChart", summary = "De waarnemingen van een indicator als grafiek",
            description = """
                    Een grafiek van de waarnemingen van een indicator, op de server getekend uit dezelfde gegevens, als SVG (standaard) of \
                    PNG: elke reeks (per combinatie van dimensiecodes), elk cijfer over de lengte van zijn periode, een ondergrens met een \
                    pijl, een bandbreedte als vlak, een cijfer dat niet definitief is open en gestippeld, een breuk in de reeks als breuk, \
                    de drempels van de normen als lijn met de kant die de norm overschrijdt gearceerd, en de bron eronder. De tekst \
                    alternatief (title) is een zin. Dezelfde filters als de waarnemingen: `from`, `to`, `status`, `asOf` en een dimensie als \
                    parameter (`?category=uitvoering`); een selectie van meer dan 2.000 waarnemingen is te groot voor één grafiek (422).""")
    @APIResponse(responseCode = "200", description = "De grafiek.", content = {
            @Content(mediaType = ImageAnswer.SVG, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = ImageAnswer.PNG, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "422", description = "De selectie is te groot voor één leesbare grafiek.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response chart(
            @Parameter(description = "Identificatie van de indicator.", example = "external-hiring-share") @PathParam("indicatorId") String indicatorId,
            @Parameter(description = "Eerste periode (periodecode).", example = "2023") @QueryParam("from") String from,
            @Parameter(description = "Laatste periode (periodecode).", example = "2025-S1") @QueryParam("to") String to,
            @Parameter(description = "Alleen waarnemingen met deze status (komma-gescheiden): final, provisional, estimate, forecast, target.")
            @QueryParam("status") String status,
            @Parameter(description = nl.rijksdienst.kpi.common.AsOf.DESCRIPTION, example = "2026-02-01") @QueryParam("asOf") String asOf,
            @Parameter(description = ImageAnswer.LANG_DESCRIPTION, schema = @Schema(enumeration = {"nl", "en"})) @QueryParam("lang") String lang,
            @Parameter(description = ImageAnswer.FORMAT_DESCRIPTION, schema = @Schema(enumeration = {"svg", "png"})) @QueryParam("format") String format,
            @Context UriInfo uriInfo,
            @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        String type = ImageAnswer.type(format, accept);
        Language language = SentenceAnswer.language(lang);
        java.util.Map<String, List<String>> query = new java.util.LinkedHashMap<>(uriInfo.getQueryParameters());
        query.remove("lang");
        query.remove("format");
        return ImageAnswer.of(type, () -> images.indicatorChart(indicatorId, query, language));
    }
}

package nl.rijksdienst.kpi.source;

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
import nl.rijksdienst.kpi.common.ApiException;
import nl.rijksdienst.kpi.common.PagingParams;
import nl.rijksdienst.kpi.common.Page;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/sources")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Bronnen", description = "De documenten waaruit de cijfers en normen komen.")
public class SourceResource {

    private final SourceService service;
    private final SourceWriteService writer;
    private final SecurityIdentity identity;
    private final IdempotentWrites idempotent;

    public SourceResource(SourceService service, SourceWriteService writer, SecurityIdentity identity, IdempotentWrites idempotent) {
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
    @Operation(operationId = "addSource", summary = "Een bron toevoegen", description = "Voegt een document toe dat cijfers en normen kunnen noemen.")
    @APIResponse(responseCode = "201", description = "Toegevoegd; Location wijst naar de bron.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SourceDto.class)))
    @APIResponse(responseCode = "409", description = "Er is al een bron met dit id.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response add(SourceInput input,
            @Parameter(description = "Unieke sleutel van dit verzoek, per redacteur; hetzelfde verzoek nog eens met dezelfde sleutel geeft het eerste antwoord terug (200, Idempotent-Replayed) en schrijft niets.",
                    example = "jbr-2025-1") @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey,
            @Context HttpHeaders headers, UriInfo uriInfo) {
        String actor = identity.getPrincipal().getName();
        return idempotent.create(headers, actor, uriInfo, input, () -> writer.create(input, actor), SourceDto::id);
    }

    @PUT
    @HttpCaching.ResourceVersion
    @Path("/{sourceId}")
    @RolesAllowed(Roles.EDITOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "editorToken")
    @Tag(name = "Redactie")
    @Operation(operationId = "updateSource", summary = "Een bron wijzigen", description = "Vervangt de gegevens van een bron; het auditlog bewaart wat er stond.")
    @APIResponse(responseCode = "200", description = "De bron na de wijziging.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SourceDto.class)))
    public SourceDto update(@Parameter(description = "Identificatie van de bron.", example = "kst-31490-392") @PathParam("sourceId") String sourceId,
            SourceInput input,
            @Parameter(description = "De ETag van de versie waarop de wijziging is gebaseerd (uit GET of een eerdere PUT): is de resource intussen gewijzigd, dan is het antwoord 412 en wordt er niets geschreven. Zonder If-Match gaat de wijziging altijd door.",
                    example = "\"3f2a9c0d5b7e41a8c6d2e9f0a1b3c4d5\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return writer.update(sourceId, input, identity.getPrincipal().getName(), ifMatch);
    }

    @Schema(name = "SourceCollection", description = "Een pagina bronnen.")
    public record SourceCollection(@Schema(required = true) List<SourceDto> items, @Schema(required = true) Page paging) {
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, MediaTypes.TEXT_CSV})
    @Operation(operationId = "listSources", summary = "Bronnen opvragen",
            description = "Geeft de documenten waaruit cijfers en normen komen: Kamerbrieven en rapportages, met Kamerstuknummer en datum waar bekend.")
    @APIResponse(responseCode = "200", description = "Gelukt.", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SourceCollection.class)),
            @Content(mediaType = MediaTypes.TEXT_CSV, schema = @Schema(type = SchemaType.STRING))})
    public Response list(
            @Parameter(description = OpenApiFormat.DESCRIPTION, schema = @Schema(enumeration = {"json", "csv", "csv-nl"})) @QueryParam("format") String format,
            @BeanParam PagingParams paging,
            @Context Request request) {
        Csv.Dialect csv = Csv.chosen(request, format);
        Page.Sliced<SourceDto> sliced = service.list(paging.toRequestOrAll(csv != null));
        if (csv != null) {
            return Csv.response(csv, "sources", List.of("id", "type", "title", "publisher", "kamerstuk", "publicationDate", "earliestPublicationDate", "dateNote", "url"), printer -> {
                for (SourceDto d : sliced.items()) {
                    printer.printRecord(Csv.cells(d.id(), d.type(), d.title(), d.publisher(), d.kamerstuk(), d.publicationDate(), d.earliestPublicationDate(), d.dateNote(), d.url()));
                }
            });
        }
        return Response.ok(new SourceCollection(sliced.items(), sliced.paging())).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @HttpCaching.ResourceVersion
    @Path("/{sourceId}")
    @Operation(operationId = "getSource", summary = "Eén bron opvragen", description = "Geeft één document waaruit cijfers en normen komen.")
    public SourceDto get(@Parameter(description = "Identificatie van de bron.", example = "kst-31490-392") @PathParam("sourceId") String sourceId) {
        return service.find(sourceId).orElseThrow(() -> ApiException.notFound("Er is geen bron met id '" + sourceId + "'."));
    }
}

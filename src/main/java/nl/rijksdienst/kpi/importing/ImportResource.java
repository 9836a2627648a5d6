package nl.rijksdienst.kpi.importing;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import nl.rijksdienst.kpi.common.ApiException;
import nl.rijksdienst.kpi.common.MediaTypes;
import nl.rijksdienst.kpi.common.Page;
import nl.rijksdienst.kpi.common.PageRequest;
import nl.rijksdienst.kpi.common.PagingParams;
import nl.rijksdienst.kpi.common.Problem;
import nl.rijksdienst.kpi.common.Roles;
import nl.rijksdienst.kpi.idempotency.IdempotencyKey;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/observation-imports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Redactie", description = "Schrijven: cijfers, indicatoren, normen en bronnen toevoegen en corrigeren. Vraagt een bearer-token met de rol van redacteur.")
public class ImportResource {

    private final ImportService service;
    private final SecurityIdentity identity;

    public ImportResource(ImportService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @Schema(name = "ImportReportCollection", description = "Een pagina imports, nieuwste eerst.")
    public record ImportReportCollection(@Schema(required = true) List<ImportReport> items, @Schema(required = true) Page paging) {
    }

    @POST
    @RolesAllowed(Roles.EDITOR)
    @Consumes({MediaTypes.TEXT_CSV, MediaType.APPLICATION_JSON})
    @SecurityRequirement(name = "editorToken")
    @Operation(operationId = "importObservations", summary = "Waarnemingen importeren",
            description = """
                    Voegt waarnemingen toe en corrigeert ze in één keer, alles of niets. De body is een CSV in het formaat \
                    van de CSV-export (tidy long format, kopregel; een export kan bewerkt en weer geïmporteerd worden) of een \
                    JSON-array van ObservationInput. Een rij met een bestaande indicator, periode, basisperiode en \
                    dimensiecodes en een andere inhoud is een correctie: een nieuwe versie, de oude blijft opvraagbaar; een \
                    correctie vraagt een reden (kolom of veld `reason`, of de parameter `reason`). Een rij die gelijk is aan \
                    wat er staat, verandert niets: dezelfde import twee keer geeft de tweede keer outcome no_change. Eén \
                    foute rij en er wordt niets geschreven; het antwoord noemt elke foute rij met regel, kolom en reden. \
                    Met de header Idempotency-Key geeft een herhaald verzoek het eerste antwoord terug.""")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaTypes.TEXT_CSV, schema = @Schema(type = SchemaType.STRING), example = """
                    indicatorId,periodCode,qualifier,value,valueText,status,sourceId,section,quote,reason
                    external-hiring-share,2025,exact,12.1,"12,1%",final,jbr-2025,Externe inhuur,"In 2025 bedroeg de externe inhuur 12,1%.",Definitief cijfer over 2025
                    """),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = nl.rijksdienst.kpi.observation.ObservationInput.class))})
    @APIResponse(responseCode = "201", description = "De import is verwerkt; Location wijst naar het verslag.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportReport.class)))
    @APIResponse(responseCode = "200", description = "Herhaald verzoek met dezelfde Idempotency-Key en dezelfde body: het verslag van de eerste keer (header Idempotent-Replayed).",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportReport.class)))
    @APIResponse(responseCode = "409", description = "Een import met dezelfde Idempotency-Key werd tegelijk verwerkt.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Rijen die niet geschreven kunnen worden (invalidRows, met regel, kolom en reden); er is niets geschreven.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response importObservations(
            @Parameter(description = "Waarom deze cijfers worden toegevoegd of gecorrigeerd; geldt voor elke rij zonder eigen reden.",
                    example = "Jaarrapportage Bedrijfsvoering Rijk 2025") @QueryParam("reason") String reason,
            @Parameter(description = "Unieke sleutel van dit verzoek, per redacteur; hetzelfde verzoek (zelfde parameters en body) nog eens met dezelfde sleutel geeft het eerste antwoord terug (200, Idempotent-Replayed) en schrijft niets.",
                    example = "jbr-2025-inhuur-1") @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @Context HttpHeaders headers,
            InputStream body,
            UriInfo uriInfo) {
        if (reason != null && (reason.isBlank() || reason.length() > 2000)) {
            throw ApiException.badParameter("reason", "moet een tekst van 1 tot 2000 tekens zijn");
        }
        String key = IdempotencyKey.of(headers);
        ImportService.BodyType type = MediaType.valueOf(contentType).isCompatible(MediaType.APPLICATION_JSON_TYPE)
                ? ImportService.BodyType.json : ImportService.BodyType.csv;
        String query = uriInfo.getRequestUri().getRawQuery();
        // The upload is staged on disk first, before the writers' lock and the transaction are taken:
        // a slow client blocks no one, and no speed of upload runs into the transaction's timeout.
        java.nio.file.Path staged = stage(body);
        ImportService.Result result;
        try (InputStream upload = new java.io.BufferedInputStream(java.nio.file.Files.newInputStream(staged), 1 << 16)) {
            result = service.importUpload(upload, type, identity.getPrincipal().getName(), reason, key,
                    "POST " + uriInfo.getRequestUri().getRawPath() + (query == null ? "" : "?" + query));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            try {
                java.nio.file.Files.deleteIfExists(staged);
            } catch (java.io.IOException e) {
                io.quarkus.logging.Log.warnf("Cannot delete the staged upload %s: %s", staged, e.getMessage());
            }
        }
        URI location = uriInfo.getBaseUriBuilder().path("observation-imports").path(result.report().id().toString()).build();
        if (result.replayed()) {
            return Response.ok(result.report()).location(location).header(IdempotencyKey.REPLAYED, "true").build();
        }
        return Response.created(location).entity(result.report()).build();
    }

    @GET
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = "editorToken")
    @Operation(operationId = "listObservationImports", summary = "Imports opvragen", description = "Geeft de verslagen van de imports, nieuwste eerst.")
    @APIResponse(responseCode = "200", description = "Gelukt.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ImportReportCollection.class)))
    public ImportReportCollection list(@BeanParam PagingParams paging) {
        PageRequest request = paging.toRequest();
        return new ImportReportCollection(service.list(request.offset(), request.pageSize()), Page.of(request, service.count()));
    }

    @GET
    @Path("/{importId}")
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = "editorToken")
    @Operation(operationId = "getObservationImport", summary = "Eén import opvragen", description = "Geeft het verslag van één import.")
    @APIResponse(responseCode = "200", description = "Gelukt.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ImportReport.class)))
    public ImportReport get(@Parameter(description = "Identificatie van de import.") @PathParam("importId") String importId) {
        UUID id;
        try {
            id = UUID.fromString(importId);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("Er is geen import met id '" + importId + "'.");
        }
        return service.find(id).orElseThrow(() -> ApiException.notFound("Er is geen import met id '" + importId + "'."));
    }

    /** Copies the request body to a temporary file, as fast as the client sends it. */
    private static java.nio.file.Path stage(InputStream body) {
        java.nio.file.Path file = null;
        try {
            file = java.nio.file.Files.createTempFile("kpi-import-", ".upload");
            try (java.io.OutputStream out = java.nio.file.Files.newOutputStream(file)) {
                body.transferTo(out);
            }
            return file;
        } catch (java.io.IOException e) {
            if (file != null) {
                try {
                    java.nio.file.Files.deleteIfExists(file);
                } catch (java.io.IOException ignored) {
                    // reported below
                }
            }
            throw new ApiException(400, "Ongeldige invoer", "De upload is afgebroken voordat hij compleet was; er is niets geschreven.", java.util.List.of());
        }
    }
}

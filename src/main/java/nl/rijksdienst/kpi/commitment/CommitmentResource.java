package nl.rijksdienst.kpi.commitment;

import nl.rijksdienst.kpi.common.PublicUrl;
import nl.rijksdienst.kpi.sentence.SentenceAnswer;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import nl.rijksdienst.kpi.common.ApiException;
import nl.rijksdienst.kpi.common.AsOf;
import nl.rijksdienst.kpi.common.Csv;
import nl.rijksdienst.kpi.common.HttpCaching;
import nl.rijksdienst.kpi.common.MediaTypes;
import nl.rijksdienst.kpi.common.OpenApiFormat;
import nl.rijksdienst.kpi.common.Page;
import nl.rijksdienst.kpi.common.PageRequest;
import nl.rijksdienst.kpi.common.PagingParams;
import nl.rijksdienst.kpi.common.Problem;
import nl.rijksdienst.kpi.common.Roles;
import nl.rijksdienst.kpi.idempotency.IdempotencyKey;
import nl.rijksdienst.kpi.idempotency.IdempotentWrites;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/commitments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Toezeggingen", description = "Wat de bronnen beloven en aankondigen, met termijn en stand: toezeggingen aan de Kamer en aangekondigde publicaties.")
public class CommitmentResource {

    static final List<String> CSV_COLUMNS = List.of("id", "themeId", "kind", "labelNl", "labelEn", "promisedBy", "promisedTo", "duePeriodCode",
            "dueStart", "dueEnd", "dueQualifier", "dueWording", "dueInterpretation", "state", "stateNoteNl", "stateNoteEn", "evaluatedOn",
            "indicatorIds", "normIds", "deliverySourceId", "deliveryDate", "sourceId", "section", "question", "quote", "statedBy", "statedByName",
            "version", "publishedOn", "publicationBasis");

    private final CommitmentService service;
    private final CommitmentWriteService writer;
    private final SecurityIdentity identity;
    private final IdempotentWrites idempotent;

    private final PublicUrl publicUrl;

    public CommitmentResource(CommitmentService service, CommitmentWriteService writer, SecurityIdentity identity, IdempotentWrites idempotent,
            PublicUrl publicUrl) {
        this.publicUrl = publicUrl;
        this.service = service;
        this.writer = writer;
        this.identity = identity;
        this.idempotent = idempotent;
    }

    @Schema(name = "CommitmentCollection", description = "Een pagina toezeggingen.")
    public record CommitmentCollection(@Schema(required = true) List<CommitmentDto> items, @Schema(required = true) Page paging) {
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, MediaTypes.TEXT_CSV})
    @Operation(operationId = "listCommitments", summary = "Toezeggingen opvragen", description = """
            Geeft de toezeggingen en aangekondigde publicaties, elk met de termijn in de woorden van de bron, de vindplaats, wat erdoor \
            wordt geraakt en de stand op de toetsdatum (open, due_soon, overdue, delivered). Met asOf: zoals ze op die dag openbaar waren.""")
    @APIResponse(responseCode = "200", description = "Gelukt.", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CommitmentCollection.class)),
            @Content(mediaType = MediaTypes.TEXT_CSV, schema = @Schema(type = SchemaType.STRING))})
    public Response list(
            @Parameter(description = "Alleen toezeggingen van dit thema.", example = "rijksinkoop") @QueryParam("themeId") String themeId,
            @Parameter(description = "Alleen toezeggingen met deze stand; meerdere gescheiden door komma's.", example = "overdue,due_soon")
            @QueryParam("state") String state,
            @Parameter(description = "Alleen toezeggingen die deze indicator raken.", example = "external-hiring-share") @QueryParam("indicatorId") String indicatorId,
            @Parameter(description = "Alleen toezeggingen die deze norm raken.", example = "roemernorm") @QueryParam("normId") String normId,
            @Parameter(description = AsOf.DESCRIPTION, example = "2026-02-01") @QueryParam("asOf") String asOf,
            @Parameter(description = OpenApiFormat.DESCRIPTION, schema = @Schema(enumeration = {"json", "csv", "csv-nl"})) @QueryParam("format") String format,
            @BeanParam PagingParams paging,
            @Context Request http) {
        Csv.Dialect csv = Csv.chosen(http, format);
        PageRequest request = paging.toRequestOrAll(csv != null);
        List<CommitmentDto> all = service.list(new CommitmentService.Filter(CommitmentWriteService.blankToNull(themeId), states(state),
                CommitmentWriteService.blankToNull(indicatorId), CommitmentWriteService.blankToNull(normId)), AsOf.parse(asOf));
        Page.Sliced<CommitmentDto> sliced = Page.slice(all, request, c -> c);
        if (csv != null) {
            return Csv.response(csv, "commitments", CSV_COLUMNS, printer -> {
                for (CommitmentDto c : sliced.items()) {
                    CommitmentDto.DueDto due = c.due();
                    printer.printRecord(Csv.cells(c.id(), c.themeId(), c.kind(), c.label().nl(), c.label().en(), c.promisedBy(), c.promisedTo(),
                            due == null ? null : due.periodCode(), due == null ? null : due.start(), due == null ? null : due.end(),
                            due == null ? null : due.qualifier(), due == null ? null : due.wording(), due == null ? null : due.interpretation(),
                            c.state(), c.stateNote().nl(), c.stateNote().en(), c.evaluatedOn(), String.join(";", c.indicatorIds()),
                            String.join(";", c.normIds()), c.delivery() == null ? null : c.delivery().sourceId(),
                            c.delivery() == null ? null : c.delivery().date(), c.citation().sourceId(), c.citation().section(),
                            c.citation().question(), c.citation().quote(), c.citation().statedBy(), c.citation().statedByName(), c.version(),
                            c.publishedOn(), c.publicationBasis()));
                }
            });
        }
        return Response.ok(new CommitmentCollection(sliced.items(), sliced.paging())).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @HttpCaching.ResourceVersion
    @Path("/{commitmentId}")
    @Operation(operationId = "getCommitment", summary = "Eén toezegging opvragen",
            description = "Geeft één toezegging met haar stand op de toetsdatum; met asOf de versie die op die dag openbaar was.")
    public CommitmentDto get(@Parameter(description = "Identificatie van de toezegging.", example = "rijksinkoopstrategie") @PathParam("commitmentId") String commitmentId,
            @Parameter(description = AsOf.DESCRIPTION, example = "2026-02-01") @QueryParam("asOf") String asOf) {
        return service.find(commitmentId, AsOf.parse(asOf));
    }

    @HttpCaching.MaxAge(60)
    @HttpCaching.DependsOnDay
    @GET
    @Path("/{commitmentId}/sentence")
    @Produces({MediaType.APPLICATION_JSON, SentenceAnswer.TEXT, SentenceAnswer.MARKDOWN})
    @Operation(operationId = "getCommitmentSentence", summary = "Een toezegging als zin om te citeren",
            description = "De zin van een toezegging, in het Nederlands en het Engels als JSON, of in één taal als text/plain of text/markdown: wat, door wie, "
                    + "aan wie, de termijn in de woorden van de bron, de stand op de toetsdatum (zoals termijn verstreken) met de reden, en de bron.")
    @APIResponse(responseCode = "200", description = "De zin.", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SentenceAnswer.Dto.class)),
            @Content(mediaType = SentenceAnswer.TEXT, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = SentenceAnswer.MARKDOWN, schema = @Schema(type = SchemaType.STRING))})
    public Response sentence(@Parameter(description = "Identificatie van de toezegging.", example = "rijksinkoopstrategie") @PathParam("commitmentId") String commitmentId,
            @Parameter(description = AsOf.DESCRIPTION, example = "2026-02-01") @QueryParam("asOf") String asOf,
            @Parameter(description = SentenceAnswer.LANG_DESCRIPTION, schema = @Schema(enumeration = {"nl", "en"})) @QueryParam("lang") String lang,
            @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        CommitmentDto commitment = service.find(commitmentId, AsOf.parse(asOf));
        return SentenceAnswer.of(service.sentence(commitment), commitment.evaluatedOn(), "/commitments/" + commitmentId, publicUrl.api(), lang, accept);
    }

    @Schema(name = "CommitmentVersionCollection", description = "Alle versies van een toezegging, de oudste eerst.")
    public record CommitmentVersionCollection(@Schema(required = true) List<CommitmentDto> items, @Schema(required = true) Page paging) {
    }

    @GET
    @Path("/{commitmentId}/versions")
    @Operation(operationId = "listCommitmentVersions", summary = "De versies van een toezegging",
            description = "Geeft elke versie van een toezegging, de oudste eerst, met wanneer zij openbaar werd en wanneer zij hier is vastgelegd.")
    public CommitmentVersionCollection versions(
            @Parameter(description = "Identificatie van de toezegging.", example = "rijksinkoopstrategie") @PathParam("commitmentId") String commitmentId,
            @BeanParam PagingParams paging) {
        Page.Sliced<CommitmentDto> sliced = Page.slice(service.versions(commitmentId), paging.toRequest(), v -> v);
        return new CommitmentVersionCollection(sliced.items(), sliced.paging());
    }

    @POST
    @RolesAllowed(Roles.EDITOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "editorToken")
    @Tag(name = "Redactie")
    @Operation(operationId = "addCommitment", summary = "Een toezegging toevoegen",
            description = "Voegt een toezegging of aangekondigde publicatie toe, met de termijn in de woorden van de bron en de vindplaats.")
    @APIResponse(responseCode = "201", description = "Toegevoegd; Location wijst naar de toezegging.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CommitmentDto.class)))
    @APIResponse(responseCode = "409", description = "Er is al een toezegging met dit id.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response add(CommitmentInput input,
            @Parameter(description = "Unieke sleutel van dit verzoek, per redacteur; hetzelfde verzoek nog eens met dezelfde sleutel geeft het eerste antwoord terug (200, Idempotent-Replayed) en schrijft niets.",
                    example = "rijksinkoopstrategie-1") @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey,
            @Context HttpHeaders headers, UriInfo uriInfo) {
        String actor = identity.getPrincipal().getName();
        return idempotent.create(headers, actor, uriInfo, input, () -> writer.create(input, actor), CommitmentDto::id);
    }

    @PUT
    @HttpCaching.ResourceVersion
    @Path("/{commitmentId}")
    @RolesAllowed(Roles.EDITOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "editorToken")
    @Tag(name = "Redactie")
    @Operation(operationId = "updateCommitment", summary = "Een nieuwe versie van een toezegging vastleggen", description = """
            Legt een nieuwe versie vast (een levering, een verschoven termijn), met de reden (verplicht); de vorige versie blijft \
            opvraagbaar via /versions en met asOf. Is de inhoud gelijk aan de huidige versie, dan verandert er niets.""")
    @APIResponse(responseCode = "200", description = "De toezegging na de wijziging.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CommitmentDto.class)))
    public CommitmentDto update(
            @Parameter(description = "Identificatie van de toezegging.", example = "rijksinkoopstrategie") @PathParam("commitmentId") String commitmentId,
            CommitmentInput input,
            @Parameter(description = "De ETag van de versie waarop de wijziging is gebaseerd (uit GET of een eerdere PUT): is de resource intussen gewijzigd, dan is het antwoord 412 en wordt er niets geschreven. Zonder If-Match gaat de wijziging altijd door.",
                    example = "\"3f2a9c0d5b7e41a8c6d2e9f0a1b3c4d5\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return writer.update(commitmentId, input, identity.getPrincipal().getName(), ifMatch);
    }

    private static Set<CommitmentState> states(String raw) {
        Set<CommitmentState> states = EnumSet.noneOf(CommitmentState.class);
        if (raw == null || raw.isBlank()) {
            return states;
        }
        List<Problem.InvalidParam> faults = new ArrayList<>();
        for (String code : raw.split(",")) {
            try {
                states.add(CommitmentState.valueOf(code.trim()));
            } catch (IllegalArgumentException e) {
                faults.add(new Problem.InvalidParam("state", "'" + code + "' is geen stand; kies uit open, due_soon, overdue, delivered"));
            }
        }
        if (!faults.isEmpty()) {
            throw ApiException.badParameters(faults);
        }
        return states;
    }
}

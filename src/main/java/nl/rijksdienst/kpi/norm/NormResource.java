package nl.rijksdienst.kpi.norm;

import nl.rijksdienst.kpi.common.PublicUrl;
import nl.rijksdienst.kpi.sentence.SentenceAnswer;
import nl.rijksdienst.kpi.common.HttpCaching;
import nl.rijksdienst.kpi.image.ImageAnswer;
import nl.rijksdienst.kpi.image.ImageService;
import nl.rijksdienst.kpi.sentence.Language;
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
import java.util.Map;
import nl.rijksdienst.kpi.common.ApiException;
import nl.rijksdienst.kpi.common.PagingParams;
import nl.rijksdienst.kpi.common.Page;
import nl.rijksdienst.kpi.common.PageRequest;
import nl.rijksdienst.kpi.indicator.Indicator;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/norms")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Normen", description = "De normen en streefwaarden waaraan de indicatoren worden gehouden.")
public class NormResource {

    private final NormCheckService service;
    private final NormWriteService writer;
    private final SecurityIdentity identity;
    private final IdempotentWrites idempotent;

    private final PublicUrl publicUrl;
    private final ImageService images;

    public NormResource(NormCheckService service, NormWriteService writer, SecurityIdentity identity, IdempotentWrites idempotent, PublicUrl publicUrl,
            ImageService images) {
        this.images = images;
        this.publicUrl = publicUrl;
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
    @Operation(operationId = "addNorm", summary = "Een norm toevoegen",
            description = "Voegt een plafond, vloer of streefwaarde met deadline toe, tegen een vast getal of een andere indicator, met de woorden van de bron.")
    @APIResponse(responseCode = "201", description = "Toegevoegd; Location wijst naar de norm.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NormDto.class)))
    @APIResponse(responseCode = "409", description = "Er is al een norm met dit id.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response add(NormInput input,
            @Parameter(description = "Unieke sleutel van dit verzoek, per redacteur; hetzelfde verzoek nog eens met dezelfde sleutel geeft het eerste antwoord terug (200, Idempotent-Replayed) en schrijft niets.",
                    example = "jbr-2025-1") @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey,
            @Context HttpHeaders headers, UriInfo uriInfo) {
        String actor = identity.getPrincipal().getName();
        return idempotent.create(headers, actor, uriInfo, input, () -> writer.create(input, actor), NormDto::id);
    }

    @PUT
    @HttpCaching.ResourceVersion
    @Path("/{normId}")
    @RolesAllowed(Roles.EDITOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "editorToken")
    @Tag(name = "Redactie")
    @Operation(operationId = "updateNorm", summary = "Een norm wijzigen", description = "Vervangt de gegevens van een norm; het auditlog bewaart wat er stond.")
    @APIResponse(responseCode = "200", description = "De norm na de wijziging.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NormDto.class)))
    public NormDto update(@Parameter(description = "Identificatie van de norm.", example = "roemernorm") @PathParam("normId") String normId, NormInput input,
            @Parameter(description = "De ETag van de versie waarop de wijziging is gebaseerd (uit GET of een eerdere PUT): is de resource intussen gewijzigd, dan is het antwoord 412 en wordt er niets geschreven. Zonder If-Match gaat de wijziging altijd door.",
                    example = "\"3f2a9c0d5b7e41a8c6d2e9f0a1b3c4d5\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return writer.update(normId, input, identity.getPrincipal().getName(), ifMatch);
    }

    @Schema(name = "NormCollection", description = "Een pagina normen.")
    public record NormCollection(@Schema(required = true) List<NormDto> items, @Schema(required = true) Page paging) {
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, MediaTypes.TEXT_CSV})
    @Operation(operationId = "listNorms", summary = "Normen opvragen",
            description = "Geeft de normen: plafonds, vloeren en streefwaarden met deadline, met de woorden van de bron en, waar de bron vaag is, het gekozen getal als interpretatie.")
    @APIResponse(responseCode = "200", description = "Gelukt.", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NormCollection.class)),
            @Content(mediaType = MediaTypes.TEXT_CSV, schema = @Schema(type = SchemaType.STRING))})
    public Response list(
            @Parameter(description = nl.rijksdienst.kpi.common.AsOf.DESCRIPTION, example = "2026-02-01") @QueryParam("asOf") String asOf,
            @Parameter(description = OpenApiFormat.DESCRIPTION, schema = @Schema(enumeration = {"json", "csv", "csv-nl"})) @QueryParam("format") String format,
            @BeanParam PagingParams paging,
            @Context Request http) {
        Csv.Dialect csv = Csv.chosen(http, format);
        PageRequest request = paging.toRequestOrAll(csv != null);
        List<Norm> norms = service.listNorms(nl.rijksdienst.kpi.common.AsOf.parse(asOf));
        Map<String, Indicator> indicators = service.indicatorsOf(norms);
        Page.Sliced<NormDto> sliced = Page.slice(norms, request, n -> NormDto.of(n, indicators.get(n.indicatorId).unit));
        if (csv != null) {
            return Csv.response(csv, "norms", List.of("id", "labelNl", "labelEn", "indicatorId", "dimensions", "type", "operator", "threshold", "interpretedThreshold", "unit",
                    "referenceIndicatorId", "deadline", "validFrom", "validTo", "wording", "interpretation", "sourceId", "section", "quote", "statedBy",
                    "statedByName", "kind", "frequency", "version", "publishedOn", "publicationBasis"), printer -> {
                for (NormDto n : sliced.items()) {
                    printer.printRecord(Csv.cells(n.id(), n.label().nl(), n.label().en(), n.indicatorId(),
                            String.join(";", n.dimensions().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()), n.type(), n.operator(),
                            n.threshold(), n.interpretedThreshold(), n.unit(), n.referenceIndicatorId(), n.deadline(), n.validFrom(), n.validTo(), n.wording(), n.interpretation(),
                            n.citation().sourceId(), n.citation().section(), n.citation().quote(), n.citation().statedBy(), n.citation().statedByName(),
                            n.kind(), n.frequency(), n.version(), n.publishedOn(), n.publicationBasis()));
                }
            });
        }
        return Response.ok(new NormCollection(sliced.items(), sliced.paging())).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @HttpCaching.ResourceVersion
    @Path("/{normId}")
    @Operation(operationId = "getNorm", summary = "Eén norm opvragen",
            description = "Geeft één norm met de woorden van de bron en de vindplaats; met asOf de versie die op die dag openbaar was.")
    public NormDto get(@Parameter(description = "Identificatie van de norm.", example = "roemernorm") @PathParam("normId") String normId,
            @Parameter(description = nl.rijksdienst.kpi.common.AsOf.DESCRIPTION, example = "2026-02-01") @QueryParam("asOf") String asOf) {
        java.time.OffsetDateTime moment = nl.rijksdienst.kpi.common.AsOf.parse(asOf);
        Norm norm = service.findNorm(normId, moment).orElseThrow(() -> ApiException.notFound("Er is geen norm met id '" + normId + "'"
                + (moment == null ? "" : " die op " + nl.rijksdienst.kpi.common.AsOf.day(moment) + " openbaar was") + "; zie /norms voor de normen."));
        return NormDto.of(norm, service.indicatorsOf(List.of(norm)).get(norm.indicatorId).unit);
    }

    @HttpCaching.MaxAge(60)
    @HttpCaching.DependsOnDay
    @GET
    @Path("/{normId}/sentence")
    @Produces({MediaType.APPLICATION_JSON, SentenceAnswer.TEXT, SentenceAnswer.MARKDOWN})
    @Operation(operationId = "getNormSentence", summary = "Het laatste oordeel over een norm als zin om te citeren",
            description = "De zin van het laatste oordeel (of met interim=true die van de tussentijdse indicatie), in het Nederlands en het Engels als JSON, "
                    + "of in één taal als text/plain of text/markdown: het cijfer in de woorden van de bron, de periode, de norm en het oordeel, het "
                    + "verschil, wie het cijfer noemt, elke kanttekening en de bron. Met asOf zoals het toen stond.")
    @APIResponse(responseCode = "200", description = "De zin.", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SentenceAnswer.Dto.class)),
            @Content(mediaType = SentenceAnswer.TEXT, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = SentenceAnswer.MARKDOWN, schema = @Schema(type = SchemaType.STRING))})
    public Response sentence(@Parameter(description = "Identificatie van de norm.", example = "roemernorm") @PathParam("normId") String normId,
            @Parameter(description = nl.rijksdienst.kpi.common.AsOf.DESCRIPTION, example = "2026-02-01") @QueryParam("asOf") String asOf,
            @Parameter(description = "Waar: de zin van de tussentijdse indicatie (een cijfer over een kortere periode) in plaats van het laatste oordeel.",
                    schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("interim") String interim,
            @Parameter(description = SentenceAnswer.LANG_DESCRIPTION, schema = @Schema(enumeration = {"nl", "en"})) @QueryParam("lang") String lang,
            @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        java.time.OffsetDateTime moment = nl.rijksdienst.kpi.common.AsOf.parse(asOf);
        NormCheckService.Checked checked = service.check(normId, moment, interim(interim));
        return SentenceAnswer.of(service.sentence(checked.norm(), checked.check()), service.evaluationDay(moment), "/norms/" + normId, publicUrl.api(), lang, accept);
    }

    @Schema(name = "NormVersion", description = "Eén versie van een norm: wanneer zij openbaar werd, wanneer en door wie zij is vastgelegd en waarom.")
    public record NormVersionDto(
            @Schema(description = "Versienummer.", required = true, examples = "1") int version,
            @Schema(description = "Waar: dit is de versie die nu geldt.", required = true) boolean current,
            @Schema(description = "Tijdstip waarop deze versie hier is vastgelegd.", required = true) java.time.OffsetDateTime recordedAt,
            @Schema(description = "Datum waarop een latere versie openbaar werd en deze verving; afwezig bij de huidige.", format = "date")
            java.time.LocalDate supersededOn,
            @Schema(description = "Wie deze versie vastlegde.", required = true, examples = "system") String recordedBy,
            @Schema(description = "De opgegeven reden.") String reason,
            @Schema(description = "De norm zoals zij in deze versie luidde.", required = true) NormDto norm) {
    }

    @Schema(name = "NormVersionCollection", description = "Alle versies van een norm, de oudste eerst.")
    public record NormVersionCollection(@Schema(required = true) List<NormVersionDto> items, @Schema(required = true) Page paging) {
    }

    @GET
    @Path("/{normId}/versions")
    @Operation(operationId = "listNormVersions", summary = "De versies van een norm",
            description = "Geeft elke versie van een norm, de oudste eerst: een wijziging van drempel, woorden of geldigheid overschrijft nooit.")
    public NormVersionCollection versions(@Parameter(description = "Identificatie van de norm.", example = "roemernorm") @PathParam("normId") String normId,
            @BeanParam PagingParams paging) {
        List<NormVersion> versions = service.versions(normId);
        if (versions.isEmpty()) {
            throw ApiException.notFound("Er is geen norm met id '" + normId + "'; zie /norms voor de normen.");
        }
        Map<String, Indicator> indicators = service.indicatorsOf(versions.stream().map(NormVersion::toNorm).toList());
        Page.Sliced<NormVersionDto> sliced = Page.slice(versions, paging.toRequest(), v -> new NormVersionDto(v.version, v.supersededAt == null,
                v.recordedAt, v.supersededOn, v.recordedBy, v.reason, NormDto.of(v.toNorm(), indicators.get(v.content.indicatorId()).unit)));
        return new NormVersionCollection(sliced.items(), sliced.paging());
    }

    @HttpCaching.MaxAge(60)
    @HttpCaching.DependsOnDay
    @GET
    @Path("/{normId}/badge")
    @Produces({ImageAnswer.SVG, ImageAnswer.PNG})
    @Operation(operationId = "getNormBadge", summary = "Het laatste oordeel over een norm als badge",
            description = """
                    Een badge met het laatste oordeel (of met interim=true de tussentijdse indicatie), als SVG (standaard) of PNG, om in \
                    een intranetpagina of een Markdown-document op te nemen: de norm, een teken dat zonder kleur leesbaar is (✓ ✗ ? –), \
                    het oordeel in woorden, het cijfer in de woorden van de bron met zijn periode, en of het voorlopig is of op een \
                    drempel van Kamerleden rust. De tekst alternatief (title, aria-label) is de zin van het oordeel; gebruik die als alt.""")
    @APIResponse(responseCode = "200", description = "De badge.", content = {
            @Content(mediaType = ImageAnswer.SVG, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = ImageAnswer.PNG, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public Response badge(@Parameter(description = "Identificatie van de norm.", example = "roemernorm") @PathParam("normId") String normId,
            @Parameter(description = nl.rijksdienst.kpi.common.AsOf.DESCRIPTION, example = "2026-02-01") @QueryParam("asOf") String asOf,
            @Parameter(description = "Waar: de badge van de tussentijdse indicatie in plaats van het laatste oordeel.",
                    schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("interim") String interim,
            @Parameter(description = ImageAnswer.LANG_DESCRIPTION, schema = @Schema(enumeration = {"nl", "en"})) @QueryParam("lang") String lang,
            @Parameter(description = ImageAnswer.FORMAT_DESCRIPTION, schema = @Schema(enumeration = {"svg", "png"})) @QueryParam("format") String format,
            @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        String type = ImageAnswer.type(format, accept);
        java.time.OffsetDateTime moment = nl.rijksdienst.kpi.common.AsOf.parse(asOf);
        boolean interimAsked = interim(interim);
        Language language = SentenceAnswer.language(lang);
        return ImageAnswer.of(type, () -> images.badge(normId, moment, interimAsked, language));
    }

    @HttpCaching.MaxAge(60)
    @HttpCaching.DependsOnDay
    @GET
    @Path("/{normId}/chart")
    @Produces({ImageAnswer.SVG, ImageAnswer.PNG})
    @Operation(operationId = "getNormChart", summary = "Een norm en de cijfers die eraan getoetst zijn als grafiek",
            description = """
                    Een grafiek van de cijfers die aan een norm getoetst zijn, elk met zijn oordeel (✓ ✗ ?), als SVG (standaard) of PNG: de \
                    drempel als lijn met de kant die de norm overschrijdt gearceerd (een drempel die een lezing van de bron is, gestippeld), \
                    een deadline als lijn, bij een vergelijking de vergelijkingsindicator als tweede reeks; bandbreedtes, grenzen, \
                    voorlopige cijfers en breuken als zodanig, en de bron eronder. De tekst alternatief (title) is de zin van het laatste oordeel.""")
    @APIResponse(responseCode = "200", description = "De grafiek.", content = {
            @Content(mediaType = ImageAnswer.SVG, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = ImageAnswer.PNG, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public Response chart(@Parameter(description = "Identificatie van de norm.", example = "roemernorm") @PathParam("normId") String normId,
            @Parameter(description = nl.rijksdienst.kpi.common.AsOf.DESCRIPTION, example = "2026-02-01") @QueryParam("asOf") String asOf,
            @Parameter(description = ImageAnswer.LANG_DESCRIPTION, schema = @Schema(enumeration = {"nl", "en"})) @QueryParam("lang") String lang,
            @Parameter(description = ImageAnswer.FORMAT_DESCRIPTION, schema = @Schema(enumeration = {"svg", "png"})) @QueryParam("format") String format,
            @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        String type = ImageAnswer.type(format, accept);
        java.time.OffsetDateTime moment = nl.rijksdienst.kpi.common.AsOf.parse(asOf);
        Language language = SentenceAnswer.language(lang);
        return ImageAnswer.of(type, () -> images.normChart(normId, moment, language));
    }

    private static boolean interim(String interim) {
        if (interim != null && !interim.equals("true") && !interim.equals("false")) {
            throw ApiException.badParameter("interim", "'" + interim + "' is geen waarheidswaarde; kies true of false");
        }
        return "true".equals(interim);
    }
}

package nl.rijksdienst.kpi.observation;

import nl.rijksdienst.kpi.common.PublicUrl;
import nl.rijksdienst.kpi.sentence.SentenceAnswer;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import nl.rijksdienst.kpi.common.ApiException;
import nl.rijksdienst.kpi.common.AsOf;
import nl.rijksdienst.kpi.common.Csv;
import nl.rijksdienst.kpi.common.DataVersions;
import nl.rijksdienst.kpi.common.DownloadPacing;
import nl.rijksdienst.kpi.common.HttpCaching;
import nl.rijksdienst.kpi.common.KnownQueryParameters;
import nl.rijksdienst.kpi.common.MediaTypes;
import nl.rijksdienst.kpi.common.Page;
import nl.rijksdienst.kpi.common.PagingParams;
import nl.rijksdienst.kpi.common.Problem;
import nl.rijksdienst.kpi.common.Roles;
import nl.rijksdienst.kpi.idempotency.IdempotencyKey;
import nl.rijksdienst.kpi.idempotency.IdempotentWrites;
import nl.rijksdienst.kpi.importing.ObservationWriteService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/indicators/{indicatorId}/observations")
@Tag(name = "Indicatoren")
public class ObservationResource {

    /** The representations, by Accept (version included: SDMX 2.0 asked for is not SDMX 1.0); the first without Accept. */
    private static final List<String> OFFERED = List.of(MediaType.APPLICATION_JSON, MediaTypes.TEXT_CSV, Sdmx.CSV_MEDIA_TYPE, Sdmx.JSON_MEDIA_TYPE);

    private final ObservationService service;
    private final ObservationWriteService writer;
    private final SecurityIdentity identity;
    private final IdempotentWrites idempotent;
    private final ObjectMapper mapper;

    private final DataVersions dataVersions;
    private final DownloadPacing pacing;
    private final PublicUrl publicUrl;

    public ObservationResource(ObservationService service, ObservationWriteService writer, SecurityIdentity identity,
            ObjectMapper mapper, IdempotentWrites idempotent, DataVersions dataVersions, DownloadPacing pacing, PublicUrl publicUrl) {
        this.publicUrl = publicUrl;
        this.dataVersions = dataVersions;
        this.pacing = pacing;
        this.service = service;
        this.writer = writer;
        this.identity = identity;
        this.idempotent = idempotent;
        this.mapper = mapper;
    }

    @Schema(name = "ObservationVersionCollection", description = "Alle versies van één waarneming, oudste eerst.")
    public record ObservationVersionCollection(@Schema(required = true) List<ObservationVersionDto> items, @Schema(required = true) Page paging) {
    }

    @Schema(name = "ObservationCollection", description = "Een pagina waarnemingen van één indicator, in volgorde van periode.")
    public record ObservationCollection(@Schema(required = true) List<ObservationDto> items, @Schema(required = true) Page paging) {
    }

    @HttpCaching.MaxAge(60)
    @GET
    @KnownQueryParameters.OpenQuery
    @Produces({MediaType.APPLICATION_JSON, MediaTypes.TEXT_CSV, Sdmx.CSV_MEDIA_TYPE, Sdmx.JSON_MEDIA_TYPE})
    @Operation(operationId = "listObservations", summary = "Waarnemingen van een indicator opvragen",
            description = """
                    Geeft de tijdreeks van een indicator: elke waarde met periode, dimensiecodes, kwalificatie (exact, \
                    bij benadering, grens, bandbreedte, kwalitatief), status en bronvermelding. Filter op periode met \
                    `from` en `to` (periodecodes; `from` selecteert periodes die op of na het begin ervan beginnen, `to` \
                    periodes die op of voor het einde ervan eindigen), op status met `status` en op dimensie met de \
                    identificatie van de dimensie als parameter (`?category=uitvoering,inspectie`). Als CSV (tidy long \
                    format, één rij per waarneming, kopregel) met `Accept: text/csv` of `format=csv`; als SDMX-CSV 1.0 of \
                    SDMX-JSON 1.0 voor statistische software met `format=sdmx-csv` of `format=sdmx-json` (of de SDMX-mediatypes \
                    in Accept). Een download (CSV, SDMX) bevat de hele selectie, tenzij `page` of `pageSize` is opgegeven. In \
                    SDMX-stijl: `startPeriod` en `endPeriod` naast `from` en `to`, en `lastNObservations` voor de laatste N \
                    waarnemingen van elke reeks.""")
    @APIResponse(responseCode = "200", description = "De waarnemingen.", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ObservationCollection.class)),
            @Content(mediaType = Sdmx.CSV_MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = Sdmx.JSON_MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT, description = "SDMX-JSON 1.0 data message")),
            @Content(mediaType = MediaTypes.TEXT_CSV, schema = @Schema(type = SchemaType.STRING), example = """
                    "observationId","version","indicatorId","indicatorLabelNl","indicatorLabelEn","periodCode","periodStart","periodEnd","frequency","basePeriodCode","basePeriodStart","basePeriodEnd","qualifier","value","valueLow","valueHigh","valueText","unit","status","seriesBreak","noteNl","noteEn","sourceId","section","question","quote","originSourceId","statedBy","statedByName","responseStance","responseSection","responseQuote","publishedOn","publicationBasis"
                    11,1,"external-hiring-share","Aandeel externe inhuur","Share of external hiring","2024","2024-01-01","2024-12-31","annual","","","","exact",15.4,"","","15,4%","percent","final",FALSE,"De stand in 2024 is de nulmeting ten opzichte van de Roemernorm.","The 2024 figure is the baseline measurement against the Roemer norm.","antwoorden-so-functioneren-rijksdienst-2026","A.b Externe inhuur, kennis en vakmanschap","Vraag van de CDA-fractie over differentiatie van de Roemernorm","In 2024 was deze, net als in 2023 15,4%, in de eerste helft van 2025 11,4% (grootste deel ICT).","","members","CDA-fractie","confirms","A.b Externe inhuur, kennis en vakmanschap","In 2024 is het inhuurpercentage gelijk gebleven aan 2023, dit is een kleine stap in de goede richting.","2026-01-22","earliest_possible"
                    """)})
    @APIResponse(responseCode = "400", description = "Ongeldige invoer: een periode, status, formaat, dimensie of code deugt niet; de melding noemt elke parameter die niet deugt.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response list(
            @Parameter(description = "Identificatie van de indicator.", example = "external-hiring-share") @PathParam("indicatorId") String indicatorId,
            @Parameter(description = "Eerste periode (periodecode).", example = "2024") @QueryParam("from") String from,
            @Parameter(description = "Laatste periode (periodecode).", example = "2025-S1") @QueryParam("to") String to,
            @Parameter(description = "Alleen waarnemingen met deze status (komma-gescheiden): final, provisional, estimate, forecast, target.", example = "final")
            @QueryParam("status") String status,
            @Parameter(description = "Formaat van het antwoord; gaat voor de Accept-header. csv-nl is de CSV zoals Nederlandse Excel hem opent "
                    + "(puntkomma's, decimale komma, UTF-8 met byte order mark).", schema = @Schema(enumeration = {"json", "csv", "csv-nl", "sdmx-csv", "sdmx-json"}))
            @QueryParam("format") String format,
            @Parameter(description = """
                    Filter op dimensie: `<dimensie>:<code>`, herhaalbaar; meer codes komma-gescheiden (`category:uitvoering,inspectie`). \
                    Korter, met de dimensie zelf als parameter: `?category=uitvoering,inspectie`.""",
                    schema = @Schema(type = SchemaType.ARRAY, implementation = String.class)) @QueryParam("dimension") List<String> dimension,
            @Parameter(description = "Als from, in SDMX-stijl.", example = "2024") @QueryParam("startPeriod") String startPeriod,
            @Parameter(description = "Als to, in SDMX-stijl.", example = "2025-S1") @QueryParam("endPeriod") String endPeriod,
            @Parameter(description = "Alleen de laatste N waarnemingen van elke reeks (SDMX).", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100000"))
            @QueryParam("lastNObservations") String lastNObservations,
            @Parameter(description = AsOf.DESCRIPTION, example = "2026-02-01") @QueryParam("asOf") String asOf,
            @Parameter(description = "Alleen cijfers die deze spreker noemt (komma-gescheiden): minister (het antwoord), members (Kamerleden, in hun vraag), third_party (een derde die de bron aanhaalt).",
                    example = "minister") @QueryParam("statedBy") String statedBy,
            @BeanParam PagingParams paging,
            @Context UriInfo uriInfo,
            @Context HttpHeaders requestHeaders) {
        ObservationQuery.Format negotiated = null;
        if (uriInfo.getQueryParameters().getFirst("format") == null) {
            String type = nl.rijksdienst.kpi.common.MediaNegotiation.require(requestHeaders.getHeaderString(HttpHeaders.ACCEPT), OFFERED, "of kies met format");
            negotiated = negotiate(MediaType.valueOf(type));
        }
        ObservationService.Result result = service.search(indicatorId, uriInfo.getQueryParameters(), negotiated);
        ObservationQuery.Format representation = result.query().format() == null ? ObservationQuery.Format.json : result.query().format();
        String filename = "inline; filename=\"" + result.indicator().id;
        return switch (representation) {
            // the bytes of an ObservationCollection, from the rows' JSON (RenderedRows)
            case json -> Response.ok(result.json(), MediaType.APPLICATION_JSON_TYPE).build();
            case csv, csv_nl -> Csv.response(representation.dialect(), result.indicator().id, output -> pacing.write(output, result.streamed(), out -> {
                BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
                if (result.streamed()) {
                    service.stream(result, rows -> ObservationCsv.write(representation.dialect(), result.indicator(), rows, writer));
                } else {
                    ObservationCsv.write(representation.dialect(), result.indicator(), result.items(), writer);
                }
                writer.flush();
            }));
            case sdmx_csv -> Response.ok((StreamingOutput) output -> pacing.write(output, result.streamed(), out -> {
                BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
                if (result.streamed()) {
                    service.stream(result, rows -> Csv.write(Csv.Dialect.STANDARD, writer, Sdmx.csvHeader(result.indicator()), printer -> Sdmx.writeCsv(result.indicator(), rows, printer)));
                } else {
                    Csv.write(Csv.Dialect.STANDARD, writer, Sdmx.csvHeader(result.indicator()), printer -> Sdmx.writeCsv(result.indicator(), result.items(), printer));
                }
                writer.flush();
            }), Sdmx.CSV_MEDIA_TYPE + ";charset=utf-8").header("Content-Disposition", filename + ".sdmx.csv\"").build();
            case sdmx_json -> Response.ok((StreamingOutput) output -> pacing.write(output, result.streamed(), out -> {
                BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
                // the same data gives the same bytes under the same ETag: prepared and id come from the data version, not the clock
                DataVersions.Version version = dataVersions.current();
                service.streamBySeries(result, (periods, bySeries) -> Sdmx.writeJson(result.indicator(), bySeries, periods, mapper, writer,
                        version.changedAt().atOffset(java.time.ZoneOffset.UTC), version.number()));
                writer.flush();
            }), Sdmx.JSON_MEDIA_TYPE + ";charset=utf-8").build();
        };
    }

    @HttpCaching.MaxAge(60)
    @HttpCaching.ResourceVersion
    @GET
    @Path("/{observationId}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getObservation", summary = "Eén waarneming opvragen",
            description = "Geeft de huidige versie van één waarneming, of met `asOf` de versie die toen bekend was.")
    public ObservationDto get(
            @Parameter(description = "Identificatie van de indicator.", example = "external-hiring-share") @PathParam("indicatorId") String indicatorId,
            @Parameter(description = "Identificatie van de waarneming.", example = "12") @PathParam("observationId") String observationId,
            @Parameter(description = AsOf.DESCRIPTION, example = "2026-02-01") @QueryParam("asOf") String asOf) {
        return service.find(indicatorId, observationId, AsOf.parse(asOf));
    }

    @HttpCaching.MaxAge(60)
    @GET
    @Path("/{observationId}/sentence")
    @Produces({MediaType.APPLICATION_JSON, SentenceAnswer.TEXT, SentenceAnswer.MARKDOWN})
    @Operation(operationId = "getObservationSentence", summary = "Eén waarneming als zin om te citeren",
            description = "De zin van een waarneming, in het Nederlands en het Engels als JSON, of in één taal als text/plain of text/markdown (het cijfer vet, "
                    + "de bron als link): wat gemeten is, de periode, het cijfer in de woorden van de bron, de voetnoot, wie het cijfer noemt, elke "
                    + "kanttekening (tussenstand, ondergrens, bandbreedte, breuk in de reeks) en de bron. Met asOf de versie die toen openbaar was.")
    @APIResponse(responseCode = "200", description = "De zin.", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SentenceAnswer.Dto.class)),
            @Content(mediaType = SentenceAnswer.TEXT, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = SentenceAnswer.MARKDOWN, schema = @Schema(type = SchemaType.STRING))})
    public Response sentence(
            @Parameter(description = "Identificatie van de indicator.", example = "external-hiring-share") @PathParam("indicatorId") String indicatorId,
            @Parameter(description = "Identificatie van de waarneming.", example = "12") @PathParam("observationId") String observationId,
            @Parameter(description = AsOf.DESCRIPTION, example = "2026-02-01") @QueryParam("asOf") String asOf,
            @Parameter(description = SentenceAnswer.LANG_DESCRIPTION, schema = @Schema(enumeration = {"nl", "en"})) @QueryParam("lang") String lang,
            @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        ObservationService.Quoted quoted = service.quoted(indicatorId, observationId, AsOf.parse(asOf));
        return SentenceAnswer.of(quoted.sentence(), null, "/indicators/" + indicatorId + "/observations/" + quoted.observation().id(), publicUrl.api(), lang, accept);
    }

    @HttpCaching.MaxAge(60)
    @GET
    @Path("/{observationId}/versions")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listObservationVersions", summary = "De versies van een waarneming opvragen",
            description = "Geeft elke versie van één waarneming, oudste eerst: de waarde, wanneer en door wie ze is vastgelegd, waarom, en tot wanneer ze gold. Een correctie overschrijft nooit.")
    public ObservationVersionCollection versions(
            @Parameter(description = "Identificatie van de indicator.", example = "external-hiring-share") @PathParam("indicatorId") String indicatorId,
            @Parameter(description = "Identificatie van de waarneming.", example = "12") @PathParam("observationId") String observationId,
            @BeanParam PagingParams paging) {
        Page.Sliced<ObservationVersionDto> sliced = Page.slice(service.versions(indicatorId, observationId), paging.toRequest(), v -> v);
        return new ObservationVersionCollection(sliced.items(), sliced.paging());
    }

    @POST
    @RolesAllowed(Roles.EDITOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "editorToken")
    @Tag(name = "Redactie")
    @Operation(operationId = "addObservation", summary = "Een waarneming toevoegen",
            description = "Voegt één waarneming toe (versie 1). Bestaat er al een waarneming voor dezelfde periode, basisperiode en dimensiecodes, dan is het antwoord 409 met haar id: corrigeer die met PUT.")
    @APIResponse(responseCode = "201", description = "Toegevoegd; Location wijst naar de waarneming.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ObservationDto.class)))
    @APIResponse(responseCode = "409", description = "Er is al een waarneming voor deze periode en dimensiecodes.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response add(
            @Parameter(description = "Identificatie van de indicator.", example = "external-hiring-share") @PathParam("indicatorId") String indicatorId,
            ObservationInput input,
            @Parameter(description = "Unieke sleutel van dit verzoek, per redacteur; hetzelfde verzoek nog eens met dezelfde sleutel geeft het eerste antwoord terug (200, Idempotent-Replayed) en schrijft niets.",
                    example = "jbr-2025-1") @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey,
            @Context HttpHeaders headers,
            UriInfo uriInfo) {
        String actor = identity.getPrincipal().getName();
        return idempotent.create(headers, actor, uriInfo, input, () -> writer.create(indicatorId, input, actor), ObservationDto::id);
    }

    @PUT
    @HttpCaching.ResourceVersion
    @Path("/{observationId}")
    @RolesAllowed(Roles.EDITOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "editorToken")
    @Tag(name = "Redactie")
    @Operation(operationId = "correctObservation", summary = "Een waarneming corrigeren",
            description = """
                    Legt een nieuwe versie van een waarneming vast, met de reden (verplicht) en de bron; de vorige versie                     blijft opvraagbaar via /versions en met asOf. Periode, basisperiode en dimensiecodes blijven gelijk. Is                     de inhoud gelijk aan de huidige versie, dan verandert er niets.""")
    @APIResponse(responseCode = "200", description = "De waarneming na de correctie (of ongewijzigd).",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ObservationDto.class)))
    public ObservationDto correct(
            @Parameter(description = "Identificatie van de indicator.", example = "external-hiring-share") @PathParam("indicatorId") String indicatorId,
            @Parameter(description = "Identificatie van de waarneming.", example = "12") @PathParam("observationId") String observationId,
            ObservationInput input,
            @Parameter(description = "De ETag van de versie waarop de wijziging is gebaseerd (uit GET of een eerdere PUT): is de resource intussen gewijzigd, dan is het antwoord 412 en wordt er niets geschreven. Zonder If-Match gaat de wijziging altijd door.",
                    example = "\"3f2a9c0d5b7e41a8c6d2e9f0a1b3c4d5\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        long id;
        try {
            id = Long.parseLong(observationId);
        } catch (NumberFormatException e) {
            throw ApiException.notFound("Er is geen waarneming met id '" + observationId + "'.");
        }
        return writer.correct(indicatorId, id, input, identity.getPrincipal().getName(), ifMatch).observation();
    }

    private static ObservationQuery.Format negotiate(MediaType type) {
        if (type.isCompatible(MediaType.valueOf(Sdmx.CSV_MEDIA_TYPE))) {
            return ObservationQuery.Format.sdmx_csv;
        }
        if (type.isCompatible(MediaType.valueOf(Sdmx.JSON_MEDIA_TYPE))) {
            return ObservationQuery.Format.sdmx_json;
        }
        return type.isCompatible(MediaType.valueOf(MediaTypes.TEXT_CSV)) ? ObservationQuery.Format.csv : ObservationQuery.Format.json;
    }
}

package nl.rijksdienst.kpi.sdmx;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import javax.xml.stream.XMLStreamException;
import nl.rijksdienst.kpi.common.ApiException;
import nl.rijksdienst.kpi.common.DataVersions;
import nl.rijksdienst.kpi.common.DownloadPacing;
import nl.rijksdienst.kpi.common.HttpCaching;
import nl.rijksdienst.kpi.common.MediaNegotiation;
import nl.rijksdienst.kpi.common.ProblemMappers;
import nl.rijksdienst.kpi.indicator.Indicator;
import nl.rijksdienst.kpi.indicator.IndicatorService;
import nl.rijksdienst.kpi.observation.Observation;
import nl.rijksdienst.kpi.observation.ObservationQuery;
import nl.rijksdienst.kpi.observation.ObservationService;
import nl.rijksdienst.kpi.observation.Sdmx;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The SDMX REST interface (SDMX 2.1 RESTful web services): structures under {@code dataflow},
 * {@code datastructure}, {@code codelist} and {@code conceptscheme}, data under {@code data}, as
 * SDMX tools ask for them ({@code agencyId/resourceId/version}, a flow reference and a series key,
 * {@code startPeriod}, {@code endPeriod}, {@code lastNObservations}, {@code updatedAfter},
 * {@code detail}, {@code references}). Representations are chosen by Accept, version included.
 */
@Path("/sdmx")
@Tag(name = "SDMX", description = "SDMX 2.1 REST: dataflows, datastructuren, codelijsten en gegevens in SDMX-ML 2.1 voor statistische software.")
public class SdmxResource {

    public static final List<String> STRUCTURE_TYPES = List.of(SdmxMl.STRUCTURE_MEDIA_TYPE, SdmxJson2.STRUCTURE_MEDIA_TYPE, "application/xml", "text/xml");
    public static final List<String> DATA_TYPES = List.of(SdmxMl.GENERIC_DATA_MEDIA_TYPE, SdmxMl.STRUCTURE_SPECIFIC_DATA_MEDIA_TYPE,
            SdmxJson2.DATA_MEDIA_TYPE, SdmxCsv2.DATA_MEDIA_TYPE, "application/xml", "text/xml");

    private static final String AGENCY_DESCRIPTION = "Het agentschap: " + Sdmx.AGENCY + " of all.";
    private static final String VERSION_DESCRIPTION = "De versie: " + SdmxModel.VERSION + ", latest of all.";

    private final IndicatorService indicators;
    private final ObservationService observations;
    private final DataVersions dataVersions;
    private final DownloadPacing pacing;
    private final com.fasterxml.jackson.databind.ObjectMapper mapper;

    public SdmxResource(IndicatorService indicators, ObservationService observations, DataVersions dataVersions, DownloadPacing pacing,
            com.fasterxml.jackson.databind.ObjectMapper mapper) {
        this.mapper = mapper;
        this.indicators = indicators;
        this.observations = observations;
        this.dataVersions = dataVersions;
        this.pacing = pacing;
    }

    enum Artefact {
        dataflow, datastructure, codelist, conceptscheme
    }

    @HttpCaching.MaxAge(60)
    @GET
    @Path("/dataflow/{agencyId}/{resourceId}/{version}")
    @Produces({SdmxMl.STRUCTURE_MEDIA_TYPE, SdmxJson2.STRUCTURE_MEDIA_TYPE, "application/xml", "text/xml"})
    @Operation(operationId = "getSdmxDataflows", summary = "SDMX: dataflows",
            description = "Eén dataflow per indicator (resourceId is de id van de indicator, of all), als SDMX-ML 2.1-structuurbericht. "
                    + "Met references=children ook de datastructuur, met descendants of all ook de codelijsten en het begrippenschema.")
    @APIResponse(responseCode = "200", description = "Een SDMX-structuurbericht: SDMX-ML 2.1 (standaard) of SDMX-JSON 2.0 (Accept).", content = {
        @Content(mediaType = SdmxMl.STRUCTURE_MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)),
        @Content(mediaType = SdmxJson2.STRUCTURE_MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT, description = "SDMX-JSON 2.0-structuurbericht"))})
    public Response dataflows(
            @Parameter(description = AGENCY_DESCRIPTION, example = Sdmx.AGENCY) @PathParam("agencyId") String agencyId,
            @Parameter(description = "De dataflow: de id van een indicator, of all.", example = "external-hiring-share") @PathParam("resourceId") String resourceId,
            @Parameter(description = VERSION_DESCRIPTION, example = "latest") @PathParam("version") String version,
            @BeanParam SdmxParams.Structure query) {
        return structures(Artefact.dataflow, agencyId, resourceId, version, query);
    }

    @HttpCaching.MaxAge(60)
    @GET
    @Path("/datastructure/{agencyId}/{resourceId}/{version}")
    @Produces({SdmxMl.STRUCTURE_MEDIA_TYPE, SdmxJson2.STRUCTURE_MEDIA_TYPE, "application/xml", "text/xml"})
    @Operation(operationId = "getSdmxDataStructures", summary = "SDMX: datastructuren (DSD's)",
            description = "De datastructuur van elke indicator (resourceId is de id van de indicator, of all): FREQ en de dimensies van de indicator "
                    + "als reekssleutel, TIME_PERIOD, OBS_VALUE en de attributen (status, eenheid, kwalificatie, bandbreedte, de woorden van de bron, "
                    + "basisperiode, breuk, wie het cijfer noemt, publicatiedatum). Met references=children ook de codelijsten en het begrippenschema.")
    @APIResponse(responseCode = "200", description = "Een SDMX-structuurbericht: SDMX-ML 2.1 (standaard) of SDMX-JSON 2.0 (Accept).", content = {
        @Content(mediaType = SdmxMl.STRUCTURE_MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)),
        @Content(mediaType = SdmxJson2.STRUCTURE_MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT, description = "SDMX-JSON 2.0-structuurbericht"))})
    public Response dataStructures(
            @Parameter(description = AGENCY_DESCRIPTION, example = Sdmx.AGENCY) @PathParam("agencyId") String agencyId,
            @Parameter(description = "De datastructuur: de id van een indicator, of all.", example = "external-hiring-share") @PathParam("resourceId") String resourceId,
            @Parameter(description = VERSION_DESCRIPTION, example = "latest") @PathParam("version") String version,
            @BeanParam SdmxParams.Structure query) {
        return structures(Artefact.datastructure, agencyId, resourceId, version, query);
    }

    @HttpCaching.MaxAge(60)
    @GET
    @Path("/codelist/{agencyId}/{resourceId}/{version}")
    @Produces({SdmxMl.STRUCTURE_MEDIA_TYPE, SdmxJson2.STRUCTURE_MEDIA_TYPE, "application/xml", "text/xml"})
    @Operation(operationId = "getSdmxCodelists", summary = "SDMX: codelijsten",
            description = "De codelijsten: CL_FREQ, CL_OBS_STATUS, CL_STATUS, CL_UNIT_MEASURE, CL_OBS_QUALIFIER, CL_STATED_BY, CL_RESPONSE_STANCE, "
                    + "CL_PUBLICATION_BASIS en per dimensie van een indicator CL_<indicator>_<dimensie> (met _T voor niet uitgesplitst).")
    @APIResponse(responseCode = "200", description = "Een SDMX-structuurbericht: SDMX-ML 2.1 (standaard) of SDMX-JSON 2.0 (Accept).", content = {
        @Content(mediaType = SdmxMl.STRUCTURE_MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)),
        @Content(mediaType = SdmxJson2.STRUCTURE_MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT, description = "SDMX-JSON 2.0-structuurbericht"))})
    public Response codelists(
            @Parameter(description = AGENCY_DESCRIPTION, example = Sdmx.AGENCY) @PathParam("agencyId") String agencyId,
            @Parameter(description = "De codelijst, of all.", example = "CL_OBS_STATUS") @PathParam("resourceId") String resourceId,
            @Parameter(description = VERSION_DESCRIPTION, example = "latest") @PathParam("version") String version,
            @BeanParam SdmxParams.Structure query) {
        return structures(Artefact.codelist, agencyId, resourceId, version, query);
    }

    @HttpCaching.MaxAge(60)
    @GET
    @Path("/conceptscheme/{agencyId}/{resourceId}/{version}")
    @Produces({SdmxMl.STRUCTURE_MEDIA_TYPE, SdmxJson2.STRUCTURE_MEDIA_TYPE, "application/xml", "text/xml"})
    @Operation(operationId = "getSdmxConceptSchemes", summary = "SDMX: het begrippenschema",
            description = "Het begrippenschema " + SdmxModel.CONCEPT_SCHEME + ": elke dimensie en elk attribuut van de datastructuren.")
    @APIResponse(responseCode = "200", description = "Een SDMX-structuurbericht: SDMX-ML 2.1 (standaard) of SDMX-JSON 2.0 (Accept).", content = {
        @Content(mediaType = SdmxMl.STRUCTURE_MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)),
        @Content(mediaType = SdmxJson2.STRUCTURE_MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT, description = "SDMX-JSON 2.0-structuurbericht"))})
    public Response conceptSchemes(
            @Parameter(description = AGENCY_DESCRIPTION, example = Sdmx.AGENCY) @PathParam("agencyId") String agencyId,
            @Parameter(description = "Het schema: " + SdmxModel.CONCEPT_SCHEME + " of all.", example = SdmxModel.CONCEPT_SCHEME) @PathParam("resourceId") String resourceId,
            @Parameter(description = VERSION_DESCRIPTION, example = "latest") @PathParam("version") String version,
            @BeanParam SdmxParams.Structure query) {
        return structures(Artefact.conceptscheme, agencyId, resourceId, version, query);
    }

    private Response structures(Artefact artefact, String agencyId, String resourceId, String version, SdmxParams.Structure query) {
        String references = query.references;
        String detail = query.detail;
        String type = MediaNegotiation.require(query.accept, STRUCTURE_TYPES, null);
        if (detail != null && !detail.equals("full")) {
            throw ApiException.badParameter("detail", "'" + detail + "' wordt niet geleverd; alleen full");
        }
        requireAgencyAndVersion(agencyId, version);
        List<Indicator> all = SdmxModel.sorted(indicators.allForReading());
        String ref = references == null ? "none" : references;
        if (!List.of("none", "parents", "parentsandsiblings", "children", "descendants", "all", "dataflow", "datastructure", "codelist", "conceptscheme").contains(ref)) {
            throw ApiException.badParameter("references", "'" + references + "' is geen waarde; kies uit none, parents, parentsandsiblings, children, "
                    + "descendants, all, dataflow, datastructure, codelist, conceptscheme");
        }
        boolean everything = resourceId.equals("all");
        List<Indicator> flows = List.of();
        List<Indicator> dsds = List.of();
        List<SdmxModel.Codelist> lists = List.of();
        List<SdmxModel.Concept> concepts = List.of();
        switch (artefact) {
            case dataflow, datastructure -> {
                List<Indicator> selected = everything ? all : all.stream().filter(i -> i.id.equals(resourceId)).toList();
                if (selected.isEmpty()) {
                    throw ApiException.notFound("Er is geen " + artefact + " '" + resourceId + "' van " + Sdmx.AGENCY + "; zie /sdmx/" + artefact + "/all/all/latest.");
                }
                boolean structure = artefact == Artefact.datastructure;
                boolean down = ref.equals("descendants") || ref.equals("all") || (structure && ref.equals("children"));
                flows = !structure || ref.equals("parents") || ref.equals("parentsandsiblings") || ref.equals("all") || ref.equals("dataflow") ? selected : List.of();
                dsds = structure || ref.equals("children") || down || ref.equals("datastructure") ? selected : List.of();
                if (down || ref.equals("codelist")) {
                    lists = codelistsOf(selected);
                }
                if (down || ref.equals("conceptscheme")) {
                    concepts = SdmxModel.concepts(selected);
                }
            }
            case codelist -> {
                List<SdmxModel.Codelist> known = SdmxModel.codelists(all);
                lists = everything ? known : known.stream().filter(c -> c.id().equals(resourceId)).toList();
                if (lists.isEmpty()) {
                    throw ApiException.notFound("Er is geen codelijst '" + resourceId + "' van " + Sdmx.AGENCY + "; zie /sdmx/codelist/all/all/latest.");
                }
                Set<String> ids = new LinkedHashSet<>(lists.stream().map(SdmxModel.Codelist::id).toList());
                List<Indicator> users = all.stream().filter(i -> codelistsOf(List.of(i)).stream().anyMatch(c -> ids.contains(c.id()))).toList();
                if (ref.equals("parents") || ref.equals("parentsandsiblings") || ref.equals("all") || ref.equals("datastructure")) {
                    dsds = users;
                }
                if (ref.equals("all") || ref.equals("dataflow")) {
                    flows = users;
                }
                if (ref.equals("all") || ref.equals("conceptscheme")) {
                    concepts = SdmxModel.concepts(users);
                }
            }
            case conceptscheme -> {
                if (!everything && !resourceId.equals(SdmxModel.CONCEPT_SCHEME)) {
                    throw ApiException.notFound("Er is geen begrippenschema '" + resourceId + "' van " + Sdmx.AGENCY + "; het schema is " + SdmxModel.CONCEPT_SCHEME + ".");
                }
                concepts = SdmxModel.concepts(all);
                if (ref.equals("parents") || ref.equals("parentsandsiblings") || ref.equals("all") || ref.equals("datastructure")) {
                    dsds = all;
                }
                if (ref.equals("all") || ref.equals("dataflow")) {
                    flows = all;
                }
                if (ref.equals("all") || ref.equals("codelist")) {
                    lists = SdmxModel.codelists(all);
                }
            }
            default -> throw new IllegalStateException();
        }
        SdmxMl.Structures structures = new SdmxMl.Structures(flows, lists, concepts, dsds);
        SdmxMl.Header header = header("STR-" + artefact + "-" + resourceId);
        StreamingOutput body = output -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
            try {
                if (type.equals(SdmxJson2.STRUCTURE_MEDIA_TYPE)) {
                    SdmxJson2.writeStructures(mapper, writer, header, structures);
                } else {
                    SdmxMl.writeStructures(writer, header, structures);
                }
            } catch (XMLStreamException e) {
                throw new UncheckedIOException(new java.io.IOException(e));
            }
            writer.flush();
        };
        return Response.ok(body, type + ";charset=utf-8").build();
    }

    private static List<SdmxModel.Codelist> codelistsOf(List<Indicator> indicators) {
        Map<String, SdmxModel.Codelist> lists = new java.util.LinkedHashMap<>();
        indicators.forEach(i -> SdmxModel.codelistsOf(i).forEach(c -> lists.putIfAbsent(c.id(), c)));
        return List.copyOf(lists.values());
    }

    @HttpCaching.MaxAge(60)
    @GET
    @Path("/data/{flowRef}")
    @Produces({SdmxMl.GENERIC_DATA_MEDIA_TYPE, SdmxMl.STRUCTURE_SPECIFIC_DATA_MEDIA_TYPE, SdmxJson2.DATA_MEDIA_TYPE, SdmxCsv2.DATA_MEDIA_TYPE,
        "application/xml", "text/xml"})
    @Operation(operationId = "getSdmxData", summary = "SDMX: alle gegevens van een dataflow",
            description = "Alle reeksen van een indicator (de dataflow), als SDMX-ML 2.1 generic data (standaard), of met Accept als SDMX-ML 2.1 "
                    + "structure specific data, SDMX-JSON 2.0 of SDMX-CSV 2.0.")
    @APIResponse(responseCode = "200", description = "Een SDMX-gegevensbericht.", content = {
        @Content(mediaType = SdmxMl.GENERIC_DATA_MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)),
        @Content(mediaType = SdmxMl.STRUCTURE_SPECIFIC_DATA_MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)),
        @Content(mediaType = SdmxJson2.DATA_MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT, description = "SDMX-JSON 2.0-gegevensbericht")),
        @Content(mediaType = SdmxCsv2.DATA_MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING))})
    public Response data(
            @Parameter(description = "De dataflow: de id van een indicator, of agentschap,id[,versie] (RIJKSDIENST,external-hiring-share,1.0).",
                    example = "external-hiring-share") @PathParam("flowRef") String flowRef,
            @BeanParam SdmxParams.Data query) {
        return data(flowRef, "all", query);
    }

    @HttpCaching.MaxAge(60)
    @GET
    @Path("/data/{flowRef}/{key}")
    @Produces({SdmxMl.GENERIC_DATA_MEDIA_TYPE, SdmxMl.STRUCTURE_SPECIFIC_DATA_MEDIA_TYPE, SdmxJson2.DATA_MEDIA_TYPE, SdmxCsv2.DATA_MEDIA_TYPE,
        "application/xml", "text/xml"})
    @Operation(operationId = "getSdmxDataByKey", summary = "SDMX: gegevens bij een reekssleutel",
            description = "De reeksen van een indicator die bij de sleutel passen: per dimensie (FREQ, dan die van de indicator, gescheiden door punten) "
                    + "leeg voor alle codes of codes gescheiden door +; all voor alles. Bijvoorbeeld A.beleid+uitvoering.")
    @APIResponse(responseCode = "200", description = "Een SDMX-gegevensbericht.", content = {
        @Content(mediaType = SdmxMl.GENERIC_DATA_MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)),
        @Content(mediaType = SdmxMl.STRUCTURE_SPECIFIC_DATA_MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)),
        @Content(mediaType = SdmxJson2.DATA_MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT, description = "SDMX-JSON 2.0-gegevensbericht")),
        @Content(mediaType = SdmxCsv2.DATA_MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING))})
    public Response dataByKey(
            @Parameter(description = "De dataflow: de id van een indicator, of agentschap,id[,versie].", example = "external-hiring-share") @PathParam("flowRef") String flowRef,
            @Parameter(description = "De reekssleutel, of all.", example = "A") @PathParam("key") String key,
            @BeanParam SdmxParams.Data query) {
        return data(flowRef, key, query);
    }

    private Response data(String flowRef, String key, SdmxParams.Data query) {
        String detail = query.detail;
        String dimensionAtObservation = query.dimensionAtObservation;
        String updatedAfter = query.updatedAfter;
        String type = MediaNegotiation.require(query.accept, DATA_TYPES, null);
        boolean structureSpecific = type.equals(SdmxMl.STRUCTURE_SPECIFIC_DATA_MEDIA_TYPE);
        Indicator indicator = flow(flowRef);
        SdmxMl.Detail level;
        try {
            level = detail == null ? SdmxMl.Detail.full : SdmxMl.Detail.valueOf(detail);
        } catch (IllegalArgumentException e) {
            throw ApiException.badParameter("detail", "'" + detail + "' is geen waarde; kies uit full, dataonly, serieskeysonly, nodata");
        }
        if (dimensionAtObservation != null && !dimensionAtObservation.equals("TIME_PERIOD")) {
            throw ApiException.badParameter("dimensionAtObservation", "'" + dimensionAtObservation + "' wordt niet geleverd; alleen TIME_PERIOD");
        }
        OffsetDateTime after = null;
        if (updatedAfter != null) {
            try {
                after = OffsetDateTime.parse(updatedAfter);
            } catch (java.time.format.DateTimeParseException e) {
                try {
                    after = java.time.LocalDate.parse(updatedAfter).atStartOfDay().atOffset(ZoneOffset.UTC);
                } catch (java.time.format.DateTimeParseException e2) {
                    throw ApiException.badParameter("updatedAfter", "'" + updatedAfter + "' is geen moment; gebruik ISO 8601 met tijdzone, zoals 2026-01-01T00:00:00Z");
                }
            }
        }
        List<SdmxModel.Component> dimensions = SdmxModel.dimensions(indicator);
        Map<String, List<String>> selection = new HashMap<>();
        put(selection, "startPeriod", query.startPeriod);
        put(selection, "endPeriod", query.endPeriod);
        put(selection, "lastNObservations", query.lastNObservations);
        Predicate<Observation> selected = o -> true;
        if (!key.equals("all") && !key.isEmpty()) {
            String[] parts = key.split("\\.", -1);
            if (parts.length != dimensions.size()) {
                throw ApiException.badParameter("key", "'" + key + "' heeft " + parts.length + " delen; de sleutel van '" + indicator.id + "' heeft er "
                        + dimensions.size() + ": " + String.join(".", dimensions.stream().map(SdmxModel.Component::id).toList()));
            }
            List<SdmxModel.Codelist> lists = SdmxModel.codelistsOf(indicator);
            for (int i = 0; i < parts.length; i++) {
                if (parts[i].isEmpty()) {
                    continue;
                }
                SdmxModel.Component dimension = dimensions.get(i);
                SdmxModel.Codelist list = lists.stream().filter(c -> c.id().equals(dimension.codelist())).findFirst().orElseThrow();
                List<String> codes = List.of(parts[i].split("\\+"));
                for (String code : codes) {
                    if (list.codes().stream().noneMatch(c -> c.id().equals(code))) {
                        throw ApiException.badParameter("key", "'" + code + "' is geen code van " + dimension.id() + " (" + list.id() + "); kies uit "
                                + String.join(", ", list.codes().stream().map(SdmxModel.Code::id).toList()));
                    }
                }
                Set<String> allowed = Set.copyOf(codes);
                selected = selected.and(o -> allowed.contains(dimension.value().apply(o)));
                if (i > 0 && !allowed.contains(SdmxModel.TOTAL)) {
                    // the database selects the series; the predicate above keeps totals (_T) apart
                    selection.put(dimension.id(), List.of(String.join(",", codes)));
                }
            }
        }
        if (after != null) {
            OffsetDateTime since = after;
            selected = selected.and(o -> o.recordedAt != null && o.recordedAt.isAfter(since));
        }
        ObservationService.Result result = observations.search(indicator.id, selection, ObservationQuery.Format.sdmx_json);
        Predicate<Observation> filter = selected;
        SdmxMl.Header header = header("IREF-" + indicator.id);
        StreamingOutput body = output -> pacing.write(output, result.streamed(), out -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            observations.streamBySeries(result, (periods, bySeries) -> {
                try {
                    if (type.equals(SdmxJson2.DATA_MEDIA_TYPE)) {
                        SdmxJson2.writeData(mapper, writer, header, indicator, periods, bySeries, filter, level);
                    } else if (type.equals(SdmxCsv2.DATA_MEDIA_TYPE)) {
                        nl.rijksdienst.kpi.common.Csv.write(nl.rijksdienst.kpi.common.Csv.Dialect.STANDARD, writer, SdmxCsv2.header(indicator, level),
                                printer -> SdmxCsv2.write(indicator, bySeries, filter, level, printer));
                    } else {
                        SdmxMl.writeData(writer, header, indicator, bySeries, filter, structureSpecific, level);
                    }
                } catch (XMLStreamException e) {
                    throw new UncheckedIOException(new java.io.IOException(e));
                } catch (java.io.IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            writer.flush();
        });
        return Response.ok(body, type + ";charset=utf-8").build();
    }

    private static void put(Map<String, List<String>> query, String name, String value) {
        if (value != null) {
            query.put(name, List.of(value));
        }
    }

    /** The indicator a flow reference names: {@code id}, {@code agency,id} or {@code agency,id,version}. */
    private Indicator flow(String flowRef) {
        String[] parts = flowRef.split(",", -1);
        if (parts.length > 3) {
            throw ApiException.badParameter("flowRef", "'" + flowRef + "' is geen dataflow; gebruik id, agentschap,id of agentschap,id,versie");
        }
        String id = parts.length == 1 ? parts[0] : parts[1];
        requireAgencyAndVersion(parts.length == 1 ? "all" : parts[0], parts.length == 3 ? parts[2] : "latest");
        return indicators.requireForReading(id);
    }

    private static void requireAgencyAndVersion(String agency, String version) {
        if (!agency.equals("all") && !agency.equals(Sdmx.AGENCY)) {
            throw ApiException.notFound("Er zijn geen structuren van agentschap '" + agency + "'; hier is het " + Sdmx.AGENCY + ".");
        }
        if (!version.equals("latest") && !version.equals("all") && !version.equals(SdmxModel.VERSION) && !version.equals("*") && !version.equals("~")) {
            throw ApiException.notFound("Er is geen versie '" + version + "'; de structuren hebben versie " + SdmxModel.VERSION + " (of vraag latest).");
        }
    }

    /** The id and preparation time of a message, from the data version: the same data gives the same bytes. */
    private SdmxMl.Header header(String prefix) {
        DataVersions.Version version = dataVersions.current();
        return new SdmxMl.Header((prefix + "-" + version.number()).replaceAll("[^A-Za-z0-9_-]", "_"), version.changedAt().atOffset(ZoneOffset.UTC));
    }
}

package nl.rijksdienst.kpi.observation;

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
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import nl.rijksdienst.kpi.common.ApiException;
import nl.rijksdienst.kpi.common.AsOf;
import nl.rijksdienst.kpi.common.Csv;
import nl.rijksdienst.kpi.common.DownloadPacing;
import nl.rijksdienst.kpi.common.HttpCaching;
import nl.rijksdienst.kpi.common.KnownQueryParameters;
import nl.rijksdienst.kpi.common.MediaTypes;
import nl.rijksdienst.kpi.common.OpenApiFormat;
import nl.rijksdienst.kpi.common.Page;
import nl.rijksdienst.kpi.common.PagingParams;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/indicators/{indicatorId}/changes")
@Tag(name = "Indicatoren")
public class ChangeResource {

    private final ObservationService service;
    private final DownloadPacing pacing;

    public ChangeResource(ObservationService service, DownloadPacing pacing) {
        this.service = service;
        this.pacing = pacing;
    }

    @Schema(name = "ChangeCollection", description = "De veranderingen binnen de reeksen van een indicator, in volgorde van periode.")
    public record ChangeCollection(
            @Schema(description = "Waarmee vergeleken is: de vorige periode van dezelfde soort of dezelfde periode een jaar eerder.", required = true,
                    enumeration = {"previousPeriod", "yearAgo"}) String basis,
            @Schema(required = true) List<ChangeDto> items,
            @Schema(required = true) Page paging) {
    }

    @GET
    @KnownQueryParameters.OpenQuery
    @HttpCaching.MaxAge(60)
    @Produces({MediaType.APPLICATION_JSON, MediaTypes.TEXT_CSV})
    @Operation(operationId = "listChanges", summary = "Veranderingen binnen een reeks opvragen",
            description = """
                    Berekent verschil en procentuele verandering van elke waarde ten opzichte van de vorige periode van \
                    dezelfde soort (`basis=previousPeriod`, standaard: 2024 tegen 2023, 2025-Q3 tegen 2025-Q2) of dezelfde \
                    periode een jaar eerder (`basis=yearAgo`: 2025-Q3 tegen 2024-Q3), binnen dezelfde reeks. Alleen enkele \
                    getallen (exact of bij benadering) worden vergeleken; bandbreedtes, grenzen en kwalitatieve waarden niet. \
                    Het verschil staat in procentpunten bij percentages, de procentuele verandering in procenten. De basis \
                    heeft dezelfde basisperiode. Filters als bij /observations, behalve lastNObservations (400); from en to \
                    begrenzen de vergeleken periode, niet haar basis.""")
    @APIResponse(responseCode = "200", description = "Gelukt.", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChangeCollection.class)),
            @Content(mediaType = MediaTypes.TEXT_CSV, schema = @Schema(type = SchemaType.STRING))})
    public Response list(
            @Parameter(description = "Identificatie van de indicator.", example = "external-hiring-share") @PathParam("indicatorId") String indicatorId,
            @Parameter(description = "Vergelijken met de vorige periode (previousPeriod) of een jaar eerder (yearAgo).",
                    schema = @Schema(enumeration = {"previousPeriod", "yearAgo"}, defaultValue = "previousPeriod")) @QueryParam("basis") String basis,
            @Parameter(description = "Eerste periode (periodecode).", example = "2024") @QueryParam("from") String from,
            @Parameter(description = "Laatste periode (periodecode).", example = "2025") @QueryParam("to") String to,
            @Parameter(description = "Filter op dimensie: <dimensie>:<code>, herhaalbaar.", schema = @Schema(type = SchemaType.ARRAY, implementation = String.class))
            @QueryParam("dimension") List<String> dimension,
            @Parameter(description = AsOf.DESCRIPTION, example = "2026-02-01") @QueryParam("asOf") String asOf,
            @Parameter(description = OpenApiFormat.DESCRIPTION, schema = @Schema(enumeration = {"json", "csv", "csv-nl"})) @QueryParam("format") String format,
            @BeanParam PagingParams paging,
            @Context UriInfo uriInfo,
            @Context Request request) {
        ChangeCalculator.Basis chosen;
        try {
            chosen = basis == null ? ChangeCalculator.Basis.previousPeriod : ChangeCalculator.Basis.valueOf(basis);
        } catch (IllegalArgumentException e) {
            throw ApiException.badParameter("basis", "'" + basis + "' is geen basis; kies uit previousPeriod, yearAgo");
        }
        Csv.Dialect csv = Csv.chosen(request, format);
        ObservationService.Changes changes = service.changes(indicatorId, uriInfo.getQueryParameters(), chosen);
        if (csv != null) {
            return Csv.download(csv, indicatorId + "-changes", List.of("indicatorId", "basis", "periodCode", "periodStart", "periodEnd", "comparedWith",
                    "dimensions", "value", "comparedValue", "change", "changeUnit", "percentChange", "status", "approximate"), pacing, changes.streamed(), printer -> {
                java.util.function.Consumer<Iterable<ChangeDto>> write = rows -> {
                    try {
                        for (ChangeDto c : rows) {
                            printer.printRecord(Csv.cells(indicatorId, chosen.name(), c.period().code(), c.period().start(), c.period().end(),
                                    c.comparedWith().code(), String.join(";", c.dimensions().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()),
                                    c.value(), c.comparedValue(), c.change(), c.changeUnit(), c.percentChange(), c.status(), c.approximate()));
                        }
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                };
                if (changes.streamed()) {
                    // the whole download, written as it is read
                    service.streamChanges(changes, write);
                } else {
                    write.accept(changes.items());
                }
            });
        }
        return Response.ok(new ChangeCollection(chosen.name(), changes.items(), changes.paging())).type(MediaType.APPLICATION_JSON_TYPE).build();
    }
}

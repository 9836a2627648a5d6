package nl.rijksdienst.kpi.scorecard;

import nl.rijksdienst.kpi.norm.NormCheckDto;
import java.util.Map;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
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
import nl.rijksdienst.kpi.norm.NormCheckCsv;
import nl.rijksdienst.kpi.common.HttpCaching;
import nl.rijksdienst.kpi.common.AsOf;
import nl.rijksdienst.kpi.common.PagingParams;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/scorecard")
@Tag(name = "Scorecard", description = "Het laatste oordeel van elke norm in één antwoord.")
public class ScorecardResource {

    private final ScorecardService service;

    public ScorecardResource(ScorecardService service) {
        this.service = service;
    }

    @HttpCaching.MaxAge(60)
    @HttpCaching.DependsOnDay
    @GET
    @Operation(operationId = "getScorecard", summary = "Scorecard opvragen",
            description = """
                    Geeft voor elke norm de indicator, de laatste waarde met kwalificatie en status, het oordeel, het \
                    verschil tot de drempel, de trend, de kanttekeningen en de bron; bovenaan een telling per oordeel. \
                    Bedoeld voor de voorpagina van een dashboard: één verzoek.""")
    @APIResponse(responseCode = "200", description = "Gelukt.", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ScorecardDto.class)),
            @Content(mediaType = MediaTypes.TEXT_CSV, schema = @Schema(type = SchemaType.STRING))})
    public Response get(
            @Parameter(description = AsOf.DESCRIPTION, example = "2026-02-01") @QueryParam("asOf") String asOf,
            @Parameter(description = OpenApiFormat.DESCRIPTION, schema = @Schema(enumeration = {"json", "csv", "csv-nl"})) @QueryParam("format") String format,
            @BeanParam PagingParams paging,
            @Context Request http) {
        Csv.Dialect csv = Csv.chosen(http, format);
        ScorecardDto scorecard = service.scorecard(paging.toRequestOrAll(csv != null), AsOf.parse(asOf));
        if (csv != null) {
            // Tidy: one row per verdict; a norm's interim indication is a row of its own (role interim).
            List<String> header = new java.util.ArrayList<>(List.of("evaluatedOn", "normLabelNl", "normLabelEn", "normType", "normKind", "role",
                    "indicatorLabelNl"));
            header.addAll(NormCheckCsv.CHECK_COLUMNS);
            return Csv.response(csv, "scorecard", header, printer -> {
                for (ScorecardDto.Item item : scorecard.items()) {
                    for (Map.Entry<String, NormCheckDto> check : roles(item).entrySet()) {
                        List<Object> row = new java.util.ArrayList<>(java.util.Arrays.asList(Csv.cells(scorecard.evaluatedOn(), item.norm().label().nl(),
                                item.norm().label().en(), item.norm().type(), item.norm().kind(), check.getKey(), item.indicator().label().nl())));
                        row.addAll(java.util.Arrays.asList(NormCheckCsv.row(item.indicator().id(), check.getValue())));
                        printer.printRecord(row);
                    }
                }
            });
        }
        return Response.ok(scorecard).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    private static Map<String, NormCheckDto> roles(ScorecardDto.Item item) {
        Map<String, NormCheckDto> roles = new java.util.LinkedHashMap<>();
        roles.put("latest", item.latest());
        if (item.interim() != null) {
            roles.put("interim", item.interim());
        }
        return roles;
    }
}

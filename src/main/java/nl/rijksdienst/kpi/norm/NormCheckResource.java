package nl.rijksdienst.kpi.norm;

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
import nl.rijksdienst.kpi.common.Csv;
import nl.rijksdienst.kpi.common.MediaTypes;
import nl.rijksdienst.kpi.common.OpenApiFormat;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import java.util.List;
import nl.rijksdienst.kpi.common.HttpCaching;
import nl.rijksdienst.kpi.common.PagingParams;
import nl.rijksdienst.kpi.common.AsOf;
import nl.rijksdienst.kpi.common.Page;
import nl.rijksdienst.kpi.common.PageRequest;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/indicators/{indicatorId}/norm-checks")
@Tag(name = "Indicatoren")
public class NormCheckResource {

    private final NormCheckService service;

    public NormCheckResource(NormCheckService service) {
        this.service = service;
    }

    @Schema(name = "NormEvaluationCollection", description = "De toetsing van een indicator aan elk van zijn normen.")
    public record NormEvaluationCollection(@Schema(required = true) List<NormEvaluationDto> items, @Schema(required = true) Page paging) {
    }

    @HttpCaching.MaxAge(60)
    @HttpCaching.DependsOnDay
    @GET
    @Produces({MediaType.APPLICATION_JSON, MediaTypes.TEXT_CSV})
    @Operation(operationId = "listNormChecks", summary = "Toetsing van een indicator aan zijn normen opvragen",
            description = """
                    Geeft per norm van de indicator het oordeel over elke waarneming en over de laatste: voldaan, \
                    overschreden, op of niet op koers (streefwaarde met deadline), onbepaald of geen gegevens; met het \
                    verschil tot de drempel (in procentpunten bij percentages), de trend sinds de vorige vergelijkbare \
                    waarneming, het benodigde tegenover het waargenomen tempo en de kanttekeningen (tussenstand, niet \
                    vergelijkbaar, grens of bandbreedte in plaats van een waarde). Een indicator zonder normen geeft een lege lijst.""")
    @APIResponse(responseCode = "200", description = "Gelukt.", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NormEvaluationCollection.class)),
            @Content(mediaType = MediaTypes.TEXT_CSV, schema = @Schema(type = SchemaType.STRING))})
    public Response list(
            @Parameter(description = "Identificatie van de indicator.", example = "external-hiring-share") @PathParam("indicatorId") String indicatorId,
            @Parameter(description = AsOf.DESCRIPTION, example = "2026-02-01") @QueryParam("asOf") String asOf,
            @Parameter(description = OpenApiFormat.DESCRIPTION, schema = @Schema(enumeration = {"json", "csv", "csv-nl"})) @QueryParam("format") String format,
            @BeanParam PagingParams paging,
            @Context Request http) {
        Csv.Dialect csv = Csv.chosen(http, format);
        PageRequest request = paging.toRequestOrAll(csv != null);
        Page.Sliced<NormEvaluationDto> sliced = Page.slice(service.evaluateIndicator(indicatorId, AsOf.parse(asOf)), request, e -> e);
        if (csv != null) {
            List<String> header = new java.util.ArrayList<>(NormCheckCsv.CHECK_COLUMNS);
            header.add("latest");
            return Csv.response(csv, indicatorId + "-norm-checks", header, printer -> {
                for (NormEvaluationDto evaluation : sliced.items()) {
                    for (NormCheckDto check : evaluation.checks()) {
                        boolean latest = check.equals(evaluation.latest());
                        printer.printRecord(NormCheckCsv.row(indicatorId, check, String.valueOf(latest)));
                    }
                    if (evaluation.checks().isEmpty()) {
                        printer.printRecord(NormCheckCsv.row(indicatorId, evaluation.latest(), "true"));
                    }
                }
            });
        }
        return Response.ok(new NormEvaluationCollection(sliced.items(), sliced.paging())).type(MediaType.APPLICATION_JSON_TYPE).build();
    }
}

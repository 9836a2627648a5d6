package nl.rijksdienst.kpi.observation;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Variant;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import nl.rijksdienst.kpi.common.AsOf;
import nl.rijksdienst.kpi.common.Csv;
import nl.rijksdienst.kpi.common.DownloadPacing;
import nl.rijksdienst.kpi.common.HttpCaching;
import nl.rijksdienst.kpi.common.KnownQueryParameters;
import nl.rijksdienst.kpi.common.MediaTypes;
import nl.rijksdienst.kpi.common.Page;
import nl.rijksdienst.kpi.common.PagingParams;
import nl.rijksdienst.kpi.common.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.Explode;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterStyle;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Every observation in one download, across indicators: for an analyst who wants the whole data set
 * (or a theme, or a few indicators) as one tidy table.
 */
@Path("/observations")
@Tag(name = "Indicatoren")
public class AllObservationsResource {

    private static final List<Variant> VARIANTS = Variant.mediaTypes(MediaType.APPLICATION_JSON_TYPE, MediaType.valueOf(MediaTypes.TEXT_CSV)).build();

    private final ObservationService service;
    private final DownloadPacing pacing;

    public AllObservationsResource(ObservationService service, DownloadPacing pacing) {
        this.service = service;
        this.pacing = pacing;
    }

    @Schema(name = "ObservationListing", description = """
            Een pagina waarnemingen van meer indicatoren: per indicator (op identificatie), dan in \
            volgorde van periode. Elke waarneming heeft de naam van haar indicator en van haar dimensiecodes bij zich.""")
    public record ObservationListing(@Schema(required = true) List<ObservationDto> items, @Schema(required = true) Page paging) {
    }

    @HttpCaching.MaxAge(60)
    @GET
    @KnownQueryParameters.OpenQuery
    @Produces({MediaType.APPLICATION_JSON, MediaTypes.TEXT_CSV})
    @Operation(operationId = "listAllObservations", summary = "Waarnemingen van alle indicatoren opvragen",
            description = """
                    Geeft de waarnemingen van alle indicatoren in één lijst, of van de indicatoren die `indicator` noemt of \
                    van de thema's in `theme`. Filters als bij /indicators/{indicatorId}/observations: periode (`from`, `to`, \
                    `startPeriod`, `endPeriod`), `status`, `statedBy`, `asOf` en dimensie (`dimension=category:beleid`, of \
                    `?category=beleid`); een dimensiefilter laat alleen de indicatoren met die dimensie over. Elke waarneming \
                    heeft haar id en versie (om haar mee aan te halen) en de namen van haar indicator en dimensiecodes. Als CSV \
                    (`format=csv`, `format=csv-nl` of `Accept: text/csv`): één rij per waarneming met dezelfde kolommen als de \
                    CSV van één indicator, een kolom per dimensie van de gekozen indicatoren (leeg waar een indicator die \
                    dimensie niet heeft) met de namen van de codes ernaast (`categoryLabelNl`, `categoryLabelEn`); de hele \
                    selectie, tenzij `page` of `pageSize` is opgegeven. Periodecodes zijn tekst (`2024`, `2025-S1`): lees ze \
                    als tekst (pandas `dtype={"periodCode": str}`, R `colClasses = c(periodCode = "character")`). SDMX is er \
                    per indicator, bij /indicators/{indicatorId}/observations.""")
    @APIResponse(responseCode = "200", description = "De waarnemingen.", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ObservationListing.class)),
            @Content(mediaType = MediaTypes.TEXT_CSV, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = "Ongeldige invoer: een indicator, thema, periode, status, formaat, dimensie of code deugt niet; de melding noemt elke parameter die niet deugt.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response list(
            @Parameter(description = "Alleen deze indicatoren (komma-gescheiden identificaties).", style = ParameterStyle.FORM, explode = Explode.FALSE,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = String.class))
            @QueryParam("indicator") String indicator,
            @Parameter(description = "Alleen de indicatoren van deze thema's (komma-gescheiden identificaties).", style = ParameterStyle.FORM, explode = Explode.FALSE,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = String.class)) @QueryParam("theme") String theme,
            @Parameter(description = "Eerste periode (periodecode).", example = "2024") @QueryParam("from") String from,
            @Parameter(description = "Laatste periode (periodecode).", example = "2025-S1") @QueryParam("to") String to,
            @Parameter(description = "Als from, in SDMX-stijl.", example = "2024") @QueryParam("startPeriod") String startPeriod,
            @Parameter(description = "Als to, in SDMX-stijl.", example = "2025-S1") @QueryParam("endPeriod") String endPeriod,
            @Parameter(description = "Alleen waarnemingen met deze status (komma-gescheiden): final, provisional, estimate, forecast, target.", example = "final")
            @QueryParam("status") String status,
            @Parameter(description = "Alleen cijfers die deze spreker noemt (komma-gescheiden): minister, members, third_party.", example = "minister")
            @QueryParam("statedBy") String statedBy,
            @Parameter(description = """
                    Filter op dimensie: `<dimensie>:<code>`, herhaalbaar; meer codes komma-gescheiden (`category:uitvoering,inspectie`). \
                    Korter, met de dimensie zelf als parameter: `?category=uitvoering,inspectie`.""",
                    schema = @Schema(type = SchemaType.ARRAY, implementation = String.class)) @QueryParam("dimension") List<String> dimension,
            @Parameter(description = AsOf.DESCRIPTION, example = "2026-02-01") @QueryParam("asOf") String asOf,
            @Parameter(description = "Formaat van het antwoord; gaat voor de Accept-header. csv-nl is de CSV zoals Nederlandse Excel hem opent "
                    + "(puntkomma's, decimale komma, UTF-8 met byte order mark).", schema = @Schema(enumeration = {"json", "csv", "csv-nl"}))
            @QueryParam("format") String format,
            @BeanParam PagingParams paging,
            @Context UriInfo uriInfo,
            @Context Request request) {
        Variant variant = request.selectVariant(VARIANTS);
        ObservationQuery.Format negotiated = variant != null && variant.getMediaType().isCompatible(MediaType.valueOf(MediaTypes.TEXT_CSV))
                ? ObservationQuery.Format.csv : null;
        ObservationService.Across result = service.searchAcross(uriInfo.getQueryParameters(), negotiated);
        ObservationQuery.Format representation = result.query().format() == null ? ObservationQuery.Format.json : result.query().format();
        if (representation == ObservationQuery.Format.json) {
            return Response.ok(new ObservationListing(result.dtos(), result.paging()), MediaType.APPLICATION_JSON_TYPE).build();
        }
        Csv.Dialect dialect = representation.dialect();
        List<String> dimensions = ObservationCsv.dimensionIds(result.indicators().values());
        return Csv.response(dialect, "observations", output -> pacing.write(output, result.streamed(), out -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            if (result.streamed()) {
                service.streamAcross(result, rows -> ObservationCsv.write(dialect, result.indicators(), dimensions, rows, writer));
            } else {
                ObservationCsv.write(dialect, result.indicators(), dimensions, result.items(), writer);
            }
            writer.flush();
        }));
    }
}

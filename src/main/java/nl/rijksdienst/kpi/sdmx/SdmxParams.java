package nl.rijksdienst.kpi.sdmx;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The query parameters the SDMX REST operations share, read as text so that a bad value is a 400 naming it. */
final class SdmxParams {

    private SdmxParams() {
    }

    /** Of a structure query: which related structures come along, and how much detail. */
    public static class Structure {

        @Parameter(description = "Welke verwante structuren mee komen: none (standaard), parents (wie deze gebruikt), parentsandsiblings, children "
                + "(wat deze gebruikt: de datastructuur van een dataflow, de codelijsten en begrippen van een datastructuur), descendants, all, "
                + "of een soort (dataflow, datastructure, codelist, conceptscheme).", schema = @Schema(enumeration = {"none", "parents", "parentsandsiblings",
                    "children", "descendants", "all", "dataflow", "datastructure", "codelist", "conceptscheme"}))
        @QueryParam("references")
        String references;

        @Parameter(description = "Hoeveel detail: alleen full.", schema = @Schema(enumeration = {"full"}))
        @QueryParam("detail")
        String detail;

        @HeaderParam(HttpHeaders.ACCEPT)
        String accept;
    }

    /** Of a data query: the periods, the last observations, what changed since, how much detail. */
    public static class Data {

        @Parameter(description = "Alleen perioden vanaf deze (een periodecode of datum).", example = "2024")
        @QueryParam("startPeriod")
        String startPeriod;

        @Parameter(description = "Alleen perioden tot en met deze.", example = "2025-S1")
        @QueryParam("endPeriod")
        String endPeriod;

        @Parameter(description = "Alleen de laatste N waarnemingen van elke reeks.", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100000"))
        @QueryParam("lastNObservations")
        String lastNObservations;

        @Parameter(description = "Alleen waarnemingen die na dit moment zijn vastgelegd of gecorrigeerd (ISO 8601, met tijdzone).", example = "2026-01-01T00:00:00Z")
        @QueryParam("updatedAfter")
        String updatedAfter;

        @Parameter(description = "Hoeveel detail: full (standaard), dataonly (zonder attributen), serieskeysonly, nodata.",
                schema = @Schema(enumeration = {"full", "dataonly", "serieskeysonly", "nodata"}))
        @QueryParam("detail")
        String detail;

        @Parameter(description = "De dimensie bij de waarneming: alleen TIME_PERIOD.", schema = @Schema(enumeration = {"TIME_PERIOD"}))
        @QueryParam("dimensionAtObservation")
        String dimensionAtObservation;

        @HeaderParam(HttpHeaders.ACCEPT)
        String accept;
    }
}

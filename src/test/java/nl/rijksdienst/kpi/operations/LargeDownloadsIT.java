package nl.rijksdienst.kpi.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A download streams in bounded memory: 200,000 observations of one indicator, exported whole as
 * CSV, SDMX-CSV and SDMX-JSON, and their 199,800 changes, by a service with a heap of 128 MiB (the rows
 * alone, loaded as objects, would take several times that); the first page of the changes and a
 * deep page of the observations are answered too.
 */
class LargeDownloadsIT {

    private static final Path WORK = Path.of("target", "it", "large-downloads").toAbsolutePath();
    private static final int CODES = 200;
    private static final int MONTHS = 1_000;

    @Test
    void aWholeSeriesOf200000RowsIsExportedWithA128MiBHeap() throws Exception {
        EmbeddedDatabaseIT.Dirs.deleteRecursively(WORK);
        Files.createDirectories(WORK);
        try (ServiceProcess service = ServiceProcess.start(WORK, "service", Map.of("KPI_EMBEDDED_POSTGRES_DATA_DIR", WORK.resolve("pg").toString()), "128m")) {
            service.awaitReady(Duration.ofSeconds(120));
            String token = ServiceProcess.editorToken(WORK.resolve("keys"));
            StringBuilder codes = new StringBuilder();
            for (int i = 0; i < CODES; i++) {
                codes.append(i == 0 ? "" : ",").append("{\"code\": \"o").append(i).append("\", \"label\": {\"nl\": \"Organisatie ").append(i).append("\"}}");
            }
            HttpResponse<String> indicator = service.post("/api/v1/indicators", token, "application/json", """
                    {"id": "large-series", "themeId": "werkgeverschap", "unit": "count", "kind": "level",
                     "label": {"nl": "Grote reeks", "en": "Large series"}, "frequencies": ["monthly"],
                     "dimensions": [{"id": "organisation", "label": {"nl": "Organisatie", "en": "Organisation"}, "codes": [%s]}]}""".formatted(codes));
            assertThat(indicator.statusCode()).as(indicator.body()).isEqualTo(201);
            StringBuilder csv = new StringBuilder(CODES * MONTHS * 110);
            csv.append("indicatorId,periodCode,organisation,qualifier,value,valueText,status,sourceId,quote\n");
            for (int m = 0; m < MONTHS; m++) {
                String period = String.format("%d-%02d", 1940 + m / 12, m % 12 + 1);
                for (int i = 0; i < CODES; i++) {
                    int v = (m * 7 + i * 13) % 10_000;
                    csv.append("large-series,").append(period).append(",o").append(i).append(",exact,").append(v).append(',').append(v)
                            .append(",final,antwoorden-so-functioneren-rijksdienst-2026,Rij\n");
                }
            }
            HttpResponse<String> imported = service.post("/api/v1/observation-imports?reason=groot", token, "text/csv", csv.toString());
            csv.setLength(0);
            assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
            assertThat(imported.body()).contains("\"inserted\":" + CODES * MONTHS);

            long[] exported = service.countLines("/api/v1/indicators/large-series/observations?format=csv");
            assertThat(exported[0]).isEqualTo(200);
            assertThat(exported[1]).as("the header and every row").isEqualTo(CODES * MONTHS + 1L);
            long[] sdmx = service.countLines("/api/v1/indicators/large-series/observations?format=sdmx-csv");
            assertThat(sdmx[0]).isEqualTo(200);
            assertThat(sdmx[1]).isEqualTo(CODES * MONTHS + 1L);
            long[] sdmxJson = service.countOccurrences("/api/v1/indicators/large-series/observations?format=sdmx-json", "\"observations\"");
            assertThat(sdmxJson[0]).isEqualTo(200);
            assertThat(sdmxJson[1]).as("a series per organisation").isEqualTo(CODES);
            long[] changes = service.countLines("/api/v1/indicators/large-series/changes?format=csv");
            assertThat(changes[0]).isEqualTo(200);
            assertThat(changes[1]).as("every month but the first of each series, and the header").isEqualTo(CODES * (MONTHS - 1) + 1L);
            HttpResponse<String> firstPage = service.get("/api/v1/indicators/large-series/changes?basis=yearAgo");
            assertThat(firstPage.statusCode()).isEqualTo(200);
            assertThat(firstPage.body()).contains("\"totalItems\":" + CODES * (MONTHS - 12));
            HttpResponse<String> deepPage = service.get("/api/v1/indicators/large-series/observations?page=1999&pageSize=100");
            assertThat(deepPage.statusCode()).isEqualTo(200);
            assertThat(deepPage.body()).contains("\"page\":1999").contains("2023-04");
            // and the service still answers, with no memory trouble in its log
            assertThat(service.get("/api/v1/scorecard").statusCode()).isEqualTo(200);
            assertThat(service.log()).doesNotContain("OutOfMemoryError");
        }
    }
}

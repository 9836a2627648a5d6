package nl.rijksdienst.kpi.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** Every collection as CSV, observations as SDMX-CSV and SDMX-JSON, each read back by a real parser. */
@QuarkusTest
class RepresentationsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static List<CSVRecord> csv(String body) throws Exception {
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(body))) {
            return parser.getRecords();
        }
    }

    @Test
    void everyCollectionIsAlsoTidyCsv() throws Exception {
        Map<String, Integer> collections = Map.of("/api/v1/indicators", 18, "/api/v1/norms", 8, "/api/v1/themes", 6, "/api/v1/sources", 6,
                "/api/v1/scorecard", 9, "/api/v1/indicators/external-hiring-share/norm-checks", 3);
        for (Map.Entry<String, Integer> collection : collections.entrySet()) {
            String body = given().accept("text/csv").when().get(collection.getKey())
                    .then().statusCode(200).contentType(containsString("text/csv")).extract().asString();
            assertThat(csv(body)).as(collection.getKey()).hasSize(collection.getValue());
            String viaFormat = given().queryParam("format", "csv").when().get(collection.getKey()).then().statusCode(200).extract().asString();
            assertThat(viaFormat).isEqualTo(body);
        }
        List<CSVRecord> scorecard = csv(given().queryParam("format", "csv").when().get("/api/v1/scorecard").then().extract().asString());
        CSVRecord roemernorm = scorecard.stream().filter(r -> r.get("normId").equals("roemernorm")).findFirst().orElseThrow();
        // eight norms and comparisons, and the Roemernorm's interim indication as a row of its own
        assertThat(scorecard).extracting(r -> r.get("normId") + " " + r.get("role")).contains("roemernorm latest", "roemernorm interim");
        CSVRecord interim = scorecard.stream().filter(r -> r.get("role").equals("interim")).findFirst().orElseThrow();
        assertThat(interim.get("periodCode")).isEqualTo("2025-S1");
        assertThat(interim.get("gap")).isEqualTo("1.4");
        assertThat(interim.get("caveats")).startsWith("interim_indication");
        assertThat(scorecard).filteredOn(r -> r.get("normKind").equals("comparison")).hasSize(2);
        assertThat(roemernorm.get("verdict")).isEqualTo("breached");
        assertThat(roemernorm.get("gap")).isEqualTo("5.4");
        assertThat(roemernorm.get("gapUnit")).isEqualTo("percentage_point");
        assertThat(roemernorm.get("status")).isEqualTo("final");
        List<CSVRecord> checks = csv(given().queryParam("format", "csv").when().get("/api/v1/indicators/wage-offer/norm-checks").then().extract().asString());
        assertThat(checks).anySatisfy(r -> {
            assertThat(r.get("normId")).isEqualTo("wage-offer-vs-inflation");
            assertThat(r.get("periodCode")).isEqualTo("2026");
            assertThat(r.get("gap")).isEqualTo("-2.6");
            assertThat(r.get("latest")).isEqualTo("true");
        });
        given().queryParam("format", "xlsx").when().get("/api/v1/norms").then().statusCode(400).body("invalidParams[0].name", equalTo("format"));
    }

    @Test
    void observationsAreSdmxCsvThatAParserReadsBack() throws Exception {
        String body = given().queryParam("format", "sdmx-csv").when().get("/api/v1/indicators/workforce-fte-growth/observations")
                .then().statusCode(200).contentType(containsString("application/vnd.sdmx.data+csv")).extract().asString();
        List<CSVRecord> rows = csv(body);
        assertThat(rows).hasSize(7);
        assertThat(rows).allSatisfy(r -> assertThat(r.get("DATAFLOW")).isEqualTo("RIJKSDIENST:workforce-fte-growth(1.0)"));
        CSVRecord q3 = rows.stream().filter(r -> r.get("TIME_PERIOD").equals("2025-Q3") && r.get("category").equals("inspectie")).findFirst().orElseThrow();
        assertThat(q3.get("FREQ")).isEqualTo("Q");
        assertThat(q3.get("OBS_VALUE")).isEqualTo("5.7");
        assertThat(q3.get("OBS_STATUS")).isEqualTo("A");
        assertThat(q3.get("UNIT_MEASURE")).isEqualTo("PC");
        assertThat(q3.get("BASE_PER")).isEqualTo("2024-Q4");
        CSVRecord range = rows.stream().filter(r -> r.get("TIME_PERIOD").equals("2025-S1")).findFirst().orElseThrow();
        assertThat(range.get("OBS_VALUE")).isEmpty();
        assertThat(range.get("OBS_QUALIFIER")).isEqualTo("range");
        assertThat(range.get("OBS_VALUE_LOW")).isEqualTo("2.5");
        assertThat(range.get("OBS_VALUE_HIGH")).isEqualTo("5.2");

        List<CSVRecord> hiring = csv(given().accept("application/vnd.sdmx.data+csv;version=1.0.0").when()
                .get("/api/v1/indicators/external-hiring-share/observations").then().statusCode(200).extract().asString());
        assertThat(hiring).extracting(r -> r.get("TIME_PERIOD")).containsExactly("2023", "2024", "2025-S1");
        assertThat(hiring).extracting(r -> r.get("OBS_STATUS")).containsExactly("A", "A", "P");
        List<CSVRecord> vacancies = csv(given().queryParam("format", "sdmx-csv").when().get("/api/v1/indicators/vacancies-opened/observations")
                .then().extract().asString());
        assertThat(vacancies.get(0).get("TIME_PERIOD")).isEqualTo("2025-01-01/P9M");
        assertThat(vacancies.get(0).get("OBS_QUALIFIER")).isEqualTo("lower_bound");
    }

    @Test
    void observationsAreSdmxJsonThatAParserReadsBack() throws Exception {
        JsonNode message = JSON.readTree(given().accept("application/vnd.sdmx.data+json;version=1.0.0").when()
                .get("/api/v1/indicators/external-hiring-share/observations")
                .then().statusCode(200).contentType(containsString("application/vnd.sdmx.data+json")).extract().asString());

        JsonNode structure = message.path("data").path("structure");
        assertThat(structure.path("dimensions").path("series").get(0).path("id").asText()).isEqualTo("FREQ");
        JsonNode time = structure.path("dimensions").path("observation").get(0);
        assertThat(time.path("id").asText()).isEqualTo("TIME_PERIOD");
        JsonNode statusAttribute = structure.path("attributes").path("observation").get(0);
        assertThat(statusAttribute.path("id").asText()).isEqualTo("OBS_STATUS");

        List<String> read = new ArrayList<>();
        JsonNode series = message.path("data").path("dataSets").get(0).path("series");
        series.fields().forEachRemaining(s -> {
            String freq = structure.path("dimensions").path("series").get(0).path("values").get(Integer.parseInt(s.getKey().split(":")[0])).path("id").asText();
            s.getValue().path("observations").fields().forEachRemaining(o -> {
                String period = time.path("values").get(Integer.parseInt(o.getKey())).path("id").asText();
                String status = statusAttribute.path("values").get(o.getValue().get(1).asInt()).path("id").asText();
                read.add(freq + " " + period + " " + o.getValue().get(0).decimalValue().toPlainString() + " " + status);
            });
        });
        assertThat(read).containsExactlyInAnyOrder("A 2023 15.4 A", "A 2024 15.4 A", "S 2025-S1 11.4 P");
    }

    @Test
    void sdmxPeriodFiltersAndLastNObservationsSelectTheSeries() {
        given().queryParam("startPeriod", "2024").queryParam("endPeriod", "2024").when().get("/api/v1/indicators/external-hiring-share/observations")
                .then().statusCode(200).body("items.period.code", org.hamcrest.Matchers.contains("2024"));
        given().queryParam("lastNObservations", 1).when().get("/api/v1/indicators/external-hiring-share/observations")
                .then().statusCode(200).body("items.period.code", org.hamcrest.Matchers.containsInAnyOrder("2024", "2025-S1"));
        given().queryParam("lastNObservations", 1).queryParam("category", "inspectie").when().get("/api/v1/indicators/workforce-fte-growth/observations")
                .then().statusCode(200).body("items.period.code", org.hamcrest.Matchers.containsInAnyOrder("2025-S1", "2025-Q3"));
        given().queryParam("from", "2023").queryParam("startPeriod", "2024").when().get("/api/v1/indicators/external-hiring-share/observations")
                .then().statusCode(400).body("invalidParams[0].name", equalTo("startPeriod"));
        given().queryParam("lastNObservations", 0).when().get("/api/v1/indicators/external-hiring-share/observations")
                .then().statusCode(400).body("invalidParams[0].name", equalTo("lastNObservations"));
    }

    @Test
    void changesAreComputedWithinTheSeriesWithTheirUnits() throws Exception {
        given().when().get("/api/v1/indicators/external-hiring-share/changes")
                .then().statusCode(200)
                .body("basis", equalTo("previousPeriod"))
                .body("items.period.code", org.hamcrest.Matchers.contains("2024"))
                .body("items[0].comparedWith.code", equalTo("2023"))
                .body("items[0].change", equalTo(0.0f))
                .body("items[0].changeUnit", equalTo("percentage_point"));
        List<CSVRecord> rows = csv(given().queryParam("format", "csv").queryParam("basis", "yearAgo").when()
                .get("/api/v1/indicators/external-hiring-share/changes").then().statusCode(200).extract().asString());
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("comparedWith")).isEqualTo("2023");
        assertThat(rows.get(0).get("change")).isEqualTo("0.0");
        given().queryParam("basis", "lastWeek").when().get("/api/v1/indicators/external-hiring-share/changes")
                .then().statusCode(400).body("invalidParams[0].name", equalTo("basis"));
        given().when().get("/api/v1/indicators/none/changes").then().statusCode(404);
    }

    @Test
    void answersAreCompressedWhenTheClientAcceptsIt() {
        given().header("Accept-Encoding", "gzip").when().get("/api/v1/scorecard")
                .then().statusCode(200).header("Content-Encoding", "gzip");
        given().header("Accept-Encoding", "gzip").queryParam("format", "csv").when().get("/api/v1/indicators/workforce-fte-growth/observations")
                .then().statusCode(200).header("Content-Encoding", "gzip");
    }
}

package nl.rijksdienst.kpi.observation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.rijksdienst.kpi.testing.CsvRows;
import org.junit.jupiter.api.Test;

/** {@code GET /observations}: every observation across indicators, as JSON and as CSV. */
@QuarkusTest
class AllObservationsTest {

    private static final String ALL = "/api/v1/observations";

    private static JsonPath indicators() {
        return given().queryParam("pageSize", 1000).when().get("/api/v1/indicators").then().statusCode(200).extract().jsonPath();
    }

    /** The listing holds exactly the observations of every indicator's own series, each once. */
    @Test
    void theListingIsEveryIndicatorsSeries() {
        List<String> ids = indicators().getList("items.id", String.class);
        List<String> expected = new ArrayList<>();
        for (String id : ids) {
            given().queryParam("pageSize", 1000).when().get("/api/v1/indicators/" + id + "/observations").then().statusCode(200).extract().jsonPath()
                    .getList("items.id", Long.class).forEach(o -> expected.add(id + "/" + o));
        }
        JsonPath all = given().queryParam("pageSize", 1000).when().get(ALL).then().statusCode(200).extract().jsonPath();
        List<String> listed = new ArrayList<>();
        List<Map<String, Object>> items = all.getList("items");
        items.forEach(i -> listed.add(i.get("indicatorId") + "/" + i.get("id")));
        assertThat(listed).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(all.getLong("paging.totalItems")).isEqualTo(expected.size());
        // by indicator
        List<String> order = items.stream().map(i -> (String) i.get("indicatorId")).toList();
        assertThat(order).isSortedAccordingTo(String::compareTo);
        // the whole CSV has the same rows
        String csv = given().queryParam("format", "csv").when().get(ALL).then().statusCode(200)
                .header("Content-Disposition", containsString("observations.csv")).extract().asString();
        assertThat(CsvRows.of(csv)).extracting(r -> r.get("indicatorId") + "/" + r.get("observationId")).containsExactlyElementsOf(listed);
    }

    /** Each row names its indicator and dimension codes, with its id and version to cite it by. */
    @Test
    void rowsCarryLabelsIdsAndVersions() {
        JsonPath indicator = given().when().get("/api/v1/indicators/workforce-fte-growth").then().statusCode(200).extract().jsonPath();
        Map<String, String> labelsNl = new HashMap<>();
        Map<String, String> labelsEn = new HashMap<>();
        List<Map<String, Object>> codes = indicator.getList("dimensions.find { it.id == 'category' }.codes");
        codes.forEach(c -> {
            @SuppressWarnings("unchecked")
            Map<String, String> label = (Map<String, String>) c.get("label");
            labelsNl.put((String) c.get("code"), label.get("nl"));
            labelsEn.put((String) c.get("code"), label.get("en"));
        });
        given().queryParam("indicator", "workforce-fte-growth").when().get(ALL).then().statusCode(200)
                .body("items.indicatorLabel.nl", hasItems(indicator.getString("label.nl")))
                .body("items.find { it.dimensions.category == 'uitvoering' }.dimensionLabels.category.nl", equalTo(labelsNl.get("uitvoering")));
        String csv = given().queryParam("format", "csv").queryParam("indicator", "workforce-fte-growth,external-hiring-share").when().get(ALL)
                .then().statusCode(200).extract().asString();
        List<String> header = CsvRows.header(csv);
        assertThat(header).startsWith("observationId", "version", "indicatorId", "indicatorLabelNl", "indicatorLabelEn", "periodCode");
        assertThat(header).containsSubsequence("category", "categoryLabelNl", "categoryLabelEn");
        List<Map<String, String>> rows = CsvRows.of(csv);
        assertThat(rows).extracting(r -> r.get("indicatorId")).containsOnly("workforce-fte-growth", "external-hiring-share");
        for (Map<String, String> row : rows) {
            assertThat(row.get("observationId")).matches("[1-9][0-9]*");
            assertThat(row.get("version")).matches("[1-9][0-9]*");
            assertThat(row.get("seriesBreak")).isIn("TRUE", "FALSE");
            if (row.get("indicatorId").equals("workforce-fte-growth")) {
                assertThat(row.get("indicatorLabelNl")).isEqualTo(indicator.getString("label.nl"));
                assertThat(row.get("indicatorLabelEn")).isEqualTo(indicator.getString("label.en"));
                assertThat(row.get("categoryLabelNl")).isEqualTo(labelsNl.get(row.get("category")));
                assertThat(row.get("categoryLabelEn")).isEqualTo(labelsEn.get(row.get("category")));
            } else {
                // external hiring has no categories: the cells are empty
                assertThat(row.get("category")).isEmpty();
                assertThat(row.get("categoryLabelNl")).isEmpty();
            }
        }
        // the interim half-year figure is marked as such, and breaks the series
        assertThat(rows).anySatisfy(r -> assertThat(r).containsEntry("indicatorId", "external-hiring-share").containsEntry("periodCode", "2025-S1")
                .containsEntry("status", "provisional").containsEntry("seriesBreak", "TRUE"));
        // a row's id and version are those of the observation itself
        Map<String, String> row = rows.stream().filter(r -> r.get("indicatorId").equals("external-hiring-share")).findFirst().orElseThrow();
        given().when().get("/api/v1/indicators/external-hiring-share/observations/" + row.get("observationId")).then().statusCode(200)
                .body("version", equalTo(Integer.parseInt(row.get("version")))).body("period.code", equalTo(row.get("periodCode")));
    }

    @Test
    void filtersByThemeDimensionStatusAndPeriod() {
        JsonPath catalogue = indicators();
        List<Map<String, Object>> all = catalogue.getList("items");
        String theme = (String) all.get(0).get("themeId");
        List<String> ofTheme = all.stream().filter(i -> theme.equals(i.get("themeId"))).map(i -> (String) i.get("id")).toList();
        List<String> listed = given().queryParam("theme", theme).queryParam("pageSize", 1000).when().get(ALL).then().statusCode(200).extract().jsonPath()
                .getList("items.indicatorId", String.class);
        assertThat(listed).isNotEmpty();
        assertThat(ofTheme).containsAll(listed);

        List<Map<String, Object>> policy = given().queryParam("dimension", "category:beleid").queryParam("pageSize", 1000).when().get(ALL).then()
                .statusCode(200).extract().jsonPath().getList("items");
        assertThat(policy).isNotEmpty().allSatisfy(i -> assertThat(((Map<?, ?>) i.get("dimensions")).get("category")).isEqualTo("beleid"));
        // the shorter form means the same
        assertThat(given().queryParam("category", "beleid").queryParam("pageSize", 1000).when().get(ALL).then().statusCode(200).extract().jsonPath()
                .getList("items.id", Long.class)).containsExactlyElementsOf(policy.stream().map(i -> ((Number) i.get("id")).longValue()).toList());

        List<String> statuses = given().queryParam("status", "provisional").queryParam("pageSize", 1000).when().get(ALL).then().statusCode(200)
                .extract().jsonPath().getList("items.status", String.class);
        assertThat(statuses).isNotEmpty().containsOnly("provisional");

        List<String> periods = given().queryParam("from", "2025").queryParam("to", "2025").queryParam("pageSize", 1000).when().get(ALL).then()
                .statusCode(200).extract().jsonPath().getList("items.period.start", String.class);
        assertThat(periods).isNotEmpty().allSatisfy(p -> assertThat(p).startsWith("2025"));

        List<String> members = given().queryParam("statedBy", "members").queryParam("pageSize", 1000).when().get(ALL).then().statusCode(200)
                .extract().jsonPath().getList("items.citation.statedBy", String.class);
        assertThat(members).isNotEmpty().containsOnly("members");
    }

    /** Pages are slices of the one order the whole download has. */
    @Test
    void pagesAreSlicesOfTheWholeDownload() {
        List<Map<String, String>> whole = CsvRows.of(given().queryParam("format", "csv").when().get(ALL).then().statusCode(200).extract().asString());
        assertThat(whole.size()).isGreaterThan(10);
        List<Map<String, String>> page = CsvRows.of(given().queryParam("format", "csv").queryParam("page", 2).queryParam("pageSize", 5).when().get(ALL)
                .then().statusCode(200).extract().asString());
        assertThat(page).isEqualTo(whole.subList(5, 10));
        JsonPath json = given().queryParam("page", 2).queryParam("pageSize", 5).when().get(ALL).then().statusCode(200).extract().jsonPath();
        assertThat(json.getList("items.id", Long.class)).extracting(String::valueOf).containsExactlyElementsOf(page.stream().map(r -> r.get("observationId")).toList());
        assertThat(json.getInt("paging.totalItems")).isEqualTo(whole.size());
    }

    @Test
    void theDutchExcelDialect() {
        byte[] body = given().queryParam("format", "csv-nl").queryParam("indicator", "external-hiring-share").when().get(ALL).then().statusCode(200)
                .header("Content-Disposition", containsString("observations.nl.csv")).extract().asByteArray();
        assertThat(body).startsWith(0xEF, 0xBB, 0xBF);
        String csv = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        List<Map<String, String>> rows = CsvRows.of(csv, ';');
        assertThat(rows).anySatisfy(r -> assertThat(r).containsEntry("periodCode", "2024").containsEntry("value", "15,4").containsEntry("seriesBreak", "ONWAAR"));
        assertThat(rows).anySatisfy(r -> assertThat(r).containsEntry("periodCode", "2025-S1").containsEntry("seriesBreak", "WAAR"));
    }

    @Test
    void badQueriesAreProblemsNamingEachParameter() {
        given().queryParam("indicator", "external-hiring-share,nope").queryParam("theme", "nope").queryParam("lastNObservations", "2")
                .queryParam("format", "sdmx-json").queryParam("pagesize", "2").when().get(ALL).then().statusCode(400)
                .contentType("application/problem+json")
                .body("invalidParams.name", hasItems("indicator", "theme", "lastNObservations", "format", "pagesize"))
                .body("invalidParams.find { it.name == 'indicator' }.reason", containsString("nope"));
        given().queryParam("category", "ict").when().get(ALL).then().statusCode(400)
                .body("invalidParams.find { it.name == 'category' }.reason", containsString("beleid"));
        given().queryParam("dimension", "nodimension").queryParam("from", "2025-13").when().get(ALL).then().statusCode(400)
                .body("invalidParams.name", hasItems("dimension", "from"));
        given().header("Accept", "application/xml").when().get(ALL).then().statusCode(406).contentType("application/problem+json");
    }
}

package nl.rijksdienst.kpi.editing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * /changes pairs each point value with the one before it of the same series and kind of period
 * (previousPeriod) or the same period a year earlier (yearAgo), found in the database a page at a
 * time; ranges, bounds and other series are never compared.
 */
@QuarkusTest
@TestProfile(WritingProfile.class)
class ChangesTest {

    private static String indicator;

    @BeforeEach
    synchronized void anIndicatorWithEveryKindOfPeriod() {
        if (indicator != null) {
            return;
        }
        indicator = "changes-" + System.nanoTime() % 1_000_000;
        given().header("Authorization", Tokens.editor()).contentType("application/json").body("""
                {"id": "%s", "themeId": "werkgeverschap", "unit": "percent", "kind": "share",
                 "label": {"nl": "Veranderingen", "en": "Changes"},
                 "frequencies": ["annual", "semiannual", "quarterly", "monthly", "daily"],
                 "dimensions": [{"id": "department", "label": {"nl": "Ministerie", "en": "Ministry"},
                   "codes": [{"code": "bzk", "label": {"nl": "BZK", "en": "Interior"}}, {"code": "fin", "label": {"nl": "Financiën", "en": "Finance"}}]}]}
                """.formatted(indicator)).when().post("/api/v1/indicators").then().statusCode(201);
        StringBuilder csv = new StringBuilder("indicatorId,periodCode,department,qualifier,value,status,sourceId,quote\n");
        String[][] rows = {
                {"2023", "bzk", "exact", "10"}, {"2024", "bzk", "exact", "12"}, {"2024", "fin", "exact", "20"}, {"2025", "fin", "lower_bound", "22"},
                {"2024-S1", "bzk", "exact", "5"}, {"2024-S2", "bzk", "exact", "6"}, {"2025-S1", "bzk", "approximate", "8"},
                {"2024-Q1", "bzk", "exact", "1"}, {"2024-Q4", "bzk", "exact", "2"}, {"2025-Q1", "bzk", "exact", "4"},
                {"2024-01", "fin", "exact", "3"}, {"2024-12", "fin", "exact", "6"}, {"2025-01", "fin", "exact", "9"},
                {"2024-03-01", "fin", "exact", "1"}, {"2025-02-28", "fin", "exact", "2"}, {"2025-03-01", "fin", "exact", "3"}};
        for (String[] row : rows) {
            csv.append(indicator).append(',').append(row[0]).append(',').append(row[1]).append(',').append(row[2]).append(',').append(row[3])
                    .append(",final,").append(EditorFixtures.LETTER).append(",q\n");
        }
        given().header("Authorization", Tokens.editor()).contentType("text/csv").body(csv.toString()).when().post("/api/v1/observation-imports")
                .then().statusCode(201);
    }

    /** period code (department) → compared period code, for one basis and query. */
    private static Map<String, String> pairs(String query) {
        JsonPath json = given().urlEncodingEnabled(false).when().get("/api/v1/indicators/" + indicator + "/changes" + (query.isEmpty() ? "" : "?" + query)).then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> items = json.getList("items");
        assertThat(json.getLong("paging.totalItems")).isEqualTo(items.size());
        return items.stream().collect(Collectors.toMap(i -> ((Map<?, ?>) i.get("period")).get("code") + " " + ((Map<?, ?>) i.get("dimensions")).get("department"),
                i -> (String) ((Map<?, ?>) i.get("comparedWith")).get("code"), (a, b) -> a + "," + b, java.util.LinkedHashMap::new));
    }

    @Test
    void thePreviousPeriodOfEachKindInPeriodOrder() {
        assertThat(pairs("basis=previousPeriod")).containsExactly(Map.entry("2024 bzk", "2023"), Map.entry("2024-S2 bzk", "2024-S1"),
                Map.entry("2025-01 fin", "2024-12"), Map.entry("2025-Q1 bzk", "2024-Q4"), Map.entry("2025-S1 bzk", "2024-S2"),
                Map.entry("2025-03-01 fin", "2025-02-28"));
        assertThat(pairs("")).as("previousPeriod is the default").isEqualTo(pairs("basis=previousPeriod"));
    }

    @Test
    void theSamePeriodAYearEarlier() {
        assertThat(pairs("basis=yearAgo")).containsExactly(Map.entry("2024 bzk", "2023"), Map.entry("2025-01 fin", "2024-01"),
                Map.entry("2025-Q1 bzk", "2024-Q1"), Map.entry("2025-S1 bzk", "2024-S1"), Map.entry("2025-03-01 fin", "2024-03-01"));
    }

    @Test
    void filtersLimitTheComparedPeriodNotItsBase() {
        assertThat(pairs("from=2025")).containsExactly(Map.entry("2025-01 fin", "2024-12"), Map.entry("2025-Q1 bzk", "2024-Q4"),
                Map.entry("2025-S1 bzk", "2024-S2"), Map.entry("2025-03-01 fin", "2025-02-28"));
        assertThat(pairs("department=bzk&to=2025-Q1")).containsExactly(Map.entry("2024 bzk", "2023"), Map.entry("2024-S2 bzk", "2024-S1"),
                Map.entry("2025-Q1 bzk", "2024-Q4"));
    }

    @Test
    void theArithmeticAndTheQualifiers() {
        JsonPath json = given().queryParam("basis", "previousPeriod").when().get("/api/v1/indicators/" + indicator + "/changes").then().statusCode(200).extract().jsonPath();
        assertThat(json.getString("items[0].change")).isEqualTo("2");
        assertThat(json.getString("items[0].changeUnit")).isEqualTo("percentage_point");
        assertThat(json.getFloat("items[0].percentChange")).isEqualTo(20.0f);
        assertThat(json.getBoolean("items[4].approximate")).as("2025-S1 is approximate").isTrue();
        assertThat(json.getBoolean("items[0].approximate")).isFalse();
    }

    @Test
    void pagesAndTheWholeDownload() {
        JsonPath page = given().queryParam("pageSize", 2).queryParam("page", 2).when().get("/api/v1/indicators/" + indicator + "/changes")
                .then().statusCode(200).extract().jsonPath();
        assertThat(page.getList("items.period.code")).containsExactly("2025-01", "2025-Q1");
        assertThat(page.getLong("paging.totalItems")).isEqualTo(6);
        String csv = given().queryParam("format", "csv").when().get("/api/v1/indicators/" + indicator + "/changes").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv")).extract().asString();
        assertThat(csv.lines()).hasSize(7);
        assertThat(nl.rijksdienst.kpi.testing.CsvRows.of(csv)).extracting(row -> row.get("periodCode"))
                .containsExactly("2024", "2024-S2", "2025-01", "2025-Q1", "2025-S1", "2025-03-01");
        given().queryParam("lastNObservations", 1).when().get("/api/v1/indicators/" + indicator + "/changes").then().statusCode(400)
                .contentType("application/problem+json").body("invalidParams[0].name", org.hamcrest.Matchers.equalTo("lastNObservations"));
    }
}

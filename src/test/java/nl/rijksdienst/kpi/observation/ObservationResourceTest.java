package nl.rijksdienst.kpi.observation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import nl.rijksdienst.kpi.testing.CsvRows;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ObservationResourceTest {

    private static final String EXTERNAL_HIRING = "/api/v1/indicators/external-hiring-share/observations";
    private static final String FTE_GROWTH = "/api/v1/indicators/workforce-fte-growth/observations";

    /** "ca. 20% externe instroom per jaar" names no year: it is not placed in one, so no query for a period finds it. */
    @Test
    void aFigurePerYearWithoutAYearIsInNoPeriod() {
        for (String indicator : List.of("abd-external-inflow", "data-sharing-benefits")) {
            given().when().get("/api/v1/indicators/" + indicator + "/observations").then().statusCode(200)
                    .body("items", hasSize(1))
                    .body("items[0].period.code", equalTo("P1Y"))
                    .body("items[0].period.frequency", equalTo("annual"))
                    .body("items[0].period.start", nullValue())
                    .body("items[0].period.end", nullValue())
                    .body("items[0].qualifier", equalTo("approximate"));
            for (String[] query : new String[][] {{"from", "2026"}, {"to", "2026"}, {"from", "2000"}, {"to", "2100"}}) {
                given().queryParam(query[0], query[1]).when().get("/api/v1/indicators/" + indicator + "/observations").then().statusCode(200)
                        .body("items", hasSize(0));
            }
        }
        given().when().get("/api/v1/indicators/abd-external-inflow/observations").then().body("items[0].valueText", equalTo("ca. 20% per jaar"))
                .body("items[0].note.nl", containsString("P1Y"));
        String csv = given().queryParam("format", "csv").when().get("/api/v1/indicators/abd-external-inflow/observations").then().statusCode(200)
                .extract().asString();
        assertThat(CsvRows.of(csv)).anySatisfy(row -> assertThat(row).containsEntry("indicatorId", "abd-external-inflow").containsEntry("periodCode", "P1Y")
                .containsEntry("periodStart", "").containsEntry("periodEnd", "").containsEntry("frequency", "annual"));
        // SDMX has no time period for it: left out there
        String sdmx = given().queryParam("format", "sdmx-csv").when().get("/api/v1/indicators/abd-external-inflow/observations").then().statusCode(200)
                .extract().asString();
        assertThat(sdmx.lines().count()).isEqualTo(1);
    }

    /**
     * asOf asks what was public on a day, the same on every instance: the letter's figures from the
     * earliest day the letter can have been public (22 January 2026, the date of the report it
     * answers), a figure it quotes from an earlier document from that document's date.
     */
    @Test
    void asOfTheLettersDateReturnsItsFiguresOnAFreshInstance() {
        given().queryParam("asOf", "2026-01-22").when().get("/api/v1/indicators/external-hiring-share/observations").then().statusCode(200)
                .body("items.period.code", contains("2023", "2024", "2025-S1"))
                .body("items.publishedOn", contains("2026-01-22", "2026-01-22", "2025-12-05"))
                .body("items.publicationBasis", contains("earliest_possible", "earliest_possible", "origin_source_date"));
        // before the letter: only the interim figure, public since the dashboard letter of 5 December 2025
        given().queryParam("asOf", "2026-01-21").when().get("/api/v1/indicators/external-hiring-share/observations").then().statusCode(200)
                .body("items.period.code", contains("2025-S1"));
        given().queryParam("asOf", "2025-12-04").when().get("/api/v1/indicators/external-hiring-share/observations").then().statusCode(200)
                .body("items", hasSize(0));
        given().queryParam("asOf", "2025-10-03").when().get("/api/v1/indicators/workforce-fte-change/observations").then().statusCode(200)
                .body("items[0].value", equalTo(3934)).body("items[0].publishedOn", equalTo("2025-10-03"));
        given().queryParam("asOf", "2026-02-01").when().get("/api/v1/scorecard").then().statusCode(200)
                .body("evaluatedOn", equalTo("2026-02-01"))
                .body("items.find { it.norm.id == 'roemernorm' }.latest.observation.period.code", equalTo("2024"))
                .body("items.find { it.norm.id == 'roemernorm' }.latest.verdict", equalTo("breached"));
        String csv = given().queryParam("format", "csv").when().get("/api/v1/indicators/external-hiring-share/observations").then().statusCode(200)
                .extract().asString();
        assertThat(CsvRows.header(csv)).endsWith("publishedOn", "publicationBasis");
        assertThat(CsvRows.of(csv)).anySatisfy(row -> assertThat(row).containsEntry("publishedOn", "2025-12-05")
                .containsEntry("publicationBasis", "origin_source_date"));
    }

    @Test
    void shouldServeTheExternalHiringSeriesFromTheLetter() {
        given()
                .when().get(EXTERNAL_HIRING)
                .then()
                .statusCode(200)
                .body("items.period.code", contains("2023", "2024", "2025-S1"))
                .body("items.value", contains(15.4f, 15.4f, 11.4f))
                .body("items.status", contains("final", "final", "provisional"))
                .body("items.unit", contains("percent", "percent", "percent"))
                .body("items[2].seriesBreak", equalTo(true))
                .body("items[2].period.start", equalTo("2025-01-01"))
                .body("items[2].period.end", equalTo("2025-06-30"))
                .body("items[2].citation.sourceId", equalTo("antwoorden-so-functioneren-rijksdienst-2026"))
                .body("items[2].citation.originSourceId", equalTo("kst-31490-392"))
                .body("items[2].citation.quote", containsString("11,4 procent"))
                .body("items[1].note.nl", containsString("nulmeting"))
                .body("paging.totalItems", equalTo(3));
    }

    @Test
    void shouldKeepARangeARangeAndMinimalGrowthQualitative() {
        given().queryParam("to", "2025-S1")
                .when().get(FTE_GROWTH)
                .then()
                .statusCode(200)
                .body("items", hasSize(3))
                .body("items.qualifier", contains("range", "range", "range"))
                .body("items[0].valueLow", equalTo(2.5f))
                .body("items[0].valueHigh", equalTo(5.2f))
                .body("items[0].value", nullValue())
                .body("items[0].valueText", equalTo("tussen 2,5% en 5,2%"))
                .body("items[0].basePeriod.code", equalTo("2024-12-31"));
        given().queryParam("category", "beleid")
                .when().get(FTE_GROWTH)
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].qualifier", equalTo("qualitative"))
                .body("items[0].valueText", equalTo("minimaal"))
                .body("items[0].value", nullValue())
                .body("items[0].period.code", equalTo("2025-Q3"))
                .body("items[0].basePeriod.code", equalTo("2024-Q4"));
    }

    @Test
    void shouldFilterByDimensionInEitherForm() {
        given().queryParam("dimension", "category:uitvoering,inspectie").queryParam("from", "2025-Q3")
                .when().get(FTE_GROWTH)
                .then().statusCode(200).body("items.dimensions.category", contains("inspectie", "uitvoering"));
        given().queryParam("dimension", "category:beleid").queryParam("dimension", "category:uitvoering").queryParam("to", "2025-Q3")
                .when().get(FTE_GROWTH)
                .then().statusCode(200).body("items", hasSize(3));
        given().queryParam("dimension", "beleid").when().get(FTE_GROWTH)
                .then().statusCode(400).body("invalidParams[0].name", equalTo("dimension"));
        given().queryParam("dimension", "sector:markt").when().get(FTE_GROWTH)
                .then().statusCode(400).body("invalidParams[0].name", equalTo("sector"));
    }

    @Test
    void shouldServeGrowthPerCategoryInTheThirdQuarterAgainstTheFourthQuarterOf2024() {
        given().queryParam("from", "2025-Q3").queryParam("category", "uitvoering,ondersteuning,inspectie")
                .when().get(FTE_GROWTH)
                .then()
                .statusCode(200)
                .body("items.dimensions.category", contains("inspectie", "ondersteuning", "uitvoering"))
                .body("items.value", contains(5.7f, 4.4f, 3.5f))
                .body("items.basePeriod.code", contains("2024-Q4", "2024-Q4", "2024-Q4"));
    }

    @Test
    void shouldServeTheOtherFiguresOfTheLetterAsTheSourceWordsThem() {
        given().when().get("/api/v1/indicators/vacancies-opened/observations").then().statusCode(200)
                .body("items[0].qualifier", equalTo("lower_bound"))
                .body("items[0].value", equalTo(16000))
                .body("items[0].valueText", equalTo("ruim 16.000"))
                .body("items[0].period.code", equalTo("2025-Q1/2025-Q3"))
                .body("items[0].period.end", equalTo("2025-09-30"));
        given().when().get("/api/v1/indicators/workforce-fte-change/observations").then().statusCode(200)
                .body("items[0].value", equalTo(3934))
                .body("items[0].period.code", equalTo("2025-S1"))
                .body("items[0].basePeriod.code", equalTo("2024-12-31"))
                .body("items[0].citation.originSourceId", equalTo("kst-31490-391"));
        given().when().get("/api/v1/indicators/abd-external-inflow/observations").then().statusCode(200)
                .body("items[0].qualifier", equalTo("approximate"))
                .body("items[0].value", equalTo(20));
        given().when().get("/api/v1/indicators/wage-offer/observations").then().statusCode(200)
                .body("items.period.code", contains("2026", "2027"))
                .body("items.value", contains(0, 3));
        given().when().get("/api/v1/indicators/expected-inflation/observations").then().statusCode(200)
                .body("items[0].value", equalTo(2.6f))
                .body("items[0].status", equalTo("forecast"));
        given().when().get("/api/v1/indicators/expected-market-wage-rise/observations").then().statusCode(200)
                .body("items[0].value", equalTo(4.2f));
        given().when().get("/api/v1/indicators/beleidskompas-awareness/observations").then().statusCode(200)
                .body("items[0].value", equalTo(54))
                .body("items[0].period.code", equalTo("2024"));
        given().when().get("/api/v1/indicators/external-hiring-spending-composition/observations").then().statusCode(200)
                .body("items.value", contains(43, 33));
        given().when().get("/api/v1/indicators/cao-term/observations").then().statusCode(200)
                .body("items[0].value", equalTo(1.5f))
                .body("items[0].period.start", equalTo("2024-07-01"))
                .body("items[0].period.end", equalTo("2025-12-31"));
        given().when().get("/api/v1/indicators/data-sharing-benefits/observations").then().statusCode(200)
                .body("items[0].qualifier", equalTo("approximate"))
                .body("items[0].value", equalTo(6))
                .body("items[0].status", equalTo("estimate"));
        given().when().get("/api/v1/indicators/campaign-report-threshold/observations").then().statusCode(200)
                .body("items[0].value", equalTo(150000));
        given().when().get("/api/v1/indicators/unions-by-action/observations").then().statusCode(200)
                .body("items.value", contains(3, 1));
        given().when().get("/api/v1/indicators/abd-positions/observations").then().statusCode(200)
                .body("items[0].value", equalTo(1250))
                .body("items[0].note.nl", containsString("CDA-fractie"));
        given().when().get("/api/v1/indicators/apparatus-savings/observations").then().statusCode(200)
                .body("items[0].qualifier", equalTo("qualitative"))
                .body("items[0].valueText", equalTo("budgettair gerealiseerd"));
    }

    @Test
    void shouldFilterByPeriodAndStatus() {
        given().queryParam("from", "2024").queryParam("to", "2024")
                .when().get(EXTERNAL_HIRING)
                .then().statusCode(200).body("items.period.code", contains("2024"));
        given().queryParam("status", "provisional")
                .when().get(EXTERNAL_HIRING)
                .then().statusCode(200).body("items.period.code", contains("2025-S1"));
        given().queryParam("status", "final,provisional").queryParam("from", "2024-07")
                .when().get(EXTERNAL_HIRING)
                .then().statusCode(200).body("items.period.code", contains("2025-S1"));
        given().queryParam("to", "2022")
                .when().get(EXTERNAL_HIRING)
                .then().statusCode(200).body("items", hasSize(0)).body("paging.totalItems", equalTo(0));
    }

    @Test
    void shouldPageThroughASeries() {
        given().queryParam("pageSize", 2).queryParam("page", 2)
                .when().get(EXTERNAL_HIRING)
                .then().statusCode(200)
                .body("items.period.code", contains("2025-S1"))
                .body("paging.totalItems", equalTo(3))
                .body("paging.totalPages", equalTo(2));
    }

    @Test
    void pagesAfterTheFirstHoldTheRowsOfTheWholeSeriesInItsOrder() {
        // a page after the first is found by its ids in the index first: page by page, the same rows in the same order
        List<Object> whole = given().queryParam("pageSize", 1000).when().get(FTE_GROWTH).then().statusCode(200).extract().path("items.id");
        assertThat(whole).hasSizeGreaterThan(3);
        for (int size = 1; size <= 3; size++) {
            List<Object> paged = new java.util.ArrayList<>();
            for (int page = 1; page <= (whole.size() + size - 1) / size; page++) {
                List<Object> ids = given().queryParam("pageSize", size).queryParam("page", page).when().get(FTE_GROWTH)
                        .then().statusCode(200).body("paging.totalItems", equalTo(whole.size())).extract().path("items.id");
                paged.addAll(ids);
            }
            assertThat(paged).as("pages of %d", size).isEqualTo(whole);
        }
    }

    @Test
    void shouldServeTidyCsvThatAParserReadsBack() throws Exception {
        Response response = given().accept("text/csv").when().get(FTE_GROWTH);
        response.then().statusCode(200).contentType(containsString("text/csv"));
        assertThat(response.contentType()).containsIgnoringCase("charset=utf-8");

        List<CSVRecord> rows = parse(response.asString());
        assertThat(rows).hasSize(7);
        Map<String, String> first = rows.get(0).toMap();
        assertThat(first).containsEntry("indicatorId", "workforce-fte-growth")
                .containsEntry("periodCode", "2025-S1")
                .containsEntry("periodStart", "2025-01-01")
                .containsEntry("periodEnd", "2025-06-30")
                .containsEntry("basePeriodCode", "2024-12-31")
                .containsEntry("qualifier", "range")
                .containsEntry("valueLow", "2.5")
                .containsEntry("valueHigh", "5.2")
                .containsEntry("value", "")
                .containsEntry("unit", "percent")
                .containsEntry("status", "final");
        assertThat(rows).extracting(r -> r.get("category")).containsOnly("uitvoering", "ondersteuning", "inspectie", "beleid");
        assertThat(rows.stream().filter(r -> r.get("category").equals("beleid")).findFirst().orElseThrow().get("valueText")).isEqualTo("minimaal");
    }

    @Test
    void shouldServeCsvWithTheFormatParameterAndKeepQuotesIntact() throws Exception {
        Response response = given().queryParam("format", "csv").when().get(EXTERNAL_HIRING);
        response.then().statusCode(200).contentType(containsString("text/csv"));

        List<CSVRecord> rows = parse(response.asString());
        assertThat(rows).extracting(r -> r.get("periodCode")).containsExactly("2023", "2024", "2025-S1");
        assertThat(rows.get(2).get("value")).isEqualTo("11.4");
        assertThat(rows.get(2).get("status")).isEqualTo("provisional");
        assertThat(rows.get(2).get("valueText")).isEqualTo("11,4%");
        assertThat(rows.get(0).get("section")).isEqualTo("A.b Externe inhuur, kennis en vakmanschap");
        assertThat(rows.get(2).get("quote")).contains("11,4 procent");
    }

    @Test
    void shouldAnswer406ForARepresentationItDoesNotHave() {
        given().accept("application/xml")
                .when().get(EXTERNAL_HIRING)
                .then().statusCode(406).contentType("application/problem+json").body("status", equalTo(406));
    }

    @Test
    void shouldReturn404ForTheObservationsOfAnUnknownIndicator() {
        given().when().get("/api/v1/indicators/unknown/observations")
                .then().statusCode(404).contentType("application/problem+json").body("detail", containsString("unknown"));
    }

    @Test
    void shouldReturn400NamingEachBadParameter() {
        assertBadParameter(EXTERNAL_HIRING, "from", "2025-13");
        assertBadParameter(EXTERNAL_HIRING, "to", "gisteren");
        assertBadParameter(EXTERNAL_HIRING, "status", "definitief");
        assertBadParameter(EXTERNAL_HIRING, "format", "xlsx");
        assertBadParameter(EXTERNAL_HIRING, "category", "beleid");
        assertBadParameter(FTE_GROWTH, "category", "ict");
        assertBadParameter(FTE_GROWTH, "category", "");
        assertBadParameter(FTE_GROWTH, "colour", "red");
    }

    @Test
    void shouldReturn400WhenFromIsAfterTo() {
        given().queryParam("from", "2025").queryParam("to", "2024")
                .when().get(EXTERNAL_HIRING)
                .then().statusCode(400).contentType("application/problem+json")
                .body("invalidParams[0].name", equalTo("from"))
                .body("detail", containsString("to"));
    }

    private static void assertBadParameter(String path, String name, String value) {
        given().queryParam(name, value)
                .when().get(path)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("title", equalTo("Ongeldige invoer"))
                .body("detail", containsString(name))
                .body("invalidParams[0].name", equalTo(name));
    }

    static List<CSVRecord> parse(String csv) throws Exception {
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv))) {
            return parser.getRecords();
        }
    }

    @Test
    void everyFigureSaysWhoStatesItAndCanBeFilteredByIt() throws Exception {
        String series = "/api/v1/indicators/external-hiring-share/observations";
        given().when().get(series).then()
                .body("items.citation.statedBy", contains("members", "members", "members"))
                .body("items.citation.statedByName", contains("CDA-fractie", "CDA-fractie", "D66-fractie"));
        given().queryParam("statedBy", "minister").when().get(series).then().body("items", hasSize(0));
        given().queryParam("statedBy", "minister").when().get("/api/v1/indicators/vacancies-opened/observations").then()
                .body("items", hasSize(1)).body("items[0].citation.statedBy", equalTo("minister")).body("items[0].citation.statedByName", nullValue());
        given().queryParam("statedBy", "third_party").when().get("/api/v1/indicators/beleidskompas-awareness/observations").then()
                .body("items[0].citation.statedByName", containsString("WODC"));
        given().queryParam("statedBy", "kabinet").when().get(series).then().statusCode(400)
                .body("invalidParams[0].name", equalTo("statedBy"));

        String csv = given().queryParam("format", "csv").when().get(series).then().statusCode(200).extract().asString();
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv))) {
            List<CSVRecord> rows = parser.getRecords();
            assertThat(rows).extracting(r -> r.get("statedBy") + " " + r.get("statedByName"))
                    .containsExactly("members CDA-fractie", "members CDA-fractie", "members D66-fractie");
        }
        String sdmx = given().queryParam("format", "sdmx-csv").when().get(series).then().statusCode(200).extract().asString();
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(sdmx))) {
            assertThat(parser.getRecords()).extracting(r -> r.get("STATED_BY")).containsOnly("members");
        }
        given().when().get("/api/v1/norms/roemernorm").then()
                .body("citation.statedBy", equalTo("members")).body("citation.statedByName", equalTo("CDA-fractie"));
        given().when().get("/api/v1/norms/beleidskompas-target").then().body("citation.statedBy", equalTo("minister"));

        // The minister's answer to the members' figures: 2024 confirmed as equal to 2023, the half-year figure qualified as interim.
        given().when().get(series).then()
                .body("items.citation.response.stance", contains("confirms", "confirms", "qualifies"))
                .body("items[2].citation.response.quote", containsString("tussenstand"));
        given().when().get("/api/v1/indicators/abd-positions/observations").then()
                .body("items[0].citation.response.stance", equalTo("rejects"));
        given().when().get("/api/v1/norms/roemernorm").then().body("citation.response.stance", equalTo("confirms"));
        given().when().get("/api/v1/indicators/vacancies-opened/observations").then().body("items[0].citation.response", nullValue());
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv))) {
            assertThat(parser.getRecords()).extracting(r -> r.get("responseStance")).containsExactly("confirms", "confirms", "qualifies");
        }
    }
}

package nl.rijksdienst.kpi.editing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import nl.rijksdienst.kpi.importing.WritersLock;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** Bulk import: all or nothing, every bad row reported, idempotent, and an export can be edited and imported back. */
@QuarkusTest
@TestProfile(WritingProfile.class)
class ImportTest {

    private static final String HEADER = "indicatorId,periodCode,department,qualifier,value,valueLow,valueHigh,valueText,status,sourceId,quote";

    private static String row(String indicator, String period, String department, String value) {
        return String.join(",", indicator, period, department, "exact", value, "", "", "\"" + value.replace('.', ',') + "%\"", "final",
                EditorFixtures.LETTER, "\"Het verzuim was " + value.replace('.', ',') + " procent.\"");
    }

    private static ValidatableResponse importCsv(String csv, String reason, String key) {
        var spec = given().header("Authorization", Tokens.editor()).contentType("text/csv; charset=utf-8").body(csv);
        if (reason != null) {
            spec = spec.queryParam("reason", reason);
        }
        if (key != null) {
            spec = spec.header("Idempotency-Key", key);
        }
        return spec.when().post("/api/v1/observation-imports").then();
    }

    private static String series(String indicator) {
        return "/api/v1/indicators/" + indicator + "/observations";
    }

    @Test
    void aFigureWithoutAYearIsOneObservationOfItsSeriesAndRefusesABasePeriod() {
        String indicator = ObservationWritingTest.newIndicator();
        String csv = HEADER + "\n" + row(indicator, "P1Y", "bzk", "5.1") + "\n";
        importCsv(csv, null, null).statusCode(201).body("inserted", equalTo(1));
        importCsv(csv, null, null).statusCode(201).body("outcome", equalTo("no_change")).body("unchanged", equalTo(1));
        importCsv(HEADER + "\n" + row(indicator, "P1Y", "bzk", "5.4") + "\n", "Herzien", null).statusCode(201)
                .body("revised", equalTo(1)).body("inserted", equalTo(0));
        given().queryParam("from", "2020").when().get(series(indicator)).then().statusCode(200).body("items", org.hamcrest.Matchers.hasSize(0));
        given().when().get(series(indicator)).then().statusCode(200).body("items", org.hamcrest.Matchers.hasSize(1))
                .body("items[0].version", equalTo(2)).body("items[0].period.code", equalTo("P1Y"));
        given().header("Authorization", Tokens.editor()).contentType("application/json")
                .body(EditorFixtures.observation("P1Y", "1.0", "final", null).replace("\"period\": \"P1Y\"", "\"period\": \"P1Y\", \"basePeriod\": \"2024\", \"dimensions\": {\"department\": \"bzk\"}"))
                .when().post(series(indicator)).then().statusCode(422).body("invalidParams.name", org.hamcrest.Matchers.hasItem("basePeriod"));
    }

    @Test
    void importsACsvAndReportsWhatItDid() {
        String indicator = ObservationWritingTest.newIndicator();
        String csv = HEADER + "\n" + row(indicator, "2023", "bzk", "5.1") + "\n" + row(indicator, "2024", "bzk", "5.3") + "\n"
                + row(indicator, "2024", "fin", "4.9") + "\n";

        importCsv(csv, "Jaarverslagen", null)
                .statusCode(201)
                .header("Location", containsString("/api/v1/observation-imports/"))
                .body("outcome", equalTo("applied"))
                .body("rowsRead", equalTo(3)).body("inserted", equalTo(3)).body("revised", equalTo(0)).body("unchanged", equalTo(0))
                .body("recordedBy", equalTo("test-editor"))
                .body("reason", equalTo("Jaarverslagen"));

        given().queryParam("department", "bzk").when().get(series(indicator))
                .then().body("items.period.code", contains("2023", "2024")).body("items.value", contains(5.1f, 5.3f));
        // new observations are numbered in the order of the file's lines (2024 fin is the third line)
        JsonPath all = given().when().get(series(indicator)).then().statusCode(200).extract().jsonPath();
        List<Long> ids = List.of(all.getLong("items.find { it.period.code == '2023' }.id"),
                all.getLong("items.find { it.period.code == '2024' && it.dimensions.department == 'bzk' }.id"),
                all.getLong("items.find { it.dimensions.department == 'fin' }.id"));
        assertThat(ids).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void theSameImportTwiceChangesNothingTheSecondTime() {
        String indicator = ObservationWritingTest.newIndicator();
        String csv = HEADER + "\n" + row(indicator, "2023", "bzk", "5.1") + "\n" + row(indicator, "2024", "bzk", "5.3") + "\n";

        importCsv(csv, null, null).statusCode(201).body("inserted", equalTo(2));
        importCsv(csv, null, null).statusCode(201)
                .body("outcome", equalTo("no_change")).body("inserted", equalTo(0)).body("revised", equalTo(0)).body("unchanged", equalTo(2));

        given().when().get(series(indicator) + "?department=bzk").then().body("items.version", contains(1, 1));
    }

    @Test
    void badRowsAtSeveralPlacesWriteNothingAndAreAllReported() {
        String indicator = ObservationWritingTest.newIndicator();
        List<String> rows = new ArrayList<>();
        for (int year = 2000; year < 2020; year++) {
            rows.add(row(indicator, String.valueOf(year), "bzk", "5." + (year % 10)));
        }
        rows.set(1, row(indicator, "2001-13", "bzk", "5.1"));                  // line 3: period
        rows.set(7, row(indicator, "2007", "ezk", "5.7"));                     // line 9: code outside the list
        rows.set(12, row(indicator, "2012", "bzk", "vijf"));                   // line 14: not a number
        rows.set(16, row("no-such-indicator", "2016", "bzk", "5.6"));          // line 18: unknown indicator
        rows.set(19, row(indicator, "2018", "bzk", "5.8"));                    // line 21: same as line 20
        String csv = HEADER + "\n" + String.join("\n", rows) + "\n";

        JsonPath problem = importCsv(csv, null, null)
                .statusCode(422)
                .contentType("application/problem+json")
                .body("status", equalTo(422))
                .body("detail", containsString("niets geschreven"))
                .extract().jsonPath();

        List<Map<String, Object>> invalid = problem.getList("invalidRows");
        assertThat(invalid).extracting(r -> ((Number) r.get("line")).intValue()).containsExactly(3, 9, 14, 18, 21);
        assertThat(invalid).extracting(r -> r.get("column")).containsExactly("periodCode", "department", "value", "indicatorId", null);
        assertThat((String) invalid.get(4).get("reason")).contains("regel 20");
        given().when().get(series(indicator)).then().body("items", hasSize(0));
    }

    @Test
    void anExportEditedAndImportedBackRoundTrips() throws Exception {
        String indicator = ObservationWritingTest.newIndicator();
        importCsv(HEADER + "\n" + row(indicator, "2023", "bzk", "5.1") + "\n" + row(indicator, "2024", "bzk", "5.3") + "\n"
                + row(indicator, "2024", "fin", "4.9") + "\n", null, null).statusCode(201);
        String export = given().queryParam("format", "csv").when().get(series(indicator)).then().statusCode(200).extract().asString();

        List<CSVRecord> records = parse(export);
        List<String> header = new ArrayList<>(records.get(0).getParser().getHeaderNames());
        header.add("reason");
        StringWriter edited = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(edited, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get())) {
            for (CSVRecord record : records) {
                List<String> values = new ArrayList<>(record.toList());
                boolean corrected = record.get("periodCode").equals("2024") && record.get("department").equals("fin");
                if (corrected) {
                    values.set(header.indexOf("value"), "5.0");
                    values.set(header.indexOf("valueText"), "5,0%");
                }
                values.add(corrected ? "Correctie van het ministerie" : "");
                printer.printRecord(values);
            }
        }

        importCsv(edited.toString(), null, null).statusCode(201)
                .body("rowsRead", equalTo(3)).body("inserted", equalTo(0)).body("revised", equalTo(1)).body("unchanged", equalTo(2));

        String again = given().queryParam("format", "csv").when().get(series(indicator)).then().extract().asString();
        List<CSVRecord> after = parse(again);
        assertThat(after).hasSize(3);
        CSVRecord fin = after.stream().filter(r -> r.get("department").equals("fin")).findFirst().orElseThrow();
        assertThat(fin.get("value")).isEqualTo("5.0");
        assertThat(fin.get("valueText")).isEqualTo("5,0%");
        importCsv(again, null, null).statusCode(201).body("outcome", equalTo("no_change")).body("unchanged", equalTo(3));
        given().when().get(series(indicator) + "?department=fin").then().body("items[0].version", equalTo(2));
    }

    @Test
    void aCorrectionInAnImportNeedsAReason() {
        String indicator = ObservationWritingTest.newIndicator();
        importCsv(HEADER + "\n" + row(indicator, "2023", "bzk", "5.1") + "\n", null, null).statusCode(201);

        importCsv(HEADER + "\n" + row(indicator, "2023", "bzk", "5.2") + "\n", null, null)
                .statusCode(422).body("invalidRows[0].line", equalTo(2)).body("invalidRows[0].column", equalTo("reason"));
        importCsv(HEADER + "\n" + row(indicator, "2023", "bzk", "5.2") + "\n", "Herziening", null)
                .statusCode(201).body("revised", equalTo(1));
        given().when().get(series(indicator) + "/" + given().when().get(series(indicator)).then().extract().jsonPath().getLong("items[0].id") + "/versions")
                .then().body("items.reason", contains(null, "Herziening"));
    }

    @Test
    void anIdempotencyKeyMakesARetrySafe() {
        String indicator = ObservationWritingTest.newIndicator();
        String csv = HEADER + "\n" + row(indicator, "2023", "bzk", "5.1") + "\n";
        String key = UUID.randomUUID().toString();

        String id = importCsv(csv, null, key).statusCode(201).body("inserted", equalTo(1)).extract().jsonPath().getString("id");
        importCsv(csv, null, key).statusCode(200)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(id))
                .body("inserted", equalTo(1));
        importCsv(HEADER + "\n" + row(indicator, "2024", "bzk", "5.1") + "\n", null, key)
                .statusCode(422).contentType("application/problem+json").body("detail", containsString(key));

        given().header("Authorization", Tokens.editor()).when().get("/api/v1/observation-imports/" + id)
                .then().statusCode(200).body("idempotencyKey", equalTo(key)).body("inserted", equalTo(1));
        given().when().get(series(indicator)).then().body("items", hasSize(1));
    }

    @Test
    void importsAJsonArrayAndReportsBadElementsByLineAndField() {
        String indicator = ObservationWritingTest.newIndicator();
        String good = """
                [
                  {"indicatorId": "%1$s", "period": "2024", "dimensions": {"department": "bzk"}, "qualifier": "range",
                   "valueLow": 4.0, "valueHigh": 5.5, "valueText": "tussen 4 en 5,5%%", "status": "estimate",
                   "citation": {"sourceId": "%2$s", "quote": "Tussen 4 en 5,5 procent."}},
                  {"indicatorId": "%1$s", "period": "2024", "dimensions": {"department": "fin"}, "qualifier": "lower_bound",
                   "value": 6, "valueText": "ruim 6%%", "status": "final", "citation": {"sourceId": "%2$s", "quote": "Ruim 6 procent."}}
                ]
                """.formatted(indicator, EditorFixtures.LETTER);
        given().header("Authorization", Tokens.editor()).contentType("application/json").body(good)
                .when().post("/api/v1/observation-imports").then().statusCode(201).body("inserted", equalTo(2)).body("mediaType", equalTo("application/json"));
        given().queryParam("department", "bzk").when().get(series(indicator))
                .then().body("items[0].qualifier", equalTo("range")).body("items[0].valueLow", equalTo(4.0f)).body("items[0].status", equalTo("estimate"));

        String bad = """
                [
                  {"indicatorId": "%1$s", "period": "2023", "qualifier": "exact", "value": 1, "status": "final",
                   "citation": {"sourceId": "%2$s", "quote": "q"}},
                  {"indicatorId": "%1$s", "period": "2023", "qualifier": "exact", "value": "veel", "status": "final",
                   "citation": {"sourceId": "%2$s", "quote": "q"}},
                  {"indicatorId": "%1$s", "period": "2022", "qualifier": "exact", "value": 1, "status": "final", "colour": "red",
                   "citation": {"sourceId": "%2$s", "quote": "q"}}
                ]
                """.formatted(indicator, EditorFixtures.LETTER);
        List<Map<String, Object>> invalid = given().header("Authorization", Tokens.editor()).contentType("application/json").body(bad)
                .when().post("/api/v1/observation-imports").then().statusCode(422).extract().jsonPath().getList("invalidRows");
        assertThat(invalid).extracting(r -> ((Number) r.get("line")).intValue()).containsExactly(4, 6);
        assertThat(invalid).extracting(r -> r.get("column")).containsExactly("value", "colour");
        given().when().get(series(indicator)).then().body("items", hasSize(2));
    }

    @Test
    void concurrentImportsOfTheSameRowsAreSerialised() throws Exception {
        String indicator = ObservationWritingTest.newIndicator();
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (int year = 1950; year < 2020; year++) {
            csv.append(row(indicator, String.valueOf(year), "bzk", "4." + (year % 10))).append('\n');
        }
        String token = Tokens.editor();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<JsonPath>> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                answers.add(pool.submit(() -> given().header("Authorization", token).contentType("text/csv").body(csv.toString())
                        .when().post("/api/v1/observation-imports").then().statusCode(201).extract().jsonPath()));
            }
            long inserted = 0;
            long unchanged = 0;
            for (java.util.concurrent.Future<JsonPath> answer : answers) {
                inserted += answer.get().getLong("inserted");
                unchanged += answer.get().getLong("unchanged");
            }
            assertThat(inserted).isEqualTo(70);
            assertThat(unchanged).isEqualTo(210);
        } finally {
            pool.shutdownNow();
        }
        given().when().get(series(indicator)).then().body("paging.totalItems", equalTo(70));
    }

    @Test
    void aBodyThatIsNoImportIsRejectedWithAProblem() {
        importCsv("", null, null).statusCode(422).contentType("application/problem+json");
        importCsv("indicatorId,periodCode\nx,2024\n", null, null).statusCode(422).body("invalidRows[0].line", equalTo(1));
        importCsv(HEADER + "\n", null, null).statusCode(422).body("detail", containsString("geen rijen"));
        given().header("Authorization", Tokens.editor()).contentType("application/json").body("{\"not\": \"an array\"}")
                .when().post("/api/v1/observation-imports").then().statusCode(422).contentType("application/problem+json");
        given().header("Authorization", Tokens.editor()).contentType("application/json").body("[{\"indicatorId\": ")
                .when().post("/api/v1/observation-imports").then().statusCode(422).contentType("application/problem+json");
        given().header("Authorization", Tokens.editor()).contentType("application/xml").body("<rows/>")
                .when().post("/api/v1/observation-imports").then().statusCode(415).contentType("application/problem+json");
        importCsv(HEADER + "\n", "x".repeat(2001), null).statusCode(400).body("invalidParams[0].name", equalTo("reason"));
    }

    private static List<CSVRecord> parse(String csv) throws Exception {
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv))) {
            return parser.getRecords();
        }
    }

    @Inject
    DataSource dataSource;

    @Test
    void aWriterKeptWaitingForItsTurnTooLongIsAnswered503AndWritesNothing() throws Exception {
        String indicator = ObservationWritingTest.newIndicator();
        String csv = HEADER + "\n" + row(indicator, "2023", "bzk", "5.1") + "\n";
        try (Connection other = dataSource.getConnection(); Statement s = other.createStatement()) {
            // Another writer (another replica's import, say) holds the writers' lock.
            s.execute("select pg_advisory_lock(" + WritersLock.KEY + ")");
            try {
                importCsv(csv, "wacht", null)
                        .statusCode(503)
                        .contentType("application/problem+json")
                        .header("Retry-After", "5")
                        .body("status", equalTo(503));
            } finally {
                s.execute("select pg_advisory_unlock(" + WritersLock.KEY + ")");
            }
        }
        given().when().get(series(indicator)).then().body("items", hasSize(0));
        importCsv(csv, "opnieuw", null).statusCode(201).body("inserted", equalTo(1));
    }

    @Test
    void oneTimeSpanHasOneCurrentValueWhateverCodeNamesIt() {
        String indicator = "span-test-" + UUID.randomUUID().toString().substring(0, 8);
        given().header("Authorization", Tokens.editor()).contentType("application/json")
                .body(EditorFixtures.indicator(indicator).replace("\"frequencies\": [\"annual\", \"quarterly\"]", "\"frequencies\": []"))
                .when().post("/api/v1/indicators").then().statusCode(201);
        importCsv(HEADER + "\n" + row(indicator, "2027", "bzk", "5.1") + "\n", "eerste", null).statusCode(201).body("inserted", equalTo(1));

        // the same year, named as twelve months or four quarters, in one file: the same observation twice
        importCsv(HEADER + "\n" + row(indicator, "2027-01/2027-12", "bzk", "5.2") + "\n" + row(indicator, "2027-Q1/2027-Q4", "bzk", "5.3") + "\n",
                "dubbel", null).statusCode(422).body("invalidRows[0].line", equalTo(3));
        // a single POST for the same span finds the existing observation
        given().header("Authorization", Tokens.editor()).contentType("application/json")
                .body(EditorFixtures.observation("2027-Q1/2027-Q4", "5.3", "final", null)
                        .replace("\"period\"", "\"dimensions\": {\"department\": \"bzk\"}, \"period\""))
                .when().post("/api/v1/indicators/" + indicator + "/observations").then().statusCode(409);
        // in a later file the other name is a correction of the same observation, not a second value
        importCsv(HEADER + "\n" + row(indicator, "2027-Q1/2027-Q4", "bzk", "5.4") + "\n", "als kwartalen", null)
                .statusCode(201).body("inserted", equalTo(0)).body("revised", equalTo(1));
        given().when().get(series(indicator)).then()
                .body("items", hasSize(1))
                .body("items[0].period.code", equalTo("2027-Q1/2027-Q4"))
                .body("items[0].version", equalTo(2));
    }
}

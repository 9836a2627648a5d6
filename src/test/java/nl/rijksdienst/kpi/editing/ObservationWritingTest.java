package nl.rijksdienst.kpi.editing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Adding and correcting single observations: validation, versions, and what was known when. */
@QuarkusTest
@TestProfile(WritingProfile.class)
class ObservationWritingTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    /** A fresh indicator for one test (percent, annual or quarterly, dimension department: bzk, fin). */
    static String newIndicator() {
        String id = "obs-test-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() % 100000;
        given().header("Authorization", Tokens.editor()).contentType("application/json").body(EditorFixtures.indicator(id))
                .when().post("/api/v1/indicators").then().statusCode(201);
        return id;
    }

    private static String path(String indicator) {
        return "/api/v1/indicators/" + indicator + "/observations";
    }

    private static long add(String indicator, String body) {
        return given().header("Authorization", Tokens.editor()).contentType("application/json").body(body)
                .when().post(path(indicator)).then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void addsAnObservationWith201AndItsLocation() {
        String indicator = newIndicator();

        given().header("Authorization", Tokens.editor()).contentType("application/json").body(EditorFixtures.observation("2025", "4.5", "provisional", null))
                .when().post(path(indicator))
                .then().statusCode(201)
                .header("Location", containsString(path(indicator) + "/"))
                .body("version", equalTo(1))
                .body("value", equalTo(4.5f))
                .body("status", equalTo("provisional"))
                .body("recordedAt", notNullValue());

        given().when().get(path(indicator)).then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].period.code", equalTo("2025")).body("items[0].citation.quote", containsString("4,5"));
    }

    @Test
    void addingAnObservationThatExistsIs409NamingIt() {
        String indicator = newIndicator();
        long id = add(indicator, EditorFixtures.observation("2024", "4.0", "final", null));

        given().header("Authorization", Tokens.editor()).contentType("application/json").body(EditorFixtures.observation("2024", "4.1", "final", null))
                .when().post(path(indicator))
                .then().statusCode(409).contentType("application/problem+json").body("detail", containsString(String.valueOf(id)));
        given().when().get(path(indicator)).then().body("items.value", contains(4.0f));
    }

    @Test
    void aCorrectionIsANewVersionAndTheOldOneStays() {
        String indicator = newIndicator();
        long id = add(indicator, EditorFixtures.observation("2025-Q1", "4.0", "provisional", "Tussenstand"));

        given().header("Authorization", Tokens.editor()).contentType("application/json")
                .body(EditorFixtures.observation("2025-Q1", "4.4", "final", "Definitief cijfer uit het jaarverslag"))
                .when().put(path(indicator) + "/" + id)
                .then().statusCode(200).body("id", equalTo((int) id)).body("version", equalTo(2)).body("value", equalTo(4.4f)).body("status", equalTo("final"));

        given().when().get(path(indicator) + "/" + id + "/versions")
                .then().statusCode(200)
                .body("items.version", contains(1, 2))
                .body("items.current", contains(false, true))
                .body("items.observation.value", contains(4.0f, 4.4f))
                .body("items.observation.status", contains("provisional", "final"))
                .body("items.recordedBy", contains("test-editor", "test-editor"))
                .body("items.reason", contains("Tussenstand", "Definitief cijfer uit het jaarverslag"))
                .body("items[0].supersededAt", notNullValue())
                .body("items[1].supersededAt", nullValue());
        given().when().get(path(indicator)).then().body("items", hasSize(1)).body("items[0].value", equalTo(4.4f));
    }

    @Test
    void aCorrectionNeedsAReasonAndKeepsItsPeriod() {
        String indicator = newIndicator();
        long id = add(indicator, EditorFixtures.observation("2023", "3.0", "final", null));

        given().header("Authorization", Tokens.editor()).contentType("application/json").body(EditorFixtures.observation("2023", "3.5", "final", null))
                .when().put(path(indicator) + "/" + id)
                .then().statusCode(422).contentType("application/problem+json").body("invalidParams.name", hasItem("reason"));
        given().header("Authorization", Tokens.editor()).contentType("application/json").body(EditorFixtures.observation("2022", "3.5", "final", "x"))
                .when().put(path(indicator) + "/" + id)
                .then().statusCode(422).body("invalidParams.name", hasItem("period"));
        given().header("Authorization", Tokens.editor()).contentType("application/json").body(EditorFixtures.observation("2023", "3.5", "final", "x"))
                .when().put(path(indicator) + "/999999")
                .then().statusCode(404).contentType("application/problem+json");
        given().when().get(path(indicator) + "/" + id + "/versions").then().body("items", hasSize(1));
    }

    @Test
    void anIdenticalCorrectionChangesNothing() {
        String indicator = newIndicator();
        long id = add(indicator, EditorFixtures.observation("2021", "2.0", "final", null));

        given().header("Authorization", Tokens.editor()).contentType("application/json").body(EditorFixtures.observation("2021", "2.0", "final", "nogmaals"))
                .when().put(path(indicator) + "/" + id)
                .then().statusCode(200).body("version", equalTo(1));
        given().when().get(path(indicator) + "/" + id + "/versions").then().body("items", hasSize(1));
    }

    @Test
    void everyValidationFaultIs422NamingTheFieldAndNothingIsWritten() {
        String indicator = newIndicator();
        String[][] cases = {
                {"{\"period\":\"2025-13\",\"qualifier\":\"exact\",\"value\":1,\"status\":\"final\",\"citation\":{\"sourceId\":\"%s\",\"quote\":\"q\"}}", "period"},
                {"{\"period\":\"2025-01\",\"qualifier\":\"exact\",\"value\":1,\"status\":\"final\",\"citation\":{\"sourceId\":\"%s\",\"quote\":\"q\"}}", "period"},
                {"{\"period\":\"2025\",\"dimensions\":{\"department\":\"ezk\"},\"qualifier\":\"exact\",\"value\":1,\"status\":\"final\",\"citation\":{\"sourceId\":\"%s\",\"quote\":\"q\"}}", "dimensions.department"},
                {"{\"period\":\"2025\",\"dimensions\":{\"sector\":\"markt\"},\"qualifier\":\"exact\",\"value\":1,\"status\":\"final\",\"citation\":{\"sourceId\":\"%s\",\"quote\":\"q\"}}", "dimensions.sector"},
                {"{\"period\":\"2025\",\"qualifier\":\"range\",\"valueLow\":5.2,\"valueHigh\":2.5,\"status\":\"final\",\"citation\":{\"sourceId\":\"%s\",\"quote\":\"q\"}}", "valueLow"},
                {"{\"period\":\"2025\",\"qualifier\":\"qualitative\",\"value\":3,\"valueText\":\"minimaal\",\"status\":\"final\",\"citation\":{\"sourceId\":\"%s\",\"quote\":\"q\"}}", "value"},
                {"{\"period\":\"2025\",\"qualifier\":\"exact\",\"value\":1,\"status\":\"final\"}", "citation"},
                {"{\"period\":\"2025\",\"qualifier\":\"exact\",\"value\":1,\"status\":\"final\",\"citation\":{\"sourceId\":\"%s\"}}", "citation.quote"},
                {"{\"period\":\"2025\",\"qualifier\":\"exact\",\"value\":1,\"status\":\"final\",\"citation\":{\"sourceId\":\"nergens\",\"quote\":\"q\"}}", "citation.sourceId"},
                {"{\"period\":\"2025\",\"qualifier\":\"exact\",\"status\":\"final\",\"citation\":{\"sourceId\":\"%s\",\"quote\":\"q\"}}", "value"},
                {"{\"period\":\"2025\",\"qualifier\":\"exact\",\"value\":1,\"status\":\"definitief\",\"citation\":{\"sourceId\":\"%s\",\"quote\":\"q\"}}", "status"},
                {"{\"indicatorId\":\"external-hiring-share\",\"period\":\"2025\",\"qualifier\":\"exact\",\"value\":1,\"status\":\"final\",\"citation\":{\"sourceId\":\"%s\",\"quote\":\"q\"}}", "indicatorId"},
        };
        for (String[] c : cases) {
            given().header("Authorization", Tokens.editor()).contentType("application/json").body(c[0].formatted(EditorFixtures.LETTER))
                    .when().post(path(indicator))
                    .then().statusCode(422)
                    .contentType("application/problem+json")
                    .body("status", equalTo(422))
                    .body("invalidParams.name", hasItem(c[1]));
        }
        given().header("Authorization", Tokens.editor()).contentType("application/json").body("{\"period\": \"2025\", \"vaule\": 1}")
                .when().post(path(indicator)).then().statusCode(400).body("invalidParams[0].name", equalTo("vaule"));
        given().header("Authorization", Tokens.editor()).contentType("application/json").body("{\"period\": ")
                .when().post(path(indicator)).then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", Tokens.editor()).contentType("application/json").body(EditorFixtures.observation("2025", "1", "final", null))
                .when().post("/api/v1/indicators/no-such-indicator/observations").then().statusCode(404).contentType("application/problem+json");
        given().when().get(path(indicator)).then().body("items", hasSize(0));
    }

    @Test
    void asOfBeforeAndAfterACorrectionGivesTheOldAndTheNewFigureAndVerdict() {
        String indicator = newIndicator();
        String norm = indicator + "-norm";
        String report = indicator + "-jbr";
        given().header("Authorization", Tokens.editor()).contentType("application/json").body(EditorFixtures.norm(norm, indicator, "5"))
                .when().post("/api/v1/norms").then().statusCode(201);
        given().header("Authorization", Tokens.editor()).contentType("application/json").body(EditorFixtures.source(report))
                .when().post("/api/v1/sources").then().statusCode(201);
        // the interim figure from the letter (public from 22 January 2026), corrected by a report published on 20 May 2026
        long id = add(indicator, EditorFixtures.observation("2025", "4.0", "provisional", "Tussenstand"));
        given().header("Authorization", Tokens.editor()).contentType("application/json")
                .body(EditorFixtures.observation("2025", "6.2", "final", "Definitief cijfer").replace(EditorFixtures.LETTER, report))
                .when().put(path(indicator) + "/" + id).then().statusCode(200).body("publishedOn", equalTo("2026-05-20"))
                .body("publicationBasis", equalTo("source_date"));
        String between = "2026-05-19";

        given().queryParam("asOf", between).when().get(path(indicator))
                .then().statusCode(200).body("items[0].value", equalTo(4.0f)).body("items[0].status", equalTo("provisional"))
                .body("items[0].publishedOn", equalTo("2026-01-22")).body("items[0].publicationBasis", equalTo("earliest_possible"));
        given().queryParam("asOf", "2026-05-20").when().get(path(indicator)).then().body("items[0].value", equalTo(6.2f));
        given().when().get(path(indicator)).then().body("items[0].value", equalTo(6.2f)).body("items[0].version", equalTo(2));
        given().queryParam("asOf", between).when().get(path(indicator) + "/" + id).then().statusCode(200).body("version", equalTo(1));
        given().when().get(path(indicator) + "/" + id + "/versions").then().statusCode(200)
                .body("items[0].supersededOn", equalTo("2026-05-20")).body("items[0].recordedAt", org.hamcrest.Matchers.notNullValue());
        // a date and time counts as its Dutch calendar day
        given().queryParam("asOf", "2026-05-19T23:30:00Z").when().get(path(indicator)).then().body("items[0].value", equalTo(6.2f));

        given().queryParam("asOf", between).when().get("/api/v1/indicators/" + indicator + "/norm-checks")
                .then().statusCode(200).body("items[0].latest.verdict", equalTo("met")).body("items[0].latest.gap.value", equalTo(-1.0f))
                .body("items[0].latest.caveats.code", hasItem("provisional"));
        given().when().get("/api/v1/indicators/" + indicator + "/norm-checks")
                .then().statusCode(200).body("items[0].latest.verdict", equalTo("breached")).body("items[0].latest.gap.value", equalTo(1.2f));

        String before = given().queryParam("asOf", between).when().get("/api/v1/scorecard").then().statusCode(200)
                .extract().jsonPath().getString("items.find { it.norm.id == '" + norm + "' }.latest.verdict");
        String after = given().when().get("/api/v1/scorecard").then().statusCode(200)
                .extract().jsonPath().getString("items.find { it.norm.id == '" + norm + "' }.latest.verdict");
        assertThat(before).isEqualTo("met");
        assertThat(after).isEqualTo("breached");

        given().queryParam("asOf", "2000-01-01").when().get(path(indicator)).then().statusCode(200).body("items", hasSize(0));
        given().queryParam("asOf", "gisteren").when().get(path(indicator)).then().statusCode(400).body("invalidParams[0].name", equalTo("asOf"));
        given().queryParam("asOf", "2026-13-01").when().get("/api/v1/scorecard").then().statusCode(400).body("invalidParams[0].name", equalTo("asOf"));
    }

    @Test
    void theAuditLogSaysWhoChangedWhatAndWhy() {
        String indicator = newIndicator();
        long id = add(indicator, EditorFixtures.observation("2020", "1.0", "final", null));
        given().header("Authorization", Tokens.editor()).contentType("application/json").body(EditorFixtures.observation("2020", "1.5", "final", "Rekenfout hersteld"))
                .when().put(path(indicator) + "/" + id).then().statusCode(200);

        given().header("Authorization", Tokens.editor()).queryParam("entityType", "observation").queryParam("entityId", String.valueOf(id))
                .when().get("/api/v1/audit-log")
                .then().statusCode(200)
                .body("items.action", contains("correct", "create"))
                .body("items[0].actor", equalTo("test-editor"))
                .body("items[0].reason", equalTo("Rekenfout hersteld"))
                .body("items[0].summary", endsWith("versie 2"));
        given().header("Authorization", Tokens.editor()).queryParam("entityType", "planet").when().get("/api/v1/audit-log")
                .then().statusCode(400).body("invalidParams[0].name", equalTo("entityType"));
    }

    @Test
    void anEditorSaysWhoStatesTheFigureAndMembersAndThirdPartiesAreNamed() {
        String indicator = newIndicator();
        String series = "/api/v1/indicators/" + indicator + "/observations";
        String members = EditorFixtures.observation("2024", "7.0", "final", null).replace("\"quote\":", "\"statedBy\": \"members\", \"quote\":");
        given().header("Authorization", Tokens.editor()).contentType("application/json").body(members)
                .when().post(series).then().statusCode(422).body("invalidParams.name", hasItem("citation.statedByName"));
        given().header("Authorization", Tokens.editor()).contentType("application/json")
                .body(EditorFixtures.observation("2024", "7.0", "final", null).replace("\"quote\":", "\"statedBy\": \"kabinet\", \"quote\":"))
                .when().post(series).then().statusCode(400);
        given().header("Authorization", Tokens.editor()).contentType("application/json")
                .body(members.replace("\"statedBy\": \"members\",", "\"statedBy\": \"members\", \"statedByName\": \"VVD-fractie\","))
                .when().post(series).then().statusCode(201)
                .body("citation.statedBy", equalTo("members")).body("citation.statedByName", equalTo("VVD-fractie"));
        given().queryParam("statedBy", "members").when().get(series).then().body("items", hasSize(1));
        given().queryParam("statedBy", "minister,third_party").when().get(series).then().body("items", hasSize(0));
    }
}

package nl.rijksdienst.kpi.editing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/** Editors add commitments and record their delivery; every version is kept, validated and audited. */
@QuarkusTest
@TestProfile(WritingProfile.class)
class CommitmentWritingTest {

    private static final String COMMITMENT = """
            {"id": "%s", "themeId": "rijksinkoop", "kind": "promise",
             "label": {"nl": "Voortgangsbrief inkoop", "en": "Procurement progress letter"},
             "promisedBy": "Minister van BZK", "promisedTo": "Tweede Kamer",
             "due": {"periodCode": "2027-Q1", "qualifier": "no_later_than", "wording": "uiterlijk in het eerste kwartaal van 2027"},
             "citation": {"sourceId": "%s", "section": "D", "quote": "Ik stuur u uiterlijk in het eerste kwartaal van 2027 een voortgangsbrief.", "statedBy": "minister"},
             "indicatorIds": [], "normIds": []%s}
            """;

    private static io.restassured.specification.RequestSpecification editor(String body) {
        return given().header("Authorization", Tokens.editor()).contentType("application/json").body(body);
    }

    @Test
    void addsACommitmentAndRecordsItsDeliveryAsANewVersion() {
        String id = "voortgangsbrief-inkoop-test";
        editor(COMMITMENT.formatted(id, EditorFixtures.LETTER, "")).when().post("/api/v1/commitments").then().statusCode(201)
                .header("Location", containsString("/api/v1/commitments/" + id))
                .body("state", equalTo("open")).body("version", equalTo(1)).body("publishedOn", equalTo("2026-01-22"));
        editor(COMMITMENT.formatted(id, EditorFixtures.LETTER, "")).when().post("/api/v1/commitments").then().statusCode(409);

        editor(EditorFixtures.source("voortgangsbrief-2027")).when().post("/api/v1/sources").then().statusCode(201);
        String delivered = COMMITMENT.formatted(id, EditorFixtures.LETTER,
                ", \"delivery\": {\"sourceId\": \"voortgangsbrief-2027\", \"date\": \"2026-05-20\"}");
        editor(delivered).when().put("/api/v1/commitments/" + id).then().statusCode(422).body("invalidParams.name", contains("reason"));
        editor(delivered.replace("\"normIds\": []", "\"normIds\": [], \"reason\": \"Geleverd met de brief van 20 mei 2026\""))
                .when().put("/api/v1/commitments/" + id).then().statusCode(200)
                .body("state", equalTo("delivered")).body("version", equalTo(2)).body("publishedOn", equalTo("2026-05-20"))
                .body("publicationBasis", equalTo("source_date")).body("stateNote.nl", containsString("voortgangsbrief-2027"));

        given().when().get("/api/v1/commitments/" + id + "/versions").then().statusCode(200)
                .body("items.version", contains(1, 2)).body("items.state", contains("open", "delivered"));
        // what was public before the delivering source appeared: the promise, still open
        given().queryParam("asOf", "2026-05-19").when().get("/api/v1/commitments/" + id).then().statusCode(200)
                .body("version", equalTo(1)).body("state", equalTo("open"));
        given().header("Authorization", Tokens.editor()).queryParam("entityId", id).when().get("/api/v1/audit-log").then().statusCode(200)
                .body("items.action", contains("update", "create")).body("items[0].reason", equalTo("Geleverd met de brief van 20 mei 2026"));
    }

    @Test
    void refusesAnInvalidCommitmentNamingEveryField() {
        editor("""
                {"id": "Bad Id", "themeId": "nope", "label": {"nl": "x"},
                 "due": {"periodCode": "Q3", "wording": ""},
                 "citation": {"sourceId": "nope", "quote": "", "statedBy": "members"},
                 "indicatorIds": ["nope"], "normIds": ["nope"], "delivery": {"sourceId": "nope"}}
                """).when().post("/api/v1/commitments").then().statusCode(422).contentType("application/problem+json")
                .body("invalidParams.name", hasItems("id", "themeId", "kind", "label.en", "due.periodCode", "due.qualifier", "due.wording",
                        "citation.sourceId", "citation.quote", "citation.statedByName", "indicatorIds[0]", "normIds[0]", "delivery.sourceId",
                        "delivery.date"));
        given().contentType("application/json").body(COMMITMENT.formatted("anonymous-test", EditorFixtures.LETTER, ""))
                .when().post("/api/v1/commitments").then().statusCode(401);
        given().when().get("/api/v1/commitments/anonymous-test").then().statusCode(404);
    }
}

package nl.rijksdienst.kpi.editing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Idempotency keys, after the IETF draft and Stripe: per editor, over the whole request (method,
 * path, query, body), on single POSTs as on imports; a replay says so and writes nothing.
 */
@QuarkusTest
@TestProfile(WritingProfile.class)
class IdempotencyTest {

    private static String key() {
        return "test-" + UUID.randomUUID();
    }

    @Test
    void aSinglePostRetriedWithItsKeyIsAnsweredAgainAndWrittenOnce() {
        String key = key();
        String id = "idem-" + UUID.randomUUID().toString().substring(0, 8);
        String body = EditorFixtures.source(id);
        String first = given().header("Authorization", Tokens.editor()).header("Idempotency-Key", key).contentType("application/json").body(body)
                .when().post("/api/v1/sources")
                .then().statusCode(201).header("Idempotent-Replayed", nullValue()).extract().asString();

        given().header("Authorization", Tokens.editor()).header("Idempotency-Key", key).contentType("application/json").body(body)
                .when().post("/api/v1/sources")
                .then().statusCode(200)
                .header("Idempotent-Replayed", "true")
                .header("Location", containsString("/api/v1/sources/" + id))
                .body(equalTo(first));

        // the same key with another body is not a retry
        given().header("Authorization", Tokens.editor()).header("Idempotency-Key", key).contentType("application/json")
                .body(body.replace("BZK", "Financiën"))
                .when().post("/api/v1/sources")
                .then().statusCode(422).body("detail", containsString(key));
        // nor the same body to another resource
        given().header("Authorization", Tokens.editor()).header("Idempotency-Key", key).contentType("application/json")
                .body(EditorFixtures.indicator(id))
                .when().post("/api/v1/indicators")
                .then().statusCode(422);
        given().when().get("/api/v1/indicators/" + id).then().statusCode(404);
    }

    @Test
    void aKeyIsTheEditorsOwn() {
        String key = key();
        String indicator = ObservationWritingTest.newIndicator();
        String observation = EditorFixtures.observation("2024", "6.1", "final", null);
        given().header("Authorization", Tokens.editor("alice")).header("Idempotency-Key", key).contentType("application/json").body(observation)
                .when().post("/api/v1/indicators/" + indicator + "/observations")
                .then().statusCode(201);
        // Bob sends Alice's key and body: his own request, not a replay of Alice's answer.
        given().header("Authorization", Tokens.editor("bob")).header("Idempotency-Key", key).contentType("application/json").body(observation)
                .when().post("/api/v1/indicators/" + indicator + "/observations")
                .then().statusCode(409).header("Idempotent-Replayed", nullValue());

        String csv = "indicatorId,periodCode,department,qualifier,value,valueText,status,sourceId,quote\n"
                + indicator + ",2025,bzk,exact,6.2,\"6,2%\",final," + EditorFixtures.LETTER + ",\"Het verzuim was 6,2 procent.\"\n";
        String importKey = key();
        given().header("Authorization", Tokens.editor("alice")).header("Idempotency-Key", importKey).contentType("text/csv").body(csv)
                .when().post("/api/v1/observation-imports").then().statusCode(201).body("recordedBy", equalTo("alice"));
        given().header("Authorization", Tokens.editor("bob")).header("Idempotency-Key", importKey).contentType("text/csv").body(csv)
                .when().post("/api/v1/observation-imports")
                .then().statusCode(201).header("Idempotent-Replayed", nullValue())
                .body("recordedBy", equalTo("bob")).body("unchanged", equalTo(1));
        given().header("Authorization", Tokens.editor("alice")).header("Idempotency-Key", importKey).contentType("text/csv").body(csv)
                .when().post("/api/v1/observation-imports")
                .then().statusCode(200).header("Idempotent-Replayed", "true").body("recordedBy", equalTo("alice"));
        // the reason is part of the request
        given().header("Authorization", Tokens.editor("alice")).header("Idempotency-Key", importKey).contentType("text/csv").body(csv)
                .queryParam("reason", "Een andere reden")
                .when().post("/api/v1/observation-imports")
                .then().statusCode(422);
    }

    @Test
    void anEmptyKeyIsAMistakeNotAnAbsentKey() {
        for (String path : new String[] {"/api/v1/sources", "/api/v1/observation-imports"}) {
            given().header("Authorization", Tokens.editor()).header("Idempotency-Key", "").contentType(path.endsWith("imports") ? "text/csv" : "application/json")
                    .body(path.endsWith("imports") ? "indicatorId,periodCode,qualifier,value,status,sourceId,quote\n" : EditorFixtures.source("empty-key"))
                    .when().post(path)
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("invalidParams[0].name", equalTo("Idempotency-Key"));
        }
        given().when().get("/api/v1/sources/empty-key").then().statusCode(404);
    }
}

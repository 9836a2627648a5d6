package nl.rijksdienst.kpi.editing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/** The ETag changes when the data changes, and only then. */
@QuarkusTest
@TestProfile(WritingProfile.class)
class CacheInvalidationTest {

    private static String etag(String path) {
        return given().when().get(path).then().statusCode(200).extract().header("ETag");
    }

    @Test
    void aWriteChangesTheETagAndARepeatedImportDoesNot() {
        String indicator = ObservationWritingTest.newIndicator();
        String series = "/api/v1/indicators/" + indicator + "/observations";
        String csv = "indicatorId,periodCode,department,qualifier,value,status,sourceId,quote\n"
                + indicator + ",2024,bzk,exact,5.1,final," + EditorFixtures.LETTER + ",q\n";

        String before = etag(series);
        String scorecardBefore = etag("/api/v1/scorecard");
        assertThat(etag(series)).as("nothing changed").isEqualTo(before);

        given().header("Authorization", Tokens.editor()).contentType("text/csv").body(csv).when().post("/api/v1/observation-imports").then().statusCode(201);
        String after = etag(series);
        assertThat(after).isNotEqualTo(before);
        assertThat(etag("/api/v1/scorecard")).isNotEqualTo(scorecardBefore);
        given().header("If-None-Match", before).when().get(series).then().statusCode(200);

        given().header("Authorization", Tokens.editor()).contentType("text/csv").body(csv).when().post("/api/v1/observation-imports")
                .then().statusCode(201).body("outcome", org.hamcrest.Matchers.equalTo("no_change"));
        assertThat(etag(series)).as("an import that changes nothing keeps the ETag").isEqualTo(after);
        given().header("If-None-Match", after).when().get(series).then().statusCode(304);
    }

    /** Rendered answers are kept in memory, under a key that names the data version: never one from before a change. */
    @Test
    void aRenderedAnswerIsNeverServedAfterAChange() {
        String indicator = ObservationWritingTest.newIndicator();
        String series = "/api/v1/indicators/" + indicator + "/observations";
        for (String encoding : new String[] {"gzip", "identity"}) {
            String first = (encoding.equals("gzip") ? given().header("Accept-Encoding", "gzip") : identityOnly()).when().get(series).then().statusCode(200).extract().asString();
            String again = (encoding.equals("gzip") ? given().header("Accept-Encoding", "gzip") : identityOnly()).when().get(series).then().statusCode(200).extract().asString();
            assertThat(again).as("the kept answer is the same answer").isEqualTo(first);
        }
        String value = "7." + System.nanoTime() % 10;
        given().header("Authorization", Tokens.editor()).contentType("text/csv")
                .body("indicatorId,periodCode,department,qualifier,value,status,sourceId,quote\n" + indicator + ",2023,fin,exact," + value + ",final,"
                        + EditorFixtures.LETTER + ",q\n")
                .when().post("/api/v1/observation-imports").then().statusCode(201);
        for (String encoding : new String[] {"gzip", "identity"}) {
            // at once, on the replica that wrote, in either coding
            (encoding.equals("gzip") ? given().header("Accept-Encoding", "gzip") : identityOnly()).when().get(series).then().statusCode(200)
                    .body("items.value", org.hamcrest.Matchers.hasItem(Float.parseFloat(value)));
        }
    }

    /** A request that accepts no content coding (rest-assured otherwise asks for gzip and deflate itself). */
    private static io.restassured.specification.RequestSpecification identityOnly() {
        return given().config(io.restassured.config.RestAssuredConfig.config()
                .decoderConfig(io.restassured.config.DecoderConfig.decoderConfig().noContentDecoders())).header("Accept-Encoding", "identity");
    }
}

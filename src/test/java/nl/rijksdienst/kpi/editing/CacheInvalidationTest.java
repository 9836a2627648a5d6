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
}

package nl.rijksdienst.kpi.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/** Polling clients: a strong ETag and Last-Modified on every public read, and 304 when nothing changed. */
@QuarkusTest
class HttpCachingTest {

    static final String[] CACHED = {
            "/api/v1/indicators", "/api/v1/indicators/external-hiring-share", "/api/v1/indicators/external-hiring-share/observations",
            "/api/v1/indicators/external-hiring-share/observations?format=csv", "/api/v1/indicators/external-hiring-share/norm-checks",
            "/api/v1/norms", "/api/v1/norms/roemernorm", "/api/v1/scorecard", "/api/v1/themes", "/api/v1/themes/werkgeverschap",
            "/api/v1/sources", "/api/v1/sources/kst-31490-392", "/api/v1/indicators/external-hiring-share/observations/{id}/versions"};

    @Test
    void everyPublicReadAnswers304ToItsOwnETag() {
        long id = given().when().get("/api/v1/indicators/external-hiring-share/observations").then().extract().jsonPath().getLong("items[0].id");
        for (String template : CACHED) {
            String path = template.replace("{id}", String.valueOf(id));
            Response first = given().urlEncodingEnabled(false).when().get(path);
            first.then().statusCode(200).header("ETag", startsWith("\"")).header("Last-Modified", org.hamcrest.Matchers.matchesPattern("[A-Z][a-z]{2}, [0-9]{2} [A-Z][a-z]{2} [0-9]{4} [0-9]{2}:[0-9]{2}:[0-9]{2} GMT"))
                    .header("Cache-Control", startsWith("public, max-age="));
            String etag = first.header("ETag");
            assertThat(etag).as(path).doesNotStartWith("W/");

            given().urlEncodingEnabled(false).header("If-None-Match", etag).when().get(path)
                    .then().statusCode(304).header("ETag", etag).body(emptyString());
            given().urlEncodingEnabled(false).header("If-Modified-Since", first.header("Last-Modified")).when().get(path)
                    .then().statusCode(304);
            given().urlEncodingEnabled(false).header("If-None-Match", "\"something-else\"").when().get(path).then().statusCode(200);
        }
    }

    @Test
    void theETagIsTheSameForTheSameDataAndDiffersPerRepresentation() {
        String json = given().when().get("/api/v1/indicators/external-hiring-share/observations").then().extract().header("ETag");
        String again = given().when().get("/api/v1/indicators/external-hiring-share/observations").then().extract().header("ETag");
        String csv = given().queryParam("format", "csv").when().get("/api/v1/indicators/external-hiring-share/observations").then().extract().header("ETag");
        String other = given().when().get("/api/v1/indicators/wage-offer/observations").then().extract().header("ETag");
        assertThat(again).isEqualTo(json);
        assertThat(csv).isNotEqualTo(json);
        assertThat(other).isNotEqualTo(json);
    }

    @Test
    void historyIsCachedLongerAndErrorsAreNotCached() {
        given().queryParam("asOf", "2026-01-01").when().get("/api/v1/scorecard").then().statusCode(200).header("Cache-Control", "public, max-age=3600");
        given().when().get("/api/v1/indicators/none").then().statusCode(404).header("Cache-Control", "no-store");
        given().when().get("/api/v1/scorecard").then().header("Vary", org.hamcrest.Matchers.containsString("Accept"));
    }

    /** RFC 9110/9111: a strong ETag names one exact body, one Vary header that names Origin where CORS depends on it, a 304 without content coding. */
    @Test
    void theHttpRulesHoldForCompressedAndCachedAnswers() {
        String path = "/api/v1/scorecard";
        Response gzip = given().header("Accept-Encoding", "gzip").when().get(path);
        Response identity = identityOnly().when().get(path);
        String gzipTag = gzip.then().statusCode(200).header("Content-Encoding", "gzip").extract().header("ETag");
        String identityTag = identity.then().statusCode(200).extract().header("ETag");
        assertThat(identity.header("Content-Encoding")).isIn(null, "identity");
        assertThat(gzipTag).as("two bodies, two strong ETags").isNotEqualTo(identityTag).isEqualTo(identityTag.substring(0, identityTag.length() - 1) + "-gzip\"");
        // the kept (second) answer is compressed the same way and keeps its tag
        given().header("Accept-Encoding", "gzip").when().get(path).then().statusCode(200).header("Content-Encoding", "gzip").header("ETag", gzipTag);
        for (String tag : new String[] {gzipTag, identityTag}) {
            Response notModified = given().header("Accept-Encoding", "gzip").header("If-None-Match", tag).when().get(path);
            notModified.then().statusCode(304).header("ETag", gzipTag);
            assertThat(notModified.headers().getValues("Content-Encoding")).as("a 304 has no content coding").isEmpty();
        }
        Response cors = given().header("Origin", "https://dashboard.example").when().get(path);
        cors.then().statusCode(200).header("Access-Control-Allow-Origin", "https://dashboard.example");
        assertThat(cors.headers().getValues("Vary")).as("one Vary header").hasSize(1);
        assertThat(cors.header("Vary")).contains("Accept").contains("Accept-Encoding").contains("Origin");
    }

    @Test
    void theSdmxJsonAnswerIsTheSameBytesUnderTheSameETag() {
        String path = "/api/v1/indicators/external-hiring-share/observations?format=sdmx-json";
        Response first = identityOnly().when().get(path);
        Response second = identityOnly().when().get(path);
        assertThat(second.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(second.asString()).isEqualTo(first.asString());
    }

    /** A request that accepts no content coding (rest-assured otherwise asks for gzip and deflate itself). */
    private static io.restassured.specification.RequestSpecification identityOnly() {
        return given().config(io.restassured.config.RestAssuredConfig.config()
                .decoderConfig(io.restassured.config.DecoderConfig.decoderConfig().noContentDecoders())).header("Accept-Encoding", "identity");
    }
}

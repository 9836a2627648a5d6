package nl.rijksdienst.kpi.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.emptyString;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.Header;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * A repeated public read is answered from memory before the REST layer: the very bytes and headers
 * of the rendered answer, with this request's CORS headers, in its own coding, and 304 to its own
 * validators; what must reach the REST layer still does.
 */
@QuarkusTest
class AnswersFromMemoryTest {

    private static final String SERIES = "/api/v1/indicators/workforce-fte-growth/observations?from=2020";

    @Inject
    RenderedAnswers answers;

    private static RequestSpecification raw() {
        return given().config(RestAssuredConfig.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders())).urlEncodingEnabled(false);
    }

    /** The headers of an answer that belong to it, not to the one response (the date, length and transfer coding). */
    private static Map<String, String> headers(Response response) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Header header : response.headers()) {
            String name = header.getName().toLowerCase(java.util.Locale.ROOT);
            if (!name.equals("date") && !name.equals("content-length") && !name.equals("transfer-encoding")) {
                assertThat(headers).as("one " + name + " header").doesNotContainKey(name);
                headers.put(name, header.getValue());
            }
        }
        return headers;
    }

    @Test
    void aRepeatedReadIsTheRenderedAnswerWithThisRequestsOwnCorsHeaders() {
        Response rendered = raw().header("Accept-Encoding", "identity").header("Origin", "https://intranet.example").when().get(SERIES);
        rendered.then().statusCode(200);
        long before = answers.hits();
        Response kept = raw().header("Accept-Encoding", "identity").header("Origin", "https://dashboard.example").when().get(SERIES);
        assertThat(answers.hits()).as("served from memory").isEqualTo(before + 1);

        assertThat(kept.asByteArray()).isEqualTo(rendered.asByteArray());
        Map<String, String> expected = headers(rendered);
        expected.put("Access-Control-Allow-Origin", "https://dashboard.example");
        assertThat(headers(kept)).isEqualTo(expected);
        assertThat(kept.header("Vary")).isEqualTo("Accept, Accept-Encoding, Origin");
        assertThat(kept.header("API-Version")).isNotBlank();
        assertThat(kept.header("Content-Length")).isEqualTo(String.valueOf(rendered.asByteArray().length));
    }

    @Test
    void aKeptAnswerComesInTheCodingAskedForUnderItsOwnETag() throws Exception {
        Response identity = raw().header("Accept-Encoding", "identity").when().get(SERIES);
        raw().header("Accept-Encoding", "gzip").when().get(SERIES).then().statusCode(200);
        long before = answers.hits();
        Response gzipped = raw().header("Accept-Encoding", "gzip").when().get(SERIES);
        assertThat(answers.hits()).isEqualTo(before + 1);
        gzipped.then().statusCode(200).header("Content-Encoding", "gzip").header("ETag", identity.header("ETag").replaceFirst("\"$", "-gzip\""));
        try (GZIPInputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gzipped.asByteArray()))) {
            assertThat(in.readAllBytes()).isEqualTo(identity.asByteArray());
        }

        // 304 to either tag, from memory, without a content coding
        before = answers.hits();
        for (String tag : new String[] {identity.header("ETag"), gzipped.header("ETag")}) {
            Response notModified = raw().header("Accept-Encoding", "gzip").header("If-None-Match", tag).when().get(SERIES);
            notModified.then().statusCode(304).body(emptyString()).header("ETag", gzipped.header("ETag"))
                    .header("Cache-Control", identity.header("Cache-Control")).header("Last-Modified", identity.header("Last-Modified"));
            assertThat(notModified.header("Content-Encoding")).isNull();
        }
        raw().header("Accept-Encoding", "identity").header("If-Modified-Since", identity.header("Last-Modified")).when().get(SERIES).then().statusCode(304)
                .header("ETag", identity.header("ETag"));
        assertThat(answers.hits()).isEqualTo(before + 3);
        raw().header("Accept-Encoding", "identity").header("If-None-Match", "\"another\"").when().get(SERIES).then().statusCode(200);
    }

    @Test
    void theCacheReportsItsHitsAndEvictions() {
        raw().when().get(SERIES).then().statusCode(200);
        raw().when().get(SERIES).then().statusCode(200);
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).containsPattern("cache_gets_total\\{cache=\"rendered_answers\",result=\"hit\"\\} [1-9]")
                .contains("cache_evictions_total{cache=\"rendered_answers\"}");
    }

    @Test
    void anAnswerFromMemoryIsCountedUnderItsPathTemplateInTheHttpMetrics() {
        String path = "/api/v1/indicators/external-hiring-share/observations?status=final";
        raw().when().get(path).then().statusCode(200);
        String template = "method=\"GET\",outcome=\"SUCCESS\",status=\"200\",uri=\"/indicators/{indicatorId}/observations\"";
        double before = requestCount(template);
        long hits = answers.hits();
        for (int i = 0; i < 3; i++) {
            raw().when().get(path).then().statusCode(200);
        }
        assertThat(answers.hits()).as("from memory").isEqualTo(hits + 3);
        assertThat(requestCount(template)).as("counted under the template").isEqualTo(before + 3);
        assertThat(given().when().get("/q/metrics").then().extract().asString()).as("no time series of its own path")
                .doesNotContain("uri=\"/api/v1/indicators/external-hiring-share").doesNotContain("uri=\"/indicators/external-hiring-share");
    }

    private static double requestCount(String labels) {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(line -> line.startsWith("http_server_requests_seconds_count{" + labels + "}"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    void whatMustReachTheRestLayerDoes() {
        String path = "/api/v1/indicators/external-hiring-share/observations?lastNObservations=1";
        raw().when().get(path).then().statusCode(200);
        raw().when().get(path).then().statusCode(200);
        long before = answers.hits();
        // a request with credentials, a HEAD, a representation not kept yet, an error
        raw().header("Authorization", "Bearer not-a-token").when().get(path);
        raw().when().head(path).then().statusCode(200);
        raw().header("Accept", "text/csv").when().get(path).then().statusCode(200);
        for (int i = 0; i < 2; i++) {
            raw().when().get(path + "&colour=blue").then().statusCode(400).contentType("application/problem+json");
        }
        assertThat(answers.hits()).as("none of these from memory").isEqualTo(before);
        raw().header("Accept", "text/csv").when().get(path).then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/csv"));
        assertThat(answers.hits()).as("the CSV is kept apart from the JSON").isEqualTo(before + 1);
    }
}

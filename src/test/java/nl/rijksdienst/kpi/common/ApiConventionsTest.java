package nl.rijksdienst.kpi.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Method;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The NL GOV API Design Rules as a client meets them, over HTTP. */
@QuarkusTest
class ApiConventionsTest {

    static final String API_VERSION = "1.12.6";
    static final String[] RESOURCES = {
            "/api/v1/indicators", "/api/v1/indicators/external-hiring-share", "/api/v1/indicators/external-hiring-share/observations",
            "/api/v1/indicators/external-hiring-share/norm-checks", "/api/v1/norms", "/api/v1/norms/roemernorm", "/api/v1/scorecard",
            "/api/v1/themes", "/api/v1/themes/werkgeverschap", "/api/v1/sources", "/api/v1/sources/kst-31490-392"};

    @Test
    void everyAnswerCarriesTheFullApiVersion() {
        for (String path : RESOURCES) {
            given().when().get(path).then().statusCode(200).header("API-Version", API_VERSION);
        }
        given().when().get("/api/v1/indicators/none").then().statusCode(404).header("API-Version", API_VERSION);
        given().queryParam("page", "x").when().get("/api/v1/indicators").then().statusCode(400).header("API-Version", API_VERSION);
        given().when().get("/api/v1/openapi.json").then().statusCode(200).header("API-Version", API_VERSION);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/indicators/", "/api/v1/indicators/external-hiring-share/", "/api/v1/scorecard/",
            "/api/v1/indicators/external-hiring-share/observations/", "/api/v1/"})
    void aTrailingSlashIsANotFoundNotARedirect(String path) {
        given().redirects().follow(false)
                .when().get(path)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
    }

    /** The methods each resource offers besides GET (and HEAD, OPTIONS). */
    static final java.util.Map<String, java.util.Set<Method>> WRITES = java.util.Map.of(
            "/api/v1/indicators", java.util.Set.of(Method.POST),
            "/api/v1/indicators/external-hiring-share", java.util.Set.of(Method.PUT),
            "/api/v1/indicators/external-hiring-share/observations", java.util.Set.of(Method.POST),
            "/api/v1/norms", java.util.Set.of(Method.POST),
            "/api/v1/norms/roemernorm", java.util.Set.of(Method.PUT),
            "/api/v1/sources", java.util.Set.of(Method.POST),
            "/api/v1/sources/kst-31490-392", java.util.Set.of(Method.PUT));

    @Test
    void otherMethodsGet405WithAllow() {
        for (String path : RESOURCES) {
            for (Method method : new Method[] {Method.POST, Method.PUT, Method.PATCH, Method.DELETE}) {
                if (WRITES.getOrDefault(path, java.util.Set.of()).contains(method)) {
                    continue;
                }
                given().contentType("application/json").body("{}")
                        .when().request(method, path)
                        .then()
                        .statusCode(405)
                        .header("Allow", containsString("GET"))
                        .contentType("application/problem+json")
                        .body("status", equalTo(405))
                        .body("title", not(containsString("Exception")));
            }
        }
    }

    @Test
    void anUnknownQueryParameterIsA400NamingIt() {
        for (String path : RESOURCES) {
            given().queryParam("pagesize", "5")
                    .when().get(path)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("invalidParams[0].name", equalTo("pagesize"))
                    .body("detail", containsString("pagesize"));
        }
    }

    @Test
    void optionsListsTheMethodsOfThatPathOnly() {
        given().when().options("/api/v1/indicators/external-hiring-share/observations")
                .then().statusCode(200).header("Allow", equalTo("GET, HEAD, OPTIONS, POST"));
        given().when().options("/api/v1/scorecard").then().statusCode(200).header("Allow", equalTo("GET, HEAD, OPTIONS"));
    }

    @Test
    void unknownPathsAreProblemNotFound() {
        given().when().get("/api/v1/nothing-here")
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404)).body("detail", containsString("nothing-here"));
    }

    @Test
    void errorsNeverShowAStackTrace() {
        String[] bad = {"/api/v1/indicators/%00", "/api/v1/indicators/external-hiring-share/observations?from=%27%3B%20drop%20table%20observation",
                "/api/v1/indicators/external-hiring-share/observations?from=99999-01", "/api/v1/indicators/x'y/observations",
                "/api/v1/indicators/workforce-fte-growth/observations?category=%27%20or%201%3D1"};
        for (String path : bad) {
            String body = given().urlEncodingEnabled(false).when().get(path).then()
                    .statusCode(org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.greaterThanOrEqualTo(400), org.hamcrest.Matchers.lessThan(500)))
                    .extract().asString();
            org.assertj.core.api.Assertions.assertThat(body).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("java.");
        }
        given().when().get("/api/v1/indicators/external-hiring-share/observations").then().statusCode(200);
    }

    @Test
    void browsersMayReadFromAnyOrigin() {
        given().header("Origin", "https://dashboard.example.nl")
                .when().get("/api/v1/scorecard")
                .then().statusCode(200).header("Access-Control-Allow-Origin", "https://dashboard.example.nl");
        given().header("Origin", "https://dashboard.example.nl")
                .when().get("/api/v1/indicators/none")
                .then().statusCode(404).header("Access-Control-Allow-Origin", "https://dashboard.example.nl");
        given().header("Origin", "https://any.example.org")
                .when().get("/api/v1/openapi.json")
                .then().statusCode(200).header("Access-Control-Allow-Origin", "https://any.example.org");
        given().header("Origin", "https://dashboard.example.nl").header("Access-Control-Request-Method", "GET")
                .when().options("/api/v1/indicators")
                .then().statusCode(200).header("Access-Control-Allow-Origin", "https://dashboard.example.nl");
    }

    @Test
    void theOpenApiDocumentIsServedAsJsonAndYamlWithoutAuthentication() {
        given().when().get("/api/v1/openapi.json").then().statusCode(200).contentType(containsString("json")).body("openapi", containsString("3."));
        given().when().get("/api/v1/openapi.yaml").then().statusCode(200).body(containsString("openapi: 3."));
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void healthAndMetricsAreServed() {
        given().when().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/ready").then().statusCode(200).body("checks.name", hasItem("database"))
                .body("checks[0].status", equalTo("UP")).body("checks[0].data", nullValue());
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/api/v1/scorecard").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests_seconds_count"));
    }

    @Test
    void aClientThatStopsSendingItsHeadersIsDisconnected() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("localhost", io.restassured.RestAssured.port)) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write("GET /api/v1/scorecard HTTP/1.1\r\nHost: localhost\r\nAccept: appl".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            long start = System.nanoTime();
            // The server closes the connection after the idle timeout (3 s in tests, 2 min otherwise): read() sees the end.
            int read = socket.getInputStream().read();
            long waited = java.util.concurrent.TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
            org.assertj.core.api.Assertions.assertThat(read).isEqualTo(-1);
            org.assertj.core.api.Assertions.assertThat(waited).isBetween(2L, 10L);
        }
    }
}

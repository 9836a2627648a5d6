package nl.rijksdienst.kpi.editing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.Method;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every write needs a valid token with the editor role: 401 without, 403 with another role; reads stay public. */
@QuarkusTest
@TestProfile(WritingProfile.class)
class AuthorizationTest {

    record Write(Method method, String path, String contentType, String body) {
    }

    static final List<Write> WRITES = List.of(
            new Write(Method.POST, "/api/v1/indicators/external-hiring-share/observations", "application/json", EditorFixtures.observation("2025", "12.0", "final", null)),
            new Write(Method.PUT, "/api/v1/indicators/external-hiring-share/observations/1", "application/json", EditorFixtures.observation("2025", "12.0", "final", "r")),
            new Write(Method.POST, "/api/v1/observation-imports", "text/csv", "indicatorId,periodCode,qualifier,value,status,sourceId,quote\n"),
            new Write(Method.POST, "/api/v1/indicators", "application/json", EditorFixtures.indicator("auth-test")),
            new Write(Method.PUT, "/api/v1/indicators/external-hiring-share", "application/json", EditorFixtures.indicator("external-hiring-share")),
            new Write(Method.POST, "/api/v1/norms", "application/json", EditorFixtures.norm("auth-test", "external-hiring-share", "10")),
            new Write(Method.PUT, "/api/v1/norms/roemernorm", "application/json", EditorFixtures.norm("roemernorm", "external-hiring-share", "10")),
            new Write(Method.POST, "/api/v1/sources", "application/json", EditorFixtures.source("auth-test")),
            new Write(Method.PUT, "/api/v1/sources/kst-31490-392", "application/json", EditorFixtures.source("kst-31490-392")),
            new Write(Method.GET, "/api/v1/observation-imports", null, null),
            new Write(Method.GET, "/api/v1/observation-imports/00000000-0000-0000-0000-000000000000", null, null),
            new Write(Method.GET, "/api/v1/audit-log", null, null));

    private static RequestSpecification request(Write write, String authorization) {
        RequestSpecification spec = given();
        if (authorization != null) {
            spec = spec.header("Authorization", authorization);
        }
        if (write.body() != null) {
            spec = spec.contentType(write.contentType()).body(write.body());
        }
        return spec;
    }

    @Test
    void everyWriteWithoutATokenIs401WithAProblem() {
        for (Write write : WRITES) {
            request(write, null).when().request(write.method(), write.path())
                    .then().statusCode(401)
                    .header("WWW-Authenticate", containsString("Bearer"))
                    .contentType("application/problem+json")
                    .body("status", equalTo(401));
        }
    }

    @Test
    void anUnauthenticatedWriteIs401WhateverElseIsWrongWithIt() {
        for (Write write : WRITES) {
            // an unknown parameter, a bad value of a known one, an unreadable body, a wrong media type
            given().queryParam("pagesize", "x").queryParam("reason", "").contentType("application/xml").body("<not-json")
                    .when().request(write.method(), write.path())
                    .then().statusCode(401)
                    .contentType("application/problem+json")
                    .body("detail", containsString("bearer-token"))
                    .body("invalidParams", org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.nullValue(), org.hamcrest.Matchers.empty()));
            given().header("Authorization", Tokens.reader()).queryParam("pagesize", "x").contentType("application/json").body("{")
                    .when().request(write.method(), write.path())
                    .then().statusCode(403);
        }
    }

    @Test
    void everyWriteWithAnInvalidTokenIs401() {
        for (String token : List.of(Tokens.expired(), Tokens.foreignKey(), Tokens.otherIssuer(), "Bearer not-a-jwt",
                Tokens.centuryLong(), Tokens.issuedInTheFuture(), Tokens.tooOld())) {
            for (Write write : WRITES) {
                request(write, token).when().request(write.method(), write.path())
                        .then().statusCode(401).contentType("application/problem+json");
            }
        }
    }

    @Test
    void everyWriteWithoutTheEditorRoleIs403() {
        for (Write write : WRITES) {
            request(write, Tokens.reader()).when().request(write.method(), write.path())
                    .then().statusCode(403)
                    .contentType("application/problem+json")
                    .body("status", equalTo(403));
        }
    }

    @Test
    void readsStayPublicEvenWithABadToken() {
        given().header("Authorization", Tokens.foreignKey()).when().get("/api/v1/scorecard").then().statusCode(200);
        given().when().get("/api/v1/indicators/external-hiring-share/observations").then().statusCode(200);
    }
}

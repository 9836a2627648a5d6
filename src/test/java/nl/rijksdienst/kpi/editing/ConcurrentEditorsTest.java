package nl.rijksdienst.kpi.editing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Optimistic concurrency (RFC 9110): every writable resource has the ETag of its current version;
 * a PUT with If-Match naming an older one is a 412 and writes nothing, so two editors correcting
 * the same version cannot overwrite each other. A PUT without If-Match still works.
 */
@QuarkusTest
@TestProfile(WritingProfile.class)
class ConcurrentEditorsTest {

    private static String etag(String path) {
        return given().when().get(path).then().statusCode(200).extract().header("ETag");
    }

    @Test
    void theSecondOfTwoCorrectionsBasedOnTheSameVersionIs412() throws Exception {
        String indicator = ObservationWritingTest.newIndicator();
        String location = given().header("Authorization", Tokens.editor()).contentType("application/json")
                .body(EditorFixtures.observation("2024", "5.0", "final", null))
                .when().post("/api/v1/indicators/" + indicator + "/observations").then().statusCode(201).extract().header("Location");
        String path = location.substring(location.indexOf("/api/v1"));
        String read = etag(path);
        given().header("If-None-Match", read).when().get(path).then().statusCode(304);

        // Alice and Bob both read version 1, then both send a correction based on it, at the same moment.
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Response>> answers = new ArrayList<>();
        for (String[] editor : new String[][] {{"alice", "5.1"}, {"bob", "5.2"}}) {
            answers.add(pool.submit(() -> given().header("Authorization", Tokens.editor(editor[0])).header("If-Match", read)
                    .contentType("application/json").body(EditorFixtures.observation("2024", editor[1], "final", "Correctie van " + editor[0]))
                    .when().put(path).andReturn()));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Response> answer : answers) {
            statuses.add(answer.get().statusCode());
        }
        pool.shutdown();
        assertThat(statuses).containsExactlyInAnyOrder(200, 412);
        Response lost = answers.get(statuses.indexOf(412)).get();
        assertThat(lost.contentType()).isEqualTo("application/problem+json");
        assertThat(lost.jsonPath().getString("detail")).contains("If-Match");
        String won = statuses.indexOf(200) == 0 ? "5.1" : "5.2";

        given().when().get(path).then().body("version", equalTo(2)).body("value", equalTo(Float.parseFloat(won)));
        given().when().get(path + "/versions").then().body("items.size()", equalTo(2));

        // The winner's answer carries the new ETag, which the next correction can name.
        String current = answers.get(statuses.indexOf(200)).get().header("ETag");
        assertThat(current).isEqualTo(etag(path)).isNotEqualTo(read);
        given().header("Authorization", Tokens.editor()).header("If-Match", current).contentType("application/json")
                .body(EditorFixtures.observation("2024", "5.3", "final", "Derde correctie"))
                .when().put(path).then().statusCode(200).body("version", equalTo(3));
        // Without If-Match a correction still goes through.
        given().header("Authorization", Tokens.editor()).contentType("application/json")
                .body(EditorFixtures.observation("2024", "5.4", "final", "Zonder If-Match"))
                .when().put(path).then().statusCode(200).body("version", equalTo(4));
    }

    @Test
    void indicatorsNormsAndSourcesRefuseAChangeBasedOnAnOlderVersion() {
        String indicator = ObservationWritingTest.newIndicator();
        String[][] resources = {
            {"/api/v1/indicators/" + indicator, EditorFixtures.indicator(indicator), "Ziekteverzuim", "Verzuim"},
            {"/api/v1/sources/kst-31490-392", EditorFixtures.source("kst-31490-392"), "Jaarrapportage", "Rapportage"},
        };
        for (String[] r : resources) {
            String old = etag(r[0]);
            given().header("Authorization", Tokens.editor("alice")).header("If-Match", old).contentType("application/json")
                    .body(r[1].replace(r[2], r[2] + " (herzien)"))
                    .when().put(r[0]).then().statusCode(200);
            String now = etag(r[0]);
            given().header("Authorization", Tokens.editor("bob")).header("If-Match", "\"not-a-version\", " + old).contentType("application/json")
                    .body(r[1].replace(r[2], r[3]))
                    .when().put(r[0]).then().statusCode(412).contentType("application/problem+json")
                    // the current version, named by its identity ETag (the gzipped answer's tag adds "-gzip")
                    .body("detail", containsString(now.replace("-gzip\"", "\"")));
            given().header("Authorization", Tokens.editor("bob")).header("If-Match", "W/" + now).contentType("application/json")
                    .body(r[1].replace(r[2], r[3]))
                    .when().put(r[0]).then().statusCode(412);
            given().when().get(r[0]).then().header("ETag", now);
            given().header("Authorization", Tokens.editor("bob")).header("If-Match", now).contentType("application/json")
                    .body(r[1].replace(r[2], r[3]))
                    .when().put(r[0]).then().statusCode(200).header("ETag", org.hamcrest.Matchers.not(now));
        }
        String norm = "/api/v1/norms/roemernorm";
        String old = etag(norm);
        given().header("Authorization", Tokens.editor()).header("If-Match", "\"" + "0".repeat(32) + "\"").contentType("application/json")
                .body(EditorFixtures.norm("roemernorm", "external-hiring-share", "10"))
                .when().put(norm).then().statusCode(412);
        assertThat(etag(norm)).isEqualTo(old);
    }
}

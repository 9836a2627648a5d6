package nl.rijksdienst.kpi.editing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.function.LongSupplier;
import nl.rijksdienst.kpi.common.RenderedAnswers;
import org.junit.jupiter.api.Test;

/**
 * A change leaves in memory the answers it does not touch: the observations of an indicator whose
 * observations did not change are served from memory under the new data version, with the ETag and
 * Last-Modified a rendering would give them now; the changed indicator's answers, SDMX-JSON (which
 * names the version) and, after a change to anything but observations, every answer are rendered anew.
 */
@QuarkusTest
@TestProfile(WritingProfile.class)
class ExactInvalidationTest {

    @Inject
    RenderedAnswers answers;

    private static String indicator(String prefix) {
        String id = prefix + "-" + System.nanoTime() % 1_000_000_000L;
        given().header("Authorization", Tokens.editor()).contentType("application/json").body("""
                {"id": "%s", "themeId": "werkgeverschap", "unit": "fte", "kind": "level", "label": {"nl": "Reeks", "en": "Series"},
                 "frequencies": ["annual"], "dimensions": []}
                """.formatted(id)).when().post("/api/v1/indicators").then().statusCode(201);
        addRow(id, "2023", "10");
        return id;
    }

    private static void addRow(String indicator, String period, String value) {
        given().header("Authorization", Tokens.editor()).contentType("text/csv")
                .body("indicatorId,periodCode,qualifier,value,status,sourceId,quote\n" + indicator + "," + period + ",exact," + value + ",final,"
                        + EditorFixtures.LETTER + ",q\n")
                .when().post("/api/v1/observation-imports").then().statusCode(201);
    }

    private static Response get(String path) {
        return given().header("Accept-Encoding", "identity").when().get(path);
    }

    /** The same request rendered by the REST layer (credentials are never answered from memory). */
    private static Response rendered(String path) {
        return given().header("Accept-Encoding", "identity").header("Authorization", Tokens.editor()).when().get(path);
    }

    private static void awaitIncrease(LongSupplier counter, long from) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (counter.getAsLong() <= from && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(counter.getAsLong()).as("handled within 5 s").isGreaterThan(from);
    }

    @Test
    void aChangeOfOneIndicatorsObservationsLeavesTheOthersInMemory() throws Exception {
        String kept = "/api/v1/indicators/" + indicator("kept") + "/observations";
        String changedId = indicator("changed");
        String changed = "/api/v1/indicators/" + changedId + "/observations";
        for (String path : new String[] {kept, changed, kept + "?format=sdmx-json", kept + "?format=csv"}) {
            get(path).then().statusCode(200);
        }
        Response before = get(kept);
        Response beforeCsv = get(kept + "?format=csv");

        long carried = answers.carried();
        addRow(changedId, "2024", "11");
        awaitIncrease(answers::carried, carried);
        assertThat(given().when().get("/q/metrics").then().statusCode(200).extract().asString())
                .as("what is carried over is counted in the metrics")
                .containsPattern("rendered_answers_carried_total [1-9]").containsPattern("rendered_answers_version_moves_total [1-9]");

        long hits = answers.hits();
        Response after = get(kept);
        assertThat(answers.hits()).as("the untouched series from memory").isEqualTo(hits + 1);
        Response fresh = rendered(kept);
        assertThat(after.asByteArray()).isEqualTo(before.asByteArray()).isEqualTo(fresh.asByteArray());
        assertThat(after.header("ETag")).isNotEqualTo(before.header("ETag")).isEqualTo(fresh.header("ETag"));
        assertThat(after.header("Last-Modified")).isEqualTo(fresh.header("Last-Modified"));
        get(kept).then().statusCode(200);
        given().header("If-None-Match", fresh.header("ETag")).when().get(kept).then().statusCode(304);
        Response afterCsv = get(kept + "?format=csv");
        assertThat(afterCsv.asByteArray()).isEqualTo(beforeCsv.asByteArray());
        assertThat(afterCsv.header("ETag")).isEqualTo(rendered(kept + "?format=csv").header("ETag"));

        hits = answers.hits();
        Response changedNow = get(changed);
        assertThat(changedNow.jsonPath().getList("items.period.code")).containsExactly("2023", "2024");
        get(kept + "?format=sdmx-json").then().statusCode(200);
        assertThat(answers.hits()).as("the changed series and SDMX-JSON rendered anew").isEqualTo(hits);

        // a change to anything but observations (here a new indicator) leaves nothing kept
        get(kept).then().statusCode(200);
        long moves = answers.moves();
        indicatorWithoutRows();
        awaitIncrease(answers::moves, moves);
        hits = answers.hits();
        get(kept).then().statusCode(200);
        assertThat(answers.hits()).as("rendered anew after a change of the catalogue").isEqualTo(hits);
    }

    private static void indicatorWithoutRows() {
        given().header("Authorization", Tokens.editor()).contentType("application/json").body("""
                {"id": "other-%d", "themeId": "werkgeverschap", "unit": "fte", "kind": "level", "label": {"nl": "Andere", "en": "Other"},
                 "frequencies": ["annual"], "dimensions": []}
                """.formatted(System.nanoTime() % 1_000_000_000L)).when().post("/api/v1/indicators").then().statusCode(201);
    }
}

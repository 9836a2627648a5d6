package nl.rijksdienst.kpi.dashboard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.File;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import nl.rijksdienst.kpi.editing.Tokens;
import nl.rijksdienst.kpi.editing.WritingProfile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The built-in dashboard updates itself when the data changes, without polling: it listens to the
 * live stream (server-sent events), and a figure an editor adds appears on the open page. In
 * headless Chromium over the DevTools protocol; skipped where no Chromium is installed.
 */
@QuarkusTest
@TestProfile(WritingProfile.class)
class DashboardLiveTest {

    @TestHTTPResource("/")
    URL page;

    private static Optional<String> chromium() {
        return Stream.of("chromium", "chromium-browser", "google-chrome")
                .flatMap(name -> Stream.of(System.getenv("PATH").split(File.pathSeparator)).map(dir -> Path.of(dir, name)))
                .filter(Files::isExecutable).map(Path::toString).findFirst();
    }

    @Test
    void aFigureAddedByAnEditorAppearsOnTheOpenPage() throws Exception {
        Optional<String> chromium = chromium();
        Assumptions.assumeTrue(chromium.isPresent(), "no Chromium installed");
        String indicator = "live-" + System.nanoTime() % 1_000_000;
        try (DevTools browser = DevTools.open(chromium.get(), page.toString(), 1400, 1000)) {
            browser.waitFor("!!document.body && document.body.getAttribute('data-ready') === 'true' && document.body.getAttribute('data-live') === 'true'", Duration.ofSeconds(60));
            long before = browser.evaluate("Number(document.body.getAttribute('data-version'))").asLong();
            assertThat(browser.evaluate("!!document.querySelector('.chart-card[data-indicator=\"" + indicator + "\"]')").asBoolean()).isFalse();

            given().header("Authorization", Tokens.editor()).contentType("application/json").body("""
                    {"id": "%s", "themeId": "werkgeverschap", "unit": "percent", "kind": "share",
                     "label": {"nl": "Verzuim live", "en": "Sick leave live"},
                     "description": {"nl": "Verzuimpercentage.", "en": "Sick leave rate."}, "frequencies": ["annual"], "dimensions": []}
                    """.formatted(indicator)).when().post("/api/v1/indicators").then().statusCode(201);
            given().header("Authorization", Tokens.editor()).contentType("application/json").body("""
                    {"period": "2025", "qualifier": "exact", "value": 5.2, "valueText": "5,2%", "status": "final",
                     "citation": {"sourceId": "antwoorden-so-functioneren-rijksdienst-2026", "quote": "Het verzuim was 5,2 procent."}}
                    """).when().post("/api/v1/indicators/" + indicator + "/observations").then().statusCode(201);

            // the page hears of it and draws itself again: the new series is there, and the last event it was told of
            try {
                browser.waitFor("!!document.querySelector('.chart-card[data-indicator=\"" + indicator + "\"] .chart[data-rendered=\"true\"]')",
                        Duration.ofSeconds(20));
            } catch (IllegalStateException e) {
                throw new AssertionError("the page did not follow: " + browser.evaluate("JSON.stringify({version: document.body.getAttribute('data-version'), "
                        + "ready: document.body.getAttribute('data-ready'), status: document.getElementById('status').textContent, "
                        + "last: document.getElementById('status').getAttribute('data-last-event'), "
                        + "cards: [...document.querySelectorAll('.chart-card')].map(c => c.getAttribute('data-indicator')).join(' ')})").asText()
                        + " (latest event " + given().get("/api/v1/events?pageSize=1").jsonPath().getString("items[0].id") + ")", e);
            }
            assertThat(browser.evaluate("Number(document.body.getAttribute('data-version'))").asLong()).isGreaterThan(before);
            long lastEvent = browser.evaluate("Number(document.getElementById('status').getAttribute('data-last-event'))").asLong();
            assertThat(given().get("/api/v1/events/" + lastEvent).jsonPath().getString("about")).startsWith("/indicators/" + indicator + "/observations/");
        }
    }
}

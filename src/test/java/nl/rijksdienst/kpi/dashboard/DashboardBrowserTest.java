package nl.rijksdienst.kpi.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.File;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The built-in dashboard in a real browser (Debian's headless Chromium; .ci/run installs it): the
 * page loads the scorecard and draws the charts from the live API, and a screenshot is kept in
 * target/dashboard.png. Skipped where no Chromium is installed.
 */
@QuarkusTest
class DashboardBrowserTest {

    @TestHTTPResource("/")
    URL page;

    private static Optional<String> chromium() {
        return Stream.of("chromium", "chromium-browser", "google-chrome")
                .flatMap(name -> Stream.of(System.getenv("PATH").split(File.pathSeparator)).map(dir -> Path.of(dir, name)))
                .filter(Files::isExecutable).map(Path::toString).findFirst();
    }

    private static String run(List<String> command) throws Exception {
        Path profile = Files.createTempDirectory("chromium-profile");
        List<String> full = new ArrayList<>(command.subList(0, 1));
        full.addAll(List.of("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile, "--virtual-time-budget=30000"));
        full.addAll(command.subList(1, command.size()));
        Process process = new ProcessBuilder(full).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("chromium finished").isTrue();
        return new String(out, StandardCharsets.UTF_8);
    }

    @Test
    void theDashboardShowsTheScorecardAndDrawsTheChartsFromTheApi() throws Exception {
        Optional<String> chromium = chromium();
        Assumptions.assumeTrue(chromium.isPresent(), "no Chromium installed");

        String dom = run(List.of(chromium.get(), "--window-size=1400,2600", "--dump-dom", page + "?live=false"));

        assertThat(dom).contains("data-ready=\"true\"");
        assertThat(dom).containsPattern("data-norm=\"roemernorm\" data-verdict=\"breached\"");
        assertThat(dom).containsPattern("data-norm=\"beleidskompas-target\" data-verdict=\"indeterminate\"");
        assertThat(dom).contains("overschreden").contains("onbepaald").contains("15,4%");
        // the Roemernorm's headline is 2024; the half-year figure is an interim indication beside it
        assertThat(dom).contains("data-interim=\"2025-S1\"").contains("Tussentijdse indicatie 2025-S1: 11,4%");
        assertThat(dom).contains("Vergelijking, geen norm die het kabinet zichzelf stelt");
        // a floor that is not reached is "niet gehaald", a ceiling that is exceeded "overschreden"
        assertThat(dom).containsPattern("(?s)data-norm=\"wage-offer-vs-inflation\".{0,400}?lager dan de vergelijkingswaarde");
        assertThat(dom).containsPattern("class=\"chart\" data-indicator=\"external-hiring-share\"[^>]*data-rendered=\"true\" data-points=\"3\"");
        assertThat(dom).contains("<canvas");
        // the annual figures and the interim half year are two lines, not one drawn across the break; the Roemernorm is drawn
        assertThat(dom).containsPattern("class=\"chart\" data-indicator=\"external-hiring-share\"[^>]*data-segments=\"2\" data-norm-lines=\"1\"");
        // a reference is named, not given by its id
        assertThat(dom).contains("tegenover verwachte inflatie").doesNotContain("tegenover expected-inflation");
        // the wage offer is held to two references (expected inflation, the market's cao rise): both drawn
        assertThat(dom).containsPattern("class=\"chart\" data-indicator=\"wage-offer\"[^>]*data-norm-lines=\"2\"");
        // when each figure became public, and what a verdict rests on
        assertThat(dom).contains("openbaar op zijn vroegst sinds 22 januari 2026")
                .contains("getoetst aan onze lezing van de bron, die geen getal noemt");
        // "insluiten": the badge by its full URL, as HTML and Markdown, with the sentence as its alt text
        String origin = page.toString().replaceAll("/$", "");
        assertThat(dom).contains("data-embed=\"/norms/roemernorm/badge\"")
                .contains("&lt;img src=\"" + origin + "/api/v1/norms/roemernorm/badge\" alt=\"Aandeel externe inhuur in 2024: 15,4%. Roemernorm")
                .contains("![Aandeel externe inhuur in 2024: 15,4%. Roemernorm (ten hoogste 10%): overschreden")
                .contains("data-embed=\"/indicators/external-hiring-share/chart\"");
        // what the letter promises: the open and overdue commitments, with the term in the letter's words
        assertThat(dom).containsPattern("data-commitment=\"rijksinkoopstrategie\" data-state=\"overdue\"")
                .containsPattern("data-commitment=\"oha-eerste-rapport\" data-state=\"due_soon\"")
                .contains("uiterlijk Q3 2026").contains("in het najaar van 2026").contains("termijn verstreken");

        Path screenshot = Path.of("target", "dashboard.png").toAbsolutePath();
        Files.deleteIfExists(screenshot);
        run(List.of(chromium.get(), "--window-size=1400,2600", "--screenshot=" + screenshot, page + "?live=false"));
        assertThat(screenshot).exists();
        assertThat(Files.size(screenshot)).isGreaterThan(50_000);
    }
}

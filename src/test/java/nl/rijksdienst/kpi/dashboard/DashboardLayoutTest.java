package nl.rijksdienst.kpi.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.File;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The dashboard at a desktop's width (1400 px) and a phone's (400 px), and after a resize from one
 * to the other, in headless Chromium driven over the DevTools protocol: nothing wider than the
 * window, every chart as wide as its card, norm labels wrapped inside the plot, the scorecard in
 * the order of what needs attention, units and dates in Dutch words. Screenshots of each state are
 * kept in target/dashboard/ for a person to look at.
 */
@QuarkusTest
class DashboardLayoutTest {

    @TestHTTPResource("/")
    URL page;

    private static final List<String> ATTENTION = List.of("breached", "off_track", "indeterminate", "no_data", "on_track", "met");

    /** What a reader would see go wrong, measured in the page. */
    private static final String MEASURE = """
            (() => {
              const width = window.innerWidth;
              const wide = [...document.querySelectorAll('body *')].filter(e => {
                const r = e.getBoundingClientRect();
                return r.width > 0 && r.right > width + 1;
              }).map(e => e.tagName + '.' + e.className);
              const empty = [...document.querySelectorAll('.chart')].filter(c => c.getAttribute('data-rendered') !== 'true').length;
              const charts = [...document.querySelectorAll('.chart[data-rendered="true"]')].map(c => {
                const canvas = c.querySelector('canvas');
                const option = echarts.getInstanceByDom(c).getOption();
                const labels = option.series.flatMap(s => s.markLine && s.markLine.data ? s.markLine.data.map(d => d.label.width) : []);
                // the widest legend entry as drawn (12px text, its symbol and the scroll buttons beside it)
                const names = option.legend[0].show ? [...new Set(option.series.map(s => s.name))] : [];
                const context = document.createElement('canvas').getContext('2d');
                context.font = '12px sans-serif';
                const text = option.legend[0].textStyle || {};
                // an entry wider than the chart wraps at the legend's text width
                const legend = names.length ? Math.max(...names.map(n => text.overflow === 'break' && text.width ? Math.min(context.measureText(n).width, text.width)
                  : context.measureText(n).width)) + 30 + 60 : 0;
                return { id: c.getAttribute('data-indicator'), width: c.clientWidth, canvas: canvas.getBoundingClientRect().width,
                  labels, legendType: option.legend[0].type, legend, unit: option.yAxis[0].name };
              });
              return { width, scroll: document.documentElement.scrollWidth, wide, charts, empty,
                verdicts: [...document.querySelectorAll('#scorecard .card')].map(c => c.getAttribute('data-verdict')),
                evaluatedOn: document.getElementById('evaluated-on').textContent };
            })()""";

    private static Optional<String> chromium() {
        return Stream.of("chromium", "chromium-browser", "google-chrome")
                .flatMap(name -> Stream.of(System.getenv("PATH").split(File.pathSeparator)).map(dir -> Path.of(dir, name)))
                .filter(Files::isExecutable).map(Path::toString).findFirst();
    }

    private static void assertFits(JsonNode m, int width, String state) {
        assertThat(m.get("width").asInt()).as(state + ": window").isEqualTo(width);
        assertThat(m.get("scroll").asInt()).as(state + ": the page scrolls sideways").isLessThanOrEqualTo(width);
        assertThat(m.get("wide")).as(state + ": elements wider than the window").isEmpty();
        assertThat(m.get("charts").size()).as(state + ": charts drawn").isGreaterThan(5);
        assertThat(m.get("empty").asInt()).as(state + ": empty plots (a figure only in words has a note, no chart)").isZero();
        for (JsonNode chart : m.get("charts")) {
            String id = chart.get("id").asText();
            assertThat(chart.get("canvas").asDouble()).as(state + ": chart " + id + " follows its card").isBetween(chart.get("width").asDouble() - 2, chart.get("width").asDouble() + 1);
            assertThat(chart.get("width").asInt()).as(state + ": chart " + id).isLessThanOrEqualTo(width);
            assertThat(chart.get("legendType").asText()).as(state + ": a legend that does not fit scrolls").isEqualTo("scroll");
            assertThat(chart.get("legend").asDouble()).as(state + ": the widest legend entry of " + id + " fits, uncut").isLessThanOrEqualTo(chart.get("width").asDouble());
            chart.get("labels").forEach(label -> assertThat(label.asInt()).as(state + ": norm label of " + id + " wraps inside the plot")
                    .isPositive().isLessThan(chart.get("width").asInt()));
        }
        List<String> verdicts = new ArrayList<>();
        m.get("verdicts").forEach(v -> verdicts.add(v.asText()));
        assertThat(verdicts).as("the scorecard, what needs attention first").isNotEmpty()
                .isSortedAccordingTo((a, b) -> Integer.compare(ATTENTION.indexOf(a), ATTENTION.indexOf(b)));
        assertThat(verdicts.get(0)).isEqualTo("breached");
        assertThat(m.get("evaluatedOn").asText()).as("the date in words").matches("\\(\\d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) \\d{4}\\)");
        for (JsonNode chart : m.get("charts")) {
            assertThat(chart.get("unit").asText()).as("units in words").isNotIn("count", "percent", "fte_count");
        }
    }

    private void fromTo(int first, int second, String name) throws Exception {
        Optional<String> chromium = chromium();
        Assumptions.assumeTrue(chromium.isPresent(), "no Chromium installed");
        Path dir = Path.of("target", "dashboard");
        try (DevTools browser = DevTools.open(chromium.get(), page.toString(), first, 2400)) {
            browser.resize(first, 2400);
            browser.waitFor("document.body !== null && document.body.getAttribute('data-ready') === 'true'", Duration.ofSeconds(60));
            JsonNode before = browser.evaluate(MEASURE);
            assertFits(before, first, first + " px");
            browser.screenshot(dir.resolve(name + "-" + first + ".png"));

            browser.resize(second, 2400);
            // the charts redraw at the new width on the resize event
            browser.waitFor("[...document.querySelectorAll('.chart[data-rendered=\"true\"]')].every(c => "
                    + "Math.abs(c.querySelector('canvas').getBoundingClientRect().width - c.clientWidth) < 2)", Duration.ofSeconds(10));
            JsonNode after = browser.evaluate(MEASURE);
            assertFits(after, second, first + " px resized to " + second + " px");
            browser.screenshot(dir.resolve(name + "-" + first + "-to-" + second + ".png"));
            JsonNode vacancies = null;
            for (JsonNode chart : after.get("charts")) {
                if (chart.get("id").asText().equals("vacancies-opened")) {
                    vacancies = chart;
                }
            }
            assertThat(vacancies).as("the vacancies chart").isNotNull();
            assertThat(vacancies.get("unit").asText()).isEqualTo("aantal");
        }
        assertThat(dir.resolve(name + "-" + first + ".png")).exists();
        assertThat(Files.size(dir.resolve(name + "-" + first + "-to-" + second + ".png"))).isGreaterThan(20_000);
    }

    @Test
    void aPhoneWidthThenADesktop() throws Exception {
        fromTo(400, 1400, "narrow");
    }

    @Test
    void aDesktopThenAPhoneWidth() throws Exception {
        fromTo(1400, 400, "wide");
    }
}

package nl.rijksdienst.kpi.editing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import nl.rijksdienst.kpi.event.CommitmentAnnouncer;
import org.junit.jupiter.api.Test;

/**
 * Word when something changes: a correction is one event, one feed entry (read with ROME, the Java
 * feed reader) and one live message; a verdict that changes is an event of its own; an import, a new
 * figure and a commitment that falls due are told too; filters and bad input.
 */
@QuarkusTest
@TestProfile(WritingProfile.class)
class EventsTest {

    @TestHTTPResource("/api/v1/events/stream")
    URL stream;

    @Inject
    CommitmentAnnouncer announcer;

    private static String series(String indicator) {
        return "/api/v1/indicators/" + indicator + "/observations";
    }

    private static long add(String indicator, String body) {
        return given().header("Authorization", Tokens.editor()).contentType("application/json").body(body)
                .when().post(series(indicator)).then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static void correct(String indicator, long id, String body) {
        given().header("Authorization", Tokens.editor()).contentType("application/json").body(body)
                .when().put(series(indicator) + "/" + id).then().statusCode(200);
    }

    private static List<Map<String, Object>> events(String... query) {
        var spec = given();
        for (int i = 0; i + 1 < query.length; i += 2) {
            spec = spec.queryParam(query[i], query[i + 1]);
        }
        return spec.when().get("/api/v1/events").then().statusCode(200).extract().jsonPath().getList("items");
    }

    @Test
    void aCorrectionIsOneEventOneFeedEntryAndOneLiveMessage() throws Exception {
        String indicator = ObservationWritingTest.newIndicator();
        long id = add(indicator, EditorFixtures.observation("2024", "4.0", "final", null));
        assertThat(events("indicator", indicator, "kind", "observation.added")).hasSize(1);

        try (Live live = Live.open(stream)) {
            live.next("data-version");
            correct(indicator, id, EditorFixtures.observation("2024", "4.6", "final", "Herzien in het jaarverslag"));

            List<Map<String, Object>> corrections = events("indicator", indicator, "kind", "observation.corrected");
            assertThat(corrections).hasSize(1);
            JsonPath event = JsonPath.from(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(corrections.get(0)));
            assertThat(event.getString("title.nl")).isEqualTo("Correctie: Ziekteverzuim, 2024: 4,0% → 4,6%");
            assertThat(event.getString("title.en")).isEqualTo("Correction: Sick leave, 2024: 4% → 4.6%");
            assertThat(event.getString("about")).isEqualTo("/indicators/" + indicator + "/observations/" + id);
            assertThat(event.getDouble("data.before.value")).isEqualTo(4.0);
            assertThat(event.getDouble("data.after.value")).isEqualTo(4.6);
            assertThat(event.getString("data.reason")).isEqualTo("Herzien in het jaarverslag");
            assertThat(event.getString("sentence.nl")).isEqualTo(given().get(series(indicator) + "/" + id).jsonPath().getString("sentence.nl"));

            // the feed in a reader: exactly one entry for the correction, with its sentence and a link to the figure
            String atom = given().accept("application/atom+xml").queryParam("indicator", indicator).queryParam("kind", "observation.corrected")
                    .when().get("/api/v1/events").then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("application/atom+xml"))
                    .extract().asString();
            SyndFeed feed = new SyndFeedInput().build(new StringReader(atom));
            assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
            assertThat(feed.getEntries()).hasSize(1);
            SyndEntry entry = feed.getEntries().get(0);
            assertThat(entry.getTitle()).isEqualTo("Correctie: Ziekteverzuim, 2024: 4,0% → 4,6%");
            assertThat(entry.getDescription().getValue()).isEqualTo(event.getString("sentence.nl"));
            assertThat(entry.getLink()).endsWith("/api/v1/indicators/" + indicator + "/observations/" + id);
            assertThat(entry.getUri()).endsWith("/api/v1/events/" + event.getLong("id"));
            assertThat(entry.getCategories().get(0).getName()).isEqualTo("observation.corrected");

            // live: exactly that one event, then the new data version
            Map<String, String> message = live.next("event");
            assertThat(message.get("id")).isEqualTo(String.valueOf(event.getLong("id")));
            assertThat(message.get("data")).contains("\"kind\":\"observation.corrected\"").contains("4,6%");
            live.next("data-version");
            assertThat(live.received("event")).hasSize(1);
        }
    }

    @Test
    void aVerdictThatChangesIsAnEventOfItsOwn() {
        String indicator = ObservationWritingTest.newIndicator();
        String norm = indicator + "-norm";
        given().header("Authorization", Tokens.editor()).contentType("application/json").body(EditorFixtures.norm(norm, indicator, "5"))
                .when().post("/api/v1/norms").then().statusCode(201);
        long id = add(indicator, EditorFixtures.observation("2024", "6.0", "final", null));
        List<Map<String, Object>> verdicts = events("norm", norm, "kind", "verdict.changed");
        assertThat(verdicts).hasSize(2);
        assertThat(((Map<?, ?>) verdicts.get(0).get("data")).get("to")).isEqualTo("breached");
        assertThat(((Map<?, ?>) verdicts.get(0).get("data")).get("from")).isEqualTo("no_data");

        correct(indicator, id, EditorFixtures.observation("2024", "4.5", "final", "Herzien"));
        verdicts = events("norm", norm, "kind", "verdict.changed");
        assertThat(verdicts).hasSize(3);
        Map<?, ?> data = (Map<?, ?>) verdicts.get(0).get("data");
        assertThat(data.get("from")).isEqualTo("breached");
        assertThat(data.get("to")).isEqualTo("met");
        assertThat(((Map<?, ?>) verdicts.get(0).get("title")).get("nl")).isEqualTo("Ander oordeel over Verzuimnorm: overschreden → voldaan");
        assertThat(verdicts.get(0).get("about")).isEqualTo("/norms/" + norm);
        assertThat(((Map<?, ?>) verdicts.get(0).get("sentence")).get("nl")).asString().contains("Verzuimnorm (ten hoogste 5%): voldaan");

        // a correction that leaves the verdict as it is tells no verdict
        correct(indicator, id, EditorFixtures.observation("2024", "4.4", "final", "Nogmaals herzien"));
        assertThat(events("norm", norm, "kind", "verdict.changed")).hasSize(3);
        assertThat(events("indicator", indicator, "kind", "observation.corrected")).hasSize(2);
    }

    @Test
    void anImportIsToldPerIndicatorWithItsCorrections() {
        String indicator = ObservationWritingTest.newIndicator();
        String header = "indicatorId,periodCode,department,qualifier,value,valueText,status,sourceId,quote";
        String row2023 = indicator + ",2023,bzk,exact,5.1,\"5,1%\",final," + EditorFixtures.LETTER + ",\"Het verzuim was 5,1 procent.\"";
        String csv = header + "\n" + row2023 + "\n" + indicator + ",2024,bzk,exact,5.3,\"5,3%\",final," + EditorFixtures.LETTER + ",\"Het verzuim was 5,3 procent.\"\n";
        given().header("Authorization", Tokens.editor()).contentType("text/csv").body(csv).when().post("/api/v1/observation-imports").then().statusCode(201);
        given().header("Authorization", Tokens.editor()).contentType("text/csv").queryParam("reason", "Herzien").body(csv.replace("5.3,\"5,3%\"", "5.6,\"5,6%\""))
                .when().post("/api/v1/observation-imports").then().statusCode(201);
        List<Map<String, Object>> imports = events("indicator", indicator, "kind", "observations.imported");
        assertThat(imports).hasSize(2);
        Map<?, ?> latest = (Map<?, ?>) imports.get(0).get("data");
        assertThat(latest.get("added")).isEqualTo(0);
        assertThat(latest.get("corrected")).isEqualTo(1);
        List<?> corrections = (List<?>) latest.get("corrections");
        assertThat(corrections).hasSize(1);
        assertThat(((Map<?, ?>) ((Map<?, ?>) corrections.get(0)).get("before")).get("value")).isEqualTo(5.3f);
        assertThat(((Map<?, ?>) ((Map<?, ?>) corrections.get(0)).get("after")).get("value")).isEqualTo(5.6f);
        assertThat(((Map<?, ?>) imports.get(1).get("data")).get("added")).isEqualTo(2);
        // an import that changes nothing tells nothing
        given().header("Authorization", Tokens.editor()).contentType("text/csv").body(csv.replace("5.3,\"5,3%\"", "5.6,\"5,6%\""))
                .when().post("/api/v1/observation-imports").then().statusCode(201);
        assertThat(events("indicator", indicator, "kind", "observations.imported")).hasSize(2);
    }

    @Test
    void aCommitmentThatFallsDueIsToldOnce() {
        announcer.announce();
        assertThat(announcer.announce()).as("a second look tells nothing new").isZero();
        List<Map<String, Object>> states = events("kind", "commitment.state", "pageSize", "100");
        List<Object> overdue = states.stream().filter(e -> "/commitments/rijksinkoopstrategie".equals(e.get("about"))).map(e -> e.get("title")).toList();
        assertThat(overdue).hasSize(1);
        assertThat(((Map<?, ?>) overdue.get(0)).get("nl")).isEqualTo("Termijn verstreken: Nieuwe Rijksinkoopstrategie naar de Tweede Kamer");
        assertThat(states).allSatisfy(e -> assertThat(e.get("sentence")).isNotNull());
        assertThat(events("theme", "rijksinkoop", "kind", "commitment.state")).isNotEmpty();
    }

    @Test
    void oneEventAndBadInput() {
        String indicator = ObservationWritingTest.newIndicator();
        add(indicator, EditorFixtures.observation("2025", "3.0", "provisional", null));
        long id = ((Number) events("indicator", indicator).get(0).get("id")).longValue();
        given().when().get("/api/v1/events/" + id).then().statusCode(200).body("kind", org.hamcrest.Matchers.equalTo("observation.added"));
        assertThat(events("after", String.valueOf(id), "indicator", indicator)).isEmpty();
        assertThat(events("after", String.valueOf(id - 1), "indicator", indicator)).hasSize(1);
        for (String bad : List.of("indicator=onbekend", "theme=onbekend", "norm=onbekend", "kind=alles", "after=gisteren", "format=rss", "lang=fr", "soort=x")) {
            Response response = given().when().get("/api/v1/events?" + bad);
            assertThat(response.statusCode()).as(bad).isEqualTo(400);
            assertThat(response.contentType()).as(bad).startsWith("application/problem+json");
        }
        given().when().get("/api/v1/events/999999999").then().statusCode(404).contentType("application/problem+json");
        given().when().get("/api/v1/events/abc").then().statusCode(404).contentType("application/problem+json");
        given().accept("text/csv").when().get("/api/v1/events").then().statusCode(406).contentType("application/problem+json");
        // what a feed reader asks for is the feed
        given().accept("application/atom+xml,application/rss+xml;q=0.9,*/*;q=0.8").when().get("/api/v1/events").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("application/atom+xml"));
    }

    /** A live stream read as a browser's EventSource reads it: messages of fields, separated by an empty line. */
    static final class Live implements AutoCloseable {
        private final BlockingQueue<Map<String, String>> messages = new LinkedBlockingQueue<>();
        private final List<Map<String, String>> seen = new ArrayList<>();
        private final java.util.concurrent.CompletableFuture<HttpResponse<Stream<String>>> response;

        private Live(URL url) {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            response = client.sendAsync(HttpRequest.newBuilder(URI.create(url.toString())).header("Accept", "text/event-stream").build(),
                    HttpResponse.BodyHandlers.ofLines());
            response.thenAccept(r -> {
                Map<String, String> message = new java.util.LinkedHashMap<>();
                r.body().forEach(line -> {
                    if (line.isEmpty()) {
                        if (!message.isEmpty()) {
                            messages.add(Map.copyOf(message));
                            message.clear();
                        }
                    } else if (line.contains(":")) {
                        message.merge(line.substring(0, line.indexOf(':')), line.substring(line.indexOf(':') + 1).stripLeading(), (a, b) -> a + "\n" + b);
                    }
                });
            });
        }

        static Live open(URL url) {
            return new Live(url);
        }

        /** The next message named {@code event}, within five seconds. */
        Map<String, String> next(String event) throws InterruptedException {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (System.nanoTime() < until) {
                Map<String, String> message = messages.poll(100, TimeUnit.MILLISECONDS);
                if (message != null) {
                    seen.add(message);
                    if (event.equals(message.get("event"))) {
                        return message;
                    }
                }
            }
            throw new AssertionError("no '" + event + "' message within 5 s; seen " + seen);
        }

        List<Map<String, String>> received(String event) {
            messages.drainTo(seen);
            return seen.stream().filter(m -> event.equals(m.get("event"))).toList();
        }

        @Override
        public void close() {
            response.thenAccept(r -> r.body().close());
            response.cancel(true);
        }
    }
}

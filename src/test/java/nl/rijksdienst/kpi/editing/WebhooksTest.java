package nl.rijksdienst.kpi.editing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Webhooks as a receiver sees them: a change is one delivery, signed as Standard Webhooks says
 * (verified here from the specification, not with the service's code), retried with the same id
 * after the receiver fails once, and recorded; bad subscriptions are refused.
 */
@QuarkusTest
@TestProfile(WritingProfile.class)
class WebhooksTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request the receiver got. */
    record Received(Map<String, List<String>> headers, String body, int answered) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private HttpServer receiver;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();

    @BeforeEach
    void receive() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = failuresLeft.getAndDecrement() > 0 ? 500 : 204;
            received.add(new Received(Map.copyOf(exchange.getRequestHeaders()), body, status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
    }

    private String hook() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }

    private static JsonPath subscribe(String body) {
        return given().header("Authorization", Tokens.editor()).contentType("application/json").body(body)
                .when().post("/api/v1/webhook-subscriptions").then().statusCode(201).extract().jsonPath();
    }

    private void awaitReceived(int count) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (received.size() < count && System.nanoTime() < until) {
            Thread.sleep(100);
        }
        assertThat(received).as("requests the receiver got").hasSizeGreaterThanOrEqualTo(count);
    }

    @Test
    void aChangeIsOneSignedDeliveryRetriedAfterTheReceiverFailsOnce() throws Exception {
        String indicator = ObservationWritingTest.newIndicator();
        JsonPath subscription = subscribe("{\"url\": \"" + hook() + "\", \"indicator\": \"" + indicator + "\"}");
        String secret = subscription.getString("secret");
        assertThat(secret).startsWith("whsec_");
        String id = subscription.getString("id");

        failuresLeft.set(1);
        long observation = given().header("Authorization", Tokens.editor()).contentType("application/json")
                .body(EditorFixtures.observation("2024", "4.0", "final", null)).when().post("/api/v1/indicators/" + indicator + "/observations")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        awaitReceived(2);
        Thread.sleep(1500);
        assertThat(received).as("one failure, then one delivery; nothing after").hasSize(2);
        Received failed = received.get(0);
        Received delivered = received.get(1);
        assertThat(failed.answered()).isEqualTo(500);
        assertThat(delivered.answered()).isEqualTo(204);
        assertThat(delivered.header("webhook-id")).isEqualTo(failed.header("webhook-id")).startsWith("msg_");
        for (Received r : received) {
            assertThat(r.header("webhook-signature")).as("signed as Standard Webhooks says").isEqualTo(sign(secret, r));
            assertThat(Long.parseLong(r.header("webhook-timestamp"))).isCloseTo(System.currentTimeMillis() / 1000, org.assertj.core.data.Offset.offset(60L));
        }
        JsonNode body = JSON.readTree(delivered.body());
        assertThat(body.get("type").asText()).isEqualTo("observation.added");
        assertThat(body.at("/data/about").asText()).isEqualTo("/indicators/" + indicator + "/observations/" + observation);
        assertThat(body.at("/data/sentence/nl").asText()).startsWith("Ziekteverzuim in 2024: 4,0%.");

        JsonPath deliveries = given().header("Authorization", Tokens.editor()).when().get("/api/v1/webhook-subscriptions/" + id + "/deliveries")
                .then().statusCode(200).extract().jsonPath();
        assertThat(deliveries.getList("items")).hasSize(1);
        assertThat(deliveries.getInt("items[0].attempts")).isEqualTo(2);
        assertThat(deliveries.getInt("items[0].lastStatus")).isEqualTo(204);
        assertThat(deliveries.getString("items[0].deliveredAt")).isNotNull();
        assertThat(deliveries.getString("items[0].id")).isEqualTo(delivered.header("webhook-id"));
        JsonPath counted = given().header("Authorization", Tokens.editor()).when().get("/api/v1/webhook-subscriptions/" + id).then().statusCode(200)
                .extract().jsonPath();
        assertThat(counted.getLong("delivered")).isEqualTo(1);
        assertThat(counted.getLong("pending")).isZero();
        assertThat(counted.getString("secret")).as("the secret is shown once").isNull();

        // a correction of that figure: exactly one more delivery, with the old and the new value
        given().header("Authorization", Tokens.editor()).contentType("application/json").body(EditorFixtures.observation("2024", "4.6", "final", "Herzien"))
                .when().put("/api/v1/indicators/" + indicator + "/observations/" + observation).then().statusCode(200);
        awaitReceived(3);
        Thread.sleep(1500);
        assertThat(received).hasSize(3);
        JsonNode correction = JSON.readTree(received.get(2).body());
        assertThat(correction.get("type").asText()).isEqualTo("observation.corrected");
        assertThat(correction.at("/data/data/before/value").asDouble()).isEqualTo(4.0);
        assertThat(correction.at("/data/data/after/value").asDouble()).isEqualTo(4.6);

        given().header("Authorization", Tokens.editor()).when().delete("/api/v1/webhook-subscriptions/" + id).then().statusCode(204);
        given().header("Authorization", Tokens.editor()).when().get("/api/v1/webhook-subscriptions/" + id).then().statusCode(404);
        given().header("Authorization", Tokens.editor()).when().delete("/api/v1/webhook-subscriptions/" + id).then().statusCode(404);
    }

    @Test
    void aReceiverThatIsDownKeepsItsDeliveryWaiting() throws Exception {
        String indicator = ObservationWritingTest.newIndicator();
        receiver.stop(0);
        String id = subscribe("{\"url\": \"" + hook() + "\", \"indicator\": \"" + indicator + "\"}").getString("id");
        given().header("Authorization", Tokens.editor()).contentType("application/json").body(EditorFixtures.observation("2024", "4.0", "final", null))
                .when().post("/api/v1/indicators/" + indicator + "/observations").then().statusCode(201);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        JsonPath deliveries;
        do {
            Thread.sleep(200);
            deliveries = given().header("Authorization", Tokens.editor()).when().get("/api/v1/webhook-subscriptions/" + id + "/deliveries").jsonPath();
        } while (deliveries.getInt("items[0].attempts") < 1 && System.nanoTime() < until);
        assertThat(deliveries.getInt("items[0].attempts")).isGreaterThanOrEqualTo(1);
        assertThat(deliveries.getString("items[0].deliveredAt")).isNull();
        assertThat(deliveries.getString("items[0].nextAttemptAt")).as("it will be tried again").isNotNull();
        assertThat(deliveries.getString("items[0].lastError")).isNotBlank();
        given().header("Authorization", Tokens.editor()).when().delete("/api/v1/webhook-subscriptions/" + id).then().statusCode(204);
    }

    @Test
    void aSubscriptionNeedsAnEditorAndAnAddressAndFiltersThatExist() {
        for (String body : List.of("{}", "{\"url\": \"ftp://example.nl/x\"}", "{\"url\": \"niet een adres\"}", "{\"url\": \"https://example.nl/\", \"indicator\": \"onbekend\"}",
                "{\"url\": \"https://example.nl/\", \"kind\": \"alles\"}", "{\"url\": \"https://user:pw@example.nl/\"}", "{\"url\": \"https://example.nl/\", \"extra\": 1}")) {
            given().header("Authorization", Tokens.editor()).contentType("application/json").body(body).when().post("/api/v1/webhook-subscriptions")
                    .then().statusCode(400).contentType("application/problem+json");
        }
        given().contentType("application/json").body("{\"url\": \"https://example.nl/\"}").when().post("/api/v1/webhook-subscriptions")
                .then().statusCode(401);
        given().when().get("/api/v1/webhook-subscriptions").then().statusCode(401);
        given().header("Authorization", Tokens.editor()).when().get("/api/v1/webhook-subscriptions/geen-uuid").then().statusCode(404)
                .contentType("application/problem+json");
    }

    /** The signature as the specification defines it: v1, base64 of HMAC-SHA256 under the secret's bytes over "id.timestamp.body". */
    private static String sign(String secret, Received r) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(java.util.Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        return "v1," + java.util.Base64.getEncoder().encodeToString(
                mac.doFinal((r.header("webhook-id") + "." + r.header("webhook-timestamp") + "." + r.body()).getBytes(StandardCharsets.UTF_8)));
    }
}

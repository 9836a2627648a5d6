package nl.rijksdienst.kpi.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Word of a change on every replica, and after a restart: a dashboard listening to one replica
 * hears of a change made through another; a webhook delivery that could not be made before the
 * service stopped is made by the service started again (its row waits in PostgreSQL).
 */
class EventsAcrossReplicasIT {

    private static final Path WORK = Path.of("target", "it", "events").toAbsolutePath();
    private static final String OBSERVATION = """
            {"period": "2026", "qualifier": "exact", "value": 9.9, "valueText": "9,9%", "status": "provisional",
             "citation": {"sourceId": "antwoorden-so-functioneren-rijksdienst-2026", "section": "A.b", "quote": "Testwaarde"},
             "reason": "Schrijven via replica A"}""";

    @Test
    void aChangeReachesEveryReplicasListenersAndAWebhookSurvivesARestart() throws Exception {
        EmbeddedDatabaseIT.Dirs.deleteRecursively(WORK);
        Files.createDirectories(WORK);
        int hookPort = ServiceProcess.freePort();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(WORK.resolve("postgres")).setCleanDataDirectory(true)
                .setServerConfig("max_connections", "100").start()) {
            Map<String, String> env = Map.of(
                    "QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres",
                    "QUARKUS_DATASOURCE_USERNAME", "postgres",
                    "QUARKUS_DATASOURCE_PASSWORD", "unused",
                    "KPI_AUTH_KEY_DIR", WORK.resolve("shared-keys").toString(),
                    "KPI_WEBHOOKS_FIRST_RETRY", "1S",
                    "KPI_EVENTS_COMMITMENT_CHECK", "off");
            String token;
            String series = "/api/v1/indicators/external-hiring-share/observations";
            try (ServiceProcess a = ServiceProcess.start(WORK, "replica-a", env); ServiceProcess b = ServiceProcess.start(WORK, "replica-b", env)) {
                a.awaitReady(Duration.ofSeconds(120));
                b.awaitReady(Duration.ofSeconds(120));
                token = ServiceProcess.editorToken(WORK.resolve("shared-keys"));
                // a webhook to a receiver that is not there yet
                HttpResponse<String> subscribed = a.post("/api/v1/webhook-subscriptions", token, "application/json",
                        "{\"url\": \"http://127.0.0.1:" + hookPort + "/hook\", \"indicator\": \"external-hiring-share\"}");
                assertThat(subscribed.statusCode()).as(subscribed.body()).isEqualTo(201);

                // a dashboard listening to replica B
                List<String> heard = new CopyOnWriteArrayList<>();
                HttpClient client = HttpClient.newHttpClient();
                var stream = client.sendAsync(HttpRequest.newBuilder(URI.create(b.baseUri() + "/api/v1/events/stream")).build(),
                        HttpResponse.BodyHandlers.ofLines());
                stream.thenAccept(r -> r.body().forEach(heard::add));
                await(() -> heard.stream().anyMatch(l -> l.equals("event:data-version")), "the first message from replica B");

                HttpResponse<String> written = a.post(series, token, "application/json", OBSERVATION);
                assertThat(written.statusCode()).as(written.body()).isEqualTo(201);
                await(() -> heard.stream().anyMatch(l -> l.startsWith("data:") && l.contains("observation.added") && l.contains("9,9%")),
                        "replica B tells its listener of the change made through replica A");
                stream.thenAccept(r -> r.body().close());

                // the delivery was tried and waits
                await(() -> attempts(postgres) >= 1, "a first attempt at the delivery");
                assertThat(query(postgres, "select count(*) from webhook_delivery where delivered_at is not null")).isZero();
                assertThat(a.log() + b.log()).doesNotContain("ERROR");
            }

            // both stopped; the receiver comes up; the service starts again
            List<String> ids = new CopyOnWriteArrayList<>();
            HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", hookPort), 0);
            receiver.createContext("/hook", exchange -> {
                exchange.getRequestBody().readAllBytes();
                ids.add(exchange.getRequestHeaders().getFirst("webhook-id"));
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            receiver.start();
            try (ServiceProcess again = ServiceProcess.start(WORK, "restarted", env)) {
                again.awaitReady(Duration.ofSeconds(120));
                // the new figure, and the Roemernorm's verdict it changed (9,9% is within the norm): two events, each delivered once
                long deliveries = query(postgres, "select count(*) from webhook_delivery");
                assertThat(deliveries).isEqualTo(2);
                await(() -> query(postgres, "select count(*) from webhook_delivery where delivered_at is not null") == deliveries, "the deliveries after the restart");
                Thread.sleep(2000);
                assertThat(ids).as("each delivered once").hasSize(2).doesNotHaveDuplicates().allMatch(id -> id.startsWith("msg_"));
                assertThat(query(postgres, "select count(*) from event where kind = 'verdict.changed' and norm_id = 'roemernorm'")).isEqualTo(1);
            } finally {
                receiver.stop(0);
            }
        }
    }

    private static long attempts(EmbeddedPostgres postgres) {
        return query(postgres, "select coalesce(max(attempts), 0) from webhook_delivery");
    }

    private static long query(EmbeddedPostgres postgres, String sql) {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("not within 30 s: " + what);
            }
            Thread.sleep(100);
        }
    }
}

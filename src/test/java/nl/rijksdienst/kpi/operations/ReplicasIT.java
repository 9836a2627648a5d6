package nl.rijksdienst.kpi.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Scaling out is more replicas in front of one PostgreSQL: two packaged instances, started at the
 * same moment on one server, load the data files once, share the editors' key, and serve each
 * other's writes at once, without a stale 304.
 */
class ReplicasIT {

    private static final Path WORK = Path.of("target", "it", "replicas").toAbsolutePath();
    private static final String SERIES = "/api/v1/indicators/external-hiring-share/observations";

    @Test
    void twoReplicasOnOnePostgresLoadOnceAndServeEachOthersWrites() throws Exception {
        EmbeddedDatabaseIT.Dirs.deleteRecursively(WORK);
        Files.createDirectories(WORK);
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(WORK.resolve("postgres")).setCleanDataDirectory(true)
                .setServerConfig("max_connections", "100").start()) {
            Map<String, String> env = Map.of(
                    "QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres",
                    "QUARKUS_DATASOURCE_USERNAME", "postgres",
                    "QUARKUS_DATASOURCE_PASSWORD", "unused",
                    "KPI_AUTH_KEY_DIR", WORK.resolve("shared-keys").toString());
            ServiceProcess a = ServiceProcess.start(WORK, "replica-a", env);
            ServiceProcess b = ServiceProcess.start(WORK, "replica-b", env);
            try (a; b) {
                CompletableFuture.allOf(CompletableFuture.runAsync(() -> ready(a)), CompletableFuture.runAsync(() -> ready(b))).join();

                try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                    assertThat(count(s, "select count(*) from data_load")).as("each data file loaded once").isEqualTo(2);
                    assertThat(count(s, "select count(*) from observation_import where actor = 'system'")).as("one import of the figures").isEqualTo(1);
                    assertThat(count(s, "select count(*) from observation")).isEqualTo(27);
                }
                assertThat(a.log() + b.log()).doesNotContain("ERROR");

                HttpResponse<String> before = b.get(SERIES);
                String etag = before.headers().firstValue("ETag").orElseThrow();
                assertThat(b.get(SERIES, Map.of("If-None-Match", etag)).statusCode()).isEqualTo(304);

                String token = ServiceProcess.editorToken(WORK.resolve("shared-keys"));
                HttpResponse<String> written = a.post(SERIES, token, "application/json", """
                        {"period": "2025", "qualifier": "exact", "value": 12.1, "valueText": "12,1%", "status": "provisional",
                         "citation": {"sourceId": "antwoorden-so-functioneren-rijksdienst-2026", "section": "A.b", "quote": "Testwaarde"},
                         "reason": "Schrijven via replica A"}""");
                assertThat(written.statusCode()).as(written.body()).isEqualTo(201);

                // replica B holds the data version in memory; the change reaches it by NOTIFY, within a second
                long changedNanos = System.nanoTime();
                HttpResponse<String> revalidated = firstChange(b, etag, changedNanos);
                assertThat(revalidated.statusCode()).as("no stale 304 from the other replica").isEqualTo(200);
                assertThat(revalidated.headers().firstValue("ETag")).isPresent().isNotEqualTo(java.util.Optional.of(etag));
                assertThat(revalidated.body()).contains("\"code\":\"2025\"").contains("12,1%");
                assertThat(a.get(SERIES).headers().firstValue("ETag")).isEqualTo(revalidated.headers().firstValue("ETag"));
                // the writing replica itself answers from the new version at once
                String current = revalidated.headers().firstValue("ETag").orElseThrow();

                // a change whose notification is lost (the counter moved without NOTIFY): the replicas' own check finds it within a second
                try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                    s.executeUpdate("update data_version set version = version + 1, changed_at = clock_timestamp() where id = 1");
                }
                long silentNanos = System.nanoTime();
                assertThat(firstChange(a, current, silentNanos).statusCode()).isEqualTo(200);
                assertThat(firstChange(b, current, silentNanos).statusCode()).isEqualTo(200);
            }
        }
    }

    /** Polls with If-None-Match until the answer changes (at most a second after the change), and reports how long it took. */
    private static HttpResponse<String> firstChange(ServiceProcess service, String etag, long sinceNanos) throws Exception {
        while (true) {
            HttpResponse<String> answer = service.get(SERIES, Map.of("If-None-Match", etag));
            long millis = (System.nanoTime() - sinceNanos) / 1_000_000;
            if (answer.statusCode() != 304) {
                System.out.println("change seen by " + service + " after " + millis + " ms");
                return answer;
            }
            assertThat(millis).as("a replica learns of a change within a second").isLessThan(1_000);
            Thread.sleep(20);
        }
    }

    private static void ready(ServiceProcess service) {
        try {
            service.awaitReady(Duration.ofSeconds(120));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long count(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

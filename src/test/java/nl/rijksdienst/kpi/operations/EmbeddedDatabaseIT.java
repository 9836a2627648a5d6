package nl.rijksdienst.kpi.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged service on its embedded PostgreSQL, started, crossed and stopped as users and
 * operators do: a second instance on a used data directory, a stale pid file, a database that dies
 * while serving, SIGTERM in the middle of an import.
 */
class EmbeddedDatabaseIT {

    private static final Path WORK = Path.of("target", "it", "embedded").toAbsolutePath();
    private static final Duration START = Duration.ofSeconds(120);

    @BeforeAll
    static void cleanWorkDirectory() throws Exception {
        Dirs.deleteRecursively(WORK);
        Files.createDirectories(WORK);
    }

    @Test
    void aSecondInstanceOnAUsedDataDirectoryFailsAtOnceAndTheFirstKeepsServing() throws Exception {
        Path work = WORK.resolve("second-instance");
        Path data = work.resolve("postgres");
        try (ServiceProcess first = ServiceProcess.startEmbedded(work, "first", data).awaitReady(START)) {
            ServiceProcess second = ServiceProcess.startEmbedded(work, "second", data);

            assertThat(second.process.waitFor(60, TimeUnit.SECONDS)).as("the second instance stops by itself").isTrue();
            assertThat(second.process.exitValue()).isNotZero();
            assertThat(second.log())
                    .contains("The embedded PostgreSQL data directory " + data + " is in use by another process (pid " + first.process.pid())
                    .contains("KPI_EMBEDDED_POSTGRES_DATA_DIR")
                    .doesNotContain("\tat ");
            assertThat(first.get("/api/v1/scorecard").statusCode()).isEqualTo(200);
            assertThat(first.get("/q/health/ready").statusCode()).isEqualTo(200);
            assertThat(first.log()).doesNotContain("Stopping").doesNotContain("stopped unexpectedly");
        }
    }

    @Test
    void theSuperuserCannotLogInWithoutTheGeneratedPassword() throws Exception {
        Path work = WORK.resolve("password");
        Path data = work.resolve("postgres");
        try (ServiceProcess service = ServiceProcess.startEmbedded(work, "service", data).awaitReady(START)) {
            String port = Files.readAllLines(data.resolve("postmaster.pid")).get(3).trim();
            Path passwordFile = data.resolve("kpi-superuser.password");
            assertThat(Files.getPosixFilePermissions(passwordFile)).extracting(Object::toString)
                    .containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE");
            String url = "jdbc:postgresql://localhost:" + port + "/postgres";

            assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "").close()).hasMessageContaining("password");
            assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "postgres").close()).hasMessageContaining("password");
            DriverManager.getConnection(url, "postgres", Files.readString(passwordFile).trim()).close();
            assertThat(Files.readString(data.resolve("pg_hba.conf"))).doesNotContainPattern("(?m)^[^#].*\\btrust\\s*$");
            assertThat(service.log()).doesNotContain("ERROR").doesNotContain("\tat ");
        }
    }

    @Test
    void aStalePidFileNamingAnotherProcessLeavesThatProcessAlone() throws Exception {
        Path work = WORK.resolve("stale-pid");
        Path ours = work.resolve("ours");
        Path theirs = work.resolve("theirs");
        try (ServiceProcess made = ServiceProcess.startEmbedded(work, "make", ours).awaitReady(START)) {
            // 143: the JVM's exit status after SIGTERM, when it shut down as asked.
            assertThat(made.terminate(Duration.ofSeconds(60))).isIn(0, 143);
        }
        Process unrelated = new ProcessBuilder("sleep", "600").start();
        try (ServiceProcess other = ServiceProcess.startEmbedded(work, "other-postgres", theirs).awaitReady(START)) {
            List<String> otherPidFile = Files.readAllLines(theirs.resolve("postmaster.pid"));
            long otherPostmaster = Long.parseLong(otherPidFile.get(0).trim());
            // After a reboot or an OOM kill, the number in a left pid file can belong to anything:
            // here another PostgreSQL server, then a program that is not PostgreSQL at all.
            for (long pid : List.of(otherPostmaster, unrelated.pid())) {
                List<String> stale = new ArrayList<>(otherPidFile);
                stale.set(0, Long.toString(pid));
                stale.set(1, ours.toString());
                Files.write(ours.resolve("postmaster.pid"), stale);

                try (ServiceProcess service = ServiceProcess.startEmbedded(work, "ours-" + pid, ours).awaitReady(START)) {
                    assertThat(service.get("/api/v1/scorecard").statusCode()).isEqualTo(200);
                    assertThat(service.log()).contains("names process " + pid + ", which is not a PostgreSQL server on this directory");
                }
                assertThat(ProcessHandle.of(otherPostmaster)).as("the other PostgreSQL server").hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());
                assertThat(unrelated.isAlive()).as("the unrelated process").isTrue();
                assertThat(other.get("/api/v1/scorecard").statusCode()).as("the other server's service").isEqualTo(200);
            }
        } finally {
            unrelated.destroy();
        }
    }

    @Test
    void aDatabaseKilledWhileServingIsAnswered503ThenServesAgainWithoutARestart() throws Exception {
        Path work = WORK.resolve("killed-database");
        Path data = work.resolve("postgres");
        try (ServiceProcess service = ServiceProcess.startEmbedded(work, "service", data).awaitReady(START)) {
            long postmaster = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
            ProcessHandle.of(postmaster).orElseThrow().destroyForcibly();
            long killedAt = System.nanoTime();

            List<HttpResponse<String>> unavailable = new ArrayList<>();
            List<HttpResponse<String>> readiness = new ArrayList<>();
            HttpResponse<String> answer = null;
            while (System.nanoTime() - killedAt < TimeUnit.SECONDS.toNanos(90)) {
                long asked = System.nanoTime();
                answer = service.get("/api/v1/scorecard");
                assertThat(System.nanoTime() - asked).as("answered quickly").isLessThan(TimeUnit.SECONDS.toNanos(8));
                assertThat(answer.statusCode()).as(answer.body()).isIn(200, 503);
                readiness.add(service.get("/q/health/ready"));
                assertThat(service.get("/q/health/live").statusCode()).isEqualTo(200);
                if (answer.statusCode() == 503) {
                    unavailable.add(answer);
                } else if (!unavailable.isEmpty()) {
                    break;
                }
                Thread.sleep(100);
            }
            long recoveredMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt);

            assertThat(answer.statusCode()).as("serving again, in " + recoveredMillis + " ms").isEqualTo(200);
            assertThat(unavailable).isNotEmpty().allSatisfy(r -> {
                assertThat(r.headers().firstValue("Retry-After")).hasValue("5");
                assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
                assertThat(r.body()).contains("\"status\":503").doesNotContain("jdbc").doesNotContain("Exception").doesNotContain("localhost");
            });
            assertThat(readiness).anySatisfy(r -> assertThat(r.statusCode()).isEqualTo(503));
            assertThat(readiness).allSatisfy(r -> assertThat(r.body()).doesNotContain("localhost").doesNotContain("port")
                    .doesNotContain("Exception").doesNotContain("jdbc").doesNotContain("\"data\""));
            assertThat(service.log()).contains("has stopped unexpectedly; starting it again").contains("is running again");
            System.out.printf("database killed: %d answers 503, serving again after %d ms%n", unavailable.size(), recoveredMillis);
        }
    }

    @Test
    void sigtermDuringAnImportAnswersTheClientAndWritesAllOrNothing() throws Exception {
        Path work = WORK.resolve("sigterm-import");
        Path data = work.resolve("postgres");
        int rows = 150_000;
        int status;
        try (ServiceProcess service = ServiceProcess.startEmbedded(work, "service", data).awaitReady(START)) {
            String token = ServiceProcess.editorToken(work.resolve("keys"));
            HttpResponse<String> created = service.post("/api/v1/indicators", token, "application/json", """
                    {"id": "it-series", "themeId": "werkgeverschap", "unit": "count", "kind": "level",
                     "label": {"nl": "Testreeks", "en": "Test series"}, "frequencies": ["monthly"],
                     "dimensions": [{"id": "organisation", "label": {"nl": "Organisatie", "en": "Organisation"},
                                     "codes": [%s]}]}""".formatted(codes(150)));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            StringBuilder csv = new StringBuilder("indicatorId,periodCode,organisation,qualifier,value,valueText,status,sourceId,quote\n");
            for (int m = 0; m < rows / 150; m++) {
                String period = (1900 + m / 12) + "-" + String.format("%02d", m % 12 + 1);
                for (int i = 0; i < 150; i++) {
                    csv.append("it-series,").append(period).append(",o").append(i).append(",exact,").append(m + i).append(',').append(m + i)
                            .append(",final,antwoorden-so-functioneren-rijksdienst-2026,Testrij\n");
                }
            }
            ExecutorService client = Executors.newSingleThreadExecutor();
            try {
                Future<HttpResponse<String>> answer = client.submit(() -> service.post("/api/v1/observation-imports?reason=sigterm", token, "text/csv",
                        csv.toString()));
                Thread.sleep(1500);
                assertThat(answer.isDone()).as("the import is still running when SIGTERM comes").isFalse();
                service.process.destroy();

                HttpResponse<String> response = answer.get(90, TimeUnit.SECONDS);
                status = response.statusCode();
                assertThat(status).as(response.body()).isIn(201, 503);
                assertThat(service.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
                System.out.printf("SIGTERM during an import of %d rows: the client got %d%n", rows, status);
            } finally {
                client.shutdownNow();
            }
        }
        try (ServiceProcess again = ServiceProcess.startEmbedded(work, "again", data).awaitReady(START)) {
            String body = again.get("/api/v1/indicators/it-series/observations?pageSize=1").body();
            long total = Long.parseLong(body.replaceAll("(?s).*\"totalItems\":(\\d+).*", "$1"));
            assertThat(total).as("all or nothing").isEqualTo(status == 201 ? rows : 0);
        }
    }

    private static String codes(int n) {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            codes.add("{\"code\": \"o" + i + "\", \"label\": {\"nl\": \"Organisatie " + i + "\"}}");
        }
        return String.join(",", codes);
    }

    static final class Dirs {
        private Dirs() {
        }

        static void deleteRecursively(Path dir) throws java.io.IOException {
            if (!Files.exists(dir)) {
                return;
            }
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}

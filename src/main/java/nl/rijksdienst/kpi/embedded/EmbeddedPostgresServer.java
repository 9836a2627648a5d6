package nl.rijksdienst.kpi.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * One embedded PostgreSQL server per JVM (zonky's packaged binaries of the real server). It keeps
 * its data in a directory that survives restarts, stops with the JVM, and clears away a server
 * left running by a JVM that was killed without shutting down.
 */
final class EmbeddedPostgresServer {

    static final String USER = "postgres";
    static final String PASSWORD = "postgres";

    // java.util.logging: this runs while configuration is being read, before Quarkus logging is up.
    private static final Logger LOG = Logger.getLogger(EmbeddedPostgresServer.class.getName());

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * The JDBC URL of the running server, starting it on first use. Dev mode reloads the
     * application in a new class loader, where static state starts empty again; the URL is therefore
     * kept in a system property, so that a reload reuses the server instead of starting a second
     * one on the same data directory.
     */
    static String ensureStarted(EmbeddedPostgresSettings settings) {
        String key = RUNNING_URL_PROPERTY + "." + settings.dataDirectory();
        synchronized (System.getProperties()) {
            String url = System.getProperty(key);
            if (url == null) {
                url = start(settings).jdbcUrl();
                System.setProperty(key, url);
            }
            return url;
        }
    }

    private static final String RUNNING_URL_PROPERTY = "kpi.embedded-postgres.running-url";

    String jdbcUrl() {
        // The credentials travel in the URL: the datasource's username and password are not read
        // from this low-priority source when no other source names them.
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres?user=" + USER + "&password=" + PASSWORD;
    }

    private static EmbeddedPostgresServer start(EmbeddedPostgresSettings settings) {
        Path dataDir = settings.dataDirectory();
        try {
            Files.createDirectories(dataDir);
            stopOrphanedServer(dataDir);
            LOG.info("Starting embedded PostgreSQL with data directory " + dataDir);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(settings.cleanStart())
                    .setLocaleConfig("locale", "C")
                    .setLocaleConfig("encoding", "UTF8")
                    // zonky turns synchronous commit off for speed in tests; editors' data must survive a crash.
                    .setServerConfig("synchronous_commit", "on")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
            return new EmbeddedPostgresServer(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL server in " + dataDir, e);
        }
    }

    /**
     * A JVM killed with SIGKILL leaves its PostgreSQL server running, holding the data directory.
     * Such a server has no owner any more: stop it, then let the new one start.
     */
    private static void stopOrphanedServer(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
        Optional<ProcessHandle> process = lines.isEmpty() ? Optional.empty() : parsePid(lines.get(0)).flatMap(ProcessHandle::of);
        if (process.isPresent() && process.get().isAlive() && isPostgres(process.get())) {
            LOG.warning("Stopping a PostgreSQL server (pid " + process.get().pid() + ") left running on " + dataDir);
            process.get().destroy();
            try {
                process.get().onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                process.get().destroyForcibly();
            }
        }
        Files.deleteIfExists(pidFile);
    }

    private static Optional<Long> parsePid(String line) {
        try {
            return Optional.of(Long.parseLong(line.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.info().command().map(c -> c.endsWith("postgres")).orElse(false);
    }
}

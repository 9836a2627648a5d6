package nl.rijksdienst.kpi.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * One embedded PostgreSQL server per data directory and JVM (zonky's packaged binaries of the real
 * server), with these guarantees:
 * <ul>
 * <li>Only one instance of the service uses a data directory: a second one fails at once with a
 * message that names the first ({@link DataDirectoryLock}); the first keeps working.</li>
 * <li>A server is stopped only when it provably is this directory's orphan ({@link LeftoverPostmaster}).</li>
 * <li>The superuser has a generated password, kept in the data directory (mode 0600); no local user
 * logs in without it. A directory made by an earlier version, with {@code trust}, is converted.</li>
 * <li>A server that dies is started again, with back-off, while the service keeps answering 503.</li>
 * <li>The server stops last: after the application has finished its requests
 * ({@link EmbeddedPostgresLifecycle}), or at once when the JVM exits without a running application.</li>
 * </ul>
 */
final class EmbeddedPostgresServer {

    static final String USER = "postgres";
    static final String PASSWORD_FILE = "kpi-superuser.password";
    static final String APPLICATION_RUNNING = "kpi.embedded-postgres.application-running";
    private static final String RUNNING_URL_PROPERTY = "kpi.embedded-postgres.running-url";
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(90);
    private static final int RESTART_ATTEMPTS = 10;

    // java.util.logging: this runs while configuration is being read, before CDI is up.
    private static final Logger LOG = Logger.getLogger(EmbeddedPostgresServer.class.getName());

    private final Path dataDirectory;
    private final DataDirectoryLock lock;
    private final EmbeddedPostgres postgres;
    private final Map<String, String> serverConfig;
    private final Path logFile;
    private volatile boolean stopping;

    private EmbeddedPostgresServer(Path dataDirectory, DataDirectoryLock lock, EmbeddedPostgres postgres, Map<String, String> serverConfig,
            Path logFile) {
        this.dataDirectory = dataDirectory;
        this.lock = lock;
        this.postgres = postgres;
        this.serverConfig = serverConfig;
        this.logFile = logFile;
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
                url = start(settings);
                System.setProperty(key, url);
            }
            return url;
        }
    }

    private static String start(EmbeddedPostgresSettings settings) {
        Path dataDir = settings.dataDirectory();
        long began = System.nanoTime();
        DataDirectoryLock lock = null;
        try {
            lock = DataDirectoryLock.acquire(dataDir);
            LeftoverPostmaster.clear(dataDir);
            if (settings.cleanStart()) {
                deleteRecursively(dataDir);
            }
            Files.createDirectories(dataDir);
            boolean fresh = !Files.exists(dataDir.resolve("postgresql.conf"));
            Path passwordFile = dataDir.resolve(PASSWORD_FILE);
            boolean legacyTrust = !fresh && !Files.exists(passwordFile);
            String password = fresh || legacyTrust ? newPassword() : Files.readString(passwordFile, StandardCharsets.US_ASCII).trim();
            Path logFile = dataDir.resolveSibling(dataDir.getFileName() + ".log");
            Map<String, String> serverConfig = serverConfig(settings.cleanStart());

            LOG.info("Starting the embedded PostgreSQL server on " + dataDir + (fresh ? " (new)" : "") + "; its log is " + logFile);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setLocaleConfig("locale", "C")
                    .setLocaleConfig("encoding", "UTF8")
                    .setConnectConfig("password", password)
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .setPGStartupWait(Duration.ofSeconds(60));
            serverConfig.forEach(builder::setServerConfig);
            Path pendingPassword = null;
            if (fresh) {
                // initdb sets the password from a file and turns on password authentication for
                // every connection; the file is moved into the data directory once initdb is done.
                pendingPassword = writeSecret(dataDir.resolveSibling("." + dataDir.getFileName() + ".password.tmp"), password);
                Path written = pendingPassword;
                builder.setLocaleConfig("auth", "scram-sha-256")
                        .setLocaleConfig("pwfile", written.toString())
                        .setDataDirectoryCustomizer(dir -> moveSecret(written, dir.toPath().resolve(PASSWORD_FILE)));
            }
            EmbeddedPostgres postgres = builder.start();
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(dataDir, lock, postgres, serverConfig, logFile);
            if (legacyTrust) {
                server.requirePassword(password);
            }
            server.superviseAndStopLast();
            LOG.info("The embedded PostgreSQL server is running on port " + postgres.getPort() + " (started in "
                    + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began) + " ms)");
            return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres?user=" + USER + "&password=" + password;
        } catch (IOException e) {
            if (lock != null) {
                lock.release();
            }
            throw new EmbeddedPostgresException("Could not start the embedded PostgreSQL server in " + dataDir + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            if (lock != null && !(e instanceof EmbeddedPostgresException && e.getMessage().contains(" is in use by "))) {
                lock.release();
            }
            throw e;
        }
    }

    /**
     * The server's settings. A kept directory holds editors' data, which must survive a crash of the
     * machine (zonky turns fsync and synchronous commit off for speed); a throw-away one need not.
     */
    private static Map<String, String> serverConfig(boolean throwAway) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("timezone", "UTC");
        config.put("max_connections", "300");
        config.put("listen_addresses", "localhost");
        config.put("fsync", throwAway ? "off" : "on");
        config.put("synchronous_commit", throwAway ? "off" : "on");
        return config;
    }

    /** A data directory made with {@code trust} by an earlier version gets the password and password authentication. */
    private void requirePassword(String password) throws IOException {
        Path pending = writeSecret(dataDirectory.resolve(PASSWORD_FILE + ".tmp"), password);
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres", USER, password);
                Statement s = c.createStatement()) {
            s.execute("alter role " + USER + " password '" + password + "'");
            Path hba = dataDirectory.resolve("pg_hba.conf");
            List<String> lines = new ArrayList<>();
            for (String line : Files.readAllLines(hba, StandardCharsets.UTF_8)) {
                String trimmed = line.trim();
                lines.add(trimmed.startsWith("#") || trimmed.isEmpty() ? line : line.replaceAll("\\btrust\\s*$", "scram-sha-256"));
            }
            Files.write(hba, lines, StandardCharsets.UTF_8);
            s.execute("select pg_reload_conf()");
        } catch (SQLException e) {
            throw new IOException("could not set the superuser's password: " + e.getMessage(), e);
        }
        moveSecret(pending, dataDirectory.resolve(PASSWORD_FILE));
        LOG.info("The embedded PostgreSQL server now requires the password in " + dataDirectory.resolve(PASSWORD_FILE));
    }

    private void superviseAndStopLast() {
        Thread supervisor = new Thread(this::supervise, "embedded-postgres-supervisor");
        supervisor.setDaemon(true);
        supervisor.start();
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopAfterApplication, "embedded-postgres-stop"));
    }

    /** Waits for the postmaster to end; when that was not asked for, starts it again with back-off. */
    private void supervise() {
        while (!stopping) {
            Optional<ProcessHandle> postmaster = postmaster();
            if (postmaster.isEmpty()) {
                if (!restart()) {
                    return;
                }
                continue;
            }
            postmaster.get().onExit().join();
            if (stopping) {
                return;
            }
            LOG.warning("The embedded PostgreSQL server (process " + postmaster.get().pid() + ") has stopped unexpectedly; starting it again");
            if (!restart()) {
                return;
            }
        }
    }

    private boolean restart() {
        long delay = 500;
        for (int attempt = 1; attempt <= RESTART_ATTEMPTS && !stopping; attempt++) {
            long began = System.nanoTime();
            try {
                pgCtlStart();
                LOG.info("The embedded PostgreSQL server is running again (attempt " + attempt + ", "
                        + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began) + " ms)");
                return true;
            } catch (IOException | RuntimeException e) {
                LOG.warning("Restart attempt " + attempt + " of " + RESTART_ATTEMPTS + " failed (" + e.getMessage() + "); next in " + delay
                        + " ms; see " + logFile);
            }
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            delay = Math.min(delay * 2, 30_000);
        }
        if (!stopping) {
            LOG.severe("The embedded PostgreSQL server could not be started again after " + RESTART_ATTEMPTS
                    + " attempts; the service answers 503 until it is restarted. See " + logFile);
        }
        return false;
    }

    /** Starts the server as zonky does (same binaries, port and settings), on the directory this instance holds. */
    private void pgCtlStart() throws IOException {
        Path binaries = binaries();
        List<String> options = new ArrayList<>(List.of("-p", Integer.toString(postgres.getPort()), "-F"));
        serverConfig.forEach((key, value) -> options.addAll(List.of("-c", key + "=" + value)));
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(binaries.resolve("pg_ctl").toString(), "-D", dataDirectory.toString(), "-o", String.join(" ", options),
                "-l", logFile.toString(), "-w", "-t", "30", "start"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())).start();
        try {
            if (!process.waitFor(40, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroy();
                throw new IOException("pg_ctl start did not succeed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private Path binaries;

    /** The bin directory of zonky's unpacked binaries, read off the first postmaster's command line. */
    private synchronized Path binaries() throws IOException {
        if (binaries == null) {
            throw new IOException("the location of the PostgreSQL binaries is not known");
        }
        return binaries;
    }

    private Optional<ProcessHandle> postmaster() {
        try {
            List<String> lines = Files.readAllLines(dataDirectory.resolve(LeftoverPostmaster.PID_FILE), StandardCharsets.US_ASCII);
            Optional<ProcessHandle> process = ProcessHandle.of(Long.parseLong(lines.get(0).trim()));
            process.flatMap(p -> LeftoverPostmaster.commandLine(p.pid())).ifPresent(line -> {
                synchronized (this) {
                    if (binaries == null && LeftoverPostmaster.servesDirectory(line, dataDirectory)) {
                        binaries = Path.of(line.get(0)).getParent();
                    }
                }
            });
            return process;
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Runs at JVM exit. While the application is still finishing its requests (SIGTERM drains them),
     * the database must stay up, so this waits until the application has stopped, then stops the server.
     */
    private void stopAfterApplication() {
        long deadline = System.nanoTime() + SHUTDOWN_WAIT.toNanos();
        while ("true".equals(System.getProperty(APPLICATION_RUNNING)) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        stop();
    }

    private void stop() {
        stopping = true;
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            lock.release();
        }
    }

    private static String newPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Path writeSecret(Path file, String secret) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, secret + "\n", StandardCharsets.US_ASCII);
        return file;
    }

    private static void moveSecret(Path from, Path to) {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}

package nl.rijksdienst.kpi.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * What a data directory's {@code postmaster.pid} says when this service starts on it, holding its
 * {@link DataDirectoryLock}. The rules, in order:
 * <ol>
 * <li>No file, or a file naming no live process: nothing runs on the directory; a stale file is removed.</li>
 * <li>A live process that provably is this directory's postmaster (a {@code postgres} whose {@code -D}
 * is this directory): its owner is gone, since the lock was free, so it is an orphan of a killed
 * instance. It is asked to shut down (fast mode) and given 30 seconds; it is never killed.</li>
 * <li>A live process that is anything else (another PostgreSQL, any program that reuses the number
 * after a reboot): it is left alone, and the stale file that names it is removed.</li>
 * <li>A live process whose command line cannot be read: nothing can be proven, so nothing is touched
 * and the start fails with a message that says what to check.</li>
 * </ol>
 */
final class LeftoverPostmaster {

    private static final Logger LOG = Logger.getLogger(LeftoverPostmaster.class.getName());
    static final String PID_FILE = "postmaster.pid";

    private LeftoverPostmaster() {
    }

    static void clear(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve(PID_FILE);
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
        Optional<ProcessHandle> process = lines.isEmpty() ? Optional.empty() : parsePid(lines.get(0)).flatMap(ProcessHandle::of);
        if (process.isEmpty() || !process.get().isAlive()) {
            Files.deleteIfExists(pidFile);
            return;
        }
        long pid = process.get().pid();
        Optional<List<String>> commandLine = commandLine(pid);
        if (commandLine.isEmpty()) {
            throw new EmbeddedPostgresException(pidFile + " names process " + pid + ", whose command line cannot be read, so it cannot "
                    + "be told whether it is a PostgreSQL server on this directory. Nothing was stopped. If it is one, stop it "
                    + "(pg_ctl stop -D " + dataDirectory + "); if it is not, remove " + pidFile + "; then start again.");
        }
        if (servesDirectory(commandLine.get(), dataDirectory)) {
            LOG.warning("A PostgreSQL server (process " + pid + ") is still running on " + dataDirectory
                    + " although no instance of the service holds it; asking it to shut down");
            stop(process.get(), pidFile);
        } else {
            LOG.warning(pidFile + " names process " + pid + ", which is not a PostgreSQL server on this directory ("
                    + commandLine.get().get(0) + "); leaving that process alone and removing the stale file");
        }
        Files.deleteIfExists(pidFile);
    }

    /** True when the command line is a {@code postgres} server's whose data directory is this one. */
    static boolean servesDirectory(List<String> commandLine, Path dataDirectory) {
        if (commandLine.isEmpty() || !Path.of(commandLine.get(0)).getFileName().toString().equals("postgres")) {
            return false;
        }
        int d = commandLine.indexOf("-D");
        if (d < 0 || d + 1 >= commandLine.size()) {
            return false;
        }
        return sameDirectory(Path.of(commandLine.get(d + 1)), dataDirectory);
    }

    private static boolean sameDirectory(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }

    private static void stop(ProcessHandle postmaster, Path pidFile) throws IOException {
        try {
            // SIGINT is PostgreSQL's fast shutdown: clients are disconnected, the data is written cleanly.
            new ProcessBuilder("kill", "-INT", Long.toString(postmaster.pid())).redirectErrorStream(true).start().waitFor(5, TimeUnit.SECONDS);
            postmaster.onExit().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // still running: reported below
        }
        if (postmaster.isAlive()) {
            throw new EmbeddedPostgresException("The orphaned PostgreSQL server (process " + postmaster.pid() + ") on "
                    + pidFile.getParent() + " did not shut down within 30 seconds; it was left running. Stop it with "
                    + "pg_ctl stop -D " + pidFile.getParent() + " and start again.");
        }
    }

    static Optional<List<String>> commandLine(long pid) {
        Path proc = Path.of("/proc", Long.toString(pid), "cmdline");
        try {
            byte[] bytes = Files.readAllBytes(proc);
            if (bytes.length > 0) {
                return Optional.of(Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\0")));
            }
        } catch (IOException | SecurityException e) {
            // not Linux, or not ours to read: try what the JDK knows
        }
        // Without the arguments the data directory is unknown: nothing is proven either way.
        return ProcessHandle.of(pid).flatMap(p -> p.info().command().flatMap(command -> p.info().arguments().map(args -> {
            List<String> line = new java.util.ArrayList<>(List.of(command));
            line.addAll(List.of(args));
            return line;
        })));
    }

    private static Optional<Long> parsePid(String line) {
        try {
            return Optional.of(Long.parseLong(line.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}

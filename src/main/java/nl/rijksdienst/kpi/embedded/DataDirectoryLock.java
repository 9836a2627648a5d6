package nl.rijksdienst.kpi.embedded;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * The claim of one running service on an embedded data directory: an operating-system lock on a
 * file beside it ({@code postgres.lock} for {@code postgres/}). The operating system releases the
 * lock when the process ends, however it ends (a {@code kill -9} included), so holding it proves
 * that no other live instance uses the directory; a server left running on the directory without
 * it is an orphan. The file names the holder, for the message a second instance gives.
 */
final class DataDirectoryLock {

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static Path lockFileOf(Path dataDirectory) {
        return dataDirectory.resolveSibling(dataDirectory.getFileName() + ".lock");
    }

    /** Takes the lock, or fails at once with a message naming the holder and what to do. */
    static DataDirectoryLock acquire(Path dataDirectory) throws IOException {
        Path file = lockFileOf(dataDirectory);
        Files.createDirectories(file.getParent());
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (AccessDeniedException e) {
            throw inUse(dataDirectory, file, "another user (the lock file " + file + " is not writable by this user)");
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            String holder = holderOf(channel);
            channel.close();
            throw inUse(dataDirectory, file, holder);
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + ", since " + Instant.now() + "\n")
                .getBytes(StandardCharsets.US_ASCII)), 0);
        channel.force(false);
        return new DataDirectoryLock(channel, lock);
    }

    private static String holderOf(FileChannel channel) {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(200);
            channel.read(buffer, 0);
            String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).trim();
            return text.isEmpty() ? "another process" : "another process (" + text + ")";
        } catch (IOException e) {
            return "another process";
        }
    }

    private static EmbeddedPostgresException inUse(Path dataDirectory, Path file, String holder) {
        return new EmbeddedPostgresException("The embedded PostgreSQL data directory " + dataDirectory + " is in use by " + holder
                + ", which holds " + file + ". That instance keeps running; this one stops here. Stop the other instance first, "
                + "or give this one its own directory (KPI_EMBEDDED_POSTGRES_DATA_DIR), or point it at a PostgreSQL server "
                + "(QUARKUS_DATASOURCE_JDBC_URL, _USERNAME, _PASSWORD).");
    }

    void release() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // the process is ending; the operating system releases the lock with it
        }
    }
}

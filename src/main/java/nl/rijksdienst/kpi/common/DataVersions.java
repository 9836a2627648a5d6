package nl.rijksdienst.kpi.common;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * The data version (the counter that moves when data changes, V3 and V14), held in memory so that a
 * conditional request needs no database round trip. A listener thread keeps it current: it
 * {@code LISTEN}s on {@code kpi_data_version}, which the counter's trigger notifies on commit, and
 * reads the counter again at least every {@value #POLL_MILLIS} ms, so a lost notification leaves
 * this replica stale for less than a second (when the database answers within that time). When the
 * listener has neither confirmed the version within {@value #FRESH_MILLIS} ms nor waits for the
 * answer to a read sent within {@value #READ_WAIT_MILLIS} ms (the database is unreachable, the
 * listener is reconnecting), the version is read from the database, as every request did before.
 */
@ApplicationScoped
public class DataVersions {

    /** A value of the counter and when it last moved (to the second, for Last-Modified). */
    public record Version(long number, Instant changedAt) {
    }

    static final String CHANNEL = "kpi_data_version";
    static final int POLL_MILLIS = 250;
    static final long FRESH_MILLIS = 1_000;
    /** How long a read of the listener that the database has not answered yet keeps the version confirmed. */
    static final long READ_WAIT_MILLIS = 5_000;
    private static final String READ = "select version, changed_at from data_version where id = 1";

    /**
     * Told by the listener, in order and off the event loop, each time the version moved: from which
     * version to which, and the indicators whose observations alone changed in between, or null when
     * anything else may have changed (or what changed is no longer known).
     */
    public interface Moves {
        void moved(long from, Version to, java.util.Set<String> changedIndicators);
    }

    private static final String CHANGES = "select count(distinct version), bool_or(indicator_id is null), array_agg(distinct indicator_id) "
            + "from data_change where version > ? and version <= ?";

    private final DataSource dataSource;
    private final java.util.List<Moves> moves = new java.util.concurrent.CopyOnWriteArrayList<>();
    private long delivered = -1;
    private volatile Version current;
    private volatile long confirmedAtNanos;
    /** When the listener sent the read it waits for; {@link #NOT_READING} while it waits for none. */
    private volatile long readSentAtNanos = NOT_READING;
    private static final long NOT_READING = Long.MIN_VALUE;
    private volatile boolean running;
    private Thread listener;

    public DataVersions(DataSource dataSource) {
        this.dataSource = dataSource;
        unconfirm();
    }

    private void unconfirm() {
        confirmedAtNanos = System.nanoTime() - (FRESH_MILLIS + 1) * 1_000_000;
    }

    void onStart(@Observes StartupEvent event) {
        running = true;
        listener = new Thread(this::listen, "kpi-data-version-listener");
        listener.setDaemon(true);
        listener.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
    }

    /** Adds one to be told of each move of the version (the cache of rendered answers, the live event streams). */
    public void onMove(Moves listener) {
        moves.add(listener);
    }

    /** Tells each of {@link #moves} of a move seen since the last one told; on the listener's thread, with its connection. */
    private void deliver(Connection c) {
        Version now = current;
        if (now == null) {
            return;
        }
        if (moves.isEmpty() || delivered < 0 || now.number() <= delivered) {
            delivered = Math.max(delivered, now.number());
            return;
        }
        java.util.Set<String> changed = null;
        try (PreparedStatement ps = c.prepareStatement(CHANGES)) {
            ps.setLong(1, delivered);
            ps.setLong(2, now.number());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                // every version in between recorded, and each only observations: the indicators they changed
                if (rs.getLong(1) == now.number() - delivered && !rs.getBoolean(2)) {
                    changed = java.util.Set.of((String[]) rs.getArray(3).getArray());
                }
            }
        } catch (SQLException e) {
            Log.debugf("What changed between data versions %d and %d is not known: %s", delivered, now.number(), e.getMessage());
        }
        long from = delivered;
        delivered = now.number();
        for (Moves told : moves) {
            try {
                told.moved(from, now, changed);
            } catch (RuntimeException e) {
                Log.warnf("Handling the move of the data version to %d failed: %s", now.number(), e.toString());
            }
        }
    }

    /** The current data version: from memory when the listener confirmed it within the last second, else from the database. */
    public Version current() {
        Version version = currentIfFresh();
        return version != null ? version : refresh();
    }

    /**
     * The data version when the listener confirmed it within the last second, or sent a read of it
     * that the database has not answered yet, less than {@value #READ_WAIT_MILLIS} ms ago; else null.
     * Never waits for the database. While the listener's read waits, the version held is the latest
     * the database gave, and a request reading the version itself would wait as long: on a busy
     * machine such one-row reads took 0.75–1.1 s, and every request reading the version meanwhile
     * made answers from memory wait for the database too (up to 1.8 s, where they took 5 ms).
     */
    public Version currentIfFresh() {
        Version version = current;
        if (version == null) {
            return null;
        }
        long now = System.nanoTime();
        long sent = readSentAtNanos;
        return now - confirmedAtNanos < FRESH_MILLIS * 1_000_000 || (sent != NOT_READING && now - sent < READ_WAIT_MILLIS * 1_000_000) ? version : null;
    }

    /** Reads the version from the database now (after a write on this replica, so that its own next answer is not stale). */
    public Version refresh() {
        try (Connection c = dataSource.getConnection()) {
            return read(c);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the data version", e);
        }
    }

    private Version read(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(READ); ResultSet rs = ps.executeQuery()) {
            rs.next();
            Version version = new Version(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant().truncatedTo(ChronoUnit.SECONDS));
            long now = System.nanoTime();
            // a slower reader must not put back an older version
            Version known = current;
            if (known == null || version.number() >= known.number()) {
                current = version;
            }
            confirmedAtNanos = now;
            return version;
        }
    }

    private void listen() {
        long backoff = 100;
        while (running) {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(true);
                try (Statement s = c.createStatement()) {
                    s.execute("listen " + CHANNEL);
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                backoff = 100;
                while (running) {
                    long sent = System.nanoTime();
                    readSentAtNanos = sent;
                    try {
                        read(c);
                    } finally {
                        readSentAtNanos = NOT_READING;
                    }
                    long took = (System.nanoTime() - sent) / 1_000_000;
                    if (took > FRESH_MILLIS) {
                        Log.warnf("The data version's read took %d ms%s", took,
                                took > READ_WAIT_MILLIS ? "; requests read it from the database meanwhile" : "");
                    }
                    deliver(c);
                    // wakes on a notification, or after POLL_MILLIS to check anyway
                    pg.getNotifications(POLL_MILLIS);
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                Log.debugf("Data version listener: %s; reconnecting in %d ms", e.getMessage(), backoff);
                unconfirm();
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = Math.min(backoff * 2, 2_000);
            }
        }
    }
}

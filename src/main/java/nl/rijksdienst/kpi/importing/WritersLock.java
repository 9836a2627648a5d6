package nl.rijksdienst.kpi.importing;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The PostgreSQL advisory lock that serialises writers of observations (readers are never blocked):
 * two imports or corrections of the same observation at once would both read the same current
 * version. Held until the transaction ends. A writer that waits longer than {@code kpi.writes.lock-wait}
 * gives up (SQLSTATE 55P03) and is answered 503 with Retry-After, rather than running into the
 * transaction timeout; all replicas share the lock, since it lives in the database.
 */
@ApplicationScoped
public class WritersLock {

    public static final long KEY = 0x4b50495752L;

    private final long waitMillis;

    public WritersLock(@ConfigProperty(name = "kpi.writes.lock-wait", defaultValue = "20S") Duration wait) {
        this.waitMillis = wait.toMillis();
    }

    void acquire(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("set local lock_timeout = " + waitMillis);
        }
        try (PreparedStatement ps = c.prepareStatement("select pg_advisory_xact_lock(?)")) {
            ps.setLong(1, KEY);
            ps.execute();
        }
    }
}

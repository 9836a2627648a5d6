package nl.rijksdienst.kpi.common;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.Set;

/**
 * Tells a failure of the database from a failure of the service: the database cannot be reached,
 * is shutting down or restarting, has no connection free, or a writer waited too long for its turn.
 * Such a request is answered 503 with {@code Retry-After}: asking again later will work.
 */
public final class DatabaseUnavailable {

    /** Seconds a client should wait before asking again (an embedded server restarts within a few). */
    public static final int RETRY_AFTER_SECONDS = 5;

    /** SQLSTATE classes and codes of an unavailable database (PostgreSQL's appendix A). */
    private static final Set<String> STATES = Set.of(
            "53300", // too_many_connections
            "55P03", // lock_not_available: lock_timeout while waiting for the writers' lock
            "57014", // query_canceled: statement or transaction timeout
            "57P01", "57P02", "57P03"); // admin_shutdown, crash_shutdown, cannot_connect_now

    private DatabaseUnavailable() {
    }

    public static boolean causes(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof ConnectException || t.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || STATES.contains(state))) {
                    return true;
                }
                // Agroal: no connection could be had within the acquisition timeout.
                if (sql.getMessage() != null && sql.getMessage().startsWith("Acquisition timeout")) {
                    return true;
                }
            }
            if (isRolledBack(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The transaction was rolled back before its commit, which in this service means it ran past the
     * transaction timeout (Narayana's reaper ended it): nothing was written.
     */
    public static boolean transactionTimedOut(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 20; t = t.getCause(), depth++) {
            if (isRolledBack(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isRolledBack(Throwable t) {
        return t.getClass().getName().equals("jakarta.transaction.RollbackException");
    }

    /** The innermost message, for the log (never for the client). */
    public static String rootMessage(Throwable failure) {
        Throwable root = failure;
        int depth = 0;
        while (root.getCause() != null && root.getCause() != root && depth++ < 20) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}

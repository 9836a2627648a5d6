package nl.rijksdienst.kpi.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The data version held in memory while the database is slow to answer the listener's read: still
 * confirmed while that read waits (answers from memory do not start waiting for the database too),
 * and no longer once it has waited {@link DataVersions#READ_WAIT_MILLIS}.
 */
@QuarkusTest
class DataVersionsTest {

    @Inject
    DataVersions versions;

    @Inject
    DataSource dataSource;

    @Test
    void shouldStayConfirmedWhileTheListenersReadWaitsForTheDatabase() throws Exception {
        awaitFresh();
        try (Connection locker = dataSource.getConnection(); Connection watcher = dataSource.getConnection()) {
            locker.setAutoCommit(false);
            try (Statement s = locker.createStatement()) {
                // a read of the table waits until this transaction ends
                s.execute("lock table data_version in access exclusive mode");
            }
            long blocked = awaitListenerWaiting(watcher);
            // sent at most a few ms before it was seen waiting; the confirmation before it is older
            // still by the listener's 250 ms between reads, so this moment is past a second since that
            sleepUntil(blocked + 800);
            assertThat(versions.currentIfFresh()).as("the version while its read has waited 0.8 s").isNotNull();
            sleepUntil(blocked + 3_000);
            assertThat(versions.currentIfFresh()).as("the version while its read has waited 3 s").isNotNull();
            sleepUntil(blocked + DataVersions.READ_WAIT_MILLIS + 300);
            assertThat(versions.currentIfFresh()).as("the version once its read has waited more than %d ms", DataVersions.READ_WAIT_MILLIS).isNull();
            locker.rollback();
        }
        awaitFresh();
        assertThat(versions.currentIfFresh()).isNotNull();
    }

    private void awaitFresh() throws InterruptedException {
        long until = System.currentTimeMillis() + 10_000;
        while (versions.currentIfFresh() == null && System.currentTimeMillis() < until) {
            Thread.sleep(10);
        }
        assertThat(versions.currentIfFresh()).as("the version confirmed").isNotNull();
    }

    /** When the listener's read was first seen waiting for the lock (System.currentTimeMillis()). */
    private static long awaitListenerWaiting(Connection watcher) throws Exception {
        long until = System.currentTimeMillis() + 5_000;
        while (System.currentTimeMillis() < until) {
            try (Statement s = watcher.createStatement();
                    ResultSet rs = s.executeQuery("select count(*) from pg_stat_activity where wait_event_type = 'Lock' "
                            + "and query like 'select version, changed_at from data_version%'")) {
                rs.next();
                if (rs.getInt(1) > 0) {
                    return System.currentTimeMillis();
                }
            }
            Thread.sleep(5);
        }
        throw new AssertionError("the listener's read was not seen waiting for the lock");
    }

    private static void sleepUntil(long millis) throws InterruptedException {
        long left = millis - System.currentTimeMillis();
        if (left > 0) {
            Thread.sleep(left);
        }
    }
}

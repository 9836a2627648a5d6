package nl.rijksdienst.kpi.health;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import nl.rijksdienst.kpi.common.DatabaseUnavailable;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the database answers a query within two seconds. The answer is public, so it says
 * only UP or DOWN: hosts, ports and exception texts go to the log, once per change of state.
 * (Quarkus's own datasource check is switched off: it puts the failure's text in its answer.)
 */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements HealthCheck {

    static final String NAME = "database";

    private final DataSource dataSource;
    private final AtomicBoolean lastUp = new AtomicBoolean(true);

    public DatabaseReadinessCheck(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public HealthCheckResponse call() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.setQueryTimeout(2);
            s.execute("select 1");
            if (!lastUp.getAndSet(true)) {
                Log.info("The database answers again: ready");
            }
            return HealthCheckResponse.up(NAME);
        } catch (SQLException | RuntimeException e) {
            if (lastUp.getAndSet(false)) {
                Log.warnf("The database does not answer: not ready (%s)", DatabaseUnavailable.rootMessage(e));
            }
            return HealthCheckResponse.down(NAME);
        }
    }
}

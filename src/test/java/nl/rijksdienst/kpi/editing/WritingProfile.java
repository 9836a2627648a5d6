package nl.rijksdienst.kpi.editing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Tests that write run against a database of their own, so that the read tests keep seeing exactly
 * the letter's data. Quarkus starts the application once more for this profile.
 */
public class WritingProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("kpi.embedded-postgres.data-dir", "target/embedded-postgres-writes",
                "kpi.embedded-postgres.clean-start", "true",
                // short, so that the test of a writer kept waiting is quick
                "kpi.writes.lock-wait", "2S");
    }
}

package nl.rijksdienst.kpi.embedded;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Tells the embedded server when the application is running, so that at JVM exit it stops only
 * after the application has finished (SIGTERM first drains the requests in flight, an import
 * included). A system property, because dev mode reloads the application in new class loaders
 * while the server lives on.
 */
@ApplicationScoped
public class EmbeddedPostgresLifecycle {

    void onStart(@Observes StartupEvent event) {
        System.setProperty(EmbeddedPostgresServer.APPLICATION_RUNNING, "true");
    }

    void onStop(@Observes @Priority(Integer.MAX_VALUE) ShutdownEvent event) {
        System.setProperty(EmbeddedPostgresServer.APPLICATION_RUNNING, "false");
    }
}

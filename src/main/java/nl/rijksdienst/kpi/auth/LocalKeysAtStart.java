package nl.rijksdienst.kpi.auth;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Reads the verification key's location at start, so that the local key pair (when no identity
 * provider is configured) exists before the first editor asks for a token, and says where it is.
 */
@ApplicationScoped
public class LocalKeysAtStart {

    void onStart(@Observes StartupEvent event) {
        ConfigProvider.getConfig().getOptionalValue("mp.jwt.verify.publickey.location", String.class)
                .ifPresent(location -> Log.infof("Editor tokens are verified with %s", location));
    }
}

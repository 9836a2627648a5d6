package nl.rijksdienst.kpi.auth;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A token issued in the future (beyond the allowed clock skew) is refused: smallrye-jwt limits a
 * token's lifetime ({@code smallrye.jwt.time-to-live}) and age ({@code mp.jwt.verify.token.age}),
 * both counted from {@code iat}, which a token dated ahead would otherwise stretch.
 */
@ApplicationScoped
public class IssuedAtCheck implements SecurityIdentityAugmentor {

    private final Clock clock;
    private final long skewSeconds;

    public IssuedAtCheck(@ConfigProperty(name = "mp.jwt.verify.clock.skew", defaultValue = "60") long skewSeconds) {
        this.clock = Clock.systemUTC();
        this.skewSeconds = skewSeconds;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            long now = clock.instant().getEpochSecond();
            if (token.getIssuedAtTime() > now + skewSeconds) {
                return Uni.createFrom().failure(new AuthenticationFailedException("The token is issued in the future"));
            }
        }
        return Uni.createFrom().item(identity);
    }
}

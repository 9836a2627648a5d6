package nl.rijksdienst.kpi.auth;

import io.smallrye.jwt.build.Jwt;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Prints a bearer token for a local editor, signed with the local key pair:
 * {@code java -jar target/quarkus-app/quarkus-run.jar editor-token [user] [hours]}. It reads the
 * same settings as the service: {@code KPI_AUTH_KEY_DIR}, {@code KPI_JWT_ISSUER} and
 * {@code KPI_AUTH_EDITOR_ROLE}.
 */
public final class EditorTokenCommand {

    public static final String DEFAULT_ISSUER = "rijksdienst-kpi-local";

    /** The service's default maximum token lifetime (smallrye.jwt.time-to-live). */
    static final long DEFAULT_MAX_LIFETIME_SECONDS = 43_200;

    private EditorTokenCommand() {
    }

    public static int run(String[] args) {
        String user = args.length > 0 ? args[0] : System.getProperty("user.name", "editor");
        long hours;
        try {
            hours = args.length > 1 ? Long.parseLong(args[1]) : 8;
        } catch (NumberFormatException e) {
            System.err.println("usage: editor-token [user] [hours]");
            return 2;
        }
        long maxSeconds = Long.parseLong(env("KPI_AUTH_MAX_TOKEN_LIFETIME_SECONDS", Long.toString(DEFAULT_MAX_LIFETIME_SECONDS)));
        if (hours < 1 || hours * 3600 > maxSeconds) {
            System.err.println("editor-token: a token may be valid for 1 to " + maxSeconds / 3600 + " hours (KPI_AUTH_MAX_TOKEN_LIFETIME_SECONDS)");
            return 2;
        }
        Path keyDir = Path.of(env("KPI_AUTH_KEY_DIR", LocalKeys.defaultDirectory().toString()));
        String token = Jwt.issuer(env("KPI_JWT_ISSUER", DEFAULT_ISSUER))
                .subject(user)
                .upn(user)
                .groups(Set.of(env("KPI_AUTH_EDITOR_ROLE", "editor")))
                .issuedAt(Instant.now())
                .expiresIn(Duration.ofHours(hours))
                .sign(LocalKeys.privateKey(keyDir));
        System.out.println(token);
        return 0;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}

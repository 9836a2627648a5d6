package nl.rijksdienst.kpi.editing;

import io.smallrye.jwt.build.Jwt;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Set;
import nl.rijksdienst.kpi.auth.LocalKeys;
import org.eclipse.microprofile.config.ConfigProvider;

/** Bearer tokens for tests, signed with the key pair the service verifies with (or deliberately not). */
public final class Tokens {

    private Tokens() {
    }

    private static Path keyDir() {
        return Path.of(ConfigProvider.getConfig().getValue("kpi.auth.key-dir", String.class));
    }

    private static String issuer() {
        return ConfigProvider.getConfig().getValue("mp.jwt.verify.issuer", String.class);
    }

    public static String editor() {
        return editor("test-editor");
    }

    /** An editor of the given name. */
    public static String editor(String name) {
        return bearer(Jwt.issuer(issuer()).subject(name).upn(name).groups(Set.of("editor")).expiresIn(600).sign(LocalKeys.privateKey(keyDir())));
    }

    /** A valid token of a user without the editor role. */
    public static String reader() {
        return bearer(Jwt.issuer(issuer()).subject("test-reader").groups(Set.of("reader")).expiresIn(600).sign(LocalKeys.privateKey(keyDir())));
    }

    public static String expired() {
        return bearer(Jwt.issuer(issuer()).subject("test-editor").groups(Set.of("editor")).issuedAt(Instant.now().minusSeconds(7200))
                .expiresAt(Instant.now().minusSeconds(3600)).sign(LocalKeys.privateKey(keyDir())));
    }

    /** Signed with the right key, but valid for a hundred years. */
    public static String centuryLong() {
        return bearer(Jwt.issuer(issuer()).subject("test-editor").groups(Set.of("editor")).issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(100L * 366 * 24 * 3600)).sign(LocalKeys.privateKey(keyDir())));
    }

    /** Dated a year ahead: its lifetime looks short, counted from an iat that has not come yet. */
    public static String issuedInTheFuture() {
        Instant future = Instant.now().plusSeconds(366L * 24 * 3600);
        return bearer(Jwt.issuer(issuer()).subject("test-editor").groups(Set.of("editor")).issuedAt(future)
                .expiresAt(future.plusSeconds(600)).sign(LocalKeys.privateKey(keyDir())));
    }

    /** Still valid for an hour, but issued 13 hours ago: older than the maximum age. */
    public static String tooOld() {
        Instant issued = Instant.now().minusSeconds(13L * 3600);
        return bearer(Jwt.issuer(issuer()).subject("test-editor").groups(Set.of("editor")).issuedAt(issued)
                .expiresAt(issued.plusSeconds(14L * 3600)).sign(LocalKeys.privateKey(keyDir())));
    }

    public static String otherIssuer() {
        return bearer(Jwt.issuer("https://elsewhere.example").subject("test-editor").groups(Set.of("editor")).expiresIn(600)
                .sign(LocalKeys.privateKey(keyDir())));
    }

    /** Signed with a key the service does not know. */
    public static String foreignKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return bearer(Jwt.issuer(issuer()).subject("mallory").groups(Set.of("editor")).expiresIn(600).sign(generator.generateKeyPair().getPrivate()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }
}

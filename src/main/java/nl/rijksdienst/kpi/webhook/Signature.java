package nl.rijksdienst.kpi.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signing as the Standard Webhooks specification (standardwebhooks.com) has it: a secret
 * {@code whsec_<base64>}, and per message the headers {@code webhook-id}, {@code webhook-timestamp}
 * (seconds since the epoch) and {@code webhook-signature}: {@code v1,} and the base64 HMAC-SHA256,
 * under the secret's bytes, of {@code id.timestamp.body}. The receiver's libraries for that
 * specification verify it as it is.
 */
public final class Signature {

    static final String PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Signature() {
    }

    /** A new secret: 32 random bytes. */
    static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** The value of {@code webhook-signature} for one message. */
    public static String sign(String secret, String id, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring(PREFIX.length())), "HmacSHA256"));
            byte[] signed = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(signed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign a webhook message", e);
        }
    }
}

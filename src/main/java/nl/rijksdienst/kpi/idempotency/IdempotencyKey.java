package nl.rijksdienst.kpi.idempotency;

import jakarta.ws.rs.core.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import nl.rijksdienst.kpi.common.ApiException;
import nl.rijksdienst.kpi.common.Hashes;
import nl.rijksdienst.kpi.common.StorableText;

/**
 * The {@code Idempotency-Key} header of a write (after the IETF draft "The Idempotency-Key HTTP
 * Header Field" and Stripe's API): absent, or a text of 1 to 200 characters; a header that is
 * present but empty is a mistake (400), not the same as no header. A key is the editor's own.
 */
public final class IdempotencyKey {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    static final int MAX_LENGTH = 200;

    private IdempotencyKey() {
    }

    /** The key of the request, or null when it has none. */
    public static String of(HttpHeaders headers) {
        List<String> values = headers.getRequestHeader(HEADER);
        if (values == null || values.isEmpty()) {
            return null;
        }
        String key = values.get(0);
        if (values.size() > 1 || key == null || key.isBlank() || key.length() > MAX_LENGTH || StorableText.fault(key) != null) {
            throw ApiException.badParameter(HEADER, "moet één tekst van 1 tot " + MAX_LENGTH + " tekens zijn (een lege header telt niet als geen sleutel)");
        }
        return key;
    }

    /**
     * What makes two requests the same request: method, path and query, then the body. A retry
     * with another body, another reason or to another resource is not a retry.
     */
    public static String fingerprint(String method, String rawPath, String rawQuery, byte[] body) {
        byte[] target = (method + " " + rawPath + (rawQuery == null ? "" : "?" + rawQuery) + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[target.length + body.length];
        System.arraycopy(target, 0, all, 0, target.length);
        System.arraycopy(body, 0, all, target.length, body.length);
        return Hashes.sha256Hex(all);
    }
}

package nl.rijksdienst.kpi.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Optimistic concurrency for the writable resources (indicators, norms, sources, observations),
 * as RFC 9110 describes it: the ETag of a resource is a strong validator of its current
 * representation, served on GET and after PUT; a PUT with {@code If-Match} is carried out only if
 * the resource is still as the editor read it, otherwise 412. Two editors correcting the same
 * version therefore cannot overwrite each other: the second gets 412 and reads again.
 */
@ApplicationScoped
public class ResourceVersions {

    private final ObjectMapper mapper;

    public ResourceVersions(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The strong ETag of a representation: a hash of its JSON. */
    public String etag(Object representation) {
        try {
            return "\"" + Hashes.sha256Hex(mapper.writeValueAsString(representation).getBytes(StandardCharsets.UTF_8)).substring(0, 32) + "\"";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the representation as JSON", e);
        }
    }

    /**
     * Throws 412 unless the If-Match header is absent, {@code *}, or names the current ETag (strong
     * comparison: a weak tag never matches). Call it holding the lock on the resource.
     */
    public void requireMatch(String ifMatch, Object current) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return;
        }
        String etag = etag(current);
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.trim();
            // the ETag of the gzipped answer ("…-gzip") names the same version of the resource
            if (!tag.startsWith("W/") && HttpCaching.identityTag(tag).equals(etag)) {
                return;
            }
        }
        throw new ApiException(412, "Voorwaarde niet vervuld", "De resource is gewijzigd sinds de versie in If-Match (" + ifMatch.trim()
                + "); de huidige ETag is " + etag + ". Lees hem opnieuw en breng de wijziging daarop aan; er is niets geschreven.",
                List.of(new Problem.InvalidParam("If-Match", "noemt niet de huidige versie " + etag)));
    }
}

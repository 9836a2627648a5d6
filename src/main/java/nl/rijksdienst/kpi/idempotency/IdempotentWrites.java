package nl.rijksdienst.kpi.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import nl.rijksdienst.kpi.common.ApiException;

/**
 * Single writes (POST) with an {@code Idempotency-Key}: the first request is carried out and its
 * answer kept, in the same transaction as the write; the same editor sending the same request
 * with the same key again gets that answer back (200, header {@code Idempotent-Replayed: true})
 * and nothing is written twice. The same key with another request is a 422; the same key in two
 * requests at once, a 409 for the second.
 */
@ApplicationScoped
public class IdempotentWrites {

    private final EntityManager em;
    private final ObjectMapper mapper;

    public IdempotentWrites(EntityManager em, ObjectMapper mapper) {
        this.em = em;
        this.mapper = mapper;
    }

    /**
     * A POST that creates a resource: 201 with the created representation and a Location below the
     * request's path ({@code id} names it), or the replay of the first answer.
     */
    public <T> Response create(HttpHeaders headers, String actor, UriInfo uri, Object input, Supplier<T> create, Function<T, Object> id) {
        return post(IdempotencyKey.of(headers), actor, uri, input, () -> {
            T created = create.get();
            return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(id.apply(created))).build()).entity(created).build();
        });
    }

    @Transactional
    public Response post(String key, String actor, UriInfo uri, Object input, Supplier<Response> write) {
        if (key == null) {
            return write.get();
        }
        String fingerprint = IdempotencyKey.fingerprint("POST", uri.getRequestUri().getRawPath(), uri.getRequestUri().getRawQuery(), json(input));
        List<?> earlier = em.createNativeQuery("select fingerprint, location, body from idempotent_request where actor = ?1 and idempotency_key = ?2")
                .setParameter(1, actor).setParameter(2, key).getResultList();
        if (!earlier.isEmpty()) {
            Object[] row = (Object[]) earlier.get(0);
            if (!fingerprint.equals(row[0])) {
                throw new ApiException(422, "Onverwerkbare invoer", "De " + IdempotencyKey.HEADER + " '" + key
                        + "' is al gebruikt voor een ander verzoek; gebruik een nieuwe sleutel.", List.of());
            }
            Response.ResponseBuilder replay = Response.ok((String) row[2], MediaType.APPLICATION_JSON_TYPE).header(IdempotencyKey.REPLAYED, "true");
            if (row[1] != null) {
                replay.location(URI.create((String) row[1]));
            }
            return replay.build();
        }
        Response answer = write.get();
        try {
            em.createNativeQuery("insert into idempotent_request (actor, idempotency_key, fingerprint, status, location, body) "
                    + "values (?1, ?2, ?3, ?4, ?5, ?6)")
                    .setParameter(1, actor).setParameter(2, key).setParameter(3, fingerprint).setParameter(4, answer.getStatus())
                    .setParameter(5, answer.getLocation() == null ? null : answer.getLocation().toString())
                    .setParameter(6, new String(json(answer.getEntity()), java.nio.charset.StandardCharsets.UTF_8))
                    .executeUpdate();
        } catch (PersistenceException e) {
            throw new ApiException(409, "Conflict", "Een ander verzoek met de " + IdempotencyKey.HEADER + " '" + key
                    + "' werd tegelijk verwerkt; probeer het opnieuw.", List.of());
        }
        return answer;
    }

    private byte[] json(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the answer as JSON", e);
        }
    }
}

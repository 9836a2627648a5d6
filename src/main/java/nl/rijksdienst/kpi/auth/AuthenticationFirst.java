package nl.rijksdienst.kpi.auth;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;
import nl.rijksdienst.kpi.common.AllowedMethods;
import nl.rijksdienst.kpi.common.ApiException;
import nl.rijksdienst.kpi.common.Problem;
import nl.rijksdienst.kpi.common.ProblemMappers;
import nl.rijksdienst.kpi.common.StorableText;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * On a protected operation, the caller is authenticated before anything else is looked at: without
 * a valid editor's token the answer is 401 (403 with a token without the role), whatever else is
 * wrong with the request, so that anonymous callers learn nothing of the write API's rules. The
 * other request filters (unknown parameters, caching) run after this one.
 */
public class AuthenticationFirst {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final CurrentIdentityAssociation identities;
    private final String editorRole;

    public AuthenticationFirst(CurrentIdentityAssociation identities, @ConfigProperty(name = "kpi.auth.editor-role") String editorRole) {
        this.identities = identities;
        this.editorRole = editorRole;
    }

    /**
     * Every write (POST, PUT, PATCH) the API offers on a path needs an editor: checked before the
     * request is matched to an operation, so that a wrong media type or an unreadable body is not
     * reported to an anonymous caller either.
     */
    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION)
    public Uni<Response> authenticateWrites(ContainerRequestContext request) {
        String method = request.getMethod();
        if (!WRITES.contains(method)) {
            return Uni.createFrom().nullItem();
        }
        String allowed = AllowedMethods.forPath(request.getUriInfo().getRequestUri().getRawPath(), ProblemMappers.REST_ROOT);
        if (allowed == null || !List.of(allowed.split(", ")).contains(method)) {
            return Uni.createFrom().nullItem();
        }
        return requireEditor();
    }

    /** A protected read (imports, audit log): the editor is checked before its parameters are. */
    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Uni<Response> authenticate(ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null || !method.isAnnotationPresent(RolesAllowed.class)) {
            return Uni.createFrom().nullItem();
        }
        return requireEditor();
    }

    private Uni<Response> requireEditor() {
        return identities.getDeferredIdentity().map(identity -> {
            if (identity.isAnonymous()) {
                throw new UnauthorizedException();
            }
            if (!identity.hasRole(editorRole)) {
                throw new ForbiddenException();
            }
            // The editor's name is written with every change (recordedBy, the audit log).
            String unstorable = StorableText.fault(identity.getPrincipal().getName());
            if (unstorable != null) {
                throw new ApiException(422, "Onverwerkbare invoer", "De naam van de redacteur in het token (claim upn, preferred_username of sub) "
                        + unstorable + "; het token moet een andere naam dragen.", List.of(new Problem.InvalidParam("token.upn", unstorable)));
            }
            return null;
        });
    }
}

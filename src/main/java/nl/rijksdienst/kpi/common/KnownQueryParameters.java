package nl.rijksdienst.kpi.common;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import java.lang.annotation.Annotation;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A query parameter an operation does not know is a mistake (a typo such as {@code pagesize}), not
 * something to ignore silently: the answer is a 400 problem naming it and the parameters that do
 * exist. Operations that take dimension ids as parameters are marked {@link OpenQuery} and check
 * their parameters themselves.
 */
public class KnownQueryParameters {

    /** Marks an operation whose query keys are not fixed (dimension filters); it validates them itself. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    public @interface OpenQuery {
    }

    private final Map<Method, Set<String>> known = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public Response rejectUnknown(ContainerRequestContext context, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null || method.isAnnotationPresent(OpenQuery.class)) {
            return null;
        }
        Set<String> names = known.computeIfAbsent(method, KnownQueryParameters::queryParameters);
        List<String> unknown = context.getUriInfo().getQueryParameters().keySet().stream().filter(k -> !names.contains(k)).sorted().toList();
        if (unknown.isEmpty()) {
            return null;
        }
        String allowed = names.isEmpty() ? "deze operatie heeft geen queryparameters" : "de parameters van deze operatie zijn " + String.join(", ", names);
        List<Problem.InvalidParam> params = unknown.stream().map(name -> new Problem.InvalidParam(name, "onbekende parameter; " + allowed)).toList();
        throw new ApiException(400, "Ongeldige invoer",
                "Onbekende parameter" + (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown) + "; " + allowed + ".", params);
    }

    private static Set<String> queryParameters(Method method) {
        Set<String> names = new TreeSet<>();
        for (Annotation[] annotations : method.getParameterAnnotations()) {
            for (Annotation annotation : annotations) {
                if (annotation instanceof QueryParam q) {
                    names.add(q.value());
                }
            }
        }
        for (int i = 0; i < method.getParameterCount(); i++) {
            for (Annotation annotation : method.getParameterAnnotations()[i]) {
                if (annotation instanceof BeanParam) {
                    for (Field field : method.getParameterTypes()[i].getDeclaredFields()) {
                        QueryParam q = field.getAnnotation(QueryParam.class);
                        if (q != null) {
                            names.add(q.value());
                        }
                    }
                }
            }
        }
        return names;
    }
}

package nl.rijksdienst.kpi.common;

import io.quarkus.arc.Arc;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Which HTTP methods the API offers on a path, for the {@code Allow} header of a 405 answer
 * (RFC 9110 requires it; the router's own 405 does not carry it), and which representations a GET
 * there offers, for the detail of a 406. Built once from the JAX-RS annotations of the resource
 * classes.
 */
public final class AllowedMethods {

    private record Route(Pattern path, String method, List<String> produces) {
    }

    private static volatile List<Route> routes;

    private AllowedMethods() {
    }

    public static String forPath(String rawPath, String restRoot) {
        Set<String> allowed = new TreeSet<>();
        for (Route route : routes(restRoot)) {
            if (route.path().matcher(rawPath).matches()) {
                allowed.add(route.method());
            }
        }
        if (allowed.isEmpty()) {
            return null;
        }
        if (allowed.contains("GET")) {
            allowed.add("HEAD");
        }
        allowed.add("OPTIONS");
        return String.join(", ", allowed);
    }

    /** The media types the GET operations of a path produce, in the order they declare them; empty when none is known. */
    public static List<String> producedAt(String rawPath, String restRoot) {
        Set<String> types = new java.util.LinkedHashSet<>();
        for (Route route : routes(restRoot)) {
            if (route.method().equals(HttpMethod.GET) && route.path().matcher(rawPath).matches()) {
                types.addAll(route.produces());
            }
        }
        return List.copyOf(types);
    }

    private static List<Route> routes(String restRoot) {
        List<Route> known = routes;
        if (known != null) {
            return known;
        }
        List<Route> found = new ArrayList<>();
        for (Bean<?> bean : Arc.container().beanManager().getBeans(Object.class)) {
            Class<?> type = bean.getBeanClass();
            Path classPath = type.getAnnotation(Path.class);
            if (classPath == null) {
                continue;
            }
            for (Method method : type.getMethods()) {
                String httpMethod = httpMethod(method);
                if (httpMethod == null) {
                    continue;
                }
                Path methodPath = method.getAnnotation(Path.class);
                String template = join(restRoot, classPath.value(), methodPath == null ? "" : methodPath.value());
                jakarta.ws.rs.Produces produces = method.getAnnotation(jakarta.ws.rs.Produces.class) != null
                        ? method.getAnnotation(jakarta.ws.rs.Produces.class) : type.getAnnotation(jakarta.ws.rs.Produces.class);
                found.add(new Route(Pattern.compile(template.replaceAll("\\{[^}]+}", "[^/]+")), httpMethod,
                        produces == null ? List.of("application/json") : List.of(produces.value())));
            }
        }
        routes = List.copyOf(found);
        return routes;
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    private static String join(String... parts) {
        StringBuilder path = new StringBuilder();
        for (String part : parts) {
            String trimmed = part.replaceAll("^/+|/+$", "");
            if (!trimmed.isEmpty()) {
                path.append('/').append(trimmed);
            }
        }
        return path.toString();
    }
}

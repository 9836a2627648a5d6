package nl.rijksdienst.kpi.common;

import java.util.List;

/**
 * A request the service refuses, answered as an RFC 9457 problem. Thrown by services; the mapper
 * turns it into {@code application/problem+json}.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String title;
    private final List<Problem.InvalidParam> invalidParams;

    public ApiException(int status, String title, String detail, List<Problem.InvalidParam> invalidParams) {
        super(detail);
        this.status = status;
        this.title = title;
        this.invalidParams = List.copyOf(invalidParams);
    }

    public static ApiException notFound(String detail) {
        return new ApiException(404, "Niet gevonden", detail, List.of());
    }

    public static ApiException badParameter(String parameter, String reason) {
        return new ApiException(400, "Ongeldige invoer", "Parameter '" + parameter + "': " + reason,
                List.of(new Problem.InvalidParam(parameter, reason)));
    }

    public static ApiException badParameters(List<Problem.InvalidParam> params) {
        String detail = params.size() == 1
                ? "Parameter '" + params.get(0).name() + "': " + params.get(0).reason()
                : "Ongeldige parameters: " + String.join(", ", params.stream().map(Problem.InvalidParam::name).toList());
        return new ApiException(400, "Ongeldige invoer", detail, params);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<Problem.InvalidParam> invalidParams() {
        return invalidParams;
    }
}

package nl.rijksdienst.kpi.observation;

/**
 * The status of an observation, after SDMX's OBS_STATUS code list: final (A, normal), provisional
 * (P, such as a half-year interim figure), estimate (E), forecast (F) and target.
 */
public enum ObservationStatus {
    final_("final"), provisional("provisional"), estimate("estimate"), forecast("forecast"), target("target");

    private final String code;

    ObservationStatus(String code) {
        this.code = code;
    }

    @com.fasterxml.jackson.annotation.JsonValue
    public String code() {
        return code;
    }

    public static java.util.Optional<ObservationStatus> fromCode(String code) {
        for (ObservationStatus s : values()) {
            if (s.code.equals(code)) {
                return java.util.Optional.of(s);
            }
        }
        return java.util.Optional.empty();
    }
}

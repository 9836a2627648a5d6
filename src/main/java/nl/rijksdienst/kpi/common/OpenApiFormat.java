package nl.rijksdienst.kpi.common;

/** The documentation of the {@code format} parameter of collections. */
public final class OpenApiFormat {

    public static final String DESCRIPTION = "Formaat van het antwoord: json of csv; gaat voor de Accept-header. Een CSV bevat de hele collectie, "
            + "tenzij page of pageSize is opgegeven.";

    private OpenApiFormat() {
    }
}

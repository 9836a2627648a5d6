package nl.rijksdienst.kpi.common;

/** The documentation of the {@code format} parameter of collections. */
public final class OpenApiFormat {

    public static final String DESCRIPTION = "Formaat van het antwoord: json, csv (RFC 4180: komma's, decimale punt) of csv-nl (zoals Nederlandse Excel "
            + "een bestand met een dubbelklik opent: puntkomma's, decimale komma, UTF-8 met byte order mark); gaat voor de Accept-header. Een CSV bevat "
            + "de hele collectie, tenzij page of pageSize is opgegeven.";

    private OpenApiFormat() {
    }
}

package nl.rijksdienst.kpi.common;

/** Texts shared by the OpenAPI annotations of several operations. */
public final class OpenApiDocs {

    public static final String PAGE = "Nummer van de pagina, vanaf 1.";
    public static final String PAGE_SIZE = "Aantal items per pagina, van 1 tot en met 1000.";

    private OpenApiDocs() {
    }
}

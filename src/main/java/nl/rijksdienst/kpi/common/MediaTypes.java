package nl.rijksdienst.kpi.common;

/** Media types the API serves besides JSON. */
public final class MediaTypes {

    public static final String TEXT_CSV = "text/csv";
    public static final String TEXT_CSV_UTF8 = "text/csv; charset=utf-8";

    private MediaTypes() {
    }
}

package nl.rijksdienst.kpi.common;

/** A validated request for one page of a collection; pages count from 1. */
public record PageRequest(int page, int pageSize) {

    public static final int DEFAULT_PAGE_SIZE = 100;
    public static final int MAX_PAGE_SIZE = 1000;
    /** Keeps page × pageSize within an int offset. */
    public static final int MAX_PAGE = 1_000_000;
    /** The whole collection in one page: for downloads (CSV, SDMX) that are not paged. */
    public static final PageRequest ALL = new PageRequest(1, Integer.MAX_VALUE);

    /** Parses the raw {@code page} and {@code pageSize} query values, answering 400 for anything else than a number in range. */
    public static PageRequest parse(String page, String pageSize) {
        int p = parseInt("page", page, 1, 1, MAX_PAGE);
        int s = parseInt("pageSize", pageSize, DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
        return new PageRequest(p, s);
    }

    public int offset() {
        return (page - 1) * pageSize;
    }

    private static int parseInt(String name, String raw, int fallback, int min, int max) {
        if (raw == null || raw.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value < min || value > max) {
                throw ApiException.badParameter(name, "moet een geheel getal zijn van " + min + " tot en met " + max + ", niet '" + raw + "'");
            }
            return value;
        } catch (NumberFormatException e) {
            throw ApiException.badParameter(name, "moet een geheel getal zijn van " + min + " tot en met " + max + ", niet '" + raw + "'");
        }
    }
}

package nl.rijksdienst.kpi.sentence;

/**
 * Markdown of a sentence's parts (CommonMark): text escaped so that it reads as written, the
 * figure in bold, the source as a link. Where a link points is up to {@link Links}.
 */
public final class Markdown {

    private Markdown() {
    }

    /** Text as it reads: the characters of emphasis, code, links, HTML and tables escaped. */
    public static String escape(String text) {
        return text.replaceAll("([\\\\`*_\\[\\]<>|#])", "\\\\$1");
    }

    /** Text in bold. */
    public static String strong(String text) {
        return text.isBlank() ? "" : "**" + escape(text) + "**";
    }

    /** Text as a link; as text alone without an address. */
    public static String link(String text, String url) {
        if (url == null || url.isBlank()) {
            return escape(text);
        }
        return "[" + escape(text) + "](<" + url.replace("<", "%3C").replace(">", "%3E").replace(" ", "%20") + ">)";
    }

    /** Where a sentence's Markdown links to: a source's own address, or else its record in this API under {@code apiBase}. */
    public record Links(String apiBase) {

        public static final Links NONE = new Links(null);

        String source(String sourceId, String url) {
            if (url != null && !url.isBlank()) {
                return url;
            }
            if (apiBase == null || sourceId == null) {
                return null;
            }
            return (apiBase.endsWith("/") ? apiBase : apiBase + "/") + "sources/" + java.net.URLEncoder.encode(sourceId, java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}

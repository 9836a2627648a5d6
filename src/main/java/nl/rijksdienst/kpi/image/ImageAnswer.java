package nl.rijksdienst.kpi.image;

import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import nl.rijksdienst.kpi.common.MediaNegotiation;

/**
 * An image as an answer: SVG (the default, and what a browser's {@code <img>} asks for) or PNG, by
 * {@code format} or else by the Accept header. Only the type asked for is drawn.
 */
public final class ImageAnswer {

    public static final String SVG = "image/svg+xml";
    public static final String PNG = "image/png";
    public static final List<String> TYPES = List.of(SVG, PNG);
    private static final java.util.Map<String, String> FORMATS = MediaNegotiation.formats("svg", SVG, "png", PNG);
    public static final String FORMAT_DESCRIPTION = "Formaat van het beeld; gaat voor de Accept-header: svg (standaard) of png.";
    public static final String LANG_DESCRIPTION = "De taal van de tekst in het beeld en van de tekstalternatief: nl (standaard) of en.";

    private ImageAnswer() {
    }

    /** The chosen type of image: from {@code format} (svg, png), else from {@code accept}; 400 for another format, 406 for an Accept that allows neither. */
    public static String type(String format, String accept) {
        return MediaNegotiation.require(format, FORMATS, accept, "van dit beeld");
    }

    public static Response of(String type, Supplier<String> svg) {
        String drawn = svg.get();
        if (type.equals(PNG)) {
            return Response.ok(Png.of(drawn), PNG).build();
        }
        return Response.ok(drawn.getBytes(StandardCharsets.UTF_8), SVG + ";charset=utf-8").build();
    }
}

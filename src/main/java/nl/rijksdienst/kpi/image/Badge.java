package nl.rijksdienst.kpi.image;

import nl.rijksdienst.kpi.norm.check.Verdict;

/**
 * A badge of a norm's verdict, in the shape of the familiar README badges: the norm on the left,
 * on the right a symbol, the verdict in words, the figure and its period. Readable without colour
 * (the symbol and the words say it; the colours only repeat it, each with white text at a contrast
 * of at least 4.5:1), with the sentence as its text alternative. The text is laid out with
 * DejaVu Sans's widths and held to them ({@code textLength}), so it fits in any font.
 */
public final class Badge {

    private static final double HEIGHT = 20;
    private static final double SIZE = 11;
    private static final double PADDING = 6;
    private static final String LABEL_COLOUR = "#555555";

    private Badge() {
    }

    /**
     * @param label   the norm's name
     * @param message the verdict, figure and period in words
     * @param alt     the sentence: the badge's text alternative
     */
    public static String svg(String label, Verdict verdict, String message, String alt) {
        String right = symbol(verdict) + " " + message;
        double labelText = TextWidth.of(label, SIZE, false);
        double messageText = TextWidth.of(right, SIZE, true);
        double left = Math.ceil(labelText + 2 * PADDING);
        double width = left + Math.ceil(messageText + 2 * PADDING);
        Svg svg = new Svg(width, HEIGHT, alt, null);
        svg.element("rect", "width", left, "height", HEIGHT, "fill", LABEL_COLOUR)
                .element("rect", "x", left, "width", width - left, "height", HEIGHT, "fill", colour(verdict))
                .group("fill", "#ffffff", "font-size", SIZE, "aria-hidden", "true")
                .text("text", label, "x", PADDING, "y", 14, "textLength", labelText, "lengthAdjust", "spacingAndGlyphs")
                .text("text", right, "x", left + PADDING, "y", 14, "font-weight", "bold", "textLength", messageText, "lengthAdjust", "spacingAndGlyphs")
                .end("g");
        return svg.finish();
    }

    /** The verdict as a sign that needs no colour, as the dashboard has it: ✓ met, ✗ breached, ↗ on track, ↘ off track, ? undecided, – no figure. */
    static String symbol(Verdict verdict) {
        return switch (verdict) {
            case met -> "✓";
            case breached -> "✗";
            case on_track -> "↗";
            case off_track -> "↘";
            case indeterminate -> "?";
            case no_data -> "–";
        };
    }

    /** The colour of a verdict, dark enough for white text (WCAG AA). */
    static String colour(Verdict verdict) {
        return switch (verdict) {
            case met, on_track -> "#1e7b34";
            case breached -> "#b3261e";
            case off_track -> "#a14300";
            case indeterminate -> "#5c5c5c";
            case no_data -> "#6b6b6b";
        };
    }
}

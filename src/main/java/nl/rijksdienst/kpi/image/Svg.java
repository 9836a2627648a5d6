package nl.rijksdienst.kpi.image;

import java.util.Locale;

/**
 * An SVG document being written: elements with attributes, text escaped, numbers with at most
 * two decimals and a full stop whatever the locale. The document carries its text alternative as
 * {@code <title>} (and {@code aria-label}), so screen readers and image tools read the sentence.
 */
final class Svg {

    static final String FONT = "DejaVu Sans, Verdana, Geneva, Arial, sans-serif";

    private final StringBuilder out = new StringBuilder(4096);

    /** A document of {@code width} × {@code height} pixels with its title (the text alternative) and, if any, a longer description. */
    Svg(double width, double height, String title, String description) {
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"").append(n(width)).append("\" height=\"").append(n(height))
                .append("\" viewBox=\"0 0 ").append(n(width)).append(' ').append(n(height)).append("\" aria-label=\"").append(escape(title))
                .append("\" font-family=\"").append(FONT).append("\">");
        out.append("<title>").append(escape(title)).append("</title>");
        if (description != null && !description.isBlank()) {
            out.append("<desc>").append(escape(description)).append("</desc>");
        }
    }

    private Svg() {
    }

    /** Elements to be placed in a document later ({@link #append}). */
    static Svg fragment() {
        return new Svg();
    }

    /** The elements of a fragment, in place. */
    Svg append(Svg fragment) {
        out.append(fragment.out);
        return this;
    }

    /** An empty element: {@code name} with attributes as name, value, name, value, … (a null value leaves its attribute out). */
    Svg element(String name, Object... attributes) {
        open(name, attributes);
        out.append("/>");
        return this;
    }

    /** An element with text. */
    Svg text(String name, String text, Object... attributes) {
        open(name, attributes);
        out.append('>').append(escape(text)).append("</").append(name).append('>');
        return this;
    }

    /** The start of a group; end it with {@link #end}. */
    Svg group(Object... attributes) {
        open("g", attributes);
        out.append('>');
        return this;
    }

    Svg end(String name) {
        out.append("</").append(name).append('>');
        return this;
    }

    String finish() {
        return out.append("</svg>\n").toString();
    }

    private void open(String name, Object... attributes) {
        out.append('<').append(name);
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            Object value = attributes[i + 1];
            if (value == null) {
                continue;
            }
            out.append(' ').append(attributes[i]).append("=\"").append(value instanceof Number number ? n(number.doubleValue()) : escape(value.toString()))
                    .append('"');
        }
    }

    /** A coordinate: at most two decimals, no trailing zeros. */
    static String n(double value) {
        String s = String.format(Locale.ROOT, "%.2f", value);
        s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        return s.equals("-0") ? "0" : s;
    }

    static String escape(String text) {
        StringBuilder s = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> s.append("&amp;");
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '"' -> s.append("&quot;");
                default -> {
                    // characters XML 1.0 does not allow are left out
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        s.append(c);
                    }
                }
            }
        }
        return s.toString();
    }
}

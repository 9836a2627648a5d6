package nl.rijksdienst.kpi.image;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How wide a text is in DejaVu Sans, from the font's advance widths kept with the service
 * ({@code images/dejavu-sans-widths.txt}): the images are laid out the same on every machine,
 * whatever fonts it has, so one data version gives the same bytes on every replica.
 */
final class TextWidth {

    /** For a character the table does not have: a wide letter, so that text never overflows. */
    private static final int UNKNOWN = 1000;
    private static final Map<Integer, int[]> WIDTHS = read();

    private TextWidth() {
    }

    /** The width of {@code text} at {@code size} pixels. */
    static double of(String text, double size, boolean bold) {
        long thousandths = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            int[] widths = WIDTHS.get(codePoint);
            thousandths += widths == null ? UNKNOWN : widths[bold ? 1 : 0];
            i += Character.charCount(codePoint);
        }
        return thousandths * size / 1000.0;
    }

    /** The text in lines no wider than {@code width}, broken between words (a word wider than a line stands alone). */
    static List<String> wrap(String text, double width, double size, boolean bold) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && of(candidate, size, bold) > width) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static Map<Integer, int[]> read() {
        Map<Integer, int[]> widths = new HashMap<>();
        try (InputStream in = TextWidth.class.getClassLoader().getResourceAsStream("images/dejavu-sans-widths.txt");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.trim().split("\\s+");
                widths.put(Integer.parseInt(columns[0], 16), new int[] {Integer.parseInt(columns[1]), Integer.parseInt(columns[2])});
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the font widths", e);
        }
        return Map.copyOf(widths);
    }
}

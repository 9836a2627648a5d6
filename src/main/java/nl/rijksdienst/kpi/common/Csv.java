package nl.rijksdienst.kpi.common;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.Variant;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * CSV answers: choosing CSV over JSON (the {@code format} parameter, else the Accept header), and
 * writing rows safely. A text cell that a spreadsheet would run as a formula (beginning with =, +,
 * -, @, a tab or a carriage return) is prefixed with an apostrophe; numbers are left as they are.
 * The import strips that apostrophe again, so an export can be edited and imported back.
 */
public final class Csv {

    private static final List<Variant> VARIANTS = Variant.mediaTypes(MediaType.APPLICATION_JSON_TYPE, MediaType.valueOf(MediaTypes.TEXT_CSV)).build();
    private static final Pattern NUMBER = Pattern.compile("[-+]?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
    private static final CSVFormat FORMAT = CSVFormat.RFC4180;

    private Csv() {
    }

    /** Whether the answer is CSV: {@code format} decides when given (json or csv), else the Accept header. */
    public static boolean wanted(Request request, String format) {
        if (format != null) {
            return switch (format.trim()) {
                case "csv" -> true;
                case "json" -> false;
                default -> throw ApiException.badParameter("format", "'" + format + "' is geen formaat; kies uit json, csv");
            };
        }
        Variant variant = request.selectVariant(VARIANTS);
        return variant != null && variant.getMediaType().isCompatible(MediaType.valueOf(MediaTypes.TEXT_CSV));
    }

    /** A row writer for one CSV answer. */
    @FunctionalInterface
    public interface Rows {
        void write(CSVPrinter printer) throws IOException;
    }

    /** A 200 answer with a CSV body, streamed. */
    public static Response response(String filename, List<String> header, Rows rows) {
        StreamingOutput body = output -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
            write(writer, header, rows);
            writer.flush();
        };
        return response(filename, body);
    }

    /** A 200 answer with a CSV body read as it is written: a large download, written in its turns ({@link DownloadPacing}). */
    public static Response download(String filename, List<String> header, DownloadPacing pacing, boolean streamed, Rows rows) {
        StreamingOutput body = output -> pacing.write(output, streamed, out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            write(writer, header, rows);
            writer.flush();
        });
        return response(filename, body);
    }

    private static Response response(String filename, StreamingOutput body) {
        return Response.ok(body, MediaTypes.TEXT_CSV_UTF8).header("Content-Disposition", "inline; filename=\"" + filename + ".csv\"").build();
    }

    public static void write(Writer writer, List<String> header, Rows rows) {
        try {
            CSVPrinter printer = new CSVPrinter(writer, FORMAT.builder().setHeader(header.toArray(String[]::new)).get());
            rows.write(printer);
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A cell: null as empty, numbers in plain notation, text made safe for spreadsheets. */
    public static Object cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal number) {
            return number.toPlainString();
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value;
        }
        return safe(value.toString());
    }

    static String safe(String text) {
        if (text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        boolean formulaLike = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        return formulaLike && !NUMBER.matcher(text).matches() ? "'" + text : text;
    }

    /** Undoes {@link #safe}: the apostrophe that neutralised a formula-like text. */
    public static String unsafe(String text) {
        if (text != null && text.length() > 1 && text.charAt(0) == '\'') {
            char second = text.charAt(1);
            if (second == '=' || second == '+' || second == '-' || second == '@' || second == '\t' || second == '\r') {
                return text.substring(1);
            }
        }
        return text;
    }

    public static Object[] cells(Object... values) {
        Object[] cells = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            cells[i] = cell(values[i]);
        }
        return cells;
    }
}

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
import org.apache.commons.csv.QuoteMode;

/**
 * CSV answers: choosing CSV over JSON (the {@code format} parameter, else the Accept header), and
 * writing rows safely, in one of two dialects ({@link Dialect}): the standard (RFC 4180: commas,
 * decimal points) or the one Dutch Excel opens by a double click ({@code format=csv-nl}: semicolons,
 * decimal commas, a UTF-8 byte order mark). Every text cell is quoted, so that a separator inside a
 * text (a semicolon for Dutch Excel reading the standard file, a comma for English Excel reading
 * the Dutch one) never splits it; a text cell that a spreadsheet would run as a formula (beginning
 * with =, +, -, @, a tab or a carriage return) is prefixed with an apostrophe as well. Numbers are
 * left unquoted, in plain notation. The import strips that apostrophe again and reads both
 * dialects, so an export can be edited and imported back.
 */
public final class Csv {

    private static final List<Variant> VARIANTS = Variant.mediaTypes(MediaType.APPLICATION_JSON_TYPE, MediaType.valueOf(MediaTypes.TEXT_CSV)).build();
    private static final Pattern NUMBER = Pattern.compile("[-+]?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");

    /** How a CSV answer is written. */
    public enum Dialect {
        /** RFC 4180: commas between cells, a decimal point, no byte order mark. */
        STANDARD("csv", ',', '.', false),
        /** As Dutch Excel opens a file by a double click: semicolons, a decimal comma, a UTF-8 byte order mark. */
        EXCEL_NL("csv-nl", ';', ',', true);

        private final String code;
        private final char delimiter;
        private final char decimalSeparator;
        private final boolean byteOrderMark;

        Dialect(String code, char delimiter, char decimalSeparator, boolean byteOrderMark) {
            this.code = code;
            this.delimiter = delimiter;
            this.decimalSeparator = decimalSeparator;
            this.byteOrderMark = byteOrderMark;
        }

        /** The value of the {@code format} parameter that asks for it. */
        public String code() {
            return code;
        }

        public char delimiter() {
            return delimiter;
        }

        public char decimalSeparator() {
            return decimalSeparator;
        }

        /** The dialect a {@code format} value names, if it names one. */
        public static java.util.Optional<Dialect> of(String format) {
            for (Dialect d : values()) {
                if (d.code.equals(format)) {
                    return java.util.Optional.of(d);
                }
            }
            return java.util.Optional.empty();
        }

        /**
         * A truth value as the dialect's readers take it for one: TRUE and FALSE (R's logical, pandas'
         * bool, English Excel), WAAR and ONWAAR for Dutch Excel; unquoted, as numbers are.
         */
        String truth(boolean value) {
            if (this == EXCEL_NL) {
                return value ? "WAAR" : "ONWAAR";
            }
            return value ? "TRUE" : "FALSE";
        }

        String number(BigDecimal value) {
            String plain = value.toPlainString();
            return decimalSeparator == '.' ? plain : plain.replace('.', decimalSeparator);
        }

        CSVFormat format(List<String> header) {
            return CSVFormat.RFC4180.builder().setDelimiter(delimiter).setQuoteMode(QuoteMode.NON_NUMERIC)
                    .setHeader(header.toArray(String[]::new)).get();
        }
    }

    private Csv() {
    }

    /**
     * The CSV dialect of the answer, or null for JSON: {@code format} decides when given (json, csv
     * or csv-nl), else the Accept header ({@code text/csv}: the standard dialect).
     */
    public static Dialect chosen(Request request, String format) {
        if (format != null) {
            String asked = format.trim();
            if (asked.equals("json")) {
                return null;
            }
            return Dialect.of(asked).orElseThrow(() -> ApiException.badParameter("format", "'" + format + "' is geen formaat; kies uit json, csv, csv-nl"));
        }
        Variant variant = request.selectVariant(VARIANTS);
        return variant != null && variant.getMediaType().isCompatible(MediaType.valueOf(MediaTypes.TEXT_CSV)) ? Dialect.STANDARD : null;
    }

    /** A row writer for one CSV answer. */
    @FunctionalInterface
    public interface Rows {
        void write(Printer printer) throws IOException;
    }

    /**
     * Prints the rows of one answer in its dialect: numbers ({@link BigDecimal}, integers) unquoted
     * with the dialect's decimal separator, truth values unquoted in the dialect's words, everything
     * else as quoted text.
     */
    public static final class Printer {

        private final CSVPrinter printer;
        private final Dialect dialect;

        private Printer(CSVPrinter printer, Dialect dialect) {
            this.printer = printer;
            this.dialect = dialect;
        }

        public void printRecord(Object... cells) throws IOException {
            printRecord(java.util.Arrays.asList(cells));
        }

        public void printRecord(Iterable<?> cells) throws IOException {
            for (Object cell : cells) {
                printer.print(printable(cell));
            }
            printer.println();
        }

        private Object printable(Object cell) {
            if (cell instanceof BigDecimal number) {
                return new Written(dialect.number(number));
            }
            if (cell instanceof Integer || cell instanceof Long) {
                return cell;
            }
            if (cell instanceof Boolean truth) {
                return new Written(dialect.truth(truth));
            }
            if (cell instanceof Number number) {
                return new Written(dialect.number(new BigDecimal(number.toString())));
            }
            return cell == null ? "" : cell.toString();
        }
    }

    /** A number or truth value as the dialect writes it, printed unquoted (the format quotes all that is not a number). */
    private static final class Written extends Number {

        private final String text;

        Written(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }

        @Override
        public int intValue() {
            throw new UnsupportedOperationException();
        }

        @Override
        public long longValue() {
            throw new UnsupportedOperationException();
        }

        @Override
        public float floatValue() {
            throw new UnsupportedOperationException();
        }

        @Override
        public double doubleValue() {
            throw new UnsupportedOperationException();
        }
    }

    /** A 200 answer with a CSV body, streamed. */
    public static Response response(Dialect dialect, String filename, List<String> header, Rows rows) {
        StreamingOutput body = output -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
            write(dialect, writer, header, rows);
            writer.flush();
        };
        return response(dialect, filename, body);
    }

    /** A 200 answer with a CSV body read as it is written: a large download, written in its turns ({@link DownloadPacing}). */
    public static Response download(Dialect dialect, String filename, List<String> header, DownloadPacing pacing, boolean streamed, Rows rows) {
        StreamingOutput body = output -> pacing.write(output, streamed, out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            write(dialect, writer, header, rows);
            writer.flush();
        });
        return response(dialect, filename, body);
    }

    /** The answer for a CSV body; the Dutch dialect's file is named {@code ….nl.csv}. */
    public static Response response(Dialect dialect, String filename, StreamingOutput body) {
        return Response.ok(body, MediaTypes.TEXT_CSV_UTF8)
                .header("Content-Disposition", "inline; filename=\"" + filename + (dialect == Dialect.EXCEL_NL ? ".nl" : "") + ".csv\"").build();
    }

    /** Writes a header and the rows in a dialect (with its byte order mark, if it has one). */
    public static void write(Dialect dialect, Writer writer, List<String> header, Rows rows) {
        try {
            if (dialect.byteOrderMark) {
                writer.write('\uFEFF');
            }
            CSVPrinter printer = new CSVPrinter(writer, dialect.format(header));
            rows.write(new Printer(printer, dialect));
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A cell: null as empty, numbers as they are (the {@link Printer} writes them), text made safe for spreadsheets. */
    public static Object cell(Object value) {
        if (value == null) {
            return "";
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

package nl.rijksdienst.kpi.importing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.UnaryOperator;
import nl.rijksdienst.kpi.common.Csv;
import nl.rijksdienst.kpi.common.LocalizedText;
import nl.rijksdienst.kpi.common.Problem.InvalidRow;
import nl.rijksdienst.kpi.observation.CitationDto;
import nl.rijksdienst.kpi.observation.ObservationCsv;
import nl.rijksdienst.kpi.observation.ObservationInput;
import nl.rijksdienst.kpi.observation.Qualifier;
import nl.rijksdienst.kpi.observation.ResponseDto;
import nl.rijksdienst.kpi.observation.Speaker;
import nl.rijksdienst.kpi.observation.Stance;
import nl.rijksdienst.kpi.period.Period;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads an import in the CSV format the service exports (tidy long format, header row), one row at a
 * time, so that a body of any size is streamed. Columns the export derives (period start and end,
 * frequency, unit) may be left out; when present they must agree. Any column that is not one of the
 * fixed ones or a dimension's label ({@code categoryLabelNl} beside {@code category}) is a dimension;
 * labels are the indicator's, so not read.
 */
final class CsvImportReader implements Iterator<ImportRow>, AutoCloseable {

    static final Set<String> REQUIRED = Set.of("indicatorId", "periodCode", "qualifier", "status", "sourceId", "quote");
    static final Set<String> FIXED = ObservationCsv.RESERVED_COLUMNS;
    /** The longest header row read to tell the dialect. */
    private static final int HEADER_LIMIT = 64 * 1024;
    private static final java.time.format.DateTimeFormatter DUTCH_DATE = java.time.format.DateTimeFormatter.ofPattern("d-M-uuuu");

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> dimensionColumns = new ArrayList<>();
    private final Csv.Dialect dialect;
    private final Map<String, String> unitsByIndicator;
    private long previousEndLine = 1;

    /**
     * @param unitsByIndicator the unit of each indicator, to check a {@code unit} column against
     */
    CsvImportReader(Reader reader, Map<String, String> unitsByIndicator) {
        this.unitsByIndicator = unitsByIndicator;
        try {
            BufferedReader text = new BufferedReader(reader, HEADER_LIMIT);
            this.dialect = dialectOf(text);
            this.parser = CSVFormat.RFC4180.builder().setDelimiter(dialect.delimiter()).setHeader().setSkipHeaderRecord(true)
                    .setAllowMissingColumnNames(false).setDuplicateHeaderMode(org.apache.commons.csv.DuplicateHeaderMode.DISALLOW).get().parse(text);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new ImportRejectedException(List.of(new InvalidRow(1, null, "bevat bytes die geen geldige UTF-8 zijn; sla het bestand op als UTF-8")));
        } catch (IOException | IllegalArgumentException e) {
            throw new ImportRejectedException(List.of(new InvalidRow(1, null, "de kopregel is geen geldige CSV-kopregel: " + e.getMessage())));
        }
        List<String> header = parser.getHeaderNames();
        List<InvalidRow> missing = new ArrayList<>();
        for (String required : REQUIRED) {
            if (!header.contains(required)) {
                missing.add(new InvalidRow(1, required, "de kolom ontbreekt; verplicht zijn " + String.join(", ", REQUIRED.stream().sorted().toList())));
            }
        }
        if (!missing.isEmpty()) {
            throw new ImportRejectedException(missing);
        }
        for (String column : header) {
            if (!FIXED.contains(column) && !ObservationCsv.isLabelColumn(column, header)) {
                dimensionColumns.add(column);
            }
        }
        this.records = parser.iterator();
    }

    /**
     * The dialect of the file, from its header row: semicolons between the column names make it the
     * Dutch Excel dialect (and its numbers have a decimal comma), else the standard. A byte order
     * mark before the header, as Excel writes one, is skipped.
     */
    private static Csv.Dialect dialectOf(BufferedReader text) throws IOException {
        text.mark(HEADER_LIMIT);
        int first = text.read();
        if (first != '\uFEFF') {
            text.reset();
            text.mark(HEADER_LIMIT);
        } else {
            text.mark(HEADER_LIMIT);
        }
        String header = text.readLine();
        text.reset();
        if (header == null) {
            return Csv.Dialect.STANDARD;
        }
        long semicolons = header.chars().filter(c -> c == ';').count();
        long commas = header.chars().filter(c -> c == ',').count();
        return semicolons > commas ? Csv.Dialect.EXCEL_NL : Csv.Dialect.STANDARD;
    }

    /** Why the body cannot be read on from here: bytes that are not UTF-8, or broken CSV. */
    private static String unreadable(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.nio.charset.CharacterCodingException) {
                return "bevat bytes die geen geldige UTF-8 zijn; sla het bestand op als UTF-8";
            }
        }
        return "geen geldige CSV: " + e.getMessage();
    }

    @Override
    public boolean hasNext() {
        try {
            return records.hasNext();
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new ImportRejectedException(List.of(new InvalidRow(previousEndLine + 1, null, unreadable(e))));
        }
    }

    @Override
    public ImportRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        CSVRecord record;
        try {
            record = records.next();
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new ImportRejectedException(List.of(new InvalidRow(previousEndLine + 1, null, unreadable(e))));
        }
        long line = previousEndLine + 1;
        previousEndLine = parser.getCurrentLineNumber();
        List<InvalidRow> errors = new ArrayList<>();
        if (!record.isConsistent()) {
            errors.add(new InvalidRow(line, null, "de rij heeft " + record.size() + " velden, de kopregel " + parser.getHeaderNames().size()));
            return new ImportRow(line, null, errors, UnaryOperator.identity());
        }
        String indicatorId = get(record, "indicatorId");
        Map<String, String> dimensions = new LinkedHashMap<>();
        for (String column : dimensionColumns) {
            String code = get(record, column);
            if (code != null) {
                dimensions.put(column, code);
            }
        }
        Qualifier qualifier = null;
        String rawQualifier = get(record, "qualifier");
        if (rawQualifier != null) {
            try {
                qualifier = Qualifier.valueOf(rawQualifier);
            } catch (IllegalArgumentException e) {
                errors.add(new InvalidRow(line, "qualifier", "'" + rawQualifier + "' is geen kwalificatie; kies uit exact, approximate, lower_bound, upper_bound, range, qualitative"));
            }
        }
        BigDecimal value = decimal(record, "value", line, errors);
        BigDecimal low = decimal(record, "valueLow", line, errors);
        BigDecimal high = decimal(record, "valueHigh", line, errors);
        Boolean seriesBreak = null;
        String rawBreak = get(record, "seriesBreak");
        if (rawBreak != null) {
            if (rawBreak.equalsIgnoreCase("true") || rawBreak.equalsIgnoreCase("false")) {
                // true as JSON writes it, TRUE as the export, R and Excel do
                seriesBreak = Boolean.valueOf(rawBreak);
            } else if (dialect == Csv.Dialect.EXCEL_NL && (rawBreak.equalsIgnoreCase("waar") || rawBreak.equalsIgnoreCase("onwaar")
                    || rawBreak.equalsIgnoreCase("true") || rawBreak.equalsIgnoreCase("false"))) {
                // as Dutch Excel saves a truth value back
                seriesBreak = rawBreak.equalsIgnoreCase("waar") || rawBreak.equalsIgnoreCase("true");
            } else {
                errors.add(new InvalidRow(line, "seriesBreak", "'" + rawBreak + "' is geen true of false"));
            }
        }
        checkDerived(record, line, indicatorId, errors);
        String noteNl = get(record, "noteNl");
        String noteEn = get(record, "noteEn");
        ObservationInput input = new ObservationInput(indicatorId, get(record, "periodCode"), get(record, "basePeriodCode"), dimensions,
                qualifier, value, low, high, get(record, "valueText"), get(record, "status"), seriesBreak,
                noteNl == null && noteEn == null ? null : LocalizedText.of(noteNl, noteEn),
                new CitationDto(get(record, "sourceId"), get(record, "section"), get(record, "question"), get(record, "quote"), get(record, "originSourceId"),
                        speaker(record, line, errors), get(record, "statedByName"), response(record, line, errors)),
                get(record, "reason"));
        return new ImportRow(line, input, errors, CsvImportReader::columnOf);
    }

    /** The CSV column of a validator field name. */
    static String columnOf(String field) {
        return switch (field) {
            case "period" -> "periodCode";
            case "basePeriod" -> "basePeriodCode";
            case "note.nl" -> "noteNl";
            case "note.en" -> "noteEn";
            case "citation" -> "quote";
            default -> field.startsWith("citation.") ? field.substring("citation.".length())
                    : field.startsWith("dimensions.") ? field.substring("dimensions.".length()) : field;
        };
    }

    private void checkDerived(CSVRecord record, long line, String indicatorId, List<InvalidRow> errors) {
        Period period = get(record, "periodCode") == null ? null : Period.parse(get(record, "periodCode")).orElse(null);
        if (period != null) {
            derived(record, "periodStart", period.dated() ? period.start().toString() : "", line, errors);
            derived(record, "periodEnd", period.dated() ? period.end().toString() : "", line, errors);
            derived(record, "frequency", period.frequency().name(), line, errors);
        }
        Period base = get(record, "basePeriodCode") == null ? null : Period.parse(get(record, "basePeriodCode")).orElse(null);
        if (base != null) {
            derived(record, "basePeriodStart", base.start().toString(), line, errors);
            derived(record, "basePeriodEnd", base.end().toString(), line, errors);
        }
        if (indicatorId != null && unitsByIndicator.containsKey(indicatorId)) {
            derived(record, "unit", unitsByIndicator.get(indicatorId), line, errors);
        }
    }

    /** Whether a date cell names the expected day: in ISO form, or as Dutch Excel saves a date back (31-12-2024). */
    private static boolean sameDay(String actual, String expected) {
        for (java.time.format.DateTimeFormatter form : List.of(java.time.format.DateTimeFormatter.ISO_LOCAL_DATE, DUTCH_DATE)) {
            try {
                if (LocalDate.parse(actual, form).toString().equals(expected)) {
                    return true;
                }
            } catch (java.time.format.DateTimeParseException e) {
                // the next form
            }
        }
        return false;
    }

    private static void derived(CSVRecord record, String column, String expected, long line, List<InvalidRow> errors) {
        String actual = get(record, column);
        if (actual != null && !actual.equals(expected)) {
            if (column.endsWith("Start") || column.endsWith("End")) {
                if (sameDay(actual, expected)) {
                    return;
                }
            }
            errors.add(new InvalidRow(line, column, "'" + actual + "' strookt niet met de periode of indicator; verwacht '" + expected + "' (of laat de kolom leeg)"));
        }
    }

    private BigDecimal decimal(CSVRecord record, String column, long line, List<InvalidRow> errors) {
        String raw = get(record, column);
        if (raw == null) {
            return null;
        }
        if (dialect == Csv.Dialect.EXCEL_NL) {
            if (raw.indexOf('.') >= 0) {
                errors.add(new InvalidRow(line, column, "'" + raw + "' is in een CSV met puntkomma's geen getal: de komma is daar het decimaalteken, "
                        + "zonder scheiding van duizendtallen (1313 of 11,4)"));
                return null;
            }
            raw = raw.replace(',', '.');
        }
        try {
            return new BigDecimal(raw);
        } catch (NumberFormatException e) {
            errors.add(new InvalidRow(line, column, "'" + get(record, column) + "' is geen getal; gebruik " + (dialect == Csv.Dialect.EXCEL_NL
                    ? "een komma" : "een punt") + " als decimaalteken, zonder scheiding van duizendtallen"));
            return null;
        }
    }

    private static Speaker speaker(CSVRecord record, long line, List<InvalidRow> errors) {
        String raw = get(record, "statedBy");
        if (raw == null) {
            return null;
        }
        try {
            return Speaker.valueOf(raw);
        } catch (IllegalArgumentException e) {
            errors.add(new InvalidRow(line, "statedBy", "'" + raw + "' is geen spreker; kies uit minister, members, third_party"));
            return null;
        }
    }

    private static ResponseDto response(CSVRecord record, long line, List<InvalidRow> errors) {
        String raw = get(record, "responseStance");
        Stance stance = null;
        if (raw != null) {
            try {
                stance = Stance.valueOf(raw);
            } catch (IllegalArgumentException e) {
                errors.add(new InvalidRow(line, "responseStance", "'" + raw + "' is geen houding; kies uit confirms, qualifies, rejects"));
            }
        }
        return CitationDto.response(stance, get(record, "responseSection"), get(record, "responseQuote"));
    }

    private static String get(CSVRecord record, String column) {
        if (!record.isMapped(column) || !record.isSet(column)) {
            return null;
        }
        String value = Csv.unsafe(record.get(column));
        return value.isEmpty() ? null : value;
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package nl.rijksdienst.kpi.testing;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** A CSV answer read as a CSV reader reads it: the header, then each row by column name. */
public final class CsvRows {

    private CsvRows() {
    }

    /** The rows of a standard (comma) CSV, each a map from column to cell. */
    public static List<Map<String, String>> of(String csv) {
        return of(csv, ',');
    }

    /** The rows of a CSV with the given delimiter, each a map from column to cell. */
    public static List<Map<String, String>> of(String csv, char delimiter) {
        return records(csv, delimiter).stream().map(CSVRecord::toMap).toList();
    }

    /** The column names of a standard CSV. */
    public static List<String> header(String csv) {
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv))) {
            return parser.getHeaderNames();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<CSVRecord> records(String csv, char delimiter) {
        try (CSVParser parser = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv))) {
            return parser.getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package nl.rijksdienst.kpi.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** Every figure in the data files is the letter's own: its quote is verbatim, its number is in its quote. */
class LetterFiguresTest {

    private static final String LETTER = "data/sources/antwoorden-so-functioneren-rijksdienst-2026.txt";

    @Test
    void everyQuoteOfAnObservationIsVerbatimInTheLetter() throws Exception {
        String letter = resource(LETTER);
        List<CSVRecord> rows = observations();
        assertThat(rows).hasSize(27);
        for (CSVRecord row : rows) {
            assertThat(letter).as("quote of %s %s", row.get("indicatorId"), row.get("periodCode")).contains(row.get("quote"));
        }
    }

    @Test
    void everyNumberOfAnObservationAppearsInItsQuoteAsTheLetterWritesIt() throws Exception {
        for (CSVRecord row : observations()) {
            for (String column : List.of("value", "valueLow", "valueHigh")) {
                if (!row.get(column).isEmpty()) {
                    BigDecimal number = new BigDecimal(row.get(column));
                    assertThat(dutchForms(number)).as("%s %s %s in: %s", row.get("indicatorId"), row.get("periodCode"), column, row.get("quote"))
                            .anyMatch(form -> row.get("quote").contains(form));
                }
            }
        }
    }

    @Test
    void everyQuoteOfANormIsVerbatimInTheLetter() throws Exception {
        String letter = resource(LETTER);
        Catalogue catalogue = DataLoader.parseCatalogue(resource(DataLoader.CATALOGUE).getBytes(StandardCharsets.UTF_8));
        assertThat(catalogue.norms()).hasSize(8);
        for (nl.rijksdienst.kpi.norm.NormInput norm : catalogue.norms()) {
            assertThat(letter).as("quote of norm %s", norm.id()).contains(norm.citation().quote());
        }
    }

    private static List<String> dutchForms(BigDecimal number) {
        DecimalFormatSymbols symbols = new DecimalFormatSymbols(Locale.forLanguageTag("nl-NL"));
        DecimalFormat grouped = new DecimalFormat("#,##0.###", symbols);
        DecimalFormat plain = new DecimalFormat("0.###", symbols);
        String words = number.compareTo(BigDecimal.ONE) == 0 ? "Eén" : "-";
        return List.of(grouped.format(number), plain.format(number), words);
    }

    private static List<CSVRecord> observations() throws Exception {
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new InputStreamReader(stream(DataLoader.OBSERVATIONS), StandardCharsets.UTF_8))) {
            return parser.getRecords();
        }
    }

    private static String resource(String name) throws Exception {
        try (InputStream in = stream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static InputStream stream(String name) {
        InputStream in = LetterFiguresTest.class.getClassLoader().getResourceAsStream(name);
        assertThat(in).as(name).isNotNull();
        return in;
    }
}

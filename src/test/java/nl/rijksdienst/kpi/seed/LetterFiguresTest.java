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

    @Test
    void everyQuoteOfACommitmentIsVerbatimInTheLetter() throws Exception {
        String letter = resource(LETTER);
        Catalogue catalogue = DataLoader.parseCatalogue(resource(DataLoader.CATALOGUE).getBytes(StandardCharsets.UTF_8));
        assertThat(catalogue.commitments()).hasSize(18);
        for (nl.rijksdienst.kpi.commitment.CommitmentInput commitment : catalogue.commitments()) {
            assertThat(letter).as("quote of commitment %s", commitment.id()).contains(commitment.citation().quote());
            if (commitment.due() != null) {
                assertThat(commitment.citation().quote() + " " + commitment.description().nl())
                        .as("the wording of the term of %s is the letter's", commitment.id()).contains(commitment.due().wording());
            }
        }
    }

    /**
     * Who states each figure follows from where its quote stands in the letter: in a question (after
     * "Vraag:") the members, in an answer the minister, or a third party the minister cites.
     */
    @Test
    void everyFigureSaysWhoStatesItAsTheLetterHasIt() throws Exception {
        String letter = resource(LETTER);
        for (CSVRecord row : observations()) {
            String who = row.get("statedBy");
            String name = row.get("indicatorId") + " " + row.get("periodCode");
            int at = letter.indexOf(row.get("quote"));
            boolean inQuestion = letter.lastIndexOf("Vraag", at) > letter.lastIndexOf("Antwoord", at);
            assertThat(who).as(name).isIn("minister", "members", "third_party");
            assertThat(who.equals("members")).as("%s: the quote stands in a question", name).isEqualTo(inQuestion);
            if (who.equals("members")) {
                String group = row.get("statedByName").replace("-fractie", "");
                assertThat(row.get("question") + " " + row.get("quote")).as(name).contains(group);
            }
            if (who.equals("minister")) {
                assertThat(row.get("statedByName")).as(name).isEmpty();
            }
        }
        java.util.Map<String, String> expected = java.util.Map.of(
                "external-hiring-share 2023", "members CDA-fractie",
                "external-hiring-share 2024", "members CDA-fractie",
                "external-hiring-share 2025-S1", "members D66-fractie",
                "workforce-fte-change 2025-S1", "members D66-fractie",
                "abd-positions 2026-01", "members CDA-fractie",
                "beleidskompas-awareness 2024", "third_party WODC-onderzoek naar het gebruik van het Beleidskompas",
                "vacancies-opened 2025-Q1/2025-Q3", "minister ",
                "wage-offer 2026", "minister ");
        for (CSVRecord row : observations()) {
            String key = row.get("indicatorId") + " " + row.get("periodCode");
            if (expected.containsKey(key)) {
                assertThat(row.get("statedBy") + " " + row.get("statedByName")).as(key).isEqualTo(expected.get(key));
            }
        }
        Catalogue catalogue = DataLoader.parseCatalogue(resource(DataLoader.CATALOGUE).getBytes(StandardCharsets.UTF_8));
        for (nl.rijksdienst.kpi.norm.NormInput norm : catalogue.norms()) {
            int at = letter.indexOf(norm.citation().quote());
            boolean inQuestion = letter.lastIndexOf("Vraag", at) > letter.lastIndexOf("Antwoord", at);
            assertThat(norm.citation().statedBy()).as(norm.id()).isNotNull();
            assertThat(norm.citation().statedBy() == nl.rijksdienst.kpi.observation.Speaker.members).as("norm %s: the quote stands in a question", norm.id())
                    .isEqualTo(inQuestion);
        }
    }

    /** The answer's sentence about a members' figure is verbatim in the letter, and stands in an answer. */
    @Test
    void everyResponseIsTheAnswersOwnSentence() throws Exception {
        String letter = resource(LETTER);
        int responses = 0;
        for (CSVRecord row : observations()) {
            if (row.get("responseQuote").isEmpty()) {
                assertThat(row.get("responseStance")).isEmpty();
                continue;
            }
            responses++;
            String name = row.get("indicatorId") + " " + row.get("periodCode");
            assertThat(row.get("statedBy")).as(name).isEqualTo("members");
            assertThat(row.get("responseStance")).as(name).isIn("confirms", "qualifies", "rejects");
            int at = letter.indexOf(row.get("responseQuote"));
            assertThat(at).as(name).isNotNegative();
            assertThat(letter.lastIndexOf("Antwoord", at)).as("%s: the response stands in an answer", name).isGreaterThan(letter.lastIndexOf("Vraag", at));
        }
        assertThat(responses).isEqualTo(4);
        Catalogue catalogue = DataLoader.parseCatalogue(resource(DataLoader.CATALOGUE).getBytes(StandardCharsets.UTF_8));
        nl.rijksdienst.kpi.observation.ResponseDto roemer = catalogue.norms().stream().filter(n -> n.id().equals("roemernorm")).findFirst()
                .orElseThrow().citation().response();
        assertThat(roemer.stance()).hasToString("confirms");
        assertThat(letter).contains(roemer.quote());
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

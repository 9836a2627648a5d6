package nl.rijksdienst.kpi.editing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The CSV as Excel handles it: the Dutch dialect ({@code format=csv-nl}) opened by a double click in
 * Dutch Excel, no cell of either dialect run as a formula by Dutch or English Excel, and what Excel
 * saves back imported again. Excel itself cannot run here: {@link ExcelRules} reads a file the way
 * Excel opens a .csv (the list separator of the locale, double quotes around a cell, a cell that
 * begins with =, +, - or @ taken as a formula, a number with the locale's decimal separator).
 */
@QuarkusTest
@TestProfile(WritingProfile.class)
class ExcelCsvTest {

    private static final String HEADER = "indicatorId,periodCode,department,qualifier,value,valueLow,valueHigh,valueText,status,sourceId,quote,noteNl";
    private static final String FORMULA_IN_TEXT = "Het aandeel in de categorieën; =HYPERLINK(\"\"https://example.org\"\";\"\"klik\"\")";

    private String indicator;

    @BeforeEach
    void twoFiguresWithFormulasInTheirTexts() {
        indicator = ObservationWritingTest.newIndicator();
        String csv = HEADER + "\n"
                + indicator + ",2024,bzk,exact,15.4,,,\"15,4%\",final," + EditorFixtures.LETTER + ",\"" + FORMULA_IN_TEXT + "\",@SUM(A1:A2)\n"
                + indicator + ",2025-Q2,bzk,range,,2.5,5.2,\"tussen 2,5% en 5,2%\",provisional," + EditorFixtures.LETTER
                + ",\"De groei bedraagt tussen 2,5% en 5,2%,-1+1\",\"x,=1+1\"\n";
        given().header("Authorization", Tokens.editor()).contentType("text/csv; charset=utf-8").queryParam("reason", "Excel").body(csv)
                .when().post("/api/v1/observation-imports").then().statusCode(201).body("inserted", equalTo(2));
    }

    private Response export(String format) {
        return given().queryParam("format", format).when().get("/api/v1/indicators/" + indicator + "/observations");
    }

    @Test
    void dutchExcelOpensTheDutchCsvInColumnsWithDecimalCommasAndItsAccents() {
        Response nl = export("csv-nl");
        nl.then().statusCode(200).contentType("text/csv; charset=utf-8").header("Content-Disposition", endsWith(".nl.csv\""));
        byte[] bytes = nl.asByteArray();
        assertThat(Arrays.copyOf(bytes, 3)).as("UTF-8 byte order mark").containsExactly(0xEF, 0xBB, 0xBF);

        List<List<ExcelRules.Cell>> sheet = ExcelRules.open(bytes, ';', ',');
        List<String> header = sheet.get(0).stream().map(ExcelRules.Cell::text).toList();
        assertThat(header).startsWith("observationId", "version", "indicatorId", "indicatorLabelNl", "indicatorLabelEn", "periodCode", "periodStart", "periodEnd", "frequency").contains("value", "valueLow", "quote");
        assertThat(sheet).hasSize(3).allSatisfy(row -> assertThat(row).hasSameSizeAs(header));
        ExcelRules.Cell value = sheet.get(1).get(header.indexOf("value"));
        assertThat(value.number()).as("15,4 is a number to Dutch Excel").isEqualByComparingTo("15.4");
        assertThat(sheet.get(2).get(header.indexOf("valueLow")).number()).isEqualByComparingTo("2.5");
        assertThat(sheet.get(2).get(header.indexOf("valueHigh")).number()).isEqualByComparingTo("5.2");
        assertThat(sheet.get(1).get(header.indexOf("quote")).text()).contains("categorieën");
        assertThat(sheet.get(1).get(header.indexOf("periodStart")).text()).isEqualTo("2024-01-01");

        // the standard CSV has the same columns and the same figures, with decimal points
        List<List<ExcelRules.Cell>> standard = ExcelRules.open(export("csv").asByteArray(), ',', '.');
        assertThat(standard.get(0).stream().map(ExcelRules.Cell::text).toList()).isEqualTo(header);
        assertThat(standard.get(1).get(header.indexOf("value")).number()).isEqualByComparingTo("15.4");
    }

    @Test
    void noCellOfEitherDialectRunsAsAFormulaInDutchOrEnglishExcel() {
        for (String format : List.of("csv", "csv-nl")) {
            byte[] bytes = export(format).then().statusCode(200).extract().asByteArray();
            for (char separator : new char[] {';', ','}) {
                for (List<ExcelRules.Cell> row : ExcelRules.open(bytes, separator, separator == ';' ? ',' : '.')) {
                    assertThat(row).as("%s opened with %s as list separator", format, separator).noneMatch(ExcelRules.Cell::formula);
                }
            }
        }
    }

    @Test
    void whatDutchExcelSavesBackIsImportedAsNoChange() {
        List<List<ExcelRules.Cell>> sheet = ExcelRules.open(export("csv-nl").asByteArray(), ';', ',');
        List<String> header = sheet.get(0).stream().map(ExcelRules.Cell::text).toList();
        String saved = "\uFEFF" + sheet.stream().map(row -> {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < row.size(); i++) {
                cells.add(ExcelRules.save(row.get(i), header.get(i), ';'));
            }
            return String.join(";", cells);
        }).collect(Collectors.joining("\r\n")) + "\r\n";
        assertThat(saved).contains(";15,4;").contains(";1-1-2024;");

        given().header("Authorization", Tokens.editor()).contentType("text/csv").body(saved.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/observation-imports").then().statusCode(201)
                .body("outcome", equalTo("no_change")).body("unchanged", equalTo(2));
        given().when().get("/api/v1/indicators/" + indicator + "/observations").then().statusCode(200)
                .body("items[0].citation.quote", equalTo(FORMULA_IN_TEXT.replace("\"\"", "\""))).body("items[0].note.nl", equalTo("@SUM(A1:A2)"));
    }

    @Test
    void aDutchFileWithADecimalPointIsRefusedNamingTheCellAndWritesNothing() {
        String csv = "\uFEFF" + HEADER.replace(',', ';') + "\n"
                + indicator + ";2023;bzk;exact;1.313;;;1313;final;" + EditorFixtures.LETTER + ";Zo veel;\n";
        given().header("Authorization", Tokens.editor()).contentType("text/csv").queryParam("reason", "Excel").body(csv.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/observation-imports").then().statusCode(422).contentType("application/problem+json")
                .body("invalidRows[0].line", equalTo(2)).body("invalidRows[0].column", equalTo("value"))
                .body("invalidRows[0].reason", org.hamcrest.Matchers.containsString("decimaalteken"));
        given().header("Authorization", Tokens.editor()).contentType("text/csv").queryParam("reason", "Excel").body(csv.replace(";1.313;", ";1313;").getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/observation-imports").then().statusCode(201).body("inserted", equalTo(1));
        given().when().get("/api/v1/indicators/" + indicator + "/observations").then().statusCode(200)
                .body("items.find { it.period.code == '2023' }.value", equalTo(1313));
    }

    /** How Excel opens and saves a .csv file, as far as these tests need it. */
    static final class ExcelRules {

        private static final Pattern FORMULA = Pattern.compile("^[=+\\-@].*", Pattern.DOTALL);

        /** One cell as Excel holds it: its text, whether it was quoted, and the decimal separator of the locale. */
        record Cell(String text, boolean quoted, char decimalSeparator) {

            /** Excel runs a cell that begins with =, +, - or @ as a formula, unless it reads as a number. */
            boolean formula() {
                return FORMULA.matcher(text).matches() && number() == null;
            }

            /** The number Excel reads in the cell, or null for text. */
            java.math.BigDecimal number() {
                String t = text.trim();
                String pattern = decimalSeparator == ',' ? "[-+]?\\d+(,\\d+)?" : "[-+]?\\d+(\\.\\d+)?";
                return t.matches(pattern) ? new java.math.BigDecimal(t.replace(',', '.')) : null;
            }
        }

        /** The rows of a file opened with a list separator (a byte order mark makes it UTF-8; without, these tests need ASCII only). */
        static List<List<Cell>> open(byte[] bytes, char separator, char decimalSeparator) {
            String text = new String(bytes, StandardCharsets.UTF_8);
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            List<List<Cell>> rows = new ArrayList<>();
            List<Cell> row = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean inQuotes = false;
            boolean quoted = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (inQuotes) {
                    if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else if (c == '"') {
                        inQuotes = false;
                    } else {
                        cell.append(c);
                    }
                } else if (c == '"') {
                    inQuotes = true;
                    quoted = true;
                } else if (c == separator) {
                    row.add(new Cell(cell.toString(), quoted, decimalSeparator));
                    cell.setLength(0);
                    quoted = false;
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    row.add(new Cell(cell.toString(), quoted, decimalSeparator));
                    rows.add(row);
                    row = new ArrayList<>();
                    cell.setLength(0);
                    quoted = false;
                } else {
                    cell.append(c);
                }
            }
            if (cell.length() > 0 || !row.isEmpty()) {
                row.add(new Cell(cell.toString(), quoted, decimalSeparator));
                rows.add(row);
            }
            return rows;
        }

        /**
         * A cell as Dutch Excel writes it back to a .csv: a date it recognised in its own form
         * (31-12-2024), a number with a decimal comma, quotes only where the cell holds the
         * separator, a quote or a line break.
         */
        static String save(Cell cell, String column, char separator) {
            String text = cell.text();
            if (text.matches("\\d{4}-\\d{2}-\\d{2}") && (column.endsWith("Start") || column.endsWith("End") || column.endsWith("On"))) {
                text = LocalDate.parse(text).format(DateTimeFormatter.ofPattern("d-M-yyyy"));
            }
            boolean quote = text.indexOf(separator) >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0;
            return quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
        }
    }
}

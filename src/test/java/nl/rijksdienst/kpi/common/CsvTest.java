package nl.rijksdienst.kpi.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvTest {

    @ParameterizedTest
    @ValueSource(strings = {"=SUM(A1:A9)", "+31 70 426 6426", "-kort", "@cmd", "\tcmd", "\rcmd", "=1+1", "-", "+"})
    void shouldNeutraliseTextThatASpreadsheetWouldRunAsAFormula(String text) {
        assertThat(Csv.safe(text)).isEqualTo("'" + text);
        assertThat(Csv.unsafe(Csv.safe(text))).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ruim 16.000", "15,4%", "-5", "+3.5", "-1.5e3", "2025-S1", "Benchmarkrij", "'quoted"})
    void shouldLeaveNumbersAndOrdinaryTextAsTheyAre(String text) {
        assertThat(Csv.safe(text)).isEqualTo(text);
    }
}

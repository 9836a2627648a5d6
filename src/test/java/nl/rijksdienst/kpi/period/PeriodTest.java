package nl.rijksdienst.kpi.period;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PeriodTest {

    @ParameterizedTest
    @CsvSource({
            "2024,annual,2024-01-01,2024-12-31",
            "2025-S1,semiannual,2025-01-01,2025-06-30",
            "2025-S2,semiannual,2025-07-01,2025-12-31",
            "2025-Q3,quarterly,2025-07-01,2025-09-30",
            "2024-Q4,quarterly,2024-10-01,2024-12-31",
            "2024-02,monthly,2024-02-01,2024-02-29",
            "2025-06-30,daily,2025-06-30,2025-06-30",
            "2025-Q1/2025-Q3,interval,2025-01-01,2025-09-30",
            "2024-07-01/2025-12-31,interval,2024-07-01,2025-12-31"
    })
    void shouldParseEveryPeriodFormWithItsFirstAndLastDay(String code, Frequency frequency, LocalDate start, LocalDate end) {
        Period period = Period.parse(code).orElseThrow();

        assertThat(period.code()).isEqualTo(code);
        assertThat(period.frequency()).isEqualTo(frequency);
        assertThat(period.start()).isEqualTo(start);
        assertThat(period.end()).isEqualTo(end);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "24", "2025-13", "2025-S3", "2025-Q5", "2025-Q0", "2025-02-30", "2025-W01", "abc",
            "2025/2024", "2025-Q1/", "/2025", "2025x", "２０２５"})
    void shouldRejectMalformedPeriods(String code) {
        assertThat(Period.parse(code)).isEmpty();
    }
}

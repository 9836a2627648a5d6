package nl.rijksdienst.kpi.period;

import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A period as served: its code and its explicit first and last day. */
@Schema(name = "TimePeriod", description = "Een periode (SDMX TIME_PERIOD): de code en de eerste en laatste dag (beide inclusief).")
public record PeriodDto(
        @Schema(description = "Periodecode: jaar (2024), halfjaar (2025-S1), kwartaal (2025-Q3), maand (2025-01), dag (2025-06-30), een interval van twee daarvan (2025-Q1/2025-Q3), "
                + "of P1Y: een jaar dat de bron niet noemt ('ca. 20% per jaar'), zonder begin en einde; zo'n waarde valt in geen periode die een vraag noemt.",
                required = true, examples = "2025-S1")
        String code,
        @Schema(description = "Soort periode.", required = true, examples = "semiannual")
        Frequency frequency,
        @Schema(description = "Eerste dag van de periode; afwezig bij P1Y.", format = "date", examples = "2025-01-01")
        LocalDate start,
        @Schema(description = "Laatste dag van de periode; afwezig bij P1Y.", format = "date", examples = "2025-06-30")
        LocalDate end) {

    public static PeriodDto of(Period period) {
        return period == null ? null : new PeriodDto(period.code(), period.frequency(), period.start(), period.end());
    }

    public static PeriodDto of(String code, LocalDate start, LocalDate end) {
        if (code == null) {
            return null;
        }
        Frequency frequency = Period.parse(code).map(Period::frequency).orElse(Frequency.interval);
        return new PeriodDto(code, frequency, start, end);
    }
}

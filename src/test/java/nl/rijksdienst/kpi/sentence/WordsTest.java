package nl.rijksdienst.kpi.sentence;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.rijksdienst.kpi.common.LocalizedText;
import nl.rijksdienst.kpi.indicator.Unit;
import nl.rijksdienst.kpi.norm.Operator;
import nl.rijksdienst.kpi.norm.check.TrendDirection;
import nl.rijksdienst.kpi.observation.CitationDto;
import nl.rijksdienst.kpi.observation.ObservationDto;
import nl.rijksdienst.kpi.observation.Qualifier;
import nl.rijksdienst.kpi.observation.ResponseDto;
import nl.rijksdienst.kpi.observation.Speaker;
import nl.rijksdienst.kpi.observation.Stance;
import nl.rijksdienst.kpi.period.Frequency;
import nl.rijksdienst.kpi.period.PeriodDto;
import org.junit.jupiter.api.Test;

/** The parts of a sentence, each on its own, in both languages. */
class WordsTest {

    private static ObservationDto observation(Qualifier qualifier, String value, String low, String high, String text, PeriodDto period) {
        return new ObservationDto(1L, 1, null, LocalDate.of(2026, 1, 22), null, "x", null, period, null, Map.of(), null, qualifier,
                value == null ? null : new BigDecimal(value), low == null ? null : new BigDecimal(low), high == null ? null : new BigDecimal(high), text,
                Unit.percent, "final", false, null, new CitationDto("bron", null, null, "zin", null), null);
    }

    private static PeriodDto period(String code, Frequency frequency, String start, String end) {
        return new PeriodDto(code, frequency, start == null ? null : LocalDate.parse(start), end == null ? null : LocalDate.parse(end));
    }

    @Test
    void numbersAsEachLanguageWritesThem() {
        assertThat(Words.number(new BigDecimal("15.4"), Language.nl)).isEqualTo("15,4");
        assertThat(Words.number(new BigDecimal("15.4"), Language.en)).isEqualTo("15.4");
        assertThat(Words.number(new BigDecimal("16000"), Language.nl)).isEqualTo("16.000");
        assertThat(Words.number(new BigDecimal("16000"), Language.en)).isEqualTo("16,000");
        assertThat(Words.number(new BigDecimal("1313"), Language.nl)).isEqualTo("1.313");
        assertThat(Words.number(new BigDecimal("5.40"), Language.nl)).isEqualTo("5,4");
        assertThat(Words.amount(new BigDecimal("150000"), Unit.euro, Language.nl)).isEqualTo("150.000 euro");
        assertThat(Words.amount(new BigDecimal("150000"), Unit.euro, Language.en)).isEqualTo("€150,000");
        assertThat(Words.difference(new BigDecimal("-2.6"), "percentage_point", Language.en)).isEqualTo("2.6 percentage points");
        assertThat(Words.difference(new BigDecimal("1"), "percentage_point", Language.en)).isEqualTo("1 percentage point");
    }

    @Test
    void periodsInWords() {
        assertThat(Words.period(period("2024", Frequency.annual, "2024-01-01", "2024-12-31"), Language.nl)).isEqualTo("in 2024");
        assertThat(Words.period(period("2025-S1", Frequency.semiannual, "2025-01-01", "2025-06-30"), Language.nl)).isEqualTo("in de eerste helft van 2025");
        assertThat(Words.period(period("2025-S1", Frequency.semiannual, "2025-01-01", "2025-06-30"), Language.en)).isEqualTo("in the first half of 2025");
        assertThat(Words.period(period("2025-Q3", Frequency.quarterly, "2025-07-01", "2025-09-30"), Language.nl)).isEqualTo("in het derde kwartaal van 2025");
        assertThat(Words.period(period("2026-01", Frequency.monthly, "2026-01-01", "2026-01-31"), Language.nl)).isEqualTo("in januari 2026");
        assertThat(Words.period(period("2026-01", Frequency.monthly, "2026-01-01", "2026-01-31"), Language.en)).isEqualTo("in January 2026");
        assertThat(Words.period(period("2025-06-30", Frequency.daily, "2025-06-30", "2025-06-30"), Language.nl)).isEqualTo("op 30 juni 2025");
        assertThat(Words.period(period("2025-Q1/2025-Q3", Frequency.interval, "2025-01-01", "2025-09-30"), Language.nl))
                .isEqualTo("van 1 januari 2025 tot en met 30 september 2025");
        assertThat(Words.period(period("P1Y", Frequency.interval, null, null), Language.en)).isEqualTo("per year (the source does not name the year)");
        assertThat(Words.basePeriod(period("2024-Q4", Frequency.quarterly, "2024-10-01", "2024-12-31"), Language.nl))
                .isEqualTo("ten opzichte van het vierde kwartaal van 2024");
    }

    @Test
    void aFigureKeepsTheSourcesWordsAndItsQualifier() {
        PeriodDto year = period("2025", Frequency.annual, "2025-01-01", "2025-12-31");
        ObservationDto bound = observation(Qualifier.lower_bound, "16000", null, null, "ruim 16.000", year);
        assertThat(Words.figure(bound, Language.nl)).isEqualTo("ruim 16.000");
        assertThat(Words.figure(bound, Language.en)).isEqualTo("more than 16,000%");
        ObservationDto range = observation(Qualifier.range, null, "2.5", "5.2", null, year);
        assertThat(Words.figure(range, Language.nl)).isEqualTo("tussen 2,5% en 5,2%");
        assertThat(Words.figure(range, Language.en)).isEqualTo("between 2.5% and 5.2%");
        ObservationDto about = observation(Qualifier.approximate, "20", null, null, null, year);
        assertThat(Words.figure(about, Language.en)).isEqualTo("about 20%");
        ObservationDto words = observation(Qualifier.qualitative, null, null, null, "minimaal", year);
        assertThat(Words.figure(words, Language.nl)).isEqualTo("minimaal");
        assertThat(Words.figure(words, Language.en)).isEqualTo("“minimaal” (in the source's words, no number)");
    }

    @Test
    void partsAndTheirJoins() {
        Part.Threshold ceiling = new Part.Threshold(Operator.at_most, new BigDecimal("10"), Unit.percent, null, null, false, null, null);
        assertThat(ceiling.render(Language.nl)).isEqualTo("ten hoogste 10%");
        Part.Threshold target = new Part.Threshold(Operator.at_least, new BigDecimal("95"), Unit.percent, LocalDate.of(2026, 12, 31), "nagenoeg alle", true, null, null);
        assertThat(target.render(Language.nl)).isEqualTo("“nagenoeg alle”, gelezen als ten minste 95%, uiterlijk 31 december 2026");
        assertThat(target.render(Language.en)).isEqualTo("“nagenoeg alle”, read as at least 95%, by 31 December 2026");
        assertThat(new Part.Gap(new BigDecimal("5.4"), null, null, "percentage_point").render(Language.nl)).isEqualTo("verschil +5,4 procentpunt");
        assertThat(new Part.Gap(null, new BigDecimal("-1"), new BigDecimal("2.2"), "percentage_point").render(Language.en))
                .isEqualTo("difference between -1 percentage point and +2.2 percentage points");
        assertThat(new Part.Trend(TrendDirection.stable, BigDecimal.ZERO, "percentage_point", "2023").render(Language.nl)).isEqualTo("gelijk aan 2023");
        CitationDto members = new CitationDto("bron", null, null, "zin", null, Speaker.members, "CDA-fractie", new ResponseDto(Stance.confirms, null, "ja"));
        assertThat(new Part.StatedBy(Part.StatedBy.FIGURE, members).render(Language.nl))
                .isEqualTo("Het cijfer noemen Kamerleden (CDA-fractie) in hun vraag; het antwoord van de minister bevestigt het");
        CitationDto minister = new CitationDto("bron", null, null, "zin", null, Speaker.minister, null, null);
        assertThat(new Part.StatedBy(Part.StatedBy.FIGURE, minister).render(Language.nl)).isEmpty();

        Sentence sentence = Sentence.builder()
                .clause(new Part.Verdict(LocalizedText.of("Roemernorm", "Roemer norm"), ceiling, LocalizedText.of("overschreden", "exceeded")),
                        new Part.Gap(new BigDecimal("5.4"), null, null, "percentage_point"))
                .clause(new Part.StatedBy(Part.StatedBy.FIGURE, minister))
                .clause(new Part.Caveats(List.of(LocalizedText.of("Voorlopig cijfer.", "Provisional figure."))))
                .build();
        assertThat(sentence.render(Language.nl)).isEqualTo("Roemernorm (ten hoogste 10%): overschreden, verschil +5,4 procentpunt. Let op: Voorlopig cijfer.");
        assertThat(sentence.render(Language.en)).isEqualTo("Roemer norm (at most 10%): exceeded, difference +5.4 percentage points. Note: Provisional figure.");
    }
}

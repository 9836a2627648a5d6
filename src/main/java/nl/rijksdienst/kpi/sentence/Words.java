package nl.rijksdienst.kpi.sentence;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import nl.rijksdienst.kpi.indicator.Unit;
import nl.rijksdienst.kpi.observation.ObservationDto;
import nl.rijksdienst.kpi.period.PeriodDto;

/**
 * The words of the parts of a sentence, in Dutch and in English: numbers in each language's format
 * (15,4 and 16.000 against 15.4 and 16,000), units, dates, periods and figures as the source gives
 * them (a bound stays a bound, a range a range, words stay words).
 */
public final class Words {

    private static final Locale DUTCH = Locale.forLanguageTag("nl-NL");
    private static final Locale ENGLISH = Locale.forLanguageTag("en-GB");
    private static final String[] ORDINAL_NL = {"eerste", "tweede", "derde", "vierde"};
    private static final String[] ORDINAL_EN = {"first", "second", "third", "fourth"};

    private Words() {
    }

    static Locale locale(Language language) {
        return language == Language.nl ? DUTCH : ENGLISH;
    }

    /** A text of the data in the language asked for; Dutch where it has no English. */
    public static String text(nl.rijksdienst.kpi.common.LocalizedText text, Language language) {
        return language == Language.en && text.en() != null && !text.en().isBlank() ? text.en() : text.nl();
    }

    /** A number as the language writes it, with its own decimals (15,4; 16.000; 0,25). */
    public static String number(BigDecimal value, Language language) {
        BigDecimal plain = value.stripTrailingZeros();
        NumberFormat format = NumberFormat.getNumberInstance(locale(language));
        format.setMaximumFractionDigits(Math.max(plain.scale(), 0));
        format.setMinimumFractionDigits(Math.max(plain.scale(), 0));
        format.setGroupingUsed(true);
        return format.format(plain);
    }

    /** A number with its unit: 15,4%, 1.250 fte, 150.000 euro, 2 jaar. */
    public static String amount(BigDecimal value, Unit unit, Language language) {
        String n = number(value, language);
        return switch (unit) {
            case percent -> n + "%";
            case fte -> n + " fte";
            case count -> n;
            case euro -> language == Language.nl ? n + " euro" : "€" + n;
            case year -> n + (language == Language.nl ? " jaar" : value.compareTo(BigDecimal.ONE) == 0 ? " year" : " years");
            case month -> n + (language == Language.nl ? (value.compareTo(BigDecimal.ONE) == 0 ? " maand" : " maanden") : value.compareTo(BigDecimal.ONE) == 0 ? " month" : " months");
        };
    }

    /** A difference in its unit: 5,4 procentpunt, 5.4 percentage points. */
    public static String difference(BigDecimal value, String unit, Language language) {
        BigDecimal size = value.abs();
        String n = number(size, language);
        return switch (unit) {
            case "percentage_point" -> n + (language == Language.nl ? " procentpunt" : size.compareTo(BigDecimal.ONE) == 0 ? " percentage point" : " percentage points");
            case "percent" -> n + "%";
            default -> amount(size, Unit.valueOf(unit), language);
        };
    }

    /** A date in words: 31 december 2025, 31 December 2025. */
    public static String date(LocalDate date, Language language) {
        return date.format(DateTimeFormatter.ofPattern("d MMMM yyyy", locale(language)));
    }

    /** When: "in 2024", "in de eerste helft van 2025", "in het derde kwartaal van 2025", "in januari 2026", "op 30 juni 2025". */
    public static String period(PeriodDto period, Language language) {
        boolean nl = language == Language.nl;
        if (period.start() == null) {
            return nl ? "per jaar (de bron noemt het jaar niet)" : "per year (the source does not name the year)";
        }
        String code = period.code();
        return switch (period.frequency()) {
            case annual -> "in " + code;
            case semiannual -> {
                int half = code.charAt(code.length() - 1) - '1';
                yield nl ? "in de " + ORDINAL_NL[half] + " helft van " + code.substring(0, 4) : "in the " + ORDINAL_EN[half] + " half of " + code.substring(0, 4);
            }
            case quarterly -> {
                int quarter = code.charAt(code.length() - 1) - '1';
                yield nl ? "in het " + ORDINAL_NL[quarter] + " kwartaal van " + code.substring(0, 4) : "in the " + ORDINAL_EN[quarter] + " quarter of " + code.substring(0, 4);
            }
            case monthly -> "in " + period.start().format(DateTimeFormatter.ofPattern("MMMM yyyy", locale(language)));
            case daily -> (nl ? "op " : "on ") + date(period.start(), language);
            case interval -> nl ? "van " + date(period.start(), language) + " tot en met " + date(period.end(), language)
                    : "from " + date(period.start(), language) + " to " + date(period.end(), language);
        };
    }

    /** A period in few words, for an image: "2024", "1e helft 2025" / "H1 2025", "K3 2025" / "Q3 2025", "jan. 2026", "jan.–sep. 2025". */
    public static String shortPeriod(PeriodDto period, Language language) {
        boolean nl = language == Language.nl;
        if (period.start() == null) {
            return nl ? "per jaar" : "per year";
        }
        String code = period.code();
        DateTimeFormatter month = DateTimeFormatter.ofPattern("MMM yyyy", locale(language));
        return switch (period.frequency()) {
            case annual -> code;
            case semiannual -> (nl ? code.charAt(code.length() - 1) + "e helft " : "H" + code.charAt(code.length() - 1) + " ") + code.substring(0, 4);
            case quarterly -> (nl ? "K" : "Q") + code.charAt(code.length() - 1) + " " + code.substring(0, 4);
            case monthly -> period.start().format(month);
            case daily -> date(period.start(), language);
            case interval -> period.start().getYear() == period.end().getYear()
                    ? period.start().format(DateTimeFormatter.ofPattern("MMM", locale(language))) + "–" + period.end().format(month)
                    : period.start().format(month) + "–" + period.end().format(month);
        };
    }

    /** Against which period a change is measured: "ten opzichte van het vierde kwartaal van 2024". */
    public static String basePeriod(PeriodDto base, Language language) {
        String when = period(base, language).replaceFirst("^(in|op|van|on|from) ", "");
        return (language == Language.nl ? "ten opzichte van " : "compared with ") + when;
    }

    /**
     * The figure: in Dutch the source's own words where it has them ("ruim 16.000", "minimaal"),
     * otherwise, and in English always, the number with its qualifier ("more than 16,000",
     * "between 2.5% and 5.2%", "about 20%"); a figure in words only stays words, quoted.
     */
    public static String figure(ObservationDto o, Language language) {
        boolean nl = language == Language.nl;
        if (nl && o.valueText() != null && !o.valueText().isBlank()) {
            return o.valueText();
        }
        return switch (o.qualifier()) {
            case exact -> amount(o.value(), o.unit(), language);
            case approximate -> (nl ? "ongeveer " : "about ") + amount(o.value(), o.unit(), language);
            case lower_bound -> (nl ? "meer dan " : "more than ") + amount(o.value(), o.unit(), language);
            case upper_bound -> (nl ? "minder dan " : "less than ") + amount(o.value(), o.unit(), language);
            case range -> (nl ? "tussen " : "between ") + amount(o.valueLow(), o.unit(), language) + (nl ? " en " : " and ") + amount(o.valueHigh(), o.unit(), language);
            case qualitative -> "“" + o.valueText() + "”" + (nl ? "" : " (in the source's words, no number)");
        };
    }
}

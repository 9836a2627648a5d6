package nl.rijksdienst.kpi.period;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A time period as statistical agencies write it (SDMX, ISO 8601): {@code 2024}, {@code 2025-S1},
 * {@code 2025-Q3}, {@code 2025-01}, {@code 2025-06-30}, or an interval of two of those,
 * {@code 2025-Q1/2025-Q3}. Every period has an explicit first and last day (both inclusive), except
 * {@code P1Y}: a year the source does not name ("ca. 20% per jaar"), which has neither and so falls
 * in no period a query names.
 */
public record Period(String code, Frequency frequency, LocalDate start, LocalDate end) {

    /** The code of a year the source does not name: the ISO 8601 duration of one year, without a start. */
    public static final String UNSTATED_YEAR = "P1Y";

    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern HALF = Pattern.compile("(\\d{4})-S([12])");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern DAY = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");

    /** Parses a period code; empty when the code is not one of the forms above. */
    public static Optional<Period> parse(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String c = code.trim();
        if (c.equals(UNSTATED_YEAR)) {
            return Optional.of(new Period(UNSTATED_YEAR, Frequency.annual, null, null));
        }
        int slash = c.indexOf('/');
        if (slash >= 0) {
            Optional<Period> from = parseSingle(c.substring(0, slash));
            Optional<Period> to = parseSingle(c.substring(slash + 1));
            if (from.isEmpty() || to.isEmpty() || to.get().end().isBefore(from.get().start())) {
                return Optional.empty();
            }
            return Optional.of(new Period(from.get().code() + "/" + to.get().code(), Frequency.interval,
                    from.get().start(), to.get().end()));
        }
        return parseSingle(c);
    }

    private static Optional<Period> parseSingle(String c) {
        try {
            Matcher m;
            if ((m = YEAR.matcher(c)).matches()) {
                int y = Integer.parseInt(m.group(1));
                return Optional.of(new Period(c, Frequency.annual, LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31)));
            }
            if ((m = HALF.matcher(c)).matches()) {
                int y = Integer.parseInt(m.group(1));
                int h = Integer.parseInt(m.group(2));
                LocalDate start = LocalDate.of(y, h == 1 ? 1 : 7, 1);
                return Optional.of(new Period(c, Frequency.semiannual, start, start.plusMonths(6).minusDays(1)));
            }
            if ((m = QUARTER.matcher(c)).matches()) {
                int y = Integer.parseInt(m.group(1));
                int q = Integer.parseInt(m.group(2));
                LocalDate start = LocalDate.of(y, (q - 1) * 3 + 1, 1);
                return Optional.of(new Period(c, Frequency.quarterly, start, start.plusMonths(3).minusDays(1)));
            }
            if ((m = MONTH.matcher(c)).matches()) {
                YearMonth ym = YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
                return Optional.of(new Period(c, Frequency.monthly, ym.atDay(1), ym.atEndOfMonth()));
            }
            if ((m = DAY.matcher(c)).matches()) {
                LocalDate d = LocalDate.parse(c);
                return Optional.of(new Period(c, Frequency.daily, d, d));
            }
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** Whether the period has a first and a last day (all but a year the source does not name). */
    public boolean dated() {
        return start != null;
    }

    /** Length of the period in days, both ends included. */
    public long days() {
        return ChronoUnit.DAYS.between(start, end) + 1;
    }
}

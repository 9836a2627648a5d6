package nl.rijksdienst.kpi.common;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The {@code asOf} parameter: what was known at a moment. A date means the end of that day in the
 * Netherlands; a date and time without offset is Dutch time; with an offset it is that instant.
 */
public final class AsOf {

    public static final String PARAMETER = "asOf";
    public static final String DESCRIPTION = "Wat bekend was op dit moment: een datum (het einde van die dag, Nederlandse tijd) of een "
            + "datum en tijd (ISO 8601, met of zonder offset). Zonder asOf: de huidige stand.";

    private AsOf() {
    }

    /** The Dutch calendar day of a moment (what was public on that day), or null for null. */
    public static LocalDate day(OffsetDateTime moment) {
        return moment == null ? null : moment.atZoneSameInstant(ClockProducer.NETHERLANDS).toLocalDate();
    }

    /** The moment, or null when the parameter is absent; a 400 problem when it is not a date or date-time. */
    public static OffsetDateTime parse(String raw) {
        if (raw == null) {
            return null;
        }
        String value = raw.trim();
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).plusDays(1).atStartOfDay(ClockProducer.NETHERLANDS).toOffsetDateTime().minus(1, ChronoUnit.MICROS);
            }
            try {
                return OffsetDateTime.parse(value);
            } catch (DateTimeParseException e) {
                return LocalDateTime.parse(value).atZone(ClockProducer.NETHERLANDS).toOffsetDateTime();
            }
        } catch (DateTimeParseException e) {
            throw ApiException.badParameter(PARAMETER, "'" + raw + "' is geen datum (2026-01-15) of datum en tijd (2026-01-15T12:00:00+01:00)");
        }
    }
}

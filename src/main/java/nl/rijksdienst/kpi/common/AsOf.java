package nl.rijksdienst.kpi.common;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The {@code asOf} parameter: what was public on a day. A date is that day; a date and time (without
 * offset Dutch time) is the Dutch calendar day it falls on. Versions are public from the day their
 * source became public, so the answer is the same on every instance.
 */
public final class AsOf {

    public static final String PARAMETER = "asOf";
    public static final String DESCRIPTION = "Wat op deze datum openbaar was (ALFRED's real-time period, SDMX' asOf): de versies van cijfers, normen en "
            + "toezeggingen waarvan de bron op of vóór die dag verscheen, en die toen nog niet door een openbare nieuwere versie waren vervangen. "
            + "Gelijk op elke installatie. Een datum, of een datum en tijd (ISO 8601; de Nederlandse kalenderdag telt). Deadlines worden dan "
            + "tegen die dag gelezen. Zonder asOf: de huidige stand. Wanneer iets hier is vastgelegd, staat in recordedAt en in /versions.";

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

package nl.rijksdienst.kpi.common;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The clock norm checks read "today" from (to tell whether a deadline has passed): the Dutch
 * calendar day, or a fixed day when {@code kpi.evaluation-date} is set (the tests fix it, so that
 * their verdicts do not change with the calendar).
 */
public class ClockProducer {

    public static final ZoneId NETHERLANDS = ZoneId.of("Europe/Amsterdam");

    @Produces
    @Singleton
    Clock clock(@ConfigProperty(name = "kpi.evaluation-date") Optional<LocalDate> evaluationDate) {
        return evaluationDate
                .map(date -> Clock.fixed(date.atStartOfDay(NETHERLANDS).toInstant(), NETHERLANDS))
                .orElseGet(() -> Clock.system(NETHERLANDS));
    }
}

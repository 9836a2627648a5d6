package nl.rijksdienst.kpi.commitment;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import nl.rijksdienst.kpi.common.LocalizedText;
import nl.rijksdienst.kpi.period.Period;

/**
 * Where a commitment stands on a day: delivered once a delivering source is recorded (on or before
 * that day); without a due period open; after its period overdue; due soon once its period has
 * begun or ends within {@value #SOON_DAYS} days; open before that.
 */
public final class CommitmentStates {

    /** How close to its end a term counts as due soon. */
    public static final int SOON_DAYS = 30;
    private static final DateTimeFormatter NL = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("nl-NL"));
    private static final DateTimeFormatter EN = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    public record Judged(CommitmentState state, LocalizedText note) {
    }

    private CommitmentStates() {
    }

    public static Judged judge(CommitmentInput.DeliveryInput delivery, Period due, DueQualifier qualifier, LocalDate day) {
        if (delivery != null && delivery.date() != null && !delivery.date().isAfter(day)) {
            return new Judged(CommitmentState.delivered, LocalizedText.of(
                    "Geleverd op " + NL.format(delivery.date()) + " (bron " + delivery.sourceId() + ").",
                    "Delivered on " + EN.format(delivery.date()) + " (source " + delivery.sourceId() + ")."));
        }
        if (due == null) {
            return new Judged(CommitmentState.open, LocalizedText.of("De bron noemt geen termijn.", "The source states no term."));
        }
        LocalDate end = qualifier == DueQualifier.on ? due.start() : due.end();
        if (day.isAfter(end)) {
            long days = ChronoUnit.DAYS.between(end, day);
            if (qualifier == DueQualifier.on) {
                return new Judged(CommitmentState.overdue, LocalizedText.of(
                        "Aangekondigd voor " + NL.format(end) + " (" + days + " dagen geleden); hier is geen bron vastgelegd die aantoont dat het is gebeurd.",
                        "Announced for " + EN.format(end) + " (" + days + " days ago); no source showing that it happened is recorded here."));
            }
            return new Judged(CommitmentState.overdue, LocalizedText.of(
                    "De termijn liep tot en met " + NL.format(end) + " (" + days + " dagen geleden); hier is geen bron vastgelegd die de levering aantoont.",
                    "The term ran until " + EN.format(end) + " (" + days + " days ago); no source showing delivery is recorded here."));
        }
        boolean begun = qualifier == DueQualifier.during && !day.isBefore(due.start());
        long left = ChronoUnit.DAYS.between(day, end);
        if (begun || left <= SOON_DAYS) {
            return new Judged(CommitmentState.due_soon, LocalizedText.of(
                    "De termijn loopt tot en met " + NL.format(end) + " (nog " + left + " dagen).",
                    "The term runs until " + EN.format(end) + " (" + left + " days left)."));
        }
        return new Judged(CommitmentState.open, LocalizedText.of(
                "De termijn loopt tot en met " + NL.format(end) + " (nog " + left + " dagen).",
                "The term runs until " + EN.format(end) + " (" + left + " days left)."));
    }
}

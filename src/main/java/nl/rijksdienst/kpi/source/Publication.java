package nl.rijksdienst.kpi.source;

import java.time.LocalDate;

/** The day something became public, and what that day rests on. */
public record Publication(LocalDate date, PublicationBasis basis) {

    /** The publication of what a source states: its date, else its earliest possible date, else the day it was recorded here. */
    public static Publication of(Source source, LocalDate recordedOn) {
        if (source != null && source.publicationDate != null) {
            return new Publication(source.publicationDate, PublicationBasis.source_date);
        }
        if (source != null && source.earliestPublicationDate != null) {
            return new Publication(source.earliestPublicationDate, PublicationBasis.earliest_possible);
        }
        return new Publication(recordedOn, PublicationBasis.recorded);
    }
}

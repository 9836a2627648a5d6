package nl.rijksdienst.kpi.source;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import nl.rijksdienst.kpi.common.ClockProducer;

/**
 * One version of something that keeps its versions (a norm, a commitment): its number, the day it
 * became public and what that rests on, when and by whom it was recorded and why, and when a later
 * version replaced it (recorded and public). The version public on day D is the one with
 * {@code publishedOn <= D} and no {@code supersededOn} on or before D.
 */
@MappedSuperclass
public abstract class PublishedVersion extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public int version;
    @Column(name = "published_on")
    public LocalDate publishedOn;
    @Column(name = "publication_basis")
    @Enumerated(EnumType.STRING)
    public PublicationBasis publicationBasis;
    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;
    @Column(name = "recorded_by")
    public String recordedBy;
    public String reason;
    @Column(name = "superseded_at")
    public OffsetDateTime supersededAt;
    @Column(name = "superseded_on")
    public LocalDate supersededOn;

    /**
     * Makes this the version after {@code previous} (the first when null), public from the date of
     * {@code source}, recorded now (the real moment, also when the evaluation day is fixed); the
     * previous version stops being current now and stops being public from this one's date. The
     * caller flushes the previous one before persisting this one (one current version per item).
     */
    public void follow(PublishedVersion previous, Source source, String actor, String why) {
        recordedAt = OffsetDateTime.now(ClockProducer.NETHERLANDS).truncatedTo(ChronoUnit.MICROS);
        Publication publication = Publication.of(source, recordedAt.toLocalDate());
        publishedOn = publication.date();
        publicationBasis = publication.basis();
        recordedBy = actor;
        reason = why;
        version = previous == null ? 1 : previous.version + 1;
        if (previous != null) {
            previous.supersededAt = recordedAt;
            previous.supersededOn = publishedOn;
        }
    }
}

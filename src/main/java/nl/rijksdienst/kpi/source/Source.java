package nl.rijksdienst.kpi.source;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** A document that observations and norms cite. */
@Entity
@Table(name = "source")
public class Source extends PanacheEntityBase {

    @Id
    public String id;
    public String type;
    public String title;
    public String publisher;
    public String kamerstuk;
    @Column(name = "publication_date")
    public LocalDate publicationDate;
    @Column(name = "earliest_publication_date")
    public LocalDate earliestPublicationDate;
    @Column(name = "date_note")
    public String dateNote;
    public String url;

    /** Takes every field but the id from an editor's input (or a catalogue entry). */
    public void apply(SourceInput input) {
        type = input.type();
        title = input.title();
        publisher = input.publisher();
        kamerstuk = input.kamerstuk();
        publicationDate = input.publicationDate();
        earliestPublicationDate = input.publicationDate() == null ? input.earliestPublicationDate() : null;
        dateNote = input.dateNote();
        url = input.url();
    }
}

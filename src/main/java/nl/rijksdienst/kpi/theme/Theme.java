package nl.rijksdienst.kpi.theme;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A theme: one of the letter's sections (A-F) that indicators belong to. */
@Entity
@Table(name = "theme")
public class Theme extends PanacheEntityBase {

    @Id
    public String id;
    public String code;
    @Column(name = "label_nl")
    public String labelNl;
    @Column(name = "label_en")
    public String labelEn;
    @Column(name = "description_nl")
    public String descriptionNl;
    @Column(name = "description_en")
    public String descriptionEn;
}

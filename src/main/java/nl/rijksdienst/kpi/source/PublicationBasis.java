package nl.rijksdienst.kpi.source;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a publication date rests on. */
@Schema(name = "PublicationBasis", description = """
        Waar de publicatiedatum op rust: source_date (de datum van de bron), origin_source_date (de datum van het oorspronkelijke \
        document waaruit de bron het cijfer aanhaalt), earliest_possible (de bron heeft geen datum; dit is de vroegste dag waarop zij \
        openbaar kan zijn geweest, zie dateNote van de bron), recorded (de bron heeft geen datum en geen vroegste datum: de dag \
        waarop het hier is vastgelegd, en dus openbaar werd via deze dienst).""")
public enum PublicationBasis {
    source_date, origin_source_date, earliest_possible, recorded
}

package nl.rijksdienst.kpi.commitment;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How the due period is to be read. */
@Schema(name = "DueQualifier", description = """
        Hoe de termijn te lezen is: no_later_than (uiterlijk aan het einde van de periode: "uiterlijk Q3 2026", "voor het zomerreces"), \
        during (ergens in de periode: "in mei 2026", "in het najaar van 2026", "in de loop van het voorjaar", "eind Q2"), \
        on (op de eerste dag van de periode: "op 26 januari 2026", "per 1-7-2026").""")
public enum DueQualifier {
    no_later_than, during, on
}

package nl.rijksdienst.kpi.commitment;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where a commitment stands on the evaluation date. */
@Schema(name = "CommitmentState", description = """
        De stand op de toetsdatum: open (nog niet aan de beurt, of zonder termijn), due_soon (de termijn is begonnen of eindigt \
        binnen 30 dagen), overdue (de termijn is verstreken en hier is geen bron vastgelegd die de levering aantoont; of het toch \
        is gebeurd, zegt dat niet), delivered (geleverd, met de bron die het aantoont).""")
public enum CommitmentState {
    open, due_soon, overdue, delivered
}

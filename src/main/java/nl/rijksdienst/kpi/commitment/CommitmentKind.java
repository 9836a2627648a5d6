package nl.rijksdienst.kpi.commitment;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How firm a commitment is, in the source's own terms. Lower case: the values clients see. */
@Schema(name = "CommitmentKind", description = """
        Hoe stellig de bron is: promise (een toezegging: "ik zal", "stuurt"), aim (een streven of uitgangspunt: "het streven is"), \
        expectation (een verwachting: "verwacht ik"), announcement (een aangekondigde publicatie of gebeurtenis: "worden in mei 2026 \
        gepubliceerd"), consideration (iets dat wordt overwogen: "het kabinet overweegt").""")
public enum CommitmentKind {
    promise, aim, expectation, announcement, consideration
}

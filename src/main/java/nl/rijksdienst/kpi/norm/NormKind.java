package nl.rijksdienst.kpi.norm;

/**
 * A norm the government set itself (the Roemernorm, the Beleidskompas target, the banenafspraak,
 * the taakstelling), or a comparison with another indicator that is not such a norm (the wage offer
 * against expected inflation): checked the same way, counted apart on the scorecard.
 */
public enum NormKind {
    norm, comparison
}

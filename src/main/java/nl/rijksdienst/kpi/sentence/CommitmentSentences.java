package nl.rijksdienst.kpi.sentence;

import java.util.function.Function;
import nl.rijksdienst.kpi.commitment.CommitmentDto;
import nl.rijksdienst.kpi.source.Source;

/**
 * The sentence of a commitment: what is promised, by whom, to whom and by when (the term in the
 * source's words), where it stands on the evaluation day and why, who states it when it is not the
 * minister, and the citation. For example: "Streven van de Minister van Binnenlandse Zaken en
 * Koninkrijksrelaties aan de Tweede Kamer: Nieuwe Rijksinkoopstrategie naar de Tweede Kamer,
 * “uiterlijk Q3 2026”. Stand op 3 december 2026: termijn verstreken. …".
 */
public final class CommitmentSentences {

    private CommitmentSentences() {
    }

    public static Sentence of(CommitmentDto c, Function<String, Source> sources) {
        return Sentence.builder()
                .clause(new Part.Promise(c.kind(), c.promisedBy(), c.promisedTo(), c.label(), c.due()))
                .clause(new Part.Standing(c.state(), c.evaluatedOn()))
                .clause(new Part.Note(c.stateNote()))
                .clause(c.citation() == null ? null : new Part.StatedBy(Part.StatedBy.COMMITMENT, c.citation()))
                .clause(c.citation() == null ? null : NormSentences.source(c.citation().sourceId(), c.citation().section(), sources))
                .build();
    }
}

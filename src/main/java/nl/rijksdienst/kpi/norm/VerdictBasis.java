package nl.rijksdienst.kpi.norm;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the threshold a verdict rests on is: the source's own number, a members' number, or our reading of words without one. */
@Schema(name = "VerdictBasis", description = """
        Waar de drempel van het oordeel op rust: source (een getal dat de minister noemt, of een getal van Kamerleden dat het \
        antwoord bevestigt), members (een getal van Kamerleden of een derde dat het antwoord niet bevestigt), interpretation (de \
        bron noemt geen getal; getoetst is aan het getal dat in haar woorden is gelezen, interpretedThreshold, zie interpretation van de norm). De scorecard telt \
        alleen oordelen op basis source als gewoon oordeel (summary); de andere telt zij apart (qualified).""")
public enum VerdictBasis {
    source, members, interpretation;

    public static VerdictBasis of(Norm norm) {
        if (norm.interpretedThreshold != null) {
            return interpretation;
        }
        if ((norm.statedBy == nl.rijksdienst.kpi.observation.Speaker.members || norm.statedBy == nl.rijksdienst.kpi.observation.Speaker.third_party)
                && norm.responseStance != nl.rijksdienst.kpi.observation.Stance.confirms) {
            return members;
        }
        return source;
    }
}

package nl.rijksdienst.kpi.observation;

import java.util.ArrayList;
import java.util.List;
import nl.rijksdienst.kpi.common.Problem;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Citation", description = "Waar een cijfer of norm staat: de bron, de plaats erin en de letterlijke zin.")
public record CitationDto(
        @Schema(description = "Identificatie van de bron (zie /sources).", required = true, examples = "antwoorden-so-functioneren-rijksdienst-2026") String sourceId,
        @Schema(description = "Onderdeel van de bron.", examples = "A.b Externe inhuur, kennis en vakmanschap") String section,
        @Schema(description = "De vraag waarop het antwoord ingaat.", examples = "Vraag van de CDA-fractie over differentiatie van de Roemernorm") String question,
        @Schema(description = "De letterlijke zin uit de bron.", required = true, examples = "In 2024 was deze, net als in 2023 15,4%, in de eerste helft van 2025 11,4% (grootste deel ICT).") String quote,
        @Schema(description = "Het oorspronkelijke document waaruit de bron het cijfer aanhaalt, als die het noemt (zie /sources).", examples = "kst-31490-392") String originSourceId,
        @Schema(description = "Wie het cijfer of de norm in de aangehaalde zin noemt: de minister (in het antwoord), Kamerleden (in hun vraag; "
                + "welke fractie staat in statedByName) of een derde die de bron aanhaalt (wie, staat in statedByName). Een cijfer van Kamerleden "
                + "is niet het cijfer van het kabinet.", examples = "members") Speaker statedBy,
        @Schema(description = "De fractie of de derde die het cijfer noemt; leeg als de minister het noemt.", examples = "CDA-fractie") String statedByName,
        @Schema(description = "Bij een cijfer of norm uit een vraag van Kamerleden: wat het antwoord erover zegt, als het dat doet.") ResponseDto response) {

    /** A citation without who states it (as recorded before that was asked). */
    public CitationDto(String sourceId, String section, String question, String quote, String originSourceId) {
        this(sourceId, section, question, quote, originSourceId, null, null, null);
    }

    /**
     * The rules of an attribution, for figures and norms alike: members and third parties are named,
     * a name says who it is, and an answer (confirms, qualifies, rejects) is to a figure the minister
     * did not state, with its stance and its sentence.
     */
    public List<Problem.InvalidParam> attributionFaults() {
        List<Problem.InvalidParam> faults = new ArrayList<>();
        boolean named = statedByName != null && !statedByName.isBlank();
        if (statedBy == null && named) {
            faults.add(new Problem.InvalidParam("citation.statedBy", "ontbreekt: wie is '" + statedByName + "' (minister, members of third_party)?"));
        }
        if ((statedBy == Speaker.members || statedBy == Speaker.third_party) && !named) {
            faults.add(new Problem.InvalidParam("citation.statedByName", "ontbreekt: noem de fractie of de derde die het cijfer of de norm noemt"));
        }
        if (response != null) {
            if (statedBy == Speaker.minister) {
                faults.add(new Problem.InvalidParam("citation.response",
                        "alleen bij een cijfer of norm die Kamerleden of een derde noemen: wat het antwoord erover zegt"));
            }
            if (response.stance() == null) {
                faults.add(new Problem.InvalidParam("citation.response.stance", "ontbreekt: confirms, qualifies of rejects"));
            }
            if (response.quote() == null || response.quote().isBlank()) {
                faults.add(new Problem.InvalidParam("citation.response.quote", "ontbreekt: de letterlijke zin uit het antwoord"));
            }
        }
        return faults;
    }

    /** The answer as stored in three columns, or null. */
    public static ResponseDto response(Stance stance, String section, String quote) {
        return stance == null && quote == null ? null : new ResponseDto(stance, section, quote);
    }
}

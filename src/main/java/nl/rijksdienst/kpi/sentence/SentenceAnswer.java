package nl.rijksdienst.kpi.sentence;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import nl.rijksdienst.kpi.common.ApiException;
import nl.rijksdienst.kpi.common.MediaNegotiation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A sentence as an answer of its own: JSON with both languages, or one language as plain text or
 * Markdown (to paste into a memo or a Markdown page), the language from {@code lang} (Dutch without
 * it). Not from Accept-Language: the answer would then vary by a header that caches and the kept
 * answers do not key on.
 */
public final class SentenceAnswer {

    public static final String TEXT = "text/plain";
    public static final String MARKDOWN = "text/markdown";
    public static final List<String> TYPES = List.of(MediaType.APPLICATION_JSON, TEXT, MARKDOWN);
    public static final String LANG_DESCRIPTION = "De taal van text/plain en text/markdown: nl (standaard) of en.";

    private SentenceAnswer() {
    }

    @Schema(name = "QuotableSentence", description = "Een zin om te citeren, in het Nederlands en het Engels, met de dag waarop het oordeel of de stand geldt.")
    public record Dto(
            @Schema(description = "De zin in het Nederlands.", required = true) String nl,
            @Schema(description = "De zin in het Engels.", required = true) String en,
            @Schema(description = "De dag waarop het oordeel of de stand geldt (de evaluatiedatum, of die van asOf); afwezig bij de zin van een waarneming, die geen oordeel heeft.", format = "date")
            LocalDate evaluatedOn,
            @Schema(description = "Waar de zin over gaat, als link (relatief aan /api/v1).", required = true, examples = "/norms/roemernorm") String about) {
    }

    /**
     * The answer for a sentence in the type asked for.
     *
     * @param apiBase the API's address as the client reached it, where the Markdown links a source without an address of its own
     */
    public static Response of(Sentence sentence, LocalDate evaluatedOn, String about, java.net.URI apiBase, String lang, String accept) {
        String type = MediaNegotiation.require(accept, TYPES, null);
        Language language = language(lang);
        return switch (type) {
            case TEXT -> Response.ok(sentence.render(language) + "\n", TEXT + ";charset=utf-8").header("Content-Language", language.name()).build();
            case MARKDOWN -> Response.ok(sentence.markdown(language, new Markdown.Links(apiBase == null ? null : apiBase.toString())) + "\n",
                    MARKDOWN + ";charset=utf-8").header("Content-Language", language.name()).build();
            default -> Response.ok(new Dto(sentence.render(Language.nl), sentence.render(Language.en), evaluatedOn, about), MediaType.APPLICATION_JSON_TYPE).build();
        };
    }

    public static Language language(String lang) {
        if (lang == null) {
            return Language.nl;
        }
        try {
            return Language.valueOf(lang);
        } catch (IllegalArgumentException e) {
            throw ApiException.badParameter("lang", "'" + lang + "' is geen taal van de zinnen; kies nl of en");
        }
    }
}

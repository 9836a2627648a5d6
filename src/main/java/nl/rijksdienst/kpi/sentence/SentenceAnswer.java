package nl.rijksdienst.kpi.sentence;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import nl.rijksdienst.kpi.common.ApiException;
import nl.rijksdienst.kpi.common.LocalizedText;
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
            @Schema(description = "De dag waarop het oordeel of de stand geldt (de evaluatiedatum, of die van asOf).", required = true, format = "date")
            LocalDate evaluatedOn,
            @Schema(description = "Waar de zin over gaat, als link (relatief aan /api/v1).", required = true, examples = "/norms/roemernorm") String about) {
    }

    public static Response of(LocalizedText sentence, LocalDate evaluatedOn, String about, String sourceUrl, String lang, String accept) {
        String type = MediaNegotiation.choose(accept, TYPES).orElseThrow(() -> new ApiException(406, nl.rijksdienst.kpi.common.ProblemMappers.titleFor(406),
                "Deze resource is beschikbaar als " + String.join(", ", TYPES) + ".", List.of()));
        Language language = language(lang);
        String text = language == Language.nl ? sentence.nl() : sentence.en();
        return switch (type) {
            case TEXT -> Response.ok(text + "\n", TEXT + ";charset=utf-8").header("Content-Language", language.name()).build();
            case MARKDOWN -> Response.ok(markdown(text, sourceUrl, language), MARKDOWN + ";charset=utf-8").header("Content-Language", language.name()).build();
            default -> Response.ok(new Dto(sentence.nl(), sentence.en(), evaluatedOn, about), MediaType.APPLICATION_JSON_TYPE).build();
        };
    }

    static Language language(String lang) {
        if (lang == null) {
            return Language.nl;
        }
        try {
            return Language.valueOf(lang);
        } catch (IllegalArgumentException e) {
            throw ApiException.badParameter("lang", "'" + lang + "' is geen taal van de zinnen; kies nl of en");
        }
    }

    /** The sentence as Markdown: its characters escaped so that it reads as written, and the source linked where it has an address. */
    static String markdown(String text, String sourceUrl, Language language) {
        // the characters that would make Markdown of the text: emphasis, code, links, HTML, and a heading or list at the start
        String escaped = text.replaceAll("([\\\\`*_\\[\\]<>|])", "\\\\$1").replaceFirst("^([#+-])", "\\\\$1");
        if (sourceUrl != null && !sourceUrl.isBlank()) {
            escaped += " [" + (language == Language.nl ? "Naar de bron" : "To the source") + "](" + sourceUrl.replace(")", "%29").replace(" ", "%20") + ")";
        }
        return escaped + "\n";
    }
}

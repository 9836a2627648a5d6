package nl.rijksdienst.kpi.sentence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import nl.rijksdienst.kpi.common.LocalizedText;

/**
 * A quotable sentence: clauses in order, each of parts. Parts of a clause are joined by a comma,
 * clauses end with a full stop; a part with nothing to say (no caveats, the minister's own figure)
 * leaves no trace.
 */
public record Sentence(List<List<Part>> clauses) {

    public static Builder builder() {
        return new Builder();
    }

    public String render(Language language) {
        return join(part -> part.render(language));
    }

    /** The sentence as Markdown: the figure and the verdict in bold, the source linked as {@code links} says. */
    public String markdown(Language language, Markdown.Links links) {
        String markdown = join(part -> part.render(language).isBlank() ? "" : part.markdown(language, links));
        // a sentence that begins like a list item or a heading still reads as a sentence
        return markdown.replaceFirst("^(\\d+)([.)])", "$1\\\\$2").replaceFirst("^([+-]) ", "\\\\$1 ");
    }

    private String join(java.util.function.Function<Part, String> written) {
        List<String> out = new ArrayList<>();
        for (List<Part> clause : clauses) {
            List<String> parts = clause.stream().map(written).filter(s -> !s.isBlank()).map(Sentence::withoutStop).toList();
            if (!parts.isEmpty()) {
                out.add(String.join(", ", parts) + ".");
            }
        }
        return String.join(" ", out);
    }

    public LocalizedText text() {
        return LocalizedText.of(render(Language.nl), render(Language.en));
    }

    private static String withoutStop(String s) {
        String t = s.strip();
        return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
    }

    public static final class Builder {
        private final List<List<Part>> clauses = new ArrayList<>();

        public Builder clause(Part... parts) {
            clauses.add(Arrays.stream(parts).filter(java.util.Objects::nonNull).toList());
            return this;
        }

        public Sentence build() {
            return new Sentence(List.copyOf(clauses));
        }
    }
}

package nl.rijksdienst.kpi.sentence;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import nl.rijksdienst.kpi.commitment.CommitmentDto;
import nl.rijksdienst.kpi.commitment.CommitmentKind;
import nl.rijksdienst.kpi.commitment.CommitmentState;
import nl.rijksdienst.kpi.common.LocalizedText;
import nl.rijksdienst.kpi.indicator.Unit;
import nl.rijksdienst.kpi.norm.Operator;
import nl.rijksdienst.kpi.observation.CitationDto;
import nl.rijksdienst.kpi.observation.ObservationDto;
import nl.rijksdienst.kpi.observation.Speaker;
import nl.rijksdienst.kpi.norm.check.TrendDirection;
import nl.rijksdienst.kpi.period.Frequency;
import nl.rijksdienst.kpi.period.Period;
import nl.rijksdienst.kpi.period.PeriodDto;

/**
 * One part of a quotable sentence, written in either language. A sentence is a list of parts
 * ({@link Sentence}); each part is tested on its own, and none is built by concatenation elsewhere.
 */
public sealed interface Part {

    String render(Language language);

    /** The part as Markdown: its text escaped, unless the part marks something out (the figure, the verdict, the source). */
    default String markdown(Language language, Markdown.Links links) {
        return Markdown.escape(render(language));
    }

    private static String text(LocalizedText text, Language language) {
        return Words.text(text, language);
    }

    /** What was measured, when, and the figure: "Aandeel externe inhuur in 2024: 15,4%". */
    record Observed(LocalizedText subject, Map<String, LocalizedText> breakdown, ObservationDto observation) implements Part {
        @Override
        public String render(Language language) {
            StringBuilder s = new StringBuilder(text(subject, language));
            if (!breakdown.isEmpty()) {
                s.append(" (").append(String.join(", ", breakdown.values().stream().map(t -> text(t, language)).toList())).append(")");
            }
            s.append(' ').append(Words.period(observation.period(), language));
            if (observation.basePeriod() != null) {
                s.append(' ').append(Words.basePeriod(observation.basePeriod(), language));
            }
            return s.append(": ").append(Words.figure(observation, language)).toString();
        }

        @Override
        public String markdown(Language language, Markdown.Links links) {
            String plain = render(language);
            String figure = Words.figure(observation, language);
            return Markdown.escape(plain.substring(0, plain.length() - figure.length())) + Markdown.strong(figure);
        }
    }

    /** The norm and the verdict: "Roemernorm (ten hoogste 10%): overschreden". */
    record Verdict(LocalizedText norm, Threshold threshold, LocalizedText verdict) implements Part {
        @Override
        public String render(Language language) {
            return text(norm, language) + " (" + threshold.render(language) + "): " + text(verdict, language);
        }

        @Override
        public String markdown(Language language, Markdown.Links links) {
            return Markdown.escape(text(norm, language) + " (" + threshold.render(language) + "): ") + Markdown.strong(text(verdict, language));
        }
    }

    /** The movement since the previous comparable figure: "gelijk aan 2023", "0,4 procentpunt beter dan in 2023". */
    record Trend(TrendDirection direction, BigDecimal change, String unit, String previousPeriod) implements Part {
        @Override
        public String render(Language language) {
            boolean nl = language == Language.nl;
            if (previousPeriod == null || change == null) {
                return "";
            }
            return switch (direction) {
                case stable -> nl ? "gelijk aan " + previousPeriod : "unchanged since " + previousPeriod;
                case improving -> Words.difference(change, unit, language) + (nl ? " beter dan in " : " better than in ") + previousPeriod;
                case worsening -> Words.difference(change, unit, language) + (nl ? " slechter dan in " : " worse than in ") + previousPeriod;
                case unknown, not_comparable -> "";
            };
        }
    }

    /** The threshold in words: "ten hoogste 10%", "ten minste 25.000, uiterlijk 31 december 2025", "“nagenoeg alle”, gelezen als ten minste 95%". */
    record Threshold(Operator operator, BigDecimal value, Unit unit, java.time.LocalDate deadline, String wording, boolean interpreted,
            LocalizedText reference, String referencePeriod) implements Part {
        @Override
        public String render(Language language) {
            boolean nl = language == Language.nl;
            String bound = operator == Operator.at_most ? (nl ? "ten hoogste " : "at most ") : (nl ? "ten minste " : "at least ");
            String s;
            if (reference != null) {
                s = (nl ? "tegenover " : "against ") + text(reference, language).toLowerCase(Words.locale(language))
                        + (value == null ? "" : (nl ? " van " : " of ") + Words.amount(value, unit, language)
                        + (referencePeriod == null ? "" : (nl ? " in " : " in ") + referencePeriod));
            } else if (interpreted) {
                s = "“" + wording + "”" + (nl ? ", gelezen als " : ", read as ") + bound + Words.amount(value, unit, language);
            } else {
                s = bound + Words.amount(value, unit, language);
            }
            return deadline == null ? s : s + (nl ? ", uiterlijk " : ", by ") + Words.date(deadline, language);
        }
    }

    /** The figure minus the threshold, signed: "verschil +5,4 procentpunt"; for a range or bound its two ends. */
    record Gap(BigDecimal value, BigDecimal low, BigDecimal high, String unit) implements Part {
        @Override
        public String render(Language language) {
            String word = language == Language.nl ? "verschil " : "difference ";
            if (value != null) {
                return word + signed(value, language);
            }
            return word + (language == Language.nl ? "tussen " : "between ") + signed(low, language) + (language == Language.nl ? " en " : " and ")
                    + signed(high, language);
        }

        private String signed(BigDecimal v, Language language) {
            return (v.signum() > 0 ? "+" : v.signum() < 0 ? "-" : "") + Words.difference(v, unit, language);
        }
    }

    /** Who states the figure (or the norm, or the commitment), when it is not the minister: a members' number is never the government's. */
    record StatedBy(Subject what, CitationDto citation) implements Part {

        /** What is stated: the word for it, and what it is not when members state it. */
        public enum Subject {
            FIGURE("Het cijfer", "The figure", "het is geen cijfer van het kabinet", "it is not a government figure"),
            NORM("De norm", "The norm", "het kabinet noemt haar in deze bron niet zelf", "the government does not state it itself in this source"),
            COMMITMENT("De toezegging", "The commitment", "het kabinet noemt haar in deze bron niet zelf", "the government does not state it itself in this source");

            final LocalizedText word;
            final LocalizedText notGovernment;

            Subject(String nl, String en, String notNl, String notEn) {
                this.word = LocalizedText.of(nl, en);
                this.notGovernment = LocalizedText.of(notNl, notEn);
            }
        }

        static final Subject FIGURE = Subject.FIGURE;
        static final Subject NORM = Subject.NORM;
        static final Subject COMMITMENT = Subject.COMMITMENT;

        @Override
        public String render(Language language) {
            boolean nl = language == Language.nl;
            if (citation.statedBy() == null || citation.statedBy() == Speaker.minister) {
                return "";
            }
            String s = citation.statedBy() == Speaker.members
                    ? text(what.word, language) + (nl ? " noemen Kamerleden (" + citation.statedByName() + ") in hun vraag"
                            : " is stated by members of parliament (" + citation.statedByName() + ") in their question")
                    : text(what.word, language) + (nl ? " komt uit " : " comes from ") + citation.statedByName();
            if (citation.response() != null) {
                String stance = switch (citation.response().stance()) {
                    case confirms -> nl ? "bevestigt het" : "confirms it";
                    case qualifies -> nl ? "nuanceert het" : "qualifies it";
                    case rejects -> nl ? "weerspreekt het" : "contradicts it";
                };
                s += (nl ? "; het antwoord van de minister " : "; the minister's answer ") + stance;
            } else if (citation.statedBy() == Speaker.members) {
                s += "; " + text(what.notGovernment, language);
            }
            return s;
        }
    }

    /** What is promised, by whom, to whom and by when: "Streven van de minister aan de Tweede Kamer: …, “uiterlijk Q3 2026”". */
    record Promise(CommitmentKind kind, String by, String to, LocalizedText what,
            CommitmentDto.DueDto due) implements Part {
        @Override
        public String render(Language language) {
            boolean nl = language == Language.nl;
            String kindWords = switch (kind) {
                case promise -> nl ? "Toezegging" : "Promise";
                case aim -> nl ? "Streven" : "Aim";
                case expectation -> nl ? "Verwachting" : "Expectation";
                case announcement -> nl ? "Aankondiging" : "Announcement";
                case consideration -> nl ? "Overweging" : "Under consideration";
            };
            StringBuilder s = new StringBuilder(kindWords);
            if (by != null && !by.isBlank()) {
                s.append(nl ? " van " : " by ").append(by);
            }
            if (to != null && !to.isBlank()) {
                s.append(nl ? " aan " : " to ").append(to);
            }
            s.append(": ").append(text(what, language));
            if (due == null) {
                return s.append(nl ? ", zonder termijn" : ", with no term").toString();
            }
            if (nl) {
                return s.append(", “").append(due.wording()).append("”").toString();
            }
            String when = switch (due.qualifier()) {
                case no_later_than -> "by " + Words.date(due.end(), language);
                case during -> Words.period(new PeriodDto(due.periodCode(),
                        Period.parse(due.periodCode()).map(Period::frequency)
                                .orElse(Frequency.interval), due.start(), due.end()), language);
                case on -> "on " + Words.date(due.start(), language);
            };
            return s.append(", ").append(when).append(" (“").append(due.wording()).append("”)").toString();
        }
    }

    /** Where a commitment stands on a day: "Stand op 3 december 2026: termijn verstreken". */
    record Standing(CommitmentState state, java.time.LocalDate day) implements Part {
        @Override
        public String render(Language language) {
            boolean nl = language == Language.nl;
            String words = switch (state) {
                case open -> nl ? "open" : "open";
                case due_soon -> nl ? "binnenkort" : "due soon";
                case overdue -> nl ? "termijn verstreken" : "overdue";
                case delivered -> nl ? "geleverd" : "delivered";
            };
            return (nl ? "Stand op " : "As of ") + Words.date(day, language) + ": " + words;
        }

        @Override
        public String markdown(Language language, Markdown.Links links) {
            String plain = render(language);
            int colon = plain.lastIndexOf(": ") + 2;
            return Markdown.escape(plain.substring(0, colon)) + Markdown.strong(plain.substring(colon));
        }
    }

    /** A text of the data, as it is: the note that explains a state. */
    record Note(LocalizedText note) implements Part {
        @Override
        public String render(Language language) {
            return note == null ? "" : text(note, language);
        }
    }

    /** Every caveat the check carries, in its own words: "Let op: …". */
    record Caveats(List<LocalizedText> caveats) implements Part {
        @Override
        public String render(Language language) {
            if (caveats.isEmpty()) {
                return "";
            }
            return (language == Language.nl ? "Let op: " : "Note: ") + String.join(" ", caveats.stream().map(c -> text(c, language)).toList());
        }
    }

    /**
     * The citation: "Bron: <title> (Kamerstuk 31490-400), A.b, 22 januari 2026"; in Markdown the
     * title links to the source's address, or else to its record in the API.
     */
    record Source(String sourceId, String url, String title, String kamerstuk, String section, java.time.LocalDate date) implements Part {
        @Override
        public String render(Language language) {
            return (language == Language.nl ? "Bron: " : "Source: ") + title + after(language);
        }

        @Override
        public String markdown(Language language, Markdown.Links links) {
            return Markdown.escape(language == Language.nl ? "Bron: " : "Source: ") + Markdown.link(title, links.source(sourceId, url))
                    + Markdown.escape(after(language));
        }

        private String after(Language language) {
            boolean nl = language == Language.nl;
            StringBuilder s = new StringBuilder();
            if (kamerstuk != null && !kamerstuk.isBlank()) {
                s.append(nl ? " (Kamerstuk " : " (parliamentary paper ").append(kamerstuk).append(')');
            }
            if (section != null && !section.isBlank()) {
                s.append(", ").append(section);
            }
            if (date != null) {
                s.append(", ").append(Words.date(date, language));
            }
            return s.toString();
        }
    }

    /** A norm without a figure to check: "Banenafspraak overheid (ten minste 25.000, uiterlijk 31 december 2025): geen gegevens". */
    record NoData(LocalizedText norm, Threshold threshold, LocalizedText verdict) implements Part {
        @Override
        public String render(Language language) {
            return text(norm, language) + " (" + threshold.render(language) + "): " + text(verdict, language);
        }
    }
}

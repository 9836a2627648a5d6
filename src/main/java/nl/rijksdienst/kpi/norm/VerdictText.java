package nl.rijksdienst.kpi.norm;

import nl.rijksdienst.kpi.common.LocalizedText;
import nl.rijksdienst.kpi.norm.check.Verdict;

/**
 * A verdict in words that fit the norm: a ceiling that is breached is exceeded ("overschreden"), a
 * floor not reached ("niet gehaald"), a comparison below its reference "lager dan"; and a verdict
 * that rests on a members' number or on our reading of the source says so.
 */
public final class VerdictText {

    private VerdictText() {
    }

    public static LocalizedText of(Verdict verdict, Norm norm, VerdictBasis basis) {
        boolean comparison = norm.kind == NormKind.comparison;
        boolean ceiling = norm.operator == Operator.at_most;
        LocalizedText words = switch (verdict) {
            case met -> comparison
                    ? (ceiling ? LocalizedText.of("niet hoger dan de vergelijkingswaarde", "not above the reference")
                               : LocalizedText.of("niet lager dan de vergelijkingswaarde", "not below the reference"))
                    : LocalizedText.of("voldaan", "met");
            case breached -> comparison
                    ? (ceiling ? LocalizedText.of("hoger dan de vergelijkingswaarde", "above the reference")
                               : LocalizedText.of("lager dan de vergelijkingswaarde", "below the reference"))
                    : ceiling ? LocalizedText.of("overschreden", "exceeded") : LocalizedText.of("niet gehaald", "not reached");
            case on_track -> LocalizedText.of("op koers", "on track");
            case off_track -> LocalizedText.of("niet op koers", "off track");
            case indeterminate -> LocalizedText.of("onbepaald", "indeterminate");
            case no_data -> LocalizedText.of("geen gegevens", "no data");
        };
        if (verdict == Verdict.no_data) {
            return words;
        }
        return switch (basis) {
            case source -> words;
            case members -> LocalizedText.of(words.nl() + ", getoetst aan een getal van " + who(norm) + " dat het antwoord niet bevestigt",
                    words.en() + ", checked against a figure of " + whoEn(norm) + " that the answer does not confirm");
            case interpretation -> LocalizedText.of(words.nl() + ", getoetst aan onze lezing van de bron, die geen getal noemt",
                    words.en() + ", checked against our reading of the source, which gives no number");
        };
    }

    /** Who states a norm that is not the minister's: "Kamerleden (CDA-fractie)", or the third party's name. */
    static String who(Norm norm) {
        return norm.statedBy == nl.rijksdienst.kpi.observation.Speaker.members ? "Kamerleden (" + norm.statedByName + ")" : norm.statedByName;
    }

    private static String whoEn(Norm norm) {
        return norm.statedBy == nl.rijksdienst.kpi.observation.Speaker.members ? "members of parliament (" + norm.statedByName + ")" : norm.statedByName;
    }
}

package nl.rijksdienst.kpi.norm.check;

import nl.rijksdienst.kpi.observation.ObservationStatus;
import nl.rijksdienst.kpi.observation.Qualifier;

/** A reason to read a verdict with care, with a fixed code and a text in Dutch and English. */
public record Caveat(String code, String nl, String en) {

    public static final Caveat PROVISIONAL = new Caveat("provisional",
            "Voorlopig cijfer (tussenstand); het kan nog wijzigen.", "Provisional (interim) figure; it may still change.");
    public static final Caveat ESTIMATE = new Caveat("estimate", "Het cijfer is een schatting.", "The figure is an estimate.");
    public static final Caveat FORECAST = new Caveat("forecast",
            "Het cijfer is een verwachting, geen realisatie.", "The figure is a forecast, not an outcome.");
    public static final Caveat APPROXIMATE = new Caveat("approximate",
            "Het cijfer is bij benadering ('ca.'); de uitkomst van de toets ook.", "The figure is approximate; so is the outcome of the check.");
    public static final Caveat LOWER_BOUND = new Caveat("lower_bound",
            "Het cijfer is een ondergrens ('ruim', 'meer dan'): de werkelijke waarde is hoger.", "The figure is a lower bound: the actual value is higher.");
    public static final Caveat UPPER_BOUND = new Caveat("upper_bound",
            "Het cijfer is een bovengrens: de werkelijke waarde is lager.", "The figure is an upper bound: the actual value is lower.");
    public static final Caveat RANGE = new Caveat("range",
            "De bron geeft een bandbreedte, geen enkel getal.", "The source gives a range, not a single number.");
    public static final Caveat QUALITATIVE = new Caveat("qualitative",
            "De bron geeft geen getal; aan de norm is het niet te toetsen.", "The source gives no number; it cannot be checked against the norm.");
    public static final Caveat SERIES_BREAK = new Caveat("series_break",
            "Niet vergelijkbaar met eerdere periodes (breuk in de reeks).", "Not comparable with earlier periods (break in series).");
    public static final Caveat NOT_COMPARABLE = new Caveat("not_comparable",
            "Er is geen vergelijkbare eerdere waarneming (andere periodelengte of breuk in de reeks); de trend is niet te bepalen.",
            "There is no comparable earlier observation (other period length or a break in series); no trend can be given.");
    public static final Caveat REFERENCE_FORECAST = new Caveat("reference_forecast",
            "De waarde waarmee wordt vergeleken is een verwachting.", "The value compared against is a forecast.");
    public static final Caveat REFERENCE_MISSING = new Caveat("reference_missing",
            "Er is geen vergelijkingswaarde voor deze periode.", "There is no value to compare against for this period.");
    public static final Caveat PACE_UNKNOWN = new Caveat("pace_unknown",
            "Er is maar één vergelijkbare waarneming, dus het tempo is niet te meten en of de streefwaarde op tijd gehaald wordt, is onbepaald; het benodigde tempo staat erbij.",
            "There is only one comparable observation, so the pace cannot be measured and whether the target is reached in time is indeterminate; the required pace is given.");
    public static final Caveat INTERIM_INDICATION = new Caveat("interim_indication",
            "Tussentijdse indicatie: een cijfer over een kortere periode dan waar de norm over gaat; het oordeel over die periode volgt later.",
            "Interim indication: a figure for a shorter period than the norm is about; the verdict on that period comes later.");
    public static final Caveat DEADLINE_PASSED = new Caveat("deadline_passed",
            "De deadline is verstreken, maar er is nog geen waarneming van na de deadline.",
            "The deadline has passed, but there is no observation from after it yet.");
    public static final Caveat NO_DATA = new Caveat("no_data",
            "Er zijn geen waarnemingen om aan de norm te toetsen.", "There are no observations to check against the norm.");

    public static final Caveat TARGET = new Caveat("target",
            "Het cijfer is een streefwaarde, geen realisatie.", "The figure is a target, not an outcome.");

    /**
     * The caveats a figure carries by itself, in this order: its status (provisional, estimate,
     * forecast, target), how the source states it (approximate, a bound, a range, words only), and a
     * break in its series.
     */
    public static java.util.List<Caveat> ofFigure(ObservationStatus status, Qualifier qualifier, boolean seriesBreak) {
        java.util.List<Caveat> caveats = new java.util.ArrayList<>();
        switch (status) {
            case provisional -> caveats.add(PROVISIONAL);
            case estimate -> caveats.add(ESTIMATE);
            case forecast -> caveats.add(FORECAST);
            case target -> caveats.add(TARGET);
            case final_ -> {
            }
        }
        switch (qualifier) {
            case approximate -> caveats.add(APPROXIMATE);
            case lower_bound -> caveats.add(LOWER_BOUND);
            case upper_bound -> caveats.add(UPPER_BOUND);
            case range -> caveats.add(RANGE);
            case qualitative -> caveats.add(QUALITATIVE);
            case exact -> {
            }
        }
        if (seriesBreak) {
            caveats.add(SERIES_BREAK);
        }
        return caveats;
    }

    public static Caveat interpretation(String text) {
        return new Caveat("interpretation", "De bron noemt geen getal; de drempel is een lezing van haar woorden: " + text,
                "The source gives no number; the threshold is a reading of its words (see the norm's interpretation).");
    }
}

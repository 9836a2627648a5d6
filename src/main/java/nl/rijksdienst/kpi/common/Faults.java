package nl.rijksdienst.kpi.common;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Collects the faults of a request body, each naming its field, and answers 422 when there are any. */
public final class Faults {

    public static final Pattern KEBAB_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    public static final Pattern LOWER_CAMEL = Pattern.compile("[a-z][a-zA-Z0-9]*");
    public static final int MAX_ID = 100;
    public static final int MAX_TEXT = 10_000;

    private final List<Problem.InvalidParam> faults = new ArrayList<>();

    public Faults add(String field, String reason) {
        faults.add(new Problem.InvalidParam(field, reason));
        return this;
    }

    /** Adds a fault when the text is missing or blank; true when it is present. */
    public boolean required(String field, String value) {
        if (value == null || value.isBlank()) {
            add(field, "ontbreekt");
            return false;
        }
        if (value.length() > MAX_TEXT) {
            add(field, "te lang: hooguit " + MAX_TEXT + " tekens");
            return false;
        }
        return true;
    }

    public void optionalText(String field, String value) {
        if (value != null && value.length() > MAX_TEXT) {
            add(field, "te lang: hooguit " + MAX_TEXT + " tekens");
        }
    }

    /** A kebab-case identifier of at most 100 characters. */
    public boolean kebabId(String field, String value) {
        if (!required(field, value)) {
            return false;
        }
        if (value.length() > MAX_ID || !KEBAB_ID.matcher(value).matches()) {
            add(field, "'" + value + "' is geen identificatie in kebab-case (kleine letters, cijfers en streepjes, hooguit " + MAX_ID + " tekens)");
            return false;
        }
        return true;
    }

    public boolean isEmpty() {
        return faults.isEmpty();
    }

    /** Throws a 422 problem naming every field at fault, when there is one. */
    public void throwIfAny() {
        if (faults.isEmpty()) {
            return;
        }
        throw new ApiException(422, "Onverwerkbare invoer", faults.size() == 1
                ? "Veld '" + faults.get(0).name() + "': " + faults.get(0).reason()
                : "Ongeldige velden: " + String.join(", ", faults.stream().map(Problem.InvalidParam::name).distinct().toList()), faults);
    }
}

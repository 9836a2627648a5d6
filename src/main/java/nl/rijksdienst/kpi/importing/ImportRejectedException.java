package nl.rijksdienst.kpi.importing;

import nl.rijksdienst.kpi.common.Problem.InvalidRow;

import java.util.List;

/** An import with rows that cannot be written; nothing of it is written. */
public class ImportRejectedException extends RuntimeException {

    private final List<InvalidRow> errors;
    private final long moreErrors;

    public ImportRejectedException(List<InvalidRow> errors) {
        this(errors, 0);
    }

    public ImportRejectedException(List<InvalidRow> errors, long moreErrors) {
        super(errors.size() + moreErrors + " rij(en) kunnen niet worden geschreven");
        this.errors = List.copyOf(errors);
        this.moreErrors = moreErrors;
    }

    public List<InvalidRow> errors() {
        return errors;
    }

    public long moreErrors() {
        return moreErrors;
    }
}

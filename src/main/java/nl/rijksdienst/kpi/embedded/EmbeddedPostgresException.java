package nl.rijksdienst.kpi.embedded;

/** The embedded server cannot start or keep running; the message says why and what to do. */
public class EmbeddedPostgresException extends RuntimeException {

    EmbeddedPostgresException(String message) {
        super(message);
    }

    EmbeddedPostgresException(String message, Throwable cause) {
        super(message, cause);
    }
}

package nl.rijksdienst.kpi;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.util.Arrays;
import nl.rijksdienst.kpi.auth.EditorTokenCommand;

/**
 * Starts the service; {@code editor-token [user] [hours]} instead prints a local editor's token and
 * exits without starting anything.
 */
@QuarkusMain
public class Main {

    public static void main(String... args) {
        if (args.length > 0 && "editor-token".equals(args[0])) {
            System.exit(EditorTokenCommand.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        // RequestLimits checks each request target, and answers a malformed one as problem+json (Quarkus would answer an empty 400)
        System.setProperty("vertx.disableURIValidation", "true");
        Quarkus.run(args);
    }
}

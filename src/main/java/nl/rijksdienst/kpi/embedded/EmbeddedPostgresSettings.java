package nl.rijksdienst.kpi.embedded;

import java.nio.file.Path;

/** Where the embedded server keeps its data, and whether it starts from an empty directory. */
record EmbeddedPostgresSettings(Path dataDirectory, boolean cleanStart) {
}

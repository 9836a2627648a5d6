package nl.rijksdienst.kpi.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Programs the tests use as their users would (Spectral, node packages), installed into target/ from the npm registry. */
public final class ExternalTools {

    private ExternalTools() {
    }

    public static boolean onPath(String name) {
        return Stream.of(System.getenv("PATH").split(File.pathSeparator)).anyMatch(dir -> Files.isExecutable(Path.of(dir, name)));
    }

    /** Installs the npm packages into the directory, unless the marker path below it already exists. */
    public static void npmInstall(Path dir, String installed, String... packages) throws Exception {
        Files.createDirectories(dir);
        if (Files.exists(dir.resolve(installed))) {
            return;
        }
        List<String> command = new ArrayList<>(List.of("npm", "install", "--no-audit", "--no-fund", "--prefix", dir.toString()));
        command.addAll(List.of(packages));
        run(command, dir.resolve("npm.log"), Map.of());
    }

    /**
     * Writes a script to {@code target/<folder>/<file>}, runs it with the interpreter (Rscript,
     * python3) and returns its output; the log lies beside it as {@code <file>.log}.
     */
    public static String runScript(String interpreter, String folder, String file, String script) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", folder));
        Path path = dir.resolve(file);
        Files.writeString(path, script);
        return run(List.of(interpreter, path.toString()), dir.resolve(file + ".log"), Map.of());
    }

    /** Runs the command to its end (at most five minutes), expects exit status 0 and returns its output. */
    public static String run(List<String> command, Path log, Map<String, String> env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as(String.join(" ", command)).isTrue();
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}

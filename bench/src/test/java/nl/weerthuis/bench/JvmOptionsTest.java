package nl.weerthuis.bench;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * jvm.options is read two ways: by java itself as an argument file (the launcher, the Docker image) and by the bench
 * (so its results name the options). Both must give the JVM the same options, and the JVM must accept them, or an
 * application would not start at all.
 */
class JvmOptionsTest {

    @Test
    void theBenchStartsTheApplicationsWithTheOptionsTheLauncherPassesAsAnArgumentFile() throws Exception {
        String asArgumentFile = flags(List.of("@" + App.root().resolve("jvm.options")));
        String asReadByTheBench = flags(List.of(App.defaultJavaOptions().split(" ")));

        assertThat(asReadByTheBench).isEqualTo(asArgumentFile).contains("-XX:MaxHeapSize=");
    }

    /** The flags the JVM ends up with (-XX:+PrintCommandLineFlags); fails when the JVM refuses the options. */
    private static String flags(List<String> options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(options);
        command.addAll(List.of("-XX:+PrintCommandLineFlags", "-version"));
        Process java = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(java.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(java.exitValue()).as(output).isZero();
        return output.lines().filter(line -> line.startsWith("-XX:")).findFirst().orElseThrow();
    }
}

package nl.weerthuis.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Rewrites the README's figures section (between its markers) from the numbers the benchmarks just measured. */
final class ReadmeFigures {

    static final String BEGIN = "<!-- bench:begin -->", END = "<!-- bench:end -->";

    private ReadmeFigures() {
    }

    @SuppressWarnings("unchecked")
    static void update(Path readme, Map<String, Object> results) throws IOException {
        String text = Files.readString(readme);
        int begin = text.indexOf(BEGIN), end = text.indexOf(END);
        if (begin < 0 || end < begin) {
            return;
        }
        Map<String, Object> population = (Map<String, Object>) results.get("population");
        Map<String, Object> machine = (Map<String, Object>) results.get("machine");
        StringBuilder figures = new StringBuilder(BEGIN).append('\n');
        figures.append(String.format(Locale.ROOT, "Measured by `./weerthuis bench` on %s cores, %s, Java %s, local PostgreSQL; "
                        + "applications started with `%s`. Store: %,d clients, %,d events in %d regions (seed %s), "
                        + "loaded in %.0f s.%n%n", machine.get("cores"), machine.get("os"), machine.get("java"),
                machine.get("appJavaOptions"), population.get("clients"), population.get("events"), population.get("regions"),
                population.get("seed"), population.get("loadSeconds")));
        figures.append("| benchmark | measured | goal | met |\n|---|---|---|---|\n");
        Map<String, Object> p1 = (Map<String, Object>) results.get("P1");
        for (Map<String, Object> run : (List<Map<String, Object>>) p1.get("runs")) {
            Map<String, Object> http = (Map<String, Object>) run.get("http"), jdbc = (Map<String, Object>) run.get("jdbcBaseline");
            boolean met = (double) run.get("ratio") >= 0.5 && (double) http.get("p99Ms") <= 25;
            figures.append(String.format(Locale.ROOT, "| P1 commands, %s concurrent | %.0f/s (p50 %.1f ms, p99 %.1f ms); "
                            + "JDBC baseline %.0f/s (p99 %.1f ms); ratio %.2f | ≥ 0.5 × baseline, p99 ≤ 25 ms | %s |%n",
                    run.get("concurrency"), http.get("throughput"), http.get("p50Ms"), http.get("p99Ms"), jdbc.get("throughput"),
                    jdbc.get("p99Ms"), run.get("ratio"), met ? "yes" : "**no**"));
        }
        Map<String, Object> p2 = (Map<String, Object>) results.get("P2");
        figures.append(String.format(Locale.ROOT, "| P2 monitor rebuild | %,.0f events/s (%.1f s); raw read %,.0f events/s; "
                        + "ratio %.2f | ≥ 50,000 events/s | %s |%n", p2.get("rebuildEventsPerSecond"), p2.get("rebuildSeconds"),
                p2.get("rawReadEventsPerSecond"), p2.get("ratio"),
                (double) p2.get("rebuildEventsPerSecond") >= 50_000 ? "yes" : "**no**"));
        latencyRow(figures, results, "P3", "P3 history query", 20);
        latencyRow(figures, results, "P4", "P4 monitor query", 50);
        latencyRow(figures, results, "P5", "P5 partner delivery", 500);
        Map<String, Object> p6 = (Map<String, Object>) results.get("P6");
        double command = (double) p6.get("commandSidePeakMiB"), query = (double) p6.get("querySidePeakMiB");
        figures.append(String.format(Locale.ROOT, "| P6 peak RSS | command side %.0f MiB, query side %.0f MiB | ≤ 512 MB each | %s |%n",
                command, query, command <= 488 && query <= 488 ? "yes" : "**no**"));
        figures.append("\n![P1 latency against throughput](bench/results/latency-throughput.svg)\n");
        Files.writeString(readme, text.substring(0, begin) + figures + text.substring(end));
    }

    @SuppressWarnings("unchecked")
    private static void latencyRow(StringBuilder figures, Map<String, Object> results, String key, String name, double goal) {
        Map<String, Object> result = (Map<String, Object>) results.get(key);
        double p99 = (double) result.get("p99Ms");
        figures.append(String.format(Locale.ROOT, "| %s | p50 %.1f ms, p99 %.1f ms (n=%s) | p99 ≤ %.0f ms | %s |%n", name,
                result.get("p50Ms"), p99, result.get("count"), goal, p99 <= goal ? "yes" : "**no**"));
    }
}

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
        Map<String, Object> settings = (Map<String, Object>) results.get("settings");
        Object settle = settings.get("settleLimitSeconds");
        String settling = settle == null ? "" : String.format(Locale.ROOT,
                " (P1's then until two successive %d s windows' rates are within %.0f%%, at most %s s)",
                Settling.WINDOW_SECONDS, Settling.TOLERANCE * 100, settle);
        figures.append(String.format(Locale.ROOT, "Each run after a %s s warm-up%s, with every read model caught up; P1 runs %s s "
                + "each, P3 and P4 %s samples each or as many as %s s allow (n says which); events interleaved across aggregates; "
                + "`VACUUM ANALYZE` after loading. CPU: seconds of each process over the measured part (command side / "
                + "query side / PostgreSQL / load generator).%n%n", settings.get("warmupSeconds"), settling,
                settings.get("secondsPerRun"),
                settings.get("samples"), settings.get("seriesLimitSeconds")));
        figures.append("| benchmark | measured | goal | met | CPU s (cmd / query / pg / gen) |\n|---|---|---|---|---|\n");
        Map<String, Object> p1 = (Map<String, Object>) results.get("P1");
        for (Map<String, Object> run : (List<Map<String, Object>>) p1.get("runs")) {
            Map<String, Object> http = (Map<String, Object>) run.get("http"), jdbc = (Map<String, Object>) run.get("jdbcBaseline"),
                    equal = (Map<String, Object>) run.get("equalWorkBaseline");
            int concurrency = (int) run.get("concurrency");
            boolean met = (double) run.get("ratio") >= 0.5 && (concurrency != 32 || (double) http.get("p99Ms") <= 25)
                    && (concurrency != 1 || (double) http.get("throughput") >= 800);
            figures.append(String.format(Locale.ROOT, "| P1 commands, %d concurrent | %.0f/s (p50 %.1f ms, p99 %.1f ms); "
                            + "equal-work baseline %.0f/s (p99 %.1f ms), ratio %.2f; single-insert floor %.0f/s (p99 %.1f ms) | "
                            + "≥ 0.5 × equal-work%s | %s | %s |%n",
                    concurrency, http.get("throughput"), http.get("p50Ms"), http.get("p99Ms"), equal.get("throughput"),
                    equal.get("p99Ms"), run.get("ratio"), jdbc.get("throughput"), jdbc.get("p99Ms"),
                    concurrency == 32 ? ", p99 ≤ 25 ms" : concurrency == 1 ? ", ≥ 800/s" : "", met ? "yes" : "**no**",
                    cpu(http)));
        }
        Map<String, Object> p2 = (Map<String, Object>) results.get("P2");
        double rate = (double) p2.get("rebuildEventsPerSecond");
        figures.append(String.format(Locale.ROOT, "| P2 monitor rebuild | %,.0f events/s (%.1f s); raw read %,.0f events/s; "
                        + "ratio %.2f | ≥ 100,000 events/s, ≥ 0.5 × raw | %s | %s |%n", rate, p2.get("rebuildSeconds"),
                p2.get("rawReadEventsPerSecond"), p2.get("ratio"),
                rate >= 100_000 && (double) p2.get("ratio") >= 0.5 ? "yes" : "**no**", cpu(p2.get("rebuildCpu"))));
        latencyRow(figures, (Map<String, Object>) results.get("P3"), "P3 history query", 10);
        Map<String, Object> p4 = (Map<String, Object>) results.get("P4");
        latencyRow(figures, p4, "P4 monitor query, one region", 20);
        latencyRow(figures, (Map<String, Object>) p4.get("national"), "P4 monitor query, country by region", 20);
        latencyRow(figures, (Map<String, Object>) results.get("P5"), "P5 partner delivery", 500);
        Map<String, Object> p6 = (Map<String, Object>) results.get("P6");
        double command = (double) p6.get("commandSidePeakMiB"), query = (double) p6.get("querySidePeakMiB");
        figures.append(String.format(Locale.ROOT, "| P6 peak RSS | command side %.0f MiB, query side %.0f MiB | ≤ 512 MB each | %s | |%n",
                command, query, command <= 488 && query <= 488 ? "yes" : "**no**"));
        figures.append("\n![P1 latency against throughput](bench/results/latency-throughput.svg)\n");
        List<Map<String, Object>> sweep = (List<Map<String, Object>>) results.get("sweep");
        if (sweep != null && sweep.size() > 1) {
            figures.append("\nGrowth (`--clients` sweep; the store grows in steps, P2 and P4 measured at each):\n\n"
                    + "| clients | events | P2 rebuild | P2 events/s | P4 region p50 / p99 | P4 country p50 / p99 |\n"
                    + "|---|---|---|---|---|---|\n");
            for (Map<String, Object> step : sweep) {
                Map<String, Object> rebuild = (Map<String, Object>) step.get("P2"), monitor = (Map<String, Object>) step.get("P4"),
                        national = (Map<String, Object>) monitor.get("national");
                figures.append(String.format(Locale.ROOT, "| %,d | %,d | %.1f s | %,.0f | %.1f / %.1f ms | %.1f / %.1f ms |%n",
                        step.get("clients"), step.get("events"), rebuild.get("rebuildSeconds"),
                        rebuild.get("rebuildEventsPerSecond"), monitor.get("p50Ms"), monitor.get("p99Ms"),
                        national.get("p50Ms"), national.get("p99Ms")));
            }
            figures.append("\n![P2 rebuild time against clients](bench/results/growth-rebuild.svg)\n"
                    + "![P4 query latency against clients](bench/results/growth-monitor.svg)\n");
        }
        Files.writeString(readme, text.substring(0, begin) + figures + text.substring(end));
    }

    @SuppressWarnings("unchecked")
    private static String cpu(Object measured) {
        Map<String, Object> cpu = measured instanceof Map<?, ?> run && run.containsKey("cpu")
                ? (Map<String, Object>) run.get("cpu") : (Map<String, Object>) measured;
        if (cpu == null) {
            return "";
        }
        return String.format(Locale.ROOT, "%s / %s / %s / %s", cpu.get("commandSide"), cpu.get("querySide"), cpu.get("postgres"),
                cpu.get("loadGenerator"));
    }

    private static void latencyRow(StringBuilder figures, Map<String, Object> result, String name, double goal) {
        double p99 = (double) result.get("p99Ms");
        figures.append(String.format(Locale.ROOT, "| %s | p50 %.1f ms, p99 %.1f ms (n=%s) | p99 ≤ %.0f ms | %s | %s |%n", name,
                result.get("p50Ms"), p99, result.get("count"), goal, p99 <= goal ? "yes" : "**no**", cpu(result)));
    }
}

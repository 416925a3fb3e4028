package nl.weerthuis.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU seconds per process over a phase, from {@code /proc/<pid>/stat} (user + system time): the command side, the
 * query side, PostgreSQL (the postmaster, every process it started, and the time of those that already ended) and
 * the load generator (this process). On a shared 2-core machine a phase's figure means little without knowing who
 * spent the cores.
 */
final class CpuMeter {

    private static final double TICKS_PER_SECOND = clockTicks();

    private final Map<String, Long> processes = new LinkedHashMap<>();
    private final long postmaster;

    /** A snapshot of every process's CPU time so far, and the wall clock. */
    record Snapshot(long nanos, Map<String, Double> seconds) {
    }

    CpuMeter(long postmaster) {
        this.postmaster = postmaster;
        processes.put("loadGenerator", ProcessHandle.current().pid());
    }

    CpuMeter with(String name, long pid) {
        processes.put(name, pid);
        return this;
    }

    Snapshot snapshot() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        for (Map.Entry<String, Long> process : processes.entrySet()) {
            long[] times = times(process.getValue());
            seconds.put(process.getKey(), times == null ? Double.NaN : (times[0] + times[1]) / TICKS_PER_SECOND);
        }
        seconds.put("postgres", postgres());
        return new Snapshot(System.nanoTime(), seconds);
    }

    /** CPU seconds each process spent since {@code before}, and the phase's wall-clock seconds. */
    Map<String, Object> since(Snapshot before) {
        Snapshot now = snapshot();
        Map<String, Object> spent = new LinkedHashMap<>();
        spent.put("wallSeconds", Latencies.round((now.nanos() - before.nanos()) / 1e9));
        for (Map.Entry<String, Double> process : now.seconds().entrySet()) {
            Double earlier = before.seconds().get(process.getKey());
            double delta = earlier == null || earlier.isNaN() || process.getValue().isNaN() ? Double.NaN
                    : process.getValue() - earlier;
            spent.put(process.getKey(), Double.isNaN(delta) ? null : Latencies.round(delta));
        }
        return spent;
    }

    static String describe(Map<String, Object> cpu) {
        return String.format(java.util.Locale.ROOT, "CPU s over %.1f s wall: command side %s, query side %s, PostgreSQL %s, load generator %s",
                cpu.get("wallSeconds"), cpu.getOrDefault("commandSide", "-"), cpu.getOrDefault("querySide", "-"),
                cpu.get("postgres"), cpu.get("loadGenerator"));
    }

    /**
     * The postmaster's own time, its ended children's (cutime, cstime) and every living child's — read again when a
     * child ended while the children were read: its whole lifetime then moved into the postmaster's cutime, between
     * the two readings, and would count in neither or in both (a load's connections closing as a phase begins put
     * their half minute of CPU each into the next phase).
     */
    private double postgres() {
        for (int attempt = 0; attempt < 10; attempt++) {
            long[] own = times(postmaster);
            if (own == null) {
                return Double.NaN; // PostgreSQL on another machine or in a container: not measured
            }
            long ticks = own[0] + own[1] + own[2] + own[3];
            try (DirectoryStream<Path> all = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
                for (Path process : all) {
                    long[] child = stat(process.resolve("stat"));
                    if (child != null && child[4] == postmaster) {
                        ticks += child[0] + child[1] + child[2] + child[3];
                    }
                }
            } catch (IOException e) {
                return Double.NaN;
            }
            long[] again = times(postmaster);
            if (again != null && again[2] == own[2] && again[3] == own[3]) {
                return ticks / TICKS_PER_SECOND;
            }
        }
        return Double.NaN;
    }

    private static long[] times(long pid) {
        return stat(Path.of("/proc", String.valueOf(pid), "stat"));
    }

    /** utime, stime, cutime, cstime (clock ticks) and the parent's pid; null when the process is gone. */
    private static long[] stat(Path file) {
        try {
            String line = Files.readString(file);
            // The command name may hold spaces and parentheses: fields are counted after its last ')'.
            String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
            return new long[]{Long.parseLong(fields[11]), Long.parseLong(fields[12]), Long.parseLong(fields[13]),
                    Long.parseLong(fields[14]), Long.parseLong(fields[1])};
        } catch (IOException | RuntimeException gone) {
            return null;
        }
    }

    /** The postmaster: the parent of the backend serving {@code backendPid}. */
    static long postmasterOf(long backendPid) {
        long[] backend = times(backendPid);
        return backend == null ? -1 : backend[4];
    }

    private static double clockTicks() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(getconf.getInputStream().readAllBytes()).trim();
            getconf.waitFor();
            return Double.parseDouble(out);
        } catch (IOException | RuntimeException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}

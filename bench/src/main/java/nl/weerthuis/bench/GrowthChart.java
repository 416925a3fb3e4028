package nl.weerthuis.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How a figure grows with the store, as an SVG: clients on the x axis, the figure on the y axis, both logarithmic, so
 * linear growth is a line of slope one and a flat figure a level line. One picture per sweep (P2's rebuild time,
 * P4's query latency), next to {@link LatencyChart}'s.
 */
final class GrowthChart {

    record Series(String name, String colour, List<double[]> points) {
    }

    private static final int W = 760, H = 440, LEFT = 80, RIGHT = 220, TOP = 40, BOTTOM = 60;

    private GrowthChart() {
    }

    /** P2: rebuild seconds against clients (and the raw read's, for the machine's own growth). */
    @SuppressWarnings("unchecked")
    static String rebuild(List<Map<String, Object>> sweep) {
        List<double[]> rebuild = new ArrayList<>(), raw = new ArrayList<>();
        for (Map<String, Object> step : sweep) {
            Map<String, Object> p2 = (Map<String, Object>) step.get("P2");
            double clients = ((Number) step.get("clients")).doubleValue();
            rebuild.add(new double[]{clients, ((Number) p2.get("rebuildSeconds")).doubleValue()});
            raw.add(new double[]{clients, ((Number) p2.get("rawReadSeconds")).doubleValue()});
        }
        return svg("P2: monitor rebuild time as the store grows", "s", List.of(
                new Series("rebuild", "#c0392b", rebuild), new Series("raw sequential read", "#2471a3", raw)));
    }

    /** P4: p50 and p99 of a region's figures and of the whole country by region, against clients. */
    @SuppressWarnings("unchecked")
    static String monitor(List<Map<String, Object>> sweep) {
        List<double[]> p50 = new ArrayList<>(), p99 = new ArrayList<>(), nationalP50 = new ArrayList<>(),
                nationalP99 = new ArrayList<>();
        for (Map<String, Object> step : sweep) {
            Map<String, Object> p4 = (Map<String, Object>) step.get("P4"), national = (Map<String, Object>) p4.get("national");
            double clients = ((Number) step.get("clients")).doubleValue();
            p50.add(new double[]{clients, ((Number) p4.get("p50Ms")).doubleValue()});
            p99.add(new double[]{clients, ((Number) p4.get("p99Ms")).doubleValue()});
            nationalP50.add(new double[]{clients, ((Number) national.get("p50Ms")).doubleValue()});
            nationalP99.add(new double[]{clients, ((Number) national.get("p99Ms")).doubleValue()});
        }
        return svg("P4: monitor query latency as the store grows", "ms", List.of(
                new Series("one region p50", "#2471a3", p50), new Series("one region p99", "#1b4f72", p99),
                new Series("country by region p50", "#c0392b", nationalP50),
                new Series("country by region p99", "#78281f", nationalP99)));
    }

    static String svg(String title, String unit, List<Series> series) {
        double minX = series.stream().flatMap(s -> s.points().stream()).mapToDouble(p -> p[0]).min().orElse(1);
        double maxX = series.stream().flatMap(s -> s.points().stream()).mapToDouble(p -> p[0]).max().orElse(10);
        double minY = series.stream().flatMap(s -> s.points().stream()).mapToDouble(p -> p[1]).min().orElse(0.1);
        double maxY = series.stream().flatMap(s -> s.points().stream()).mapToDouble(p -> p[1]).max().orElse(10);
        double x0 = Math.floor(Math.log10(Math.max(minX, 1))), x1 = Math.ceil(Math.log10(Math.max(maxX, 1)));
        double y0 = Math.floor(Math.log10(Math.max(minY, 0.01))), y1 = Math.ceil(Math.log10(Math.max(maxY, 0.01)));
        if (x1 <= x0) x1 = x0 + 1;
        if (y1 <= y0) y1 = y0 + 1;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"12\">%n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n", W, H));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"24\" font-size=\"15\" font-weight=\"bold\">%s</text>%n",
                LEFT, title));
        for (double e = x0; e <= x1; e++) {
            double x = sx(Math.pow(10, e), x0, x1);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>"
                    + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%,.0f</text>%n", x, TOP, x, H - BOTTOM, x,
                    H - BOTTOM + 16, Math.pow(10, e)));
        }
        for (double e = y0; e <= y1; e++) {
            double y = sy(Math.pow(10, e), y0, y1);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s %s</text>%n", LEFT, y, W - RIGHT, y, LEFT - 6, y + 4,
                    Math.pow(10, e) >= 1 ? String.format(Locale.ROOT, "%.0f", Math.pow(10, e)) : String.valueOf(Math.pow(10, e)), unit));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">clients in the store (log)</text>%n",
                (LEFT + W - RIGHT) / 2, H - 20));
        int legend = TOP;
        for (Series s : series) {
            StringBuilder path = new StringBuilder();
            for (double[] p : s.points()) {
                path.append(path.isEmpty() ? "M" : "L").append(String.format(Locale.ROOT, "%.1f,%.1f ", sx(p[0], x0, x1),
                        sy(p[1], y0, y1)));
            }
            svg.append(String.format(Locale.ROOT, "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>%n", path,
                    s.colour()));
            for (double[] p : s.points()) {
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\"/>"
                        + "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" fill=\"%s\">%.1f</text>%n", sx(p[0], x0, x1),
                        sy(p[1], y0, y1), s.colour(), sx(p[0], x0, x1) + 5, sy(p[1], y0, y1) - 5, s.colour(), p[1]));
            }
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"/>"
                    + "<text x=\"%d\" y=\"%d\">%s</text>%n", W - RIGHT + 14, legend, W - RIGHT + 44, legend, s.colour(),
                    W - RIGHT + 50, legend + 4, s.name()));
            legend += 20;
        }
        return svg.append("</svg>\n").toString();
    }

    private static double sx(double value, double x0, double x1) {
        return LEFT + (Math.log10(Math.max(value, 1e-3)) - x0) / (x1 - x0) * (W - LEFT - RIGHT);
    }

    private static double sy(double value, double y0, double y1) {
        return H - BOTTOM - (Math.log10(Math.max(value, 1e-3)) - y0) / (y1 - y0) * (H - TOP - BOTTOM);
    }
}

package nl.weerthuis.bench;

import java.util.List;
import java.util.Locale;

/** Latency against throughput as an SVG: one line per series, p50 solid and p99 dashed, both axes logarithmic. */
final class LatencyChart {

    record Point(double throughput, double p50, double p99, String label) {
    }

    record Series(String name, String colour, List<Point> points) {
    }

    private static final int W = 760, H = 440, LEFT = 80, RIGHT = 200, TOP = 40, BOTTOM = 60;

    static String svg(String title, List<Series> series) {
        double minX = series.stream().flatMap(s -> s.points().stream()).mapToDouble(Point::throughput).min().orElse(1);
        double maxX = series.stream().flatMap(s -> s.points().stream()).mapToDouble(Point::throughput).max().orElse(10);
        double minY = series.stream().flatMap(s -> s.points().stream()).mapToDouble(Point::p50).min().orElse(0.1);
        double maxY = series.stream().flatMap(s -> s.points().stream()).mapToDouble(Point::p99).max().orElse(10);
        double x0 = Math.floor(Math.log10(Math.max(minX, 0.1))), x1 = Math.ceil(Math.log10(Math.max(maxX, 1)));
        double y0 = Math.floor(Math.log10(Math.max(minY, 0.01))), y1 = Math.ceil(Math.log10(Math.max(maxY, 0.1)));
        if (x1 <= x0) x1 = x0 + 1;
        if (y1 <= y0) y1 = y0 + 1;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"12\">%n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n", W, H));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"24\" font-size=\"15\" font-weight=\"bold\">%s</text>%n",
                LEFT, escape(title)));
        for (double e = x0; e <= x1; e++) {
            double x = sx(Math.pow(10, e), x0, x1);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>"
                    + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", x, TOP, x, H - BOTTOM, x, H - BOTTOM + 16,
                    label(Math.pow(10, e))));
        }
        for (double e = y0; e <= y1; e++) {
            double y = sy(Math.pow(10, e), y0, y1);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s ms</text>%n", LEFT, y, W - RIGHT, y, LEFT - 6, y + 4,
                    label(Math.pow(10, e))));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">throughput (operations/s, log)"
                + "</text>%n<text x=\"16\" y=\"%d\" transform=\"rotate(-90 16 %d)\" text-anchor=\"middle\">latency (log)</text>%n",
                (LEFT + W - RIGHT) / 2, H - 20, (TOP + H - BOTTOM) / 2, (TOP + H - BOTTOM) / 2));
        int legend = TOP;
        for (Series s : series) {
            for (String kind : List.of("p50", "p99")) {
                StringBuilder path = new StringBuilder();
                for (Point p : s.points()) {
                    double value = kind.equals("p50") ? p.p50() : p.p99();
                    path.append(path.isEmpty() ? "M" : "L").append(String.format(Locale.ROOT, "%.1f,%.1f ",
                            sx(p.throughput(), x0, x1), sy(value, y0, y1)));
                }
                svg.append(String.format(Locale.ROOT, "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s/>%n",
                        path, s.colour(), kind.equals("p99") ? " stroke-dasharray=\"6 4\"" : ""));
                for (Point p : s.points()) {
                    double value = kind.equals("p50") ? p.p50() : p.p99();
                    svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\"/>"
                            + "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" fill=\"%s\">%s</text>%n", sx(p.throughput(), x0, x1),
                            sy(value, y0, y1), s.colour(), sx(p.throughput(), x0, x1) + 5, sy(value, y0, y1) - 5, s.colour(),
                            escape(p.label())));
                }
                svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" "
                        + "stroke-width=\"2\"%s/><text x=\"%d\" y=\"%d\">%s %s</text>%n", W - RIGHT + 14, legend, W - RIGHT + 44,
                        legend, s.colour(), kind.equals("p99") ? " stroke-dasharray=\"6 4\"" : "", W - RIGHT + 50, legend + 4,
                        escape(s.name()), kind));
                legend += 20;
            }
        }
        return svg.append("</svg>\n").toString();
    }

    private static double sx(double value, double x0, double x1) {
        return LEFT + (Math.log10(Math.max(value, 1e-3)) - x0) / (x1 - x0) * (W - LEFT - RIGHT);
    }

    private static double sy(double value, double y0, double y1) {
        return H - BOTTOM - (Math.log10(Math.max(value, 1e-3)) - y0) / (y1 - y0) * (H - TOP - BOTTOM);
    }

    private static String label(double value) {
        return value >= 1 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%s", value);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;");
    }
}

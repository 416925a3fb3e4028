package nl.weerthuis.query.monitor;

import nl.weerthuis.query.monitor.OutflowFigures.Fixed;
import nl.weerthuis.query.monitor.OutflowFigures.Forecast;
import nl.weerthuis.query.monitor.OutflowFigures.Measure;
import nl.weerthuis.query.monitor.OutflowFigures.Tally;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns each figure's {@link Tally} into the numbers a caller sees. Exact for administrators. For monitors the tally
 * already leaves out every finest cell holding 1 to 4 cases ({@link SmallCellSuppression}), so every figure is
 * computed from the cells that remain: a count is the sum of its published cells, a median or share uses only the
 * cases in published cells. Because a selection is a union of whole cells, any combination of published figures (a
 * total minus its parts, a quarter minus its months, one selection minus an overlapping one) is a combination of
 * published cells, and a suppressed cell cannot be recovered from them. Each figure says how many cells were left
 * out of it.
 */
public final class Publication {

    /** What one group shows: values (null where nothing is left to show), withheld figures, cells left out. */
    public record Published(Map<String, Object> values, List<String> suppressed, Map<String, Long> suppressedCells) {
    }

    private Publication() {
    }

    public static Published publish(Map<String, Measure> measures) {
        Map<String, Object> values = new LinkedHashMap<>();
        List<String> suppressed = new ArrayList<>();
        Map<String, Long> left = new LinkedHashMap<>();
        measures.forEach((name, measure) -> {
            if (measure instanceof Tally t) {
                switch (t.shape()) {
                    case COUNT -> put(values, suppressed, left, name, t.cases(), t);
                    case DISTRIBUTION -> {
                        put(values, suppressed, left, name + "Median", SpreadsheetStatistics.rounded(t.median()), t);
                        put(values, suppressed, left, name + "P90", SpreadsheetStatistics.rounded(t.p90()), t);
                        put(values, suppressed, left, name + "Cases", t.cases(), t);
                    }
                    case SHARE -> {
                        put(values, suppressed, left, name, SpreadsheetStatistics.share(t.hits(), t.cases()), t);
                        put(values, suppressed, left, name + "Numerator", t.hits(), t);
                        put(values, suppressed, left, name + "Denominator", t.cases(), t);
                    }
                }
            } else if (measure instanceof Forecast forecast) {
                values.put(name, BigDecimal.valueOf(forecast.achieved().cases() * forecast.totalDays())
                        .divide(BigDecimal.valueOf(forecast.elapsedDays()), 1, RoundingMode.HALF_UP));
            } else if (measure instanceof Fixed fixed) {
                values.put(name, fixed.value());
            }
        });
        return new Published(values, suppressed, left);
    }

    /** A figure with nothing left but suppressed cells is withheld; one with something left shows it. */
    private static void put(Map<String, Object> values, List<String> suppressed, Map<String, Long> left, String name,
                            Object value, Tally tally) {
        long leftOut = tally.leftOutCells();
        if (leftOut > 0 && tally.cases() == 0) {
            values.put(name, null);
            suppressed.add(name);
        } else {
            values.put(name, value);
        }
        if (leftOut > 0) {
            left.put(name, leftOut);
        }
    }
}

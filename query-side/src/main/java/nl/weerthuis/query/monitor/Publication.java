package nl.weerthuis.query.monitor;

import nl.weerthuis.query.monitor.OutflowFigures.Case;
import nl.weerthuis.query.monitor.OutflowFigures.Count;
import nl.weerthuis.query.monitor.OutflowFigures.Distribution;
import nl.weerthuis.query.monitor.OutflowFigures.Fixed;
import nl.weerthuis.query.monitor.OutflowFigures.Forecast;
import nl.weerthuis.query.monitor.OutflowFigures.Measure;
import nl.weerthuis.query.monitor.OutflowFigures.Share;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns the cases of each figure into the numbers a caller sees. Exact for administrators. For monitors, every
 * finest cell holding 1 to 4 cases is left out, and every figure is computed from the cells that remain: a count is
 * the sum of its published cells, a median or share uses only the cases in published cells. Because a selection
 * is a union of whole cells, any combination of published figures (a total minus its parts, a quarter minus its
 * months, one selection minus an overlapping one) is a combination of published cells, and a suppressed cell
 * cannot be recovered from them. Each figure says how many cells were left out of it.
 */
public final class Publication {

    /** What one group shows: values (null where nothing is left to show), withheld figures, cells left out. */
    public record Published(Map<String, Object> values, List<String> suppressed, Map<String, Long> suppressedCells) {
    }

    private Publication() {
    }

    public static Published publish(Map<String, Measure> measures, boolean suppressSmallCells) {
        Map<String, Object> values = new LinkedHashMap<>();
        List<String> suppressed = new ArrayList<>();
        Map<String, Long> left = new LinkedHashMap<>();
        measures.forEach((name, measure) -> {
            if (measure instanceof Count count) {
                Kept kept = keep(count.cells(), c -> c, suppressSmallCells);
                put(values, suppressed, left, name, (long) kept.cases().size(), kept);
            } else if (measure instanceof Distribution distribution) {
                Kept kept = keep(distribution.cases(), Case::cell, suppressSmallCells);
                List<Long> days = kept.cases().stream().map(c -> ((Case) c).value()).toList();
                put(values, suppressed, left, name + "Median", SpreadsheetStatistics.median(days), kept);
                put(values, suppressed, left, name + "P90", SpreadsheetStatistics.percentileInc(days, 0.9), kept);
                put(values, suppressed, left, name + "Cases", (long) days.size(), kept);
            } else if (measure instanceof Share share) {
                Kept kept = keep(share.cases(), Case::cell, suppressSmallCells);
                long numerator = kept.cases().stream().filter(c -> ((Case) c).value() == 1).count();
                long denominator = kept.cases().size();
                put(values, suppressed, left, name, SpreadsheetStatistics.share(numerator, denominator), kept);
                put(values, suppressed, left, name + "Numerator", numerator, kept);
                put(values, suppressed, left, name + "Denominator", denominator, kept);
            } else if (measure instanceof Forecast forecast) {
                long achieved = keep(forecast.achieved().cells(), c -> c, suppressSmallCells).cases().size();
                values.put(name, BigDecimal.valueOf(achieved * forecast.totalDays())
                        .divide(BigDecimal.valueOf(forecast.elapsedDays()), 1, RoundingMode.HALF_UP));
            } else if (measure instanceof Fixed fixed) {
                values.put(name, fixed.value());
            }
        });
        return new Published(values, suppressed, left);
    }

    private record Kept(List<?> cases, long leftOut) {
    }

    /** The cases in cells that may be shown, and how many cells were left out. */
    private static <T> Kept keep(List<T> cases, Function<T, String> cell, boolean suppressSmallCells) {
        if (!suppressSmallCells) {
            return new Kept(cases, 0);
        }
        Map<String, Long> perCell = new HashMap<>();
        cases.forEach(c -> perCell.merge(cell.apply(c), 1L, Long::sum));
        Set<String> small = perCell.entrySet().stream().filter(e -> SmallCellSuppression.isSmall(e.getValue()))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        return new Kept(cases.stream().filter(c -> !small.contains(cell.apply(c))).toList(), small.size());
    }

    /** A figure with nothing left but suppressed cells is withheld; one with something left shows it. */
    private static void put(Map<String, Object> values, List<String> suppressed, Map<String, Long> left, String name,
                            Object value, Kept kept) {
        long leftOut = kept.leftOut();
        if (leftOut > 0 && kept.cases().isEmpty()) {
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

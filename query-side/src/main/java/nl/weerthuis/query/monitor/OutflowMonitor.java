package nl.weerthuis.query.monitor;

import nl.weerthuis.query.monitor.OutflowFigures.Selection;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * "Zicht op de opgave": the outflow figures for a selection, grouped by a dimension or by period, computed by the
 * database in one statement ({@link OutflowCells}). For monitors, small cells are left out, so that no count from
 * 1 to 4 is shown or derivable ({@link Publication}).
 */
@Component
public class OutflowMonitor {

    public enum GroupBy {
        NONE(null), REGION("region"), MUNICIPALITY("municipality"), CORPORATION("corporation"),
        CARE_PROVIDER("care_provider"), MONTH(null), QUARTER(null), HALF_YEAR(null), YEAR(null);

        /** The fact tables' column a dimension groups by; null for a grouping by period. */
        final String column;

        GroupBy(String column) {
            this.column = column;
        }

        public static GroupBy parse(String value) {
            if (value == null || value.isBlank()) {
                return NONE;
            }
            String normal = value.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase();
            return Arrays.stream(values()).filter(g -> g.name().equals(normal)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("groupBy is one of region, municipality, corporation, "
                            + "careProvider, month, quarter, halfYear, year"));
        }
    }

    /**
     * One group's figures; {@code suppressed} names those withheld because every case lies in a cell of 1 to 4;
     * {@code suppressedCells} says for each figure how many such cells were left out of the value shown.
     */
    public record Group(String group, java.util.Map<String, Object> figures, List<String> suppressed,
                        java.util.Map<String, Long> suppressedCells) {
    }

    private final OutflowCells cells;

    OutflowMonitor(OutflowCells cells) {
        this.cells = cells;
    }

    public List<Group> figures(Selection selection, GroupBy groupBy, boolean suppressSmallCells) {
        List<Group> groups = new ArrayList<>();
        cells.figures(selection, groupBy.column, periods(selection, groupBy), suppressSmallCells).figures()
                .forEach((name, measures) -> {
                    Publication.Published published = Publication.publish(measures);
                    groups.add(new Group(name, published.values(), published.suppressed(), published.suppressedCells()));
                });
        return groups;
    }

    /**
     * The periods of a grouping by period: calendar months, quarters, half years or years, the first and last
     * clipped to the selection. Any other grouping covers the selection's period as one.
     */
    static List<OutflowCells.Period> periods(Selection s, GroupBy groupBy) {
        int months = switch (groupBy) {
            case MONTH -> 1;
            case QUARTER -> 3;
            case HALF_YEAR -> 6;
            case YEAR -> 12;
            default -> 0;
        };
        if (months == 0) {
            return List.of(new OutflowCells.Period("all", s.from(), s.to()));
        }
        List<OutflowCells.Period> periods = new ArrayList<>();
        LocalDate start = s.from().withDayOfMonth(1);
        start = start.withMonth(((start.getMonthValue() - 1) / months) * months + 1);
        while (!start.isAfter(s.to())) {
            LocalDate end = start.plusMonths(months).minusDays(1);
            periods.add(new OutflowCells.Period(label(start, groupBy), start.isBefore(s.from()) ? s.from() : start,
                    end.isAfter(s.to()) ? s.to() : end));
            start = start.plusMonths(months);
        }
        return periods;
    }

    private static String label(LocalDate start, GroupBy groupBy) {
        return switch (groupBy) {
            case MONTH -> start.toString().substring(0, 7);
            case QUARTER -> start.getYear() + "-Q" + start.get(IsoFields.QUARTER_OF_YEAR);
            case HALF_YEAR -> start.getYear() + "-H" + (start.getMonthValue() <= 6 ? 1 : 2);
            default -> Integer.toString(start.getYear());
        };
    }
}

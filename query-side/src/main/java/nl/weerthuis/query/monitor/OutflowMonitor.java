package nl.weerthuis.query.monitor;

import nl.weerthuis.query.monitor.OutflowFigures.Selection;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * "Zicht op de opgave": the outflow figures for a selection, grouped by a dimension or by period. For monitors,
 * small cells are suppressed by {@link Publication}, so that no count from 1 to 4 is shown or derivable.
 */
@Component
public class OutflowMonitor {

    public enum GroupBy {
        NONE, REGION, MUNICIPALITY, CORPORATION, CARE_PROVIDER, MONTH, QUARTER, HALF_YEAR, YEAR;

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
    public record Group(String group, Map<String, Object> figures, List<String> suppressed,
                        Map<String, Long> suppressedCells) {
    }

    private final MonitorFacts facts;

    OutflowMonitor(MonitorFacts facts) {
        this.facts = facts;
    }

    public List<Group> figures(Selection selection, GroupBy groupBy, boolean suppressSmallCells) {
        // Grouped by region the answer spans every region; otherwise only the selected region's facts count.
        MonitorFacts.All all = facts.load(groupBy == GroupBy.REGION ? null : selection.region());
        List<Group> groups = new ArrayList<>();
        groups(all, selection, groupBy).forEach((name, s) -> {
            Publication.Published published = Publication.publish(OutflowFigures.compute(all, s), suppressSmallCells);
            groups.add(new Group(name, published.values(), published.suppressed(), published.suppressedCells()));
        });
        return groups;
    }

    private static Map<String, Selection> groups(MonitorFacts.All all, Selection s, GroupBy groupBy) {
        Map<String, Selection> groups = new LinkedHashMap<>();
        switch (groupBy) {
            case NONE -> groups.put("all", s);
            case REGION -> values(all, MonitorFacts.Tenancy::region, MonitorFacts.Stay::region)
                    .forEach(v -> groups.put(v, new Selection(v, s.municipality(), s.corporation(), s.careProvider(), s.from(), s.to())));
            case MUNICIPALITY -> values(all, MonitorFacts.Tenancy::municipality, MonitorFacts.Stay::municipality)
                    .forEach(v -> groups.put(v, new Selection(s.region(), v, s.corporation(), s.careProvider(), s.from(), s.to())));
            case CORPORATION -> values(all, MonitorFacts.Tenancy::corporation, stay -> null)
                    .forEach(v -> groups.put(v, new Selection(s.region(), s.municipality(), v, s.careProvider(), s.from(), s.to())));
            case CARE_PROVIDER -> values(all, MonitorFacts.Tenancy::careProvider, MonitorFacts.Stay::careProvider)
                    .forEach(v -> groups.put(v, new Selection(s.region(), s.municipality(), s.corporation(), v, s.from(), s.to())));
            default -> periods(s, groupBy).forEach(p -> groups.put(label(p[0], groupBy),
                    new Selection(s.region(), s.municipality(), s.corporation(), s.careProvider(), p[0], p[1])));
        }
        return groups;
    }

    private static Set<String> values(MonitorFacts.All all, Function<MonitorFacts.Tenancy, String> tenancy,
                                      Function<MonitorFacts.Stay, String> stay) {
        Set<String> values = new TreeSet<>();
        Stream.concat(all.tenancies().stream().map(tenancy), all.stays().stream().map(stay))
                .filter(v -> v != null && !v.isBlank()).forEach(values::add);
        return values;
    }

    private static List<LocalDate[]> periods(Selection s, GroupBy groupBy) {
        int months = switch (groupBy) {
            case MONTH -> 1;
            case QUARTER -> 3;
            case HALF_YEAR -> 6;
            default -> 12;
        };
        List<LocalDate[]> periods = new ArrayList<>();
        LocalDate start = s.from().withDayOfMonth(1);
        start = start.withMonth(((start.getMonthValue() - 1) / months) * months + 1);
        while (!start.isAfter(s.to())) {
            LocalDate end = start.plusMonths(months).minusDays(1);
            periods.add(new LocalDate[]{start.isBefore(s.from()) ? s.from() : start, end.isAfter(s.to()) ? s.to() : end});
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

package nl.weerthuis.query.monitor;

import nl.weerthuis.query.monitor.OutflowFigures.Figures;
import nl.weerthuis.query.monitor.OutflowFigures.Selection;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * "Zicht op de opgave": the outflow figures for a selection, grouped by a dimension or by period, with small cells
 * suppressed for monitors so that no count from 1 to 4 is shown or derivable from a total.
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

    public record Group(String group, Map<String, Object> figures, List<String> suppressed) {
    }

    /** Families of counts that add up to a total also shown: hiding one part alone would not hide it. */
    private static final Map<String, String> PART_OF = Map.of(
            "openSignalsByKind.", "openSignals", "openSignalsByAge.", "openSignals",
            "outflowsByMunicipality.", "outflows", "outflowsByNeighbourhood.", "outflows");

    private final MonitorFacts facts;

    OutflowMonitor(MonitorFacts facts) {
        this.facts = facts;
    }

    public List<Group> figures(Selection selection, GroupBy groupBy, boolean suppressSmallCells) {
        // Grouped by region the answer spans every region; otherwise only the selected region's facts count.
        MonitorFacts.All all = facts.load(groupBy == GroupBy.REGION ? null : selection.region());
        Map<String, Selection> selections = groups(all, selection, groupBy);
        Map<String, Figures> computed = new LinkedHashMap<>();
        selections.forEach((name, s) -> computed.put(name, OutflowFigures.compute(all, s)));
        Map<String, Set<String>> hidden = new LinkedHashMap<>();
        computed.keySet().forEach(name -> hidden.put(name, new LinkedHashSet<>()));
        if (suppressSmallCells) {
            computed.forEach((name, figures) -> suppressWithin(figures, hidden.get(name)));
            if (computed.size() > 1) {
                suppressAcrossGroups(computed, hidden);
            }
        }
        List<Group> groups = new ArrayList<>();
        computed.forEach((name, figures) -> {
            Map<String, Object> shown = new LinkedHashMap<>(figures.values());
            hidden.get(name).forEach(figure -> shown.put(figure, null));
            groups.add(new Group(name, shown, List.copyOf(hidden.get(name))));
        });
        return groups;
    }

    private static void suppressWithin(Figures figures, Set<String> hidden) {
        figures.values().forEach((name, value) -> {
            if (value instanceof Long count && SmallCellSuppression.isSmall(count)) {
                hidden.add(name);
            }
            Long base = figures.bases().get(name);
            if (base != null && SmallCellSuppression.isSmall(base)) {
                hidden.add(name);
            }
        });
        PART_OF.forEach((prefix, total) -> {
            List<String> parts = figures.values().keySet().stream().filter(k -> k.startsWith(prefix)).toList();
            hideParts(parts, parts.stream().map(p -> (Long) figures.values().get(p)).toList(), hidden);
        });
    }

    /** Each group's count is part of the total over all groups, which a monitor can ask for too. */
    private static void suppressAcrossGroups(Map<String, Figures> computed, Map<String, Set<String>> hidden) {
        Set<String> countFigures = new LinkedHashSet<>();
        computed.values().forEach(f -> f.values().forEach((k, v) -> {
            if (v instanceof Long) {
                countFigures.add(k);
            }
        }));
        for (String figure : countFigures) {
            List<String> groups = new ArrayList<>(computed.keySet());
            List<Long> values = groups.stream().map(g -> computed.get(g).values().get(figure))
                    .map(v -> v instanceof Long l ? l : 0L).toList();
            boolean[] suppressed = SmallCellSuppression.suppressedParts(values.stream().mapToLong(Long::longValue).toArray());
            for (int i = 0; i < groups.size(); i++) {
                if (suppressed[i]) {
                    hidden.get(groups.get(i)).add(figure);
                }
            }
        }
    }

    private static void hideParts(List<String> names, List<Long> values, Set<String> hidden) {
        boolean[] suppressed = SmallCellSuppression.suppressedParts(values.stream().mapToLong(Long::longValue).toArray());
        for (int i = 0; i < names.size(); i++) {
            if (suppressed[i]) {
                hidden.add(names.get(i));
            }
        }
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

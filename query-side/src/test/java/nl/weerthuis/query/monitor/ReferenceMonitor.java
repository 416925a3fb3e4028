package nl.weerthuis.query.monitor;

import nl.weerthuis.query.monitor.OutflowFigures.Selection;
import nl.weerthuis.query.monitor.OutflowMonitor.Group;
import nl.weerthuis.query.monitor.OutflowMonitor.GroupBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The monitor as it was computed in memory before the database did it: a region's facts loaded into objects, each
 * group a selection computed by {@link ReferenceFigures}. Only the reference {@link OutflowMonitor} is tested
 * against, and the place where the suppression's resistance to differencing is attacked ({@code DifferencingTest}).
 */
final class ReferenceMonitor {

    /** The facts of one region, or of every region (null). */
    private final Function<String, MonitorFacts.All> facts;

    ReferenceMonitor(Function<String, MonitorFacts.All> facts) {
        this.facts = facts;
    }

    static ReferenceMonitor of(Supplier<MonitorFacts.All> facts) {
        return new ReferenceMonitor(region -> facts.get());
    }

    List<Group> figures(Selection selection, GroupBy groupBy, boolean suppressSmallCells) {
        // Grouped by region the answer spans every region; otherwise only the selected region's facts count.
        MonitorFacts.All all = facts.apply(groupBy == GroupBy.REGION ? null : selection.region());
        List<Group> groups = new ArrayList<>();
        groups(all, selection, groupBy).forEach((name, s) -> {
            Publication.Published published = Publication.publish(
                    ReferenceFigures.tallied(ReferenceFigures.compute(all, s), suppressSmallCells));
            groups.add(new Group(name, published.values(), published.suppressed(), published.suppressedCells()));
        });
        return groups;
    }

    private static Map<String, Selection> groups(MonitorFacts.All all, Selection s, GroupBy groupBy) {
        Map<String, Selection> groups = new LinkedHashMap<>();
        switch (groupBy) {
            case REGION -> values(all, MonitorFacts.Tenancy::region, MonitorFacts.Stay::region)
                    .forEach(v -> groups.put(v, new Selection(v, s.municipality(), s.corporation(), s.careProvider(), s.from(), s.to())));
            case MUNICIPALITY -> values(all, MonitorFacts.Tenancy::municipality, MonitorFacts.Stay::municipality)
                    .forEach(v -> groups.put(v, new Selection(s.region(), v, s.corporation(), s.careProvider(), s.from(), s.to())));
            case CORPORATION -> values(all, MonitorFacts.Tenancy::corporation, stay -> null)
                    .forEach(v -> groups.put(v, new Selection(s.region(), s.municipality(), v, s.careProvider(), s.from(), s.to())));
            case CARE_PROVIDER -> values(all, MonitorFacts.Tenancy::careProvider, MonitorFacts.Stay::careProvider)
                    .forEach(v -> groups.put(v, new Selection(s.region(), s.municipality(), s.corporation(), v, s.from(), s.to())));
            default -> OutflowMonitor.periods(s, groupBy).forEach(p -> groups.put(p.label(),
                    new Selection(s.region(), s.municipality(), s.corporation(), s.careProvider(), p.from(), p.to())));
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
}

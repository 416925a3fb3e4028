package nl.weerthuis.query.monitor;

import nl.weerthuis.query.monitor.MonitorFacts.All;
import nl.weerthuis.query.monitor.OutflowFigures.Selection;
import nl.weerthuis.query.monitor.OutflowFigures.Shape;
import nl.weerthuis.query.monitor.OutflowFigures.Tally;
import nl.weerthuis.query.monitor.MonitorFacts.Tenancy;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The in-memory reference the database's figures are tested against ({@code OutflowCellsPropertyTest}): the cases
 * behind every figure for one selection and period, each in its finest cell (see {@link OutflowFigures}), and the
 * small cells left out here in Java. This is how the monitor computed its figures before {@link OutflowCells}; it is
 * kept, unchanged in meaning, only as the reference.
 */
final class ReferenceFigures {

    static boolean matches(Selection s, String region, String municipality, String corporation, String careProvider) {
        return (s.region() == null || s.region().equals(region))
                && (s.municipality() == null || s.municipality().equals(municipality))
                && (s.corporation() == null || s.corporation().equals(corporation))
                && (s.careProvider() == null || s.careProvider().equals(careProvider));
    }

    /** Stays, trajectories and returns without a tenancy have no corporation: a corporation does not narrow them. */
    static boolean matchesCare(Selection s, String region, String municipality, String careProvider) {
        return matches(s, region, municipality, s.corporation(), careProvider);
    }

    static boolean inPeriod(Selection s, LocalDate date) {
        return date != null && !date.isBefore(s.from()) && !date.isAfter(s.to());
    }

    /** What a figure rests on, before the small cells are left out. */
    sealed interface Measure permits Count, Distribution, Share, Fixed, Forecast {
    }

    /** A count: one finest cell per case. */
    record Count(List<String> cells) implements Measure {
    }

    /** One case of a median or share: its finest cell and its value (days; or 1 = counted in the numerator). */
    record Case(String cell, long value) {
    }

    /** Days per case, published as {@code MEDIAN}, {@code PERCENTILE.INC(…; 0.9)} and the number of cases. */
    record Distribution(List<Case> cases) implements Measure {
    }

    /** Cases with value 1 (numerator) or 0, published as numerator, denominator and their quotient. */
    record Share(List<Case> cases) implements Measure {
    }

    record Fixed(Object value) implements Measure {
    }

    record Forecast(Count achieved, long elapsedDays, long totalDays) implements Measure {
    }

    static final String[] WAITING_BANDS = OutflowFigures.WAITING_BANDS;
    static final String[] HOUSED_BANDS = OutflowFigures.HOUSED_BANDS;
    static final String[] SIGNAL_AGES = OutflowFigures.SIGNAL_AGES;

    private ReferenceFigures() {
    }

    /**
     * The figures as {@link Publication} takes them: for monitors every finest cell of 1 to 4 cases left out, medians
     * and percentiles by {@link SpreadsheetStatistics}.
     */
    static Map<String, OutflowFigures.Measure> tallied(Map<String, Measure> measures, boolean suppressSmallCells) {
        Map<String, OutflowFigures.Measure> tallied = new LinkedHashMap<>();
        measures.forEach((name, measure) -> {
            if (measure instanceof Count c) {
                tallied.put(name, tally(Shape.COUNT, cases(c), suppressSmallCells));
            } else if (measure instanceof Distribution d) {
                tallied.put(name, tally(Shape.DISTRIBUTION, d.cases(), suppressSmallCells));
            } else if (measure instanceof Share sh) {
                tallied.put(name, tally(Shape.SHARE, sh.cases(), suppressSmallCells));
            } else if (measure instanceof Fixed f) {
                tallied.put(name, new OutflowFigures.Fixed(f.value()));
            } else if (measure instanceof Forecast f) {
                tallied.put(name, new OutflowFigures.Forecast(tally(Shape.COUNT, cases(f.achieved()), suppressSmallCells),
                        f.elapsedDays(), f.totalDays()));
            }
        });
        return tallied;
    }

    private static List<Case> cases(Count count) {
        return count.cells().stream().map(cell -> new Case(cell, 0)).toList();
    }

    private static Tally tally(Shape shape, List<Case> cases, boolean suppressSmallCells) {
        Map<String, Long> perCell = new java.util.HashMap<>();
        cases.forEach(c -> perCell.merge(c.cell(), 1L, Long::sum));
        Set<String> small = suppressSmallCells ? perCell.entrySet().stream()
                .filter(e -> SmallCellSuppression.isSmall(e.getValue())).map(Map.Entry::getKey).collect(Collectors.toSet())
                : Set.of();
        List<Case> kept = cases.stream().filter(c -> !small.contains(c.cell())).toList();
        List<Long> values = kept.stream().map(Case::value).toList();
        boolean days = shape == Shape.DISTRIBUTION;
        return new Tally(shape, kept.size(), shape == Shape.SHARE ? kept.stream().filter(c -> c.value() == 1).count() : 0,
                days ? SpreadsheetStatistics.median(values) : null,
                days ? SpreadsheetStatistics.percentileInc(values, 0.9) : null, small.size());
    }

    static Map<String, Measure> compute(All facts, Selection s) {
        Map<String, Measure> m = new LinkedHashMap<>();
        LocalDate end = s.to();

        List<MonitorFacts.Stay> stays = facts.stays().stream()
                .filter(x -> matchesCare(s, x.region(), x.municipality(), x.careProvider()) && open(x.from(), x.to(), end)).toList();
        for (String[] setting : new String[][]{{"stockProtectedHousing", "PROTECTED_HOUSING"}, {"stockShelter", "SHELTER"}}) {
            m.put(setting[0], count(stays.stream().filter(x -> x.setting().equals(setting[1])),
                    x -> cell("stay", x.setting(), x.region(), x.municipality(), x.careProvider())));
        }

        List<MonitorFacts.Trajectory> trajectories = facts.trajectories().stream()
                .filter(x -> matchesCare(s, x.region(), x.municipality(), x.careProvider())).toList();
        List<MonitorFacts.Trajectory> waiting = trajectories.stream()
                .filter(x -> open(x.startedOn(), earliest(x.movedInOn(), x.closedOn()), end)).toList();
        Function<MonitorFacts.Trajectory, String> waitingCell = x -> cell("potential", x.region(), x.municipality(),
                x.careProvider(), waitingBand(x.startedOn(), end));
        m.put("potentialOutflowers", count(waiting.stream(), waitingCell));
        for (String band : WAITING_BANDS) {
            m.put("potentialOutflowersWaiting." + band,
                    count(waiting.stream().filter(x -> waitingBand(x.startedOn(), end).equals(band)), waitingCell));
        }
        m.put("trajectoriesStarted", count(trajectories.stream().filter(x -> inPeriod(s, x.startedOn())),
                x -> cell("trajectory", x.region(), x.municipality(), x.careProvider(), month(x.startedOn()))));
        List<MonitorFacts.Trajectory> endedWithout = trajectories.stream()
                .filter(x -> x.movedInOn() == null && inPeriod(s, x.closedOn())).toList();
        Function<MonitorFacts.Trajectory, String> endedCell = x -> cell("trajectoryEnded", x.region(), x.municipality(),
                x.careProvider(), month(x.closedOn()), x.closure());
        m.put("trajectoriesEndedWithoutOutflow", count(endedWithout.stream(), endedCell));
        new TreeSet<>(endedWithout.stream().map(MonitorFacts.Trajectory::closure).toList()).forEach(reason ->
                m.put("trajectoriesEndedWithoutOutflow." + reason,
                        count(endedWithout.stream().filter(x -> x.closure().equals(reason)), endedCell)));

        List<Tenancy> tenancies = facts.tenancies().stream()
                .filter(t -> matches(s, t.region(), t.municipality(), t.corporation(), t.careProvider())).toList();
        offers(m, tenancies, s);
        m.put("offersRefused", count(tenancies.stream().filter(t -> inPeriod(s, t.refusedOn())),
                t -> tenancyCell("refusal", t, month(t.refusedOn()))));

        List<Tenancy> outflows = tenancies.stream().filter(t -> inPeriod(s, t.movedInOn())).toList();
        Function<Tenancy, String> moveInCell = t -> tenancyCell("moveIn", t, t.neighbourhood(), month(t.movedInOn()));
        m.put("outflows", count(outflows.stream(), moveInCell));
        m.put("daysOfferToMoveIn", distribution(outflows.stream(), moveInCell, t -> days(t.offeredOn(), t.movedInOn())));
        List<Tenancy> flipped = tenancies.stream().filter(t -> inPeriod(s, t.flippedOn())).toList();
        Function<Tenancy, String> flipCell = t -> tenancyCell("flip", t, month(t.flippedOn()));
        m.put("flips", count(flipped.stream(), flipCell));
        m.put("daysMoveInToFlip", distribution(flipped.stream(), flipCell, t -> days(t.movedInOn(), t.flippedOn())));

        returns(m, facts, s);
        List<Tenancy> ended = tenancies.stream().filter(t -> inPeriod(s, t.endedOn())).toList();
        Function<Tenancy, String> endCell = t -> tenancyCell("end", t, month(t.endedOn()), t.endReason());
        m.put("evictions", count(ended.stream().filter(t -> "EVICTION".equals(t.endReason())), endCell));
        m.put("tenanciesEnded", count(ended.stream(), endCell));
        m.put("housed", count(tenancies.stream().filter(t -> open(t.movedInOn(), t.endedOn(), end)),
                t -> tenancyCell("housed", t)));

        quota(m, facts, tenancies, s);
        target(m, facts, s);
        signals(m, facts, s);

        Map<String, String> waakvlamRegion = facts.waakvlamRegion();
        m.put("waakvlamActive", count(facts.waakvlams().stream().filter(w -> s.region() == null || s.region().equals(w.region()))
                .filter(w -> open(w.startedOn(), earliest(w.until(), w.endedOn()), end)), w -> cell("waakvlam", w.region())));
        m.put("waakvlamContactsMissed", count(facts.missed().stream()
                .filter(x -> s.region() == null || s.region().equals(waakvlamRegion.get(x.indicationId())))
                .filter(x -> inPeriod(s, x.dueOn())), x -> cell("missed", waakvlamRegion.get(x.indicationId()), month(x.dueOn()))));

        for (int months : new int[]{12, 24}) {
            String name = "sustainedAfter" + months + "Months";
            m.put(name, share(tenancies.stream().filter(t -> t.movedInOn() != null && !t.movedInOn().plusMonths(months).isAfter(end)),
                    t -> sustained(t, months), (t, hit) -> tenancyCell(name, t, hit)));
        }
        new TreeSet<>(outflows.stream().map(Tenancy::municipality).toList()).forEach(municipality ->
                m.put("outflowsByMunicipality." + municipality,
                        count(outflows.stream().filter(t -> t.municipality().equals(municipality)), moveInCell)));
        new TreeSet<>(outflows.stream().map(t -> t.municipality() + "/" + t.neighbourhood()).toList()).forEach(place ->
                m.put("outflowsByNeighbourhood." + place, count(outflows.stream()
                        .filter(t -> (t.municipality() + "/" + t.neighbourhood()).equals(place)), moveInCell)));
        return m;
    }

    private static void offers(Map<String, Measure> m, List<Tenancy> tenancies, Selection s) {
        List<Tenancy> offers = tenancies.stream().filter(t -> inPeriod(s, t.offeredOn())).toList();
        Function<Tenancy, String> offerCell = t -> tenancyCell("offer", t, month(t.offeredOn()),
                t.trajectoryStartedOn() == null ? "noTrajectory" : withinDeadline(t) ? "withinDeadline" : "afterDeadline");
        m.put("offersMade", count(offers.stream(), offerCell));
        List<Tenancy> timed = offers.stream().filter(t -> t.trajectoryStartedOn() != null).toList();
        m.put("daysTrajectoryToOffer", distribution(timed.stream(), offerCell, t -> days(t.trajectoryStartedOn(), t.offeredOn())));
        m.put("shareOfferedWithinDeadline", share(timed.stream(), ReferenceFigures::withinDeadline, (t, hit) -> offerCell.apply(t)));
    }

    /** Returns to care from a home of one's own, with how long the client had lived there. */
    private static void returns(Map<String, Measure> m, All facts, Selection s) {
        List<MonitorFacts.Return> returns = facts.returns().stream()
                .filter(r -> r.corporation() == null ? matchesCare(s, r.region(), r.municipality(), r.careProvider())
                        : matches(s, r.region(), r.municipality(), r.corporation(), r.careProvider()))
                .filter(r -> inPeriod(s, r.returnedOn())).toList();
        Function<MonitorFacts.Return, String> returnCell = r -> cell("return", r.region(), r.municipality(),
                String.valueOf(r.corporation()), r.careProvider(), month(r.returnedOn()), housedBand(r));
        m.put("returnsToCare", count(returns.stream(), returnCell));
        for (String band : HOUSED_BANDS) {
            m.put("returnsToCareByTimeHoused." + band, count(returns.stream().filter(r -> housedBand(r).equals(band)), returnCell));
        }
    }

    /** Agreed: the yearly quotas of every calendar year the period touches. Used: offers from the quota accepted in the period. */
    private static void quota(Map<String, Measure> m, All facts, List<Tenancy> tenancies, Selection s) {
        Map<String, Long> agreed = new TreeMap<>();
        facts.quotas().stream()
                .filter(q -> (s.region() == null || s.region().equals(q.region()))
                        && (s.corporation() == null || s.corporation().equals(q.corporation()))
                        && q.year() >= s.from().getYear() && q.year() <= s.to().getYear())
                .forEach(q -> agreed.merge(q.corporation(), (long) q.dwellings(), Long::sum));
        List<Tenancy> used = tenancies.stream().filter(t -> t.fromQuota() && inPeriod(s, t.acceptedOn())).toList();
        Set<String> corporations = new TreeSet<>(agreed.keySet());
        used.forEach(t -> corporations.add(t.corporation()));
        for (String corporation : corporations) {
            m.put("quotaAgreed." + corporation, new Fixed(agreed.getOrDefault(corporation, 0L)));
            m.put("quotaUsed." + corporation, count(used.stream().filter(t -> t.corporation().equals(corporation)),
                    t -> tenancyCell("quotaUsed", t, month(t.acceptedOn()))));
        }
    }

    /**
     * Outflow against the region's target, counted from the first day of the month the agreement took effect (whole
     * months, like every other count), with a straight line through that count extended to the target date.
     */
    private static void target(Map<String, Measure> m, All facts, Selection s) {
        if (s.region() == null) {
            return;
        }
        facts.targets().stream().filter(t -> t.region().equals(s.region())).findFirst().ifPresent(target -> {
            LocalDate start = facts.agreementStart().getOrDefault(s.region(), s.from()).withDayOfMonth(1);
            Count achieved = count(facts.tenancies().stream().filter(t -> t.region().equals(s.region()) && t.movedInOn() != null
                    && !t.movedInOn().isBefore(start) && !t.movedInOn().isAfter(s.to())),
                    t -> tenancyCell("moveIn", t, t.neighbourhood(), month(t.movedInOn())));
            long elapsed = Math.max(1, ChronoUnit.DAYS.between(start, s.to()) + 1);
            long total = Math.max(1, ChronoUnit.DAYS.between(start, target.targetDate()) + 1);
            m.put("targetOutflows", new Fixed((long) target.outflows()));
            m.put("targetDate", new Fixed(target.targetDate().toString()));
            m.put("outflowsSinceAgreement", achieved);
            m.put("forecastAtTargetDate", new Forecast(achieved, elapsed, total));
        });
    }

    private static void signals(Map<String, Measure> m, All facts, Selection s) {
        Map<String, Tenancy> byId = facts.tenancyById();
        List<String[]> open = new ArrayList<>(); // kind, age band, cell
        List<String> resolved = new ArrayList<>();
        for (MonitorFacts.Signal signal : facts.signals()) {
            Tenancy t = byId.get(signal.tenancyId());
            if (t == null || !matches(s, t.region(), t.municipality(), t.corporation(), t.careProvider())) {
                continue;
            }
            if (inPeriod(s, signal.resolvedOn())) {
                resolved.add(tenancyCell("signalResolved", t, month(signal.resolvedOn())));
            }
            if (open(signal.raisedOn(), signal.resolvedOn(), s.to())) {
                long days = ChronoUnit.DAYS.between(signal.raisedOn(), s.to());
                String age = SIGNAL_AGES[days < 30 ? 0 : days <= 90 ? 1 : 2];
                open.add(new String[]{signal.kind(), age, tenancyCell("signalOpen", t, signal.kind(), age)});
            }
        }
        m.put("openSignals", new Count(open.stream().map(x -> x[2]).toList()));
        new TreeSet<>(open.stream().map(x -> x[0]).toList()).forEach(kind -> m.put("openSignalsByKind." + kind,
                new Count(open.stream().filter(x -> x[0].equals(kind)).map(x -> x[2]).toList())));
        for (String age : SIGNAL_AGES) {
            m.put("openSignalsByAge." + age, new Count(open.stream().filter(x -> x[1].equals(age)).map(x -> x[2]).toList()));
        }
        m.put("signalsResolved", new Count(resolved));
    }

    static boolean withinDeadline(Tenancy t) {
        return !t.offeredOn().isAfter(t.trajectoryStartedOn().plus(t.offerDeadline()));
    }

    /** Still in the dwelling {@code months} after moving in: not ended, or ended after that day. */
    static boolean sustained(Tenancy t, int months) {
        return t.endedOn() == null || t.endedOn().isAfter(t.movedInOn().plusMonths(months));
    }

    /** How long a potential outflower has waited on {@code on}: a band of whole calendar months since the start. */
    static String waitingBand(LocalDate startedOn, LocalDate on) {
        int[] limits = {3, 6, 12};
        for (int i = 0; i < limits.length; i++) {
            if (startedOn.plusMonths(limits[i]).isAfter(on)) {
                return WAITING_BANDS[i];
            }
        }
        return WAITING_BANDS[3];
    }

    /** How long the client had lived independently when returning to care (move-in date to return date). */
    static String housedBand(MonitorFacts.Return r) {
        if (r.movedInOn() == null) {
            return HOUSED_BANDS[0]; // a return without a known move-in: it cannot have lasted long
        }
        int[] limits = {6, 12, 24};
        for (int i = 0; i < limits.length; i++) {
            if (r.movedInOn().plusMonths(limits[i]).isAfter(r.returnedOn())) {
                return HOUSED_BANDS[i];
            }
        }
        return HOUSED_BANDS[3];
    }

    private static <T> Count count(Stream<T> cases, Function<T, String> cell) {
        return new Count(cases.map(cell).toList());
    }

    private static <T> Distribution distribution(Stream<T> cases, Function<T, String> cell, Function<T, Long> days) {
        return new Distribution(cases.map(x -> new Case(cell.apply(x), days.apply(x))).toList());
    }

    private static <T> Share share(Stream<T> cases, Predicate<T> hit, java.util.function.BiFunction<T, Boolean, String> cell) {
        return new Share(cases.map(x -> {
            boolean h = hit.test(x);
            return new Case(cell.apply(x, h), h ? 1 : 0);
        }).toList());
    }

    private static String tenancyCell(String table, Tenancy t, Object... more) {
        return cell(Stream.concat(Stream.of(table, t.region(), t.municipality(), t.corporation(), t.careProvider()),
                Stream.of(more)).toArray());
    }

    private static String cell(Object... parts) {
        return Stream.of(parts).map(String::valueOf).collect(Collectors.joining("|"));
    }

    private static String month(LocalDate date) {
        return date.toString().substring(0, 7);
    }

    private static long days(LocalDate from, LocalDate to) {
        return ChronoUnit.DAYS.between(from, to);
    }

    private static boolean open(LocalDate from, LocalDate until, LocalDate on) {
        return from != null && !from.isAfter(on) && (until == null || until.isAfter(on));
    }

    private static LocalDate earliest(LocalDate a, LocalDate b) {
        return a == null ? b : b == null ? a : (a.isBefore(b) ? a : b);
    }
}

package nl.weerthuis.query.monitor;

import nl.weerthuis.query.monitor.MonitorFacts.All;
import nl.weerthuis.query.monitor.MonitorFacts.Tenancy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The figures of the outflow monitor for one selection (region, municipality, corporation, care provider) and one
 * period. Counts go by business date (move-in date, offer date, ...), never by recording time. Percentiles are
 * nearest-rank; throughput times are in days. Each derived figure (median, share, forecast) records how many cases
 * it rests on, so small bases can be suppressed like small counts.
 */
public final class OutflowFigures {

    /** A selection; null dimensions select everything. {@code to} is inclusive. */
    public record Selection(String region, String municipality, String corporation, String careProvider,
                            LocalDate from, LocalDate to) {

        boolean matches(String region, String municipality, String corporation, String careProvider) {
            return (this.region == null || this.region.equals(region))
                    && (this.municipality == null || this.municipality.equals(municipality))
                    && (this.corporation == null || this.corporation.equals(corporation))
                    && (this.careProvider == null || this.careProvider.equals(careProvider));
        }

        boolean inPeriod(LocalDate date) {
            return date != null && !date.isBefore(from) && !date.isAfter(to);
        }
    }

    /** The figures, in a stable order, and for each derived figure the number of cases behind it. */
    public record Figures(Map<String, Object> values, Map<String, Long> bases) {
    }

    private OutflowFigures() {
    }

    static Figures compute(All facts, Selection s) {
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, Long> bases = new LinkedHashMap<>();
        LocalDate end = s.to();
        // Stays and trajectories have no corporation: a corporation selection does not narrow them.
        Predicate<String[]> care = d -> s.matches(d[0], d[1], s.corporation(), d[2]);

        values.put("stockProtectedHousing", facts.stays().stream().filter(x -> care.test(dims(x.region(), x.municipality(), x.careProvider())))
                .filter(x -> x.setting().equals("PROTECTED_HOUSING") && open(x.from(), x.to(), end)).count());
        values.put("stockShelter", facts.stays().stream().filter(x -> care.test(dims(x.region(), x.municipality(), x.careProvider())))
                .filter(x -> x.setting().equals("SHELTER") && open(x.from(), x.to(), end)).count());
        values.put("potentialOutflowers", facts.trajectories().stream()
                .filter(x -> care.test(dims(x.region(), x.municipality(), x.careProvider())))
                .filter(x -> open(x.startedOn(), earliest(x.movedInOn(), x.closedOn()), end)).count());
        values.put("trajectoriesStarted", facts.trajectories().stream()
                .filter(x -> care.test(dims(x.region(), x.municipality(), x.careProvider())) && s.inPeriod(x.startedOn())).count());

        List<Tenancy> tenancies = facts.tenancies().stream()
                .filter(t -> s.matches(t.region(), t.municipality(), t.corporation(), t.careProvider())).toList();
        List<Tenancy> outflows = tenancies.stream().filter(t -> s.inPeriod(t.movedInOn())).toList();
        values.put("outflows", (long) outflows.size());
        values.put("flips", tenancies.stream().filter(t -> s.inPeriod(t.flippedOn())).count());
        values.put("returnsToCare", facts.returns().stream()
                // A return without a tenancy has no corporation: a corporation selection does not narrow it.
                .filter(r -> s.matches(r.region(), r.municipality(),
                        r.corporation() == null ? s.corporation() : r.corporation(), r.careProvider()))
                .filter(r -> s.inPeriod(r.returnedOn())).count());
        values.put("evictions", tenancies.stream().filter(t -> s.inPeriod(t.endedOn()) && "EVICTION".equals(t.endReason())).count());
        values.put("tenanciesEnded", tenancies.stream().filter(t -> s.inPeriod(t.endedOn())).count());

        List<Tenancy> offers = tenancies.stream().filter(t -> s.inPeriod(t.offeredOn())).toList();
        percentiles(values, bases, "daysTrajectoryToOffer", offers.stream().filter(t -> t.trajectoryStartedOn() != null)
                .map(t -> ChronoUnit.DAYS.between(t.trajectoryStartedOn(), t.offeredOn())).toList());
        percentiles(values, bases, "daysOfferToMoveIn", outflows.stream()
                .map(t -> ChronoUnit.DAYS.between(t.offeredOn(), t.movedInOn())).toList());
        percentiles(values, bases, "daysMoveInToFlip", tenancies.stream().filter(t -> s.inPeriod(t.flippedOn()))
                .map(t -> ChronoUnit.DAYS.between(t.movedInOn(), t.flippedOn())).toList());
        List<Tenancy> timedOffers = offers.stream().filter(t -> t.trajectoryStartedOn() != null).toList();
        share(values, bases, "shareOfferedWithinDeadline", timedOffers.size(), timedOffers.stream()
                .filter(t -> !t.offeredOn().isAfter(t.trajectoryStartedOn().plusMonths(t.offerDeadlineMonths()))).count());

        quota(values, facts, tenancies, s);
        target(values, bases, facts, s);
        signals(values, facts, s);

        Map<String, String> waakvlamRegion = facts.waakvlamRegion();
        values.put("waakvlamActive", facts.waakvlams().stream().filter(w -> s.region() == null || s.region().equals(w.region()))
                .filter(w -> open(w.startedOn(), earliest(w.until(), w.endedOn()), end)).count());
        values.put("waakvlamContactsMissed", facts.missed().stream()
                .filter(m -> s.region() == null || s.region().equals(waakvlamRegion.get(m.indicationId())))
                .filter(m -> s.inPeriod(m.dueOn())).count());

        for (int months : new int[]{12, 24}) {
            List<Tenancy> cohort = tenancies.stream()
                    .filter(t -> t.movedInOn() != null && !t.movedInOn().plusMonths(months).isAfter(end)).toList();
            share(values, bases, "sustainedAfter" + months + "Months", cohort.size(), cohort.stream()
                    .filter(t -> t.endedOn() == null || t.endedOn().isAfter(t.movedInOn().plusMonths(months))).count());
        }
        Map<String, Long> byMunicipality = new TreeMap<>();
        Map<String, Long> byNeighbourhood = new TreeMap<>();
        outflows.forEach(t -> {
            byMunicipality.merge(t.municipality(), 1L, Long::sum);
            byNeighbourhood.merge(t.municipality() + "/" + t.neighbourhood(), 1L, Long::sum);
        });
        byMunicipality.forEach((m, n) -> values.put("outflowsByMunicipality." + m, n));
        byNeighbourhood.forEach((m, n) -> values.put("outflowsByNeighbourhood." + m, n));
        return new Figures(values, bases);
    }

    private static void quota(Map<String, Object> values, All facts, List<Tenancy> tenancies, Selection s) {
        Map<String, long[]> perCorporation = new TreeMap<>();
        facts.quotas().stream()
                .filter(q -> (s.region() == null || s.region().equals(q.region()))
                        && (s.corporation() == null || s.corporation().equals(q.corporation()))
                        && q.year() >= s.from().getYear() && q.year() <= s.to().getYear())
                .forEach(q -> perCorporation.computeIfAbsent(q.corporation(), c -> new long[2])[0] += q.dwellings());
        tenancies.stream().filter(t -> t.fromQuota() && s.inPeriod(t.acceptedOn()))
                .forEach(t -> perCorporation.computeIfAbsent(t.corporation(), c -> new long[2])[1]++);
        perCorporation.forEach((corporation, agreedUsed) -> {
            values.put("quotaAgreed." + corporation, agreedUsed[0]);
            values.put("quotaUsed." + corporation, agreedUsed[1]);
        });
    }

    /** Outflow against the region's target, with a straight line from the agreement's start through today's count. */
    private static void target(Map<String, Object> values, Map<String, Long> bases, All facts, Selection s) {
        if (s.region() == null) {
            return;
        }
        facts.targets().stream().filter(t -> t.region().equals(s.region())).findFirst().ifPresent(target -> {
            LocalDate start = facts.agreementStart().getOrDefault(s.region(), s.from());
            long achieved = facts.tenancies().stream().filter(t -> t.region().equals(s.region()) && t.movedInOn() != null
                    && !t.movedInOn().isBefore(start) && !t.movedInOn().isAfter(s.to())).count();
            long elapsed = Math.max(1, ChronoUnit.DAYS.between(start, s.to()) + 1);
            long total = Math.max(1, ChronoUnit.DAYS.between(start, target.targetDate()) + 1);
            values.put("targetOutflows", (long) target.outflows());
            values.put("targetDate", target.targetDate().toString());
            values.put("outflowsSinceAgreement", achieved);
            values.put("forecastAtTargetDate", BigDecimal.valueOf(achieved * (double) total / elapsed)
                    .setScale(1, RoundingMode.HALF_UP).doubleValue());
            bases.put("forecastAtTargetDate", achieved);
        });
    }

    private static void signals(Map<String, Object> values, All facts, Selection s) {
        Map<String, Tenancy> byId = facts.tenancyById();
        Map<String, Long> open = new TreeMap<>();
        long[] age = new long[3];
        long resolved = 0;
        long total = 0;
        for (MonitorFacts.Signal signal : facts.signals()) {
            Tenancy t = byId.get(signal.tenancyId());
            if (t == null || !s.matches(t.region(), t.municipality(), t.corporation(), t.careProvider())) {
                continue;
            }
            if (s.inPeriod(signal.resolvedOn())) {
                resolved++;
            }
            if (open(signal.raisedOn(), signal.resolvedOn(), s.to())) {
                total++;
                open.merge(signal.kind(), 1L, Long::sum);
                long days = ChronoUnit.DAYS.between(signal.raisedOn(), s.to());
                age[days < 30 ? 0 : days <= 90 ? 1 : 2]++;
            }
        }
        values.put("openSignals", total);
        open.forEach((kind, n) -> values.put("openSignalsByKind." + kind, n));
        values.put("openSignalsByAge.under30Days", age[0]);
        values.put("openSignalsByAge.30to90Days", age[1]);
        values.put("openSignalsByAge.over90Days", age[2]);
        values.put("signalsResolved", resolved);
    }

    private static void percentiles(Map<String, Object> values, Map<String, Long> bases, String name, List<Long> days) {
        List<Long> sorted = new ArrayList<>(days);
        Collections.sort(sorted);
        values.put(name + "Median", nearestRank(sorted, 0.5));
        values.put(name + "P90", nearestRank(sorted, 0.9));
        bases.put(name + "Median", (long) sorted.size());
        bases.put(name + "P90", (long) sorted.size());
    }

    static Long nearestRank(List<Long> sorted, double percentile) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(percentile * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }

    private static void share(Map<String, Object> values, Map<String, Long> bases, String name, long cases, long hits) {
        values.put(name, cases == 0 ? null
                : BigDecimal.valueOf(hits).divide(BigDecimal.valueOf(cases), 3, RoundingMode.HALF_UP).doubleValue());
        bases.put(name, cases);
    }

    private static boolean open(LocalDate from, LocalDate until, LocalDate on) {
        return from != null && !from.isAfter(on) && (until == null || until.isAfter(on));
    }

    private static LocalDate earliest(LocalDate a, LocalDate b) {
        return a == null ? b : b == null ? a : (a.isBefore(b) ? a : b);
    }

    private static String[] dims(String region, String municipality, String careProvider) {
        return new String[]{region, municipality, careProvider};
    }
}

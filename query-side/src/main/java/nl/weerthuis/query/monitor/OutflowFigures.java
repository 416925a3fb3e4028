package nl.weerthuis.query.monitor;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * The figures of the outflow monitor for one selection and period, as {@link FigureDictionary} defines them, in the
 * order they are published. Cases are counted by business date (move-in date, offer date, ...), never by recording
 * time.
 * <p>
 * Every case lies in its <em>finest cell</em>: the table it belongs to, every dimension a selection can narrow
 * (region, municipality, corporation, care provider), the calendar month of its business date for flows, and every
 * attribute some figure of that table filters on (end reason, waiting band, within the deadline or not, ...). A
 * selection is always a union of whole cells, so small cells can be left out once and every published figure built
 * from the cells that remain: any sum or difference of published figures is then one of published cells.
 * {@link OutflowCells} computes each figure's {@link Tally} in the database; the in-memory reference it is tested
 * against lives with the tests.
 */
public final class OutflowFigures {

    /** A selection; null dimensions select everything. {@code to} is inclusive. */
    public record Selection(String region, String municipality, String corporation, String careProvider,
                            LocalDate from, LocalDate to) {
    }

    /** What a figure rests on, before publication. */
    public sealed interface Measure permits Tally, Fixed, Forecast {
    }

    /** How a figure's cases are published: as a count, as a distribution of days, or as a share. */
    public enum Shape { COUNT, DISTRIBUTION, SHARE }

    /**
     * A figure's cases once the small cells are left out (or all of them, for exact figures): how many remain, how
     * many of them count in a share's numerator, the {@code MEDIAN} and {@code PERCENTILE.INC(…; 0,9)} of their days
     * (unrounded; null without cases), and how many cells were left out.
     */
    public record Tally(Shape shape, long cases, long hits, BigDecimal median, BigDecimal p90, long leftOutCells)
            implements Measure {

        static Tally none(Shape shape) {
            return new Tally(shape, 0, 0, null, null, 0);
        }
    }

    /** A figure about agreements, not persons (agreed quota, target): never suppressed. */
    public record Fixed(Object value) implements Measure {
    }

    /** A straight line through the published count since the agreement's start, extended to the target date. */
    public record Forecast(Tally achieved, long elapsedDays, long totalDays) implements Measure {
    }

    public static final String[] WAITING_BANDS = {"under3Months", "3to6Months", "6to12Months", "12MonthsOrMore"};
    public static final String[] HOUSED_BANDS = {"under6Months", "6to12Months", "12to24Months", "24MonthsOrMore"};
    public static final String[] SIGNAL_AGES = {"under30Days", "30to90Days", "over90Days"};

    /** Families of figures: one figure per value present among the cases ({@code openSignalsByKind.NUISANCE}, ...). */
    static final String ENDED_BY_REASON = "trajectoriesEndedWithoutOutflow.", SIGNALS_BY_KIND = "openSignalsByKind.",
            BY_MUNICIPALITY = "outflowsByMunicipality.", BY_NEIGHBOURHOOD = "outflowsByNeighbourhood.",
            QUOTA_AGREED = "quotaAgreed.", QUOTA_USED = "quotaUsed.";

    /** A region's outflow target, with the first day of the month its first agreement took effect. */
    record Target(long outflows, LocalDate targetDate, LocalDate since) {
    }

    private OutflowFigures() {
    }

    /**
     * One group's figures in their published order, from the tallies by figure name (a figure without cases has no
     * tally), the agreed quota per corporation and the region's target (null when none applies).
     */
    static Map<String, Measure> layout(Map<String, Tally> tallies, Map<String, Long> quotaAgreed, Target target,
                                       LocalDate to) {
        Builder b = new Builder(tallies);
        b.count("stockProtectedHousing").count("stockShelter").count("potentialOutflowers");
        for (String band : WAITING_BANDS) {
            b.count("potentialOutflowersWaiting." + band);
        }
        b.count("trajectoriesStarted").count("trajectoriesEndedWithoutOutflow").family(ENDED_BY_REASON)
                .count("offersMade").distribution("daysTrajectoryToOffer").share("shareOfferedWithinDeadline")
                .count("offersRefused").count("outflows").distribution("daysOfferToMoveIn")
                .count("flips").distribution("daysMoveInToFlip").count("returnsToCare");
        for (String band : HOUSED_BANDS) {
            b.count("returnsToCareByTimeHoused." + band);
        }
        b.count("evictions").count("tenanciesEnded").count("housed");

        TreeSet<String> corporations = new TreeSet<>(quotaAgreed.keySet());
        corporations.addAll(b.suffixes(QUOTA_USED));
        for (String corporation : corporations) {
            b.figures.put(QUOTA_AGREED + corporation, new Fixed(quotaAgreed.getOrDefault(corporation, 0L)));
            b.count(QUOTA_USED + corporation);
        }
        if (target != null) {
            long elapsed = Math.max(1, java.time.temporal.ChronoUnit.DAYS.between(target.since(), to) + 1);
            long total = Math.max(1, java.time.temporal.ChronoUnit.DAYS.between(target.since(), target.targetDate()) + 1);
            b.figures.put("targetOutflows", new Fixed(target.outflows()));
            b.figures.put("targetDate", new Fixed(target.targetDate().toString()));
            b.count("outflowsSinceAgreement");
            b.figures.put("forecastAtTargetDate", new Forecast(b.tally("outflowsSinceAgreement", Shape.COUNT), elapsed, total));
        }

        b.count("openSignals").family(SIGNALS_BY_KIND);
        for (String age : SIGNAL_AGES) {
            b.count("openSignalsByAge." + age);
        }
        b.count("signalsResolved").count("waakvlamActive").count("waakvlamContactsMissed")
                .share("sustainedAfter12Months").share("sustainedAfter24Months")
                .family(BY_MUNICIPALITY).family(BY_NEIGHBOURHOOD);
        return b.figures;
    }

    private static final class Builder {
        final Map<String, Measure> figures = new LinkedHashMap<>();
        final Map<String, Tally> tallies;

        Builder(Map<String, Tally> tallies) {
            this.tallies = tallies;
        }

        Tally tally(String figure, Shape shape) {
            Tally t = tallies.get(figure);
            return t == null ? Tally.none(shape) : new Tally(shape, t.cases(), t.hits(), t.median(), t.p90(), t.leftOutCells());
        }

        Builder count(String figure) {
            figures.put(figure, tally(figure, Shape.COUNT));
            return this;
        }

        Builder distribution(String figure) {
            figures.put(figure, tally(figure, Shape.DISTRIBUTION));
            return this;
        }

        Builder share(String figure) {
            figures.put(figure, tally(figure, Shape.SHARE));
            return this;
        }

        /** Every figure of a family that has cases, in the order of its values (as Java sorts strings). */
        Builder family(String prefix) {
            suffixes(prefix).forEach(value -> count(prefix + value));
            return this;
        }

        TreeSet<String> suffixes(String prefix) {
            TreeSet<String> values = new TreeSet<>();
            tallies.keySet().stream().filter(f -> f.startsWith(prefix)).forEach(f -> values.add(f.substring(prefix.length())));
            return values;
        }
    }
}

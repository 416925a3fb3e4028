package nl.weerthuis.query.monitor;

import nl.weerthuis.query.monitor.MonitorFacts.All;
import nl.weerthuis.query.monitor.MonitorFacts.Tenancy;
import nl.weerthuis.query.monitor.OutflowFigures.Selection;
import nl.weerthuis.query.monitor.OutflowMonitor.Group;
import nl.weerthuis.query.monitor.OutflowMonitor.GroupBy;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An adversary with a MONITOR token tries to recover a cell of 1 to 4 by combining published figures: a region's
 * total minus its municipalities, a year minus its quarters and months, one selection minus an overlapping one.
 * Every such difference must come out as a combination of published cells, never as the hidden count.
 */
class DifferencingTest {

    static final Period P6M = Period.ofMonths(6);

    static final String REGION = "Veluwe";
    static final LocalDate JAN = LocalDate.of(2025, 1, 1), DEC = LocalDate.of(2025, 12, 31);

    private final List<Tenancy> tenancies = new ArrayList<>();

    private void outflows(int n, String municipality, String corporation, String provider, LocalDate movedIn) {
        for (int i = 0; i < n; i++) {
            tenancies.add(new Tenancy(UUID.randomUUID().toString(), REGION, municipality, "Centrum", corporation, provider,
                    true, movedIn.minusMonths(4), movedIn.minusMonths(1), P6M, movedIn.minusDays(20), null, movedIn,
                    null, null, null));
        }
    }

    /**
     * The suppression rule attacked on the in-memory reference; {@code OutflowCellsPropertyTest} shows that the
     * database publishes exactly the same figures.
     */
    private ReferenceMonitor monitor() {
        All all = new All(List.of(), List.of(), List.copyOf(tenancies), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), Map.of());
        return ReferenceMonitor.of(() -> all);
    }

    private static Long value(Group group, String figure) {
        Object value = group.figures().get(figure);
        return value == null ? 0L : ((Number) value).longValue();
    }

    private Long published(String municipality, String corporation, LocalDate from, LocalDate to, String figure) {
        return value(monitor().figures(new Selection(REGION, municipality, corporation, null, from, to), GroupBy.NONE, true)
                .get(0), figure);
    }

    private long sumOfGroups(GroupBy groupBy, LocalDate from, LocalDate to, String figure) {
        return monitor().figures(new Selection(REGION, null, null, null, from, to), groupBy, true).stream()
                .mapToLong(g -> value(g, figure)).sum();
    }

    @Test
    void a_small_municipality_cannot_be_recovered_from_the_region_total() {
        outflows(7, "Apeldoorn", "11111111", "33333333", LocalDate.of(2025, 3, 10));
        outflows(2, "Epe", "11111111", "33333333", LocalDate.of(2025, 3, 12)); // the cell to protect

        long total = published(null, null, JAN, DEC, "outflows");
        long apeldoorn = published("Apeldoorn", null, JAN, DEC, "outflows");
        assertThat(total - apeldoorn).as("region minus its other municipality").isZero();
        assertThat(total - sumOfGroups(GroupBy.MUNICIPALITY, JAN, DEC, "outflows")).as("region minus all municipalities").isZero();
        Group epe = monitor().figures(new Selection(REGION, "Epe", null, null, JAN, DEC), GroupBy.NONE, true).get(0);
        assertThat(epe.figures().get("outflows")).isNull();
        assertThat(epe.suppressed()).contains("outflows");
        assertThat(epe.suppressedCells()).containsEntry("outflows", 1L);
        // The old protection (hide the small part and one more) would show 9 here, and 9 - 7 = 2.
        assertThat(total).isEqualTo(7);
        // An administrator sees the exact count.
        assertThat(value(monitor().figures(new Selection(REGION, null, null, null, JAN, DEC), GroupBy.NONE, false).get(0),
                "outflows")).isEqualTo(9);
    }

    @Test
    void a_small_month_cannot_be_recovered_from_its_quarter_or_year() {
        outflows(6, "Apeldoorn", "11111111", "33333333", LocalDate.of(2025, 1, 15));
        outflows(3, "Apeldoorn", "11111111", "33333333", LocalDate.of(2025, 2, 15)); // the cell to protect
        outflows(8, "Apeldoorn", "11111111", "33333333", LocalDate.of(2025, 3, 15));

        long year = published(null, null, JAN, DEC, "outflows");
        long quarter = published(null, null, JAN, LocalDate.of(2025, 3, 31), "outflows");
        long january = published(null, null, JAN, LocalDate.of(2025, 1, 31), "outflows");
        long march = published(null, null, LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31), "outflows");
        assertThat(quarter - january - march).as("quarter minus its other months").isZero();
        assertThat(year - sumOfGroups(GroupBy.MONTH, JAN, DEC, "outflows")).isZero();
        assertThat(year - sumOfGroups(GroupBy.QUARTER, JAN, DEC, "outflows")).isZero();
        assertThat(sumOfGroups(GroupBy.QUARTER, JAN, DEC, "outflows")).isEqualTo(sumOfGroups(GroupBy.HALF_YEAR, JAN, DEC, "outflows"));
        // Overlapping periods: January to December minus March to December is January and February as published.
        assertThat(year - published(null, null, LocalDate.of(2025, 3, 1), DEC, "outflows")).isEqualTo(january);
        assertThat(year).isEqualTo(14);
    }

    @Test
    void one_selection_minus_an_overlapping_one_gives_only_published_cells() {
        outflows(6, "Apeldoorn", "11111111", "33333333", LocalDate.of(2025, 5, 1));
        outflows(5, "Apeldoorn", "22222222", "33333333", LocalDate.of(2025, 5, 2));
        outflows(1, "Apeldoorn", "22222222", "44444444", LocalDate.of(2025, 5, 3)); // the cell to protect

        long apeldoorn = published("Apeldoorn", null, JAN, DEC, "outflows");
        long corporation1 = published("Apeldoorn", "11111111", JAN, DEC, "outflows");
        long corporation2 = published("Apeldoorn", "22222222", JAN, DEC, "outflows");
        long provider = value(monitor().figures(new Selection(REGION, "Apeldoorn", "22222222", "33333333", JAN, DEC),
                GroupBy.NONE, true).get(0), "outflows");
        assertThat(apeldoorn - corporation1).isEqualTo(corporation2);
        assertThat(corporation2 - provider).as("corporation minus its one published provider").isZero();
        assertThat(apeldoorn).isEqualTo(11);
    }

    /** Many random journeys: in every grouping, the groups' published counts add up exactly to the published total. */
    @Test
    void for_random_populations_every_grouping_adds_up_to_the_total_so_no_difference_exposes_a_cell() {
        String[] municipalities = {"Apeldoorn", "Epe", "Heerde"};
        String[] corporations = {"11111111", "22222222"};
        String[] providers = {"33333333", "44444444"};
        String[] flows = {"outflows", "offersMade", "flips", "tenanciesEnded", "evictions", "quotaUsed.11111111",
                "quotaUsed.22222222", "daysOfferToMoveInCases", "shareOfferedWithinDeadlineDenominator"};
        for (int seed = 1; seed <= 20; seed++) {
            tenancies.clear();
            Random random = new Random(seed);
            for (int i = 0; i < 150; i++) {
                LocalDate offered = JAN.plusDays(random.nextInt(330));
                LocalDate movedIn = offered.plusDays(10 + random.nextInt(40));
                LocalDate flipped = random.nextInt(4) == 0 ? movedIn.plusDays(100) : null;
                LocalDate ended = random.nextInt(6) == 0 ? movedIn.plusDays(30 + random.nextInt(60)) : null;
                tenancies.add(new Tenancy(UUID.randomUUID().toString(), REGION, municipalities[random.nextInt(3)], "N",
                        corporations[random.nextInt(2)], providers[random.nextInt(2)], random.nextBoolean(),
                        offered.minusDays(random.nextInt(300)), offered, P6M, offered.plusDays(3), null, movedIn, flipped,
                        ended, ended == null ? null : random.nextBoolean() ? "EVICTION" : "MOVED"));
            }
            long suppressedSomewhere = 0;
            for (String figure : flows) {
                long total = published(null, null, JAN, DEC, figure);
                for (GroupBy groupBy : new GroupBy[]{GroupBy.MUNICIPALITY, GroupBy.CORPORATION, GroupBy.CARE_PROVIDER,
                        GroupBy.MONTH, GroupBy.QUARTER, GroupBy.HALF_YEAR}) {
                    assertThat(sumOfGroups(groupBy, JAN, DEC, figure)).as(seed + " " + figure + " by " + groupBy).isEqualTo(total);
                }
                Group all = monitor().figures(new Selection(REGION, null, null, null, JAN, DEC), GroupBy.NONE, true).get(0);
                suppressedSomewhere += all.suppressedCells().getOrDefault(figure, 0L);
                for (Group g : monitor().figures(new Selection(REGION, null, null, null, JAN, DEC), GroupBy.MONTH, true)) {
                    Object shown = g.figures().get(figure);
                    assertThat(shown == null || ((Number) shown).longValue() == 0 || ((Number) shown).longValue() >= 5)
                            .as(seed + " " + figure + " in " + g.group() + " = " + shown).isTrue();
                }
            }
            assertThat(suppressedSomewhere).as("the population has small cells to protect").isPositive();
        }
    }
}

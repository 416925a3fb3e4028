package nl.weerthuis.query.monitor;

import nl.weerthuis.query.monitor.OutflowFigures.Selection;
import nl.weerthuis.query.monitor.OutflowMonitor.Group;
import nl.weerthuis.query.monitor.OutflowMonitor.GroupBy;
import nl.weerthuis.query.support.EventStoreFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The figures PostgreSQL computes ({@link OutflowMonitor}, {@link OutflowCells}) are exactly those of the in-memory
 * reference ({@link ReferenceMonitor}) — for random facts in the real read-store tables, every grouping, many
 * selections and periods, exact and with small cells left out: every group, every figure, in the same order.
 * <p>
 * Each population is written inside one REPEATABLE READ transaction that is rolled back: both computations read the
 * same snapshot (whatever else the shared test database holds, and whatever projections write meanwhile), and no
 * other test ever sees the random facts. A failure names the seed; {@code -Dmonitor.seed=N} replays one population.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(EventStoreFixture.class)
class OutflowCellsPropertyTest {

    static final int POPULATIONS = 20;

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    OutflowMonitor monitor;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void the_database_publishes_exactly_the_reference_figures() {
        String replay = System.getProperty("monitor.seed");
        long first = replay != null ? Long.parseLong(replay) : new Random().nextLong();
        int populations = replay != null ? 1 : POPULATIONS;
        for (int i = 0; i < populations; i++) {
            long seed = first + i;
            TransactionTemplate tx = new TransactionTemplate(transactions);
            tx.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
            tx.executeWithoutResult(status -> {
                try {
                    check(seed);
                } finally {
                    status.setRollbackOnly();
                }
            });
        }
    }

    private void check(long seed) {
        Random random = new Random(seed);
        Population p = new Population(random, UUID.randomUUID().toString().substring(0, 6));
        p.write(jdbc);
        ReferenceMonitor reference = new ReferenceMonitor(new MonitorFacts(jdbc)::load);
        String r = p.regions[0];
        List<Object[]> questions = new ArrayList<>();
        for (GroupBy groupBy : GroupBy.values()) {
            questions.add(new Object[]{groupBy, selection(random, p, groupBy == GroupBy.REGION ? null : r)});
        }
        questions.add(new Object[]{GroupBy.NONE, selection(random, p, null)});
        questions.add(new Object[]{GroupBy.MUNICIPALITY, selection(random, p, null)});
        for (int q = 0; q < 6; q++) {
            GroupBy groupBy = GroupBy.values()[random.nextInt(GroupBy.values().length)];
            questions.add(new Object[]{groupBy, selection(random, p, random.nextInt(4) == 0 ? null : p.regions[random.nextInt(2)])});
        }
        for (Object[] question : questions) {
            GroupBy groupBy = (GroupBy) question[0];
            Selection selection = (Selection) question[1];
            for (boolean suppress : new boolean[]{true, false}) {
                List<Group> expected = reference.figures(selection, groupBy, suppress);
                List<Group> actual = monitor.figures(selection, groupBy, suppress);
                String what = "seed " + seed + ": " + groupBy + " " + selection + (suppress ? " suppressed" : " exact");
                assertThat(actual).as(what).hasSameSizeAs(expected);
                for (int g = 0; g < expected.size(); g++) {
                    Group e = expected.get(g), a = actual.get(g);
                    assertThat(a.group()).as(what).isEqualTo(e.group());
                    assertThat(List.copyOf(a.figures().keySet())).as(what + " " + e.group() + " figures")
                            .isEqualTo(List.copyOf(e.figures().keySet()));
                    assertThat(a.figures()).as(what + " " + e.group()).isEqualTo(e.figures());
                    assertThat(a.suppressed()).as(what + " " + e.group() + " suppressed").isEqualTo(e.suppressed());
                    assertThat(a.suppressedCells()).as(what + " " + e.group() + " cells left out").isEqualTo(e.suppressedCells());
                }
            }
        }
    }

    /** A selection narrowed at random, over whole months or (as an administrator may ask) any days. */
    private static Selection selection(Random random, Population p, String region) {
        LocalDate from, to;
        if (random.nextBoolean()) {
            from = Population.START.plusMonths(random.nextInt(30));
            to = from.plusMonths(random.nextInt(18)).plusMonths(1).minusDays(1);
        } else {
            from = Population.START.plusDays(random.nextInt(900));
            to = from.plusDays(random.nextInt(500));
        }
        String municipality = random.nextInt(4) == 0 ? Population.pick(random, p.municipalities) : null;
        String corporation = random.nextInt(4) == 0 ? Population.pick(random, Population.CORPORATIONS) : null;
        String provider = random.nextInt(5) == 0 ? Population.pick(random, Population.PROVIDERS) : null;
        return new Selection(region, municipality, corporation, provider, from, to);
    }

    /**
     * Random facts as the projection writes them: two regions, few values per dimension and business dates bunched
     * in a few months, so that cells of every size occur — and the odd orphan (a return without a known client, a
     * missed contact without its waakvlam, a waakvlam without a stay).
     */
    static final class Population {
        static final LocalDate START = LocalDate.of(2023, 1, 1);
        static final String[] CORPORATIONS = {"11111111", "22222222"};
        static final String[] PROVIDERS = {"33333333", "44444444", "55555555"};
        static final String[] NEIGHBOURHOODS = {"Centrum", "Noord"};
        static final String[] CLOSURES = {"NOT_READY", "RELAPSED", "WITHDRAWN"};
        static final String[] END_REASONS = {"EVICTION", "MOVED", "RETURNED_TO_CARE"};
        static final String[] DEADLINES = {"P3M", "P6M", "P182D", "P42D", "P1Y"};
        static final String[] KINDS = {"RENT_ARREARS", "NUISANCE", "MISSED_WAAKVLAM_CONTACT"};

        final Random random;
        final String[] regions;
        final String[] municipalities;
        final List<LocalDate> hot = new ArrayList<>();
        final List<Object[]> stays = new ArrayList<>(), trajectories = new ArrayList<>(), tenancies = new ArrayList<>(),
                returns = new ArrayList<>(), signals = new ArrayList<>(), waakvlams = new ArrayList<>(),
                missed = new ArrayList<>(), agreements = new ArrayList<>(), quotas = new ArrayList<>(),
                targets = new ArrayList<>();

        Population(Random random, String run) {
            this.random = random;
            regions = new String[]{"PropA-" + run, "PropB-" + run};
            municipalities = new String[]{"Epe-" + run, "Heerde-" + run, "Zwolle-" + run};
            for (int i = 0; i < 4; i++) {
                hot.add(START.plusMonths(random.nextInt(36)));
            }
            int clients = 80 + random.nextInt(220);
            List<String> housedTenancies = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                client(UUID.randomUUID().toString(), housedTenancies);
            }
            for (int i = random.nextInt(3); i > 0; i--) {
                returns.add(new Object[]{UUID.randomUUID().toString(), date(day()), null}); // nobody we know
            }
            for (String tenancy : housedTenancies) {
                for (int s = random.nextInt(3); s > 0; s--) {
                    LocalDate raised = day();
                    signals.add(new Object[]{"s" + s, tenancy, pick(random, KINDS), "SERIOUS", date(raised),
                            random.nextBoolean() ? date(raised.plusDays(random.nextInt(200))) : null});
                }
            }
            for (String region : regions) {
                if (random.nextInt(4) > 0) {
                    agreements.add(new Object[]{UUID.randomUUID().toString(), region, date(day())});
                    if (random.nextBoolean()) {
                        agreements.add(new Object[]{UUID.randomUUID().toString(), region, date(day())});
                    }
                }
                if (random.nextInt(4) > 0) {
                    targets.add(new Object[]{region, 10 + random.nextInt(200), date(START.plusMonths(24 + random.nextInt(36)))});
                }
                for (String corporation : CORPORATIONS) {
                    for (int year = 2023; year <= 2026; year++) {
                        if (random.nextBoolean()) {
                            quotas.add(new Object[]{region, corporation, year, random.nextInt(40)});
                        }
                    }
                }
            }
            for (int i = random.nextInt(2); i > 0; i--) {
                missed.add(new Object[]{UUID.randomUUID().toString(), date(day())}); // a waakvlam we never saw
            }
        }

        private void client(String client, List<String> housedTenancies) {
            String region = pick(random, regions), municipality = pick(random, municipalities), provider = pick(random, PROVIDERS);
            String setting = random.nextBoolean() ? "PROTECTED_HOUSING" : "SHELTER";
            LocalDate registered = day();
            boolean known = random.nextInt(20) > 0;
            LocalDate movedIn = null;
            if (random.nextInt(3) > 0) {
                LocalDate started = registered.plusDays(random.nextInt(120));
                LocalDate closed = null;
                String closure = null;
                if (random.nextInt(3) == 0) {
                    closed = started.plusDays(random.nextInt(400));
                    closure = pick(random, CLOSURES);
                } else if (random.nextBoolean()) {
                    movedIn = started.plusDays(30 + random.nextInt(400));
                }
                if (known) {
                    trajectories.add(new Object[]{client, date(started), region, municipality, provider, date(movedIn), date(closed), closure});
                }
                if (movedIn != null || random.nextInt(4) == 0) {
                    tenancy(client, region, provider, started, movedIn, housedTenancies);
                }
            } else if (random.nextInt(4) == 0) {
                tenancy(client, region, provider, null, null, housedTenancies); // direct mediation, no trajectory
            }
            if (known) {
                stays.add(new Object[]{client, 1, setting, region, municipality, provider, date(registered), date(movedIn)});
            }
            if (movedIn != null && random.nextInt(4) == 0) {
                LocalDate returned = movedIn.plusDays(random.nextInt(900));
                returns.add(new Object[]{client, date(returned), random.nextInt(5) == 0 ? null : lastTenancy()});
                if (known) {
                    stays.add(new Object[]{client, 2, setting, region, municipality, provider, date(returned),
                            random.nextBoolean() ? null : date(returned.plusDays(random.nextInt(300)))});
                }
            }
            if (movedIn != null && random.nextInt(3) == 0) {
                String indication = UUID.randomUUID().toString();
                LocalDate started = movedIn.plusDays(random.nextInt(60));
                waakvlams.add(new Object[]{indication, random.nextInt(10) == 0 ? UUID.randomUUID().toString() : client,
                        date(started), date(started.plusMonths(6 + random.nextInt(12))),
                        random.nextBoolean() ? null : date(started.plusDays(random.nextInt(400)))});
                for (int m = random.nextInt(4); m > 0; m--) {
                    missed.add(new Object[]{indication, date(started.plusMonths(m))});
                }
            }
        }

        private String lastTenancy() {
            return tenancies.isEmpty() ? null : (String) tenancies.get(tenancies.size() - 1)[0];
        }

        private void tenancy(String client, String region, String provider, LocalDate trajectory, LocalDate movedIn,
                             List<String> housedTenancies) {
            String id = UUID.randomUUID().toString();
            LocalDate offered = movedIn != null ? movedIn.minusDays(random.nextInt(90))
                    : (trajectory != null ? trajectory : START).plusDays(random.nextInt(300));
            LocalDate accepted = movedIn != null ? offered.plusDays(random.nextInt((int) (movedIn.toEpochDay() - offered.toEpochDay()) + 1))
                    : random.nextBoolean() ? offered.plusDays(random.nextInt(20)) : null;
            LocalDate refused = accepted == null && random.nextBoolean() ? offered.plusDays(random.nextInt(30)) : null;
            LocalDate flipped = movedIn != null && random.nextInt(3) == 0 ? movedIn.plusDays(random.nextInt(800)) : null;
            LocalDate ended = movedIn != null && random.nextInt(3) == 0 ? movedIn.plusDays(random.nextInt(1000)) : null;
            tenancies.add(new Object[]{id, client, region, pick(random, municipalities), pick(random, NEIGHBOURHOODS),
                    pick(random, CORPORATIONS), provider, "SUBLEASE", random.nextBoolean(), date(trajectory), date(offered),
                    pick(random, DEADLINES), date(accepted), date(refused), date(movedIn), date(flipped), date(ended),
                    ended == null ? null : pick(random, END_REASONS)});
            if (movedIn != null) {
                housedTenancies.add(id);
            }
        }

        /** A business date: often in one of a few busy months, so that some cells hold five cases or more. */
        LocalDate day() {
            LocalDate base = random.nextInt(5) < 3 ? hot.get(random.nextInt(hot.size())) : START.plusMonths(random.nextInt(36));
            return base.withDayOfMonth(1 + random.nextInt(base.lengthOfMonth()));
        }

        static String pick(Random random, String[] values) {
            return values[random.nextInt(values.length)];
        }

        private static Date date(LocalDate date) {
            return date == null ? null : Date.valueOf(date);
        }

        void write(JdbcTemplate jdbc) {
            jdbc.batchUpdate("""
                    INSERT INTO monitor_care_stay (client_id, stay_number, setting, region, municipality, care_provider,
                        from_date, to_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", stays);
            jdbc.batchUpdate("""
                    INSERT INTO monitor_trajectory (client_id, started_on, region, municipality, care_provider, moved_in_on,
                        closed_on, closure) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", trajectories);
            jdbc.batchUpdate("""
                    INSERT INTO monitor_tenancy (tenancy_id, client_id, region, municipality, neighbourhood, corporation,
                        care_provider, lease_form, from_quota, trajectory_started_on, offered_on, offer_deadline, accepted_on,
                        refused_on, moved_in_on, flipped_on, ended_on, end_reason)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", tenancies);
            jdbc.batchUpdate("""
                    INSERT INTO monitor_return_to_care (client_id, returned_on, tenancy_id) VALUES (?, ?, ?)
                    ON CONFLICT DO NOTHING""", returns);
            jdbc.batchUpdate("""
                    INSERT INTO monitor_signal (signal_id, tenancy_id, kind, severity, raised_on, resolved_on)
                    VALUES (?, ?, ?, ?, ?, ?)""", signals);
            jdbc.batchUpdate("""
                    INSERT INTO monitor_waakvlam (indication_id, client_id, started_on, until_date, ended_on)
                    VALUES (?, ?, ?, ?, ?)""", waakvlams);
            jdbc.batchUpdate("INSERT INTO monitor_waakvlam_missed (indication_id, due_on) VALUES (?, ?) ON CONFLICT DO NOTHING", missed);
            jdbc.batchUpdate("INSERT INTO monitor_agreement (agreement_id, region, effective_from) VALUES (?, ?, ?)", agreements);
            jdbc.batchUpdate("INSERT INTO monitor_quota (region, corporation, quota_year, dwellings) VALUES (?, ?, ?, ?)", quotas);
            jdbc.batchUpdate("INSERT INTO monitor_target (region, outflows, target_date) VALUES (?, ?, ?)", targets);
        }
    }
}

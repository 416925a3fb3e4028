package nl.weerthuis.query.monitor;

import nl.weerthuis.kernel.agreement.QuotaSetEvent;
import nl.weerthuis.kernel.agreement.TargetSetEvent;
import nl.weerthuis.kernel.careindication.WaakvlamContactMissedEvent;
import nl.weerthuis.kernel.careindication.WaakvlamEndReason;
import nl.weerthuis.kernel.careindication.WaakvlamEndedEvent;
import nl.weerthuis.kernel.careindication.WaakvlamStartedEvent;
import nl.weerthuis.kernel.client.CareSetting;
import nl.weerthuis.kernel.client.ClientRegisteredEvent;
import nl.weerthuis.kernel.client.ClientReturnedToCareEvent;
import nl.weerthuis.kernel.client.OutflowRecordedEvent;
import nl.weerthuis.kernel.client.OutflowTrajectoryStartedEvent;
import nl.weerthuis.kernel.client.TrajectoryClosedEvent;
import nl.weerthuis.kernel.client.TrajectoryClosure;
import nl.weerthuis.kernel.identity.OrganisationType;
import nl.weerthuis.kernel.tenancy.ContractFlippedEvent;
import nl.weerthuis.kernel.tenancy.Dwelling;
import nl.weerthuis.kernel.tenancy.DwellingOfferedEvent;
import nl.weerthuis.kernel.tenancy.LeaseForm;
import nl.weerthuis.kernel.tenancy.LeaseHolder;
import nl.weerthuis.kernel.tenancy.MovedInEvent;
import nl.weerthuis.kernel.tenancy.OfferAcceptedEvent;
import nl.weerthuis.kernel.tenancy.OfferRefusedEvent;
import nl.weerthuis.kernel.tenancy.Severity;
import nl.weerthuis.kernel.tenancy.SignalKind;
import nl.weerthuis.kernel.tenancy.SignalRaisedEvent;
import nl.weerthuis.kernel.tenancy.SignalResolvedEvent;
import nl.weerthuis.kernel.tenancy.TenancyEndReason;
import nl.weerthuis.kernel.tenancy.TenancyEndedEvent;
import nl.weerthuis.query.support.Batches;
import nl.weerthuis.query.support.EventStoreFixture;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The monitor's facts folded over a batch in memory are exactly the facts of the same events handled one at a time:
 * random journeys (trajectories closed and started again, returns to care and the stays after them, tenancies,
 * signals, waakvlam, an event now and then handled twice), interleaved across clients as a store holds them, fed
 * in batches of random sizes and then one event per batch. Each run is rolled back; {@code -Dmonitor.seed=N} replays.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(EventStoreFixture.class)
class OutflowFactsBatchingTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void a_batch_folded_in_memory_gives_the_rows_of_its_events_one_by_one() {
        String replay = System.getProperty("monitor.seed");
        long first = replay != null ? Long.parseLong(replay) : new Random().nextLong();
        for (int run = 0; run < (replay != null ? 1 : 5); run++) {
            long seed = first + run;
            new TransactionTemplate(transactions).executeWithoutResult(status -> {
                try {
                    Journeys journeys = new Journeys(new Random(seed), 60);
                    AnnotationEventHandlerAdapter facts = new AnnotationEventHandlerAdapter(
                            new OutflowFacts(jdbc, transactions));
                    Batches.feed(List.of(facts), journeys.events, new Random(seed), 400);
                    List<String> folded = journeys.rows(jdbc);
                    journeys.delete(jdbc);
                    Batches.feed(List.of(facts), journeys.events, new Random(seed), 1);
                    List<String> oneByOne = journeys.rows(jdbc);

                    assertThat(folded).as("seed " + seed).isEqualTo(oneByOne);
                    // and they are facts, not two empty tables alike
                    assertThat(oneByOne).as("seed " + seed).anyMatch(row -> row.startsWith("monitor_care_stay|")
                            && row.contains("|2|"));
                    assertThat(oneByOne).as("seed " + seed).anyMatch(row -> row.startsWith("monitor_trajectory|")
                            && row.endsWith("|" + TrajectoryClosure.values()[0].name()));
                } finally {
                    status.setRollbackOnly();
                }
            });
        }
    }

    /** Random journeys, each client's events in order, the clients' interleaved at random. */
    static final class Journeys {

        final String prefix = UUID.randomUUID().toString().substring(0, 8);
        final String region = "Batched-" + prefix;
        final List<EventMessage<?>> events = new ArrayList<>();
        private final Random random;
        private LocalDate day = LocalDate.of(2024, 1, 1);

        Journeys(Random random, int clients) {
            this.random = random;
            List<LinkedList<Object>> journeys = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                journeys.add(journey(prefix + "-c" + c));
            }
            LinkedList<Object> regional = new LinkedList<>(List.of(
                    new QuotaSetEvent("agr", region, "corp", 2025, 10), new TargetSetEvent("agr", region, 5, day()),
                    new QuotaSetEvent("agr", region, "corp", 2025, 12), new TargetSetEvent("agr", region, 7, day())));
            journeys.add(regional);
            while (!journeys.isEmpty()) {
                LinkedList<Object> next = journeys.get(random.nextInt(journeys.size()));
                Object event = next.removeFirst();
                events.add(GenericEventMessage.asEventMessage(event));
                if (random.nextInt(20) == 0) {
                    events.add(GenericEventMessage.asEventMessage(event)); // handled twice
                }
                if (next.isEmpty()) {
                    journeys.remove(next);
                }
            }
        }

        private LinkedList<Object> journey(String client) {
            LinkedList<Object> events = new LinkedList<>();
            CareSetting setting = pick(CareSetting.values());
            String municipality = "Gemeente-" + random.nextInt(3);
            events.add(new ClientRegisteredEvent(client, setting, "Facility", region, municipality, "8765432" + random.nextInt(3),
                    day(), null));
            if (random.nextInt(10) == 0) {
                return events;
            }
            LocalDate started = day();
            events.add(new OutflowTrajectoryStartedEvent(client, setting, region, municipality, started));
            if (random.nextInt(3) == 0) {
                events.add(new TrajectoryClosedEvent(client, TrajectoryClosure.values()[0], day(), "grounds"));
                started = day();
                events.add(new OutflowTrajectoryStartedEvent(client, setting, region, municipality, started));
            }
            for (int stay = 0; stay < 3 && random.nextInt(4) > 0; stay++) {
                String tenancy = client + "-t" + stay;
                if (random.nextInt(4) == 0) {
                    String refused = tenancy + "r";
                    events.add(offer(refused, client, municipality, started));
                    events.add(new OfferRefusedEvent(refused, client, day(), "grounds"));
                }
                events.add(offer(tenancy, client, municipality, started));
                events.add(new OfferAcceptedEvent(tenancy, client, day()));
                LocalDate movedIn = day();
                events.add(new MovedInEvent(tenancy, client, movedIn, LeaseForm.values()[0], "corp", "87654321", region,
                        municipality, "Wijk", "agr", 1, Period.ofMonths(6), Period.ofMonths(12)));
                events.add(new OutflowRecordedEvent(client, tenancy, movedIn, "agr", 1, Period.ofMonths(3),
                        Period.ofMonths(12)));
                if (random.nextBoolean()) {
                    events.add(new SignalRaisedEvent(tenancy, client, "s1", pick(SignalKind.values()), "org",
                            OrganisationType.values()[0], pick(Severity.values()), "description", day()));
                    if (random.nextBoolean()) {
                        events.add(new SignalResolvedEvent(tenancy, client, "s1", SignalKind.values()[0],
                                Severity.values()[0], day(), day(), "resolution"));
                    }
                }
                if (random.nextInt(3) == 0) {
                    events.add(new ContractFlippedEvent(tenancy, client, day(), LeaseHolder.values()[0],
                            pick(LeaseHolder.values()), true, "corp", "87654321", region, "agr", 1, "grounds"));
                }
                if (random.nextBoolean()) {
                    return events;
                }
                events.add(new TenancyEndedEvent(tenancy, client, pick(TenancyEndReason.values()), day(), "corp",
                        "87654321", region, "grounds"));
                events.add(new ClientReturnedToCareEvent(client, tenancy, pick(CareSetting.values()), day(), "grounds"));
                started = day();
                events.add(new OutflowTrajectoryStartedEvent(client, setting, region, municipality, started));
            }
            if (random.nextInt(3) == 0) {
                String indication = client + "-w";
                LocalDate due = day();
                events.add(new WaakvlamStartedEvent(indication, client, day(), Period.ofWeeks(2), day().plusYears(1), due,
                        "agr", 1));
                events.add(new WaakvlamContactMissedEvent(indication, client, due, day()));
                if (random.nextBoolean()) {
                    events.add(new WaakvlamEndedEvent(indication, client, WaakvlamEndReason.values()[0], day(), "grounds"));
                }
            }
            return events;
        }

        private DwellingOfferedEvent offer(String tenancy, String client, String municipality, LocalDate started) {
            return new DwellingOfferedEvent(tenancy, client, "corp", "87654321", pick(LeaseForm.values()),
                    new Dwelling("Straat 1", municipality, "Wijk"), region, random.nextBoolean(), day(), started, "agr", 1,
                    Period.ofMonths(3));
        }

        private LocalDate day() {
            day = day.plusDays(1 + random.nextInt(20));
            return day;
        }

        private <T> T pick(T[] values) {
            return values[random.nextInt(values.length)];
        }

        /** Every fact of these journeys, one line per row, in order. */
        List<String> rows(JdbcTemplate jdbc) {
            List<String> rows = new ArrayList<>();
            for (Map.Entry<String, String> table : where().entrySet()) {
                jdbc.queryForList("SELECT * FROM " + table.getKey() + " WHERE " + table.getValue(), prefix + "%")
                        .forEach(row -> rows.add(table.getKey() + "|" + String.join("|",
                                row.values().stream().map(String::valueOf).toList())));
            }
            rows.sort(null);
            return rows;
        }

        void delete(JdbcTemplate jdbc) {
            where().forEach((table, where) -> jdbc.update("DELETE FROM " + table + " WHERE " + where, prefix + "%"));
        }

        private Map<String, String> where() {
            String regional = "region LIKE '%' || ?";
            return Map.of("monitor_care_stay", "client_id LIKE ?", "monitor_trajectory", "client_id LIKE ?",
                    "monitor_tenancy", "client_id LIKE ?", "monitor_return_to_care", "client_id LIKE ?",
                    "monitor_signal", "tenancy_id LIKE ?", "monitor_waakvlam", "client_id LIKE ?",
                    "monitor_waakvlam_missed", "indication_id LIKE ?", "monitor_quota", regional,
                    "monitor_target", regional);
        }
    }
}

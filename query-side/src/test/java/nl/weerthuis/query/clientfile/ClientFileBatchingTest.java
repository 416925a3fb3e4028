package nl.weerthuis.query.clientfile;

import nl.weerthuis.kernel.careindication.IndicationEndReason;
import nl.weerthuis.kernel.careindication.IndicationEndedEvent;
import nl.weerthuis.kernel.careindication.IndicationExtendedEvent;
import nl.weerthuis.kernel.careindication.IndicationGrantedEvent;
import nl.weerthuis.kernel.careindication.IndicationScaledEvent;
import nl.weerthuis.kernel.careindication.IndicationType;
import nl.weerthuis.kernel.careindication.ScaleDirection;
import nl.weerthuis.kernel.client.CareSetting;
import nl.weerthuis.kernel.client.ClientRegisteredEvent;
import nl.weerthuis.kernel.client.ConsentGivenEvent;
import nl.weerthuis.kernel.client.ConsentWithdrawnEvent;
import nl.weerthuis.kernel.client.ErasureGround;
import nl.weerthuis.kernel.client.PersonalDataErasedEvent;
import nl.weerthuis.kernel.identity.MetadataKeys;
import nl.weerthuis.kernel.identity.OrganisationType;
import nl.weerthuis.kernel.privacy.JdbcPersonalDataKeys;
import nl.weerthuis.kernel.privacy.PersonalDataCipher;
import nl.weerthuis.kernel.tenancy.ContractFlippedEvent;
import nl.weerthuis.kernel.tenancy.Dwelling;
import nl.weerthuis.kernel.tenancy.DwellingOfferedEvent;
import nl.weerthuis.kernel.tenancy.LeaseForm;
import nl.weerthuis.kernel.tenancy.LeaseHolder;
import nl.weerthuis.kernel.tenancy.MovedInEvent;
import nl.weerthuis.kernel.tenancy.OfferRefusedEvent;
import nl.weerthuis.kernel.tenancy.Severity;
import nl.weerthuis.kernel.tenancy.SignalKind;
import nl.weerthuis.kernel.tenancy.SignalRaisedEvent;
import nl.weerthuis.kernel.tenancy.SignalResolvedEvent;
import nl.weerthuis.kernel.tenancy.TenancyAgreementsRecordedEvent;
import nl.weerthuis.kernel.tenancy.TenancyEndReason;
import nl.weerthuis.kernel.tenancy.TenancyEndedEvent;
import nl.weerthuis.kernel.tenancy.TenancyStartedEvent;
import nl.weerthuis.query.privacy.SealedTexts;
import nl.weerthuis.query.support.EventStoreFixture;
import nl.weerthuis.testsupport.TestTokens;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client file written per batch (one round of JDBC batches per batch) gives exactly the rows of the same events
 * handled one at a time: random journeys, interleaved across clients as a store holds them, with what depends on
 * order within a batch — a tenancy offered, started, moved into, flipped and ended; agreements recorded twice on one
 * day (deleted, then inserted); a consent given, withdrawn and given again; an indication scaled, extended, ended;
 * a client erased after their texts (with the key gone already, as in a catch-up, or not yet, as live), a client
 * whose key is gone while the erasure is still to come (a later batch) — and an event now and then handled twice. Texts come sealed, as the event store holds them. Each run is rolled back; {@code -Dclientfile.seed=N} replays one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(EventStoreFixture.class)
class ClientFileBatchingTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    SealedTexts sealed;
    @Autowired
    DataSource readStore;

    @Test
    void a_batch_written_at_once_gives_the_rows_of_its_events_one_by_one() {
        // As the command side seals them: with client keys made on first use, committed before the file reads them.
        JdbcPersonalDataKeys keys = new JdbcPersonalDataKeys(() -> DataSourceUtils.getConnection(readStore),
                Base64.getDecoder().decode(TestTokens.KEY_ENCRYPTION_KEY), true, Duration.ZERO, Clock.systemUTC());
        PersonalDataCipher commandSide = new PersonalDataCipher(keys);
        String replay = System.getProperty("clientfile.seed");
        long first = replay != null ? Long.parseLong(replay) : new Random().nextLong();
        for (int run = 0; run < (replay != null ? 1 : 4); run++) {
            long seed = first + run;
            Journeys journeys = new Journeys(new Random(seed), 50, commandSide);
            journeys.keyGone.forEach(keys::erase);
            new TransactionTemplate(transactions).executeWithoutResult(status -> {
                try {
                    ClientFileWrites writes = new ClientFileWrites(jdbc, transactions);
                    List<AnnotationEventHandlerAdapter> file = List.of(
                            new AnnotationEventHandlerAdapter(new ClientFileProjection(jdbc, sealed, writes)),
                            new AnnotationEventHandlerAdapter(new ClientFileInvolvement(jdbc, writes)));
                    feed(file, journeys.events, new Random(seed), 400);
                    List<String> batched = journeys.rows(jdbc);
                    journeys.delete(jdbc);
                    feed(file, journeys.events, new Random(seed), 1);
                    List<String> oneByOne = journeys.rows(jdbc);

                    assertThat(batched).as("seed " + seed).isEqualTo(oneByOne);
                    // and they are a file, not two empty tables alike
                    assertThat(oneByOne).as("seed " + seed)
                            .anyMatch(row -> row.startsWith("file_tenancy|") && row.contains("|CARE_PROVIDER|"))
                            .anyMatch(row -> row.startsWith("file_consent|"))
                            .anyMatch(row -> row.startsWith("file_involvement|"));
                    assertThat(journeys.textsOf(jdbc, journeys.kept).stream().map(sealed::openFromReadModel))
                            .as("seed " + seed).contains("signal of " + journeys.kept.get(0),
                                    "agreed again with " + journeys.kept.get(0));
                    // an erased client's texts are gone, not merely unreadable: the file shows no text, as before
                    assertThat(journeys.erased).as("seed " + seed).isNotEmpty();
                    assertThat(journeys.keyGone).as("seed " + seed).isNotEmpty();
                    assertThat(journeys.textsOf(jdbc, journeys.erased)).as("seed " + seed).isEmpty();
                    assertThat(journeys.textsOf(jdbc, journeys.keyGone)).as("seed " + seed).isEmpty();
                } finally {
                    status.setRollbackOnly();
                }
            });
        }
    }

    /** Batches of 1 to {@code largest} events, each a unit of work as a processor's batch is. */
    private static void feed(List<AnnotationEventHandlerAdapter> handlers, List<EventMessage<?>> events, Random random,
                             int largest) {
        LinkedList<EventMessage<?>> left = new LinkedList<>(events);
        while (!left.isEmpty()) {
            int size = 1 + random.nextInt(largest);
            List<EventMessage<?>> batch = new ArrayList<>();
            while (batch.size() < size && !left.isEmpty()) {
                batch.add(left.removeFirst());
            }
            var result = new BatchingUnitOfWork<>(batch).executeWithResult(() -> {
                EventMessage<?> event = (EventMessage<?>) CurrentUnitOfWork.get().getMessage();
                for (AnnotationEventHandlerAdapter handler : handlers) {
                    if (handler.canHandle(event)) {
                        handler.handle(event);
                    }
                }
                return null;
            });
            if (result.isExceptional()) {
                throw new AssertionError("a batch failed to write", result.exceptionResult());
            }
        }
    }

    /** Random journeys, each client's events in order, the clients' interleaved at random. */
    static final class Journeys {

        final List<EventMessage<?>> events = new ArrayList<>();
        final List<String> clients = new ArrayList<>();
        final List<String> kept = new ArrayList<>();
        /** Clients whose erasure is among the events (some with their key still there, as when handled live). */
        final List<String> erased = new ArrayList<>();
        /** Clients whose key is gone before their events are read (a catch-up; some have their erasure to come). */
        final List<String> keyGone = new ArrayList<>();
        private final Random random;
        private final PersonalDataCipher cipher;
        private LocalDate day = LocalDate.of(2024, 1, 1);

        Journeys(Random random, int clients, PersonalDataCipher cipher) {
            this.random = random;
            this.cipher = cipher;
            List<LinkedList<Object>> journeys = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                String client = UUID.randomUUID().toString();
                this.clients.add(client);
                int fate = c == 0 ? 9 : random.nextInt(6);
                if (fate <= 1) {
                    erased.add(client);
                }
                if (fate == 1 || fate == 2) {
                    keyGone.add(client);
                }
                if (fate > 2) {
                    kept.add(client);
                }
                journeys.add(journey(client, fate <= 1));
            }
            while (!journeys.isEmpty()) {
                LinkedList<Object> next = journeys.get(random.nextInt(journeys.size()));
                EventMessage<?> event = GenericEventMessage.asEventMessage(next.removeFirst())
                        .andMetaData(MetaData.with(MetadataKeys.ACTOR_ORGANISATION, "org-" + random.nextInt(3)));
                events.add(event);
                if (random.nextInt(20) == 0) {
                    events.add(event); // handled twice
                }
                if (next.isEmpty()) {
                    journeys.remove(next);
                }
            }
        }

        private LinkedList<Object> journey(String client, boolean erase) {
            LinkedList<Object> events = new LinkedList<>();
            String provider = "prov-" + random.nextInt(3);
            events.add(new ClientRegisteredEvent(client, CareSetting.SHELTER, "Facility", "Twente", "Almelo", provider,
                    day(), null));
            String indication = UUID.randomUUID().toString();
            events.add(new IndicationGrantedEvent(indication, client, pick(IndicationType.values()), 4, provider, "Twente",
                    day(), day().plusYears(1)));
            if (random.nextBoolean()) {
                events.add(new IndicationScaledEvent(indication, client, ScaleDirection.UP, 4, 8, day(), seal(client, "more")));
                events.add(new IndicationExtendedEvent(indication, client, day, day().plusYears(2), seal(client, "longer")));
            }
            String purpose = "purpose-" + random.nextInt(2);
            events.add(new ConsentGivenEvent(client, "corp", purpose, day()));
            if (random.nextBoolean()) {
                events.add(new ConsentWithdrawnEvent(client, "corp", purpose, day()));
                if (random.nextBoolean()) {
                    events.add(new ConsentGivenEvent(client, "corp", purpose, day()));
                }
            }
            for (int stay = 0; stay < 2; stay++) {
                String tenancy = UUID.randomUUID().toString();
                Dwelling dwelling = new Dwelling(seal(client, "Straat " + stay), "Almelo", "Wijk");
                events.add(new DwellingOfferedEvent(tenancy, client, "corp", provider, pick(LeaseForm.values()), dwelling,
                        "Twente", random.nextBoolean(), day(), day, "agr", 1, Period.ofMonths(3)));
                if (random.nextInt(4) == 0) {
                    events.add(new OfferRefusedEvent(tenancy, client, day(), seal(client, "no")));
                    continue;
                }
                events.add(new TenancyStartedEvent(tenancy, client, LeaseForm.TRIPARTITE, "corp", LeaseHolder.CARE_PROVIDER,
                        provider, dwelling, "Twente", day()));
                events.add(new MovedInEvent(tenancy, client, day(), LeaseForm.TRIPARTITE, "corp", provider, "Twente",
                        "Almelo", "Wijk", "agr", 1, Period.ofMonths(6), Period.ofMonths(12)));
                LocalDate recorded = day();
                events.add(new TenancyAgreementsRecordedEvent(tenancy, client, seal(client, "agreed with " + client), recorded));
                if (random.nextBoolean()) {
                    // the same day again: replaces the first
                    events.add(new TenancyAgreementsRecordedEvent(tenancy, client, seal(client, "agreed again with " + client),
                            recorded));
                }
                events.add(new SignalRaisedEvent(tenancy, client, "s1", pick(SignalKind.values()), "org",
                        random.nextBoolean() ? null : OrganisationType.CARE_PROVIDER, pick(Severity.values()),
                        seal(client, "signal of " + client), day()));
                if (random.nextBoolean()) {
                    events.add(new SignalResolvedEvent(tenancy, client, "s1", SignalKind.values()[0], Severity.values()[0],
                            day, day(), seal(client, "resolved")));
                }
                if (random.nextBoolean()) {
                    events.add(new ContractFlippedEvent(tenancy, client, day(), LeaseHolder.CARE_PROVIDER, LeaseHolder.CLIENT,
                            true, "corp", provider, "Twente", "agr", 1, seal(client, "grounds")));
                }
                if (random.nextBoolean()) {
                    events.add(new TenancyEndedEvent(tenancy, client, pick(TenancyEndReason.values()), day(), "corp",
                            provider, "Twente", seal(client, "grounds")));
                }
            }
            if (random.nextBoolean()) {
                events.add(new IndicationEndedEvent(indication, client, pick(IndicationEndReason.values()), day(), provider,
                        seal(client, "ended")));
            }
            if (erase) {
                events.add(new PersonalDataErasedEvent(client, ErasureGround.CLIENT_REQUEST, day()));
            }
            // the first client always ends with agreements recorded twice, for the assertion on what stays readable
            if (clients.size() == 1) {
                String tenancy = UUID.randomUUID().toString();
                events.add(new DwellingOfferedEvent(tenancy, client, "corp", provider, LeaseForm.TRIPARTITE,
                        new Dwelling(seal(client, "Laan 1"), "Almelo", "Wijk"), "Twente", false, day(), day, "agr", 1,
                        Period.ofMonths(3)));
                events.add(new TenancyAgreementsRecordedEvent(tenancy, client, seal(client, "agreed with " + client), day));
                events.add(new TenancyAgreementsRecordedEvent(tenancy, client, seal(client, "agreed again with " + client), day));
                events.add(new SignalRaisedEvent(tenancy, client, "s9", SignalKind.values()[0], "org", null,
                        Severity.values()[0], seal(client, "signal of " + client), day()));
            }
            return events;
        }

        private String seal(String client, String text) {
            return cipher.seal(client, text);
        }

        private LocalDate day() {
            day = day.plusDays(1 + random.nextInt(20));
            return day;
        }

        private <T> T pick(T[] values) {
            return values[random.nextInt(values.length)];
        }

        /** Every row of these clients' files, one line per row; involvements in the order they were written. */
        List<String> rows(JdbcTemplate jdbc) {
            List<String> rows = new ArrayList<>();
            String[] ids = clients.toArray(String[]::new);
            for (String table : List.of("file_tenancy", "file_indication", "file_consent", "file_agreement")) {
                jdbc.queryForList("SELECT * FROM " + table + " WHERE client_id = ANY (?)", (Object) ids)
                        .forEach(row -> rows.add(table + "|" + String.join("|", row.values().stream().map(String::valueOf).toList())));
            }
            jdbc.queryForList("SELECT s.* FROM file_signal s JOIN file_tenancy t USING (tenancy_id) WHERE t.client_id = ANY (?)",
                    (Object) ids).forEach(row -> rows.add("file_signal|" + String.join("|",
                    row.values().stream().map(String::valueOf).toList())));
            rows.sort(null);
            List<String> involvements = new ArrayList<>();
            jdbc.queryForList("""
                    SELECT client_id, organisation, organisation_type, basis, reference, from_date, until_date, ended_at,
                           row_number() OVER (PARTITION BY client_id ORDER BY id) AS n
                    FROM file_involvement WHERE client_id = ANY (?)""", (Object) ids)
                    .forEach(row -> involvements.add("file_involvement|" + String.join("|",
                            row.values().stream().map(String::valueOf).toList())));
            involvements.sort(null);
            rows.addAll(involvements);
            return rows;
        }

        /** The texts stored (sealed) in these clients' files. */
        List<String> textsOf(JdbcTemplate jdbc, List<String> clients) {
            String[] ids = clients.toArray(String[]::new);
            List<String> texts = new ArrayList<>(jdbc.queryForList("""
                    SELECT s.description FROM file_signal s JOIN file_tenancy t USING (tenancy_id)
                    WHERE t.client_id = ANY (?) AND s.description IS NOT NULL""", String.class, (Object) ids));
            texts.addAll(jdbc.queryForList("SELECT agreements FROM file_agreement WHERE client_id = ANY (?) AND agreements IS NOT NULL",
                    String.class, (Object) ids));
            return texts;
        }

        void delete(JdbcTemplate jdbc) {
            String[] ids = clients.toArray(String[]::new);
            jdbc.update("DELETE FROM file_signal WHERE tenancy_id IN (SELECT tenancy_id FROM file_tenancy WHERE client_id = ANY (?))",
                    (Object) ids);
            for (String table : List.of("file_tenancy", "file_indication", "file_consent", "file_agreement", "file_involvement")) {
                jdbc.update("DELETE FROM " + table + " WHERE client_id = ANY (?)", (Object) ids);
            }
        }
    }
}

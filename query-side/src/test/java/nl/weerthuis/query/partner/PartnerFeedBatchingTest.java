package nl.weerthuis.query.partner;

import nl.weerthuis.kernel.identity.MetadataKeys;
import nl.weerthuis.kernel.privacy.DataSubjects;
import nl.weerthuis.kernel.privacy.JdbcPersonalDataKeys;
import nl.weerthuis.kernel.privacy.PersonalDataCipher;
import nl.weerthuis.query.support.Batches;
import nl.weerthuis.query.support.EventStoreFixture;
import nl.weerthuis.query.support.Journeys;
import nl.weerthuis.testsupport.TestTokens;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;
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
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The feed written per batch ({@link FeedBatch}) holds exactly what the same events handled one at a time give: the
 * same CloudEvents for the same organisations in the same order, numbered alike per subject, queued alike for a
 * subscription, and the same involvements and consents — over random journeys interleaved across clients, where what
 * depends on order within a batch is common: an organisation involved by one event hears of the next, a consent given
 * or withdrawn decides what a corporation learns of the support that follows, an erasure reaches everyone ever
 * involved. Some events name their client in their metadata (read for the whole batch at once), some do not (read
 * when met); and an event handled twice within its batch is told once. Each run is rolled back;
 * {@code -Dpartnerfeed.seed=N} replays one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(EventStoreFixture.class)
class PartnerFeedBatchingTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    PartnerFeed feed;
    @Autowired
    DataSource readStore;

    @Test
    void a_batch_written_at_once_gives_the_feed_of_its_events_one_by_one() {
        PersonalDataCipher commandSide = new PersonalDataCipher(new JdbcPersonalDataKeys(
                () -> DataSourceUtils.getConnection(readStore), Base64.getDecoder().decode(TestTokens.KEY_ENCRYPTION_KEY),
                true, Duration.ZERO, Clock.systemUTC()));
        String replay = System.getProperty("partnerfeed.seed");
        long first = replay != null ? Long.parseLong(replay) : new Random().nextLong();
        List<AnnotationEventHandlerAdapter> projection =
                List.of(new AnnotationEventHandlerAdapter(new PartnerFeedProjection(feed)));
        for (int run = 0; run < (replay != null ? 1 : 4); run++) {
            long seed = first + run;
            Random random = new Random(seed);
            Journeys journeys = new Journeys(random, 50, commandSide);
            List<EventMessage<?>> events = inBatches(journeys.events, random);
            new TransactionTemplate(transactions).executeWithoutResult(status -> {
                try {
                    String subscription = subscribe("corp");
                    Batches.feed(projection, distinct(events), new Random(seed), 400);
                    List<String> batched = rows(journeys.clients, subscription);
                    delete(journeys.clients);
                    // every event that comes twice comes twice within its batch
                    Batches.feed(projection, events, new Random(seed), events.size() * 2);
                    List<String> twice = rows(journeys.clients, subscription);
                    delete(journeys.clients);
                    Batches.feed(projection, distinct(events), new Random(seed), 1);
                    List<String> oneByOne = rows(journeys.clients, subscription);

                    assertThat(batched).as("seed " + seed).isEqualTo(oneByOne);
                    assertThat(twice).as("seed " + seed).isEqualTo(oneByOne);
                    // and it is a feed that tells what it should, not two empty ones alike
                    assertThat(oneByOne).as("seed " + seed)
                            // a corporation told of support: only with the client's consent
                            .anyMatch(row -> row.contains("|corp|") && row.contains("nl.weerthuis.zorg.support-")
                                    && row.contains("\"provider\""))
                            .anyMatch(row -> row.contains("personal-data-erased"))
                            .anyMatch(row -> row.startsWith("delivery|"))
                            .anyMatch(row -> row.startsWith("consent|"));
                    assertThat(gapsInSubjectNumbers(journeys.clients)).as("seed " + seed).isZero();
                } finally {
                    status.setRollbackOnly();
                }
            });
        }
    }

    /** Half of them name their client in the metadata, as the command side writes them; the rest are read when met. */
    private static List<EventMessage<?>> inBatches(List<EventMessage<?>> events, Random random) {
        List<EventMessage<?>> delivered = new ArrayList<>();
        for (EventMessage<?> event : events) {
            boolean again = !delivered.isEmpty() && delivered.get(delivered.size() - 1).getIdentifier()
                    .equals(event.getIdentifier());
            delivered.add(again ? delivered.get(delivered.size() - 1) : random.nextBoolean()
                    ? event.andMetaData(MetaData.with(MetadataKeys.DATA_SUBJECT, DataSubjects.of(event.getPayload())))
                    : event);
        }
        return delivered;
    }

    /**
     * Without the repeats: a processor hands an event again only in the batch it was in (after a rollback), never
     * after that batch committed (its token commits with the feed).
     */
    private static List<EventMessage<?>> distinct(List<EventMessage<?>> events) {
        return events.stream().distinct().toList();
    }

    private String subscribe(String organisation) {
        String id = UUID.randomUUID().toString();
        jdbc.update("""
                INSERT INTO partner_subscription (subscription_id, organisation, organisation_type, callback_url, event_types,
                    auth_header, status, created_at) VALUES (?, ?, 'HOUSING_CORPORATION', 'https://partner.example/hook', ?,
                    NULL, 'ACTIVE', ?)""", id, organisation, "nl.weerthuis.zorg.,nl.weerthuis.clienten.",
                Timestamp.from(Instant.now()));
        return id;
    }

    /** The feed rows in the order of their sequence (without it), their deliveries, involvements and consents. */
    private List<String> rows(List<String> clients, String subscription) {
        String[] ids = clients.toArray(String[]::new);
        List<String> rows = new ArrayList<>();
        jdbc.queryForList("""
                SELECT event_id, organisation, client_id, subject, subject_sequence, type, recorded_at, body, trace_parent
                FROM partner_event WHERE client_id = ANY (?) ORDER BY sequence""", (Object) ids)
                .forEach(row -> rows.add("event|" + line(row)));
        jdbc.queryForList("""
                SELECT e.event_id, e.organisation, d.status, d.attempts FROM partner_delivery d
                JOIN partner_event e ON e.sequence = d.event_sequence
                WHERE d.subscription_id = ? AND e.client_id = ANY (?) ORDER BY e.sequence""", subscription, ids)
                .forEach(row -> rows.add("delivery|" + line(row)));
        jdbc.queryForList("""
                SELECT client_id, organisation, organisation_type, basis, reference, from_date, until_date, ended_at,
                       row_number() OVER (PARTITION BY client_id ORDER BY id) AS n
                FROM partner_involvement WHERE client_id = ANY (?) ORDER BY client_id, n""", (Object) ids)
                .forEach(row -> rows.add("involvement|" + line(row)));
        jdbc.queryForList("SELECT * FROM partner_consent WHERE client_id = ANY (?) ORDER BY 1, 2, 3", (Object) ids)
                .forEach(row -> rows.add("consent|" + line(row)));
        return rows;
    }

    private static String line(Map<String, Object> row) {
        return String.join("|", row.values().stream().map(String::valueOf).toList());
    }

    /** Subjects whose numbers do not run 1, 2, 3, … in the order of the feed. */
    private int gapsInSubjectNumbers(List<String> clients) {
        Integer gaps = jdbc.queryForObject("""
                SELECT count(*) FROM (
                    SELECT subject_sequence, row_number() OVER (PARTITION BY organisation, subject ORDER BY sequence) AS n
                    FROM partner_event WHERE client_id = ANY (?)) numbered
                WHERE subject_sequence <> n""", Integer.class, (Object) clients.toArray(String[]::new));
        return gaps == null ? -1 : gaps;
    }

    private void delete(List<String> clients) {
        String[] ids = clients.toArray(String[]::new);
        jdbc.update("DELETE FROM partner_delivery WHERE event_sequence IN (SELECT sequence FROM partner_event"
                + " WHERE client_id = ANY (?))", (Object) ids);
        for (String table : List.of("partner_event", "partner_involvement", "partner_consent")) {
            jdbc.update("DELETE FROM " + table + " WHERE client_id = ANY (?)", (Object) ids);
        }
    }
}

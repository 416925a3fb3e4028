package nl.weerthuis.query.clientfile;

import nl.weerthuis.kernel.privacy.JdbcPersonalDataKeys;
import nl.weerthuis.kernel.privacy.PersonalDataCipher;
import nl.weerthuis.query.privacy.SealedTexts;
import nl.weerthuis.query.support.Batches;
import nl.weerthuis.query.support.Journeys;
import nl.weerthuis.query.support.EventStoreFixture;
import nl.weerthuis.testsupport.TestTokens;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;

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
                    Batches.feed(file, journeys.events, new Random(seed), 400);
                    List<String> batched = rows(journeys, jdbc);
                    delete(journeys, jdbc);
                    Batches.feed(file, journeys.events, new Random(seed), 1);
                    List<String> oneByOne = rows(journeys, jdbc);

                    assertThat(batched).as("seed " + seed).isEqualTo(oneByOne);
                    // and they are a file, not two empty tables alike
                    assertThat(oneByOne).as("seed " + seed)
                            .anyMatch(row -> row.startsWith("file_tenancy|") && row.contains("|CARE_PROVIDER|"))
                            .anyMatch(row -> row.startsWith("file_consent|"))
                            .anyMatch(row -> row.startsWith("file_involvement|"));
                    assertThat(textsOf(jdbc, journeys.kept).stream().map(sealed::openFromReadModel))
                            .as("seed " + seed).contains("signal of " + journeys.kept.get(0),
                                    "agreed again with " + journeys.kept.get(0));
                    // an erased client's texts are gone, not merely unreadable: the file shows no text, as before
                    assertThat(journeys.erased).as("seed " + seed).isNotEmpty();
                    assertThat(journeys.keyGone).as("seed " + seed).isNotEmpty();
                    assertThat(textsOf(jdbc, journeys.erased)).as("seed " + seed).isEmpty();
                    assertThat(textsOf(jdbc, journeys.keyGone)).as("seed " + seed).isEmpty();
                } finally {
                    status.setRollbackOnly();
                }
            });
        }
    }

    /** Every row of these clients' files, one line per row; involvements in the order they were written. */
    static List<String> rows(Journeys journeys, JdbcTemplate jdbc) {
        List<String> clients = journeys.clients;
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
    static List<String> textsOf(JdbcTemplate jdbc, List<String> clients) {
        String[] ids = clients.toArray(String[]::new);
        List<String> texts = new ArrayList<>(jdbc.queryForList("""
                SELECT s.description FROM file_signal s JOIN file_tenancy t USING (tenancy_id)
                WHERE t.client_id = ANY (?) AND s.description IS NOT NULL""", String.class, (Object) ids));
        texts.addAll(jdbc.queryForList("SELECT agreements FROM file_agreement WHERE client_id = ANY (?) AND agreements IS NOT NULL",
                String.class, (Object) ids));
        return texts;
    }

    static void delete(Journeys journeys, JdbcTemplate jdbc) {
        List<String> clients = journeys.clients;
        String[] ids = clients.toArray(String[]::new);
        jdbc.update("DELETE FROM file_signal WHERE tenancy_id IN (SELECT tenancy_id FROM file_tenancy WHERE client_id = ANY (?))",
                (Object) ids);
        for (String table : List.of("file_tenancy", "file_indication", "file_consent", "file_agreement", "file_involvement")) {
            jdbc.update("DELETE FROM " + table + " WHERE client_id = ANY (?)", (Object) ids);
        }
    }
}

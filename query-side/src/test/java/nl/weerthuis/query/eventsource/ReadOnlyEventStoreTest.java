package nl.weerthuis.query.eventsource;

import nl.weerthuis.query.support.EventStoreFixture;
import nl.weerthuis.testsupport.ReadModelProgress;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The query side reads the shared event store but the database itself stops it from ever writing there. */
@SpringBootTest
@ActiveProfiles("test")
@Import(EventStoreFixture.class)
class ReadOnlyEventStoreTest {

    @Autowired
    @Qualifier("eventStoreDataSource")
    DataSource eventStore;
    @Autowired
    JdbcTemplate readStore;

    @Test
    void the_event_store_connection_refuses_writes() {
        JdbcTemplate events = new JdbcTemplate(eventStore);
        assertThat(events.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class)).isNotNegative();
        assertThatThrownBy(() -> events.update("DELETE FROM domain_event_entry"))
                .hasMessageContaining("read-only transaction");
    }

    @Autowired
    EventStoreFixture.Appender events;
    @Autowired
    DataSource readStoreDataSource;

    @Test
    void processor_tokens_live_in_the_read_store_next_to_the_projections() {
        String client = java.util.UUID.randomUUID().toString();
        events.append("Client", client, new nl.weerthuis.kernel.client.ClientRegisteredEvent(client,
                nl.weerthuis.kernel.client.CareSetting.SHELTER, "MO", "Tokens", "Almelo", "87654321",
                java.time.LocalDate.of(2025, 3, 1), null));
        long appended = events().queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);

        // Every segment of the monitor has tracked past the new event: its tokens are rows of the read store.
        ReadModelProgress.awaitCaughtUp(readStoreDataSource, "monitor", java.time.Duration.ofSeconds(20));
        assertThat(ReadModelProgress.slowestSegment(readStoreDataSource, "monitor")).isGreaterThanOrEqualTo(appended);
        assertThat(readStore.queryForObject("SELECT count(*) FROM monitor_client_registration WHERE client_id = ?",
                Long.class, client)).isOne();
    }

    private JdbcTemplate events() {
        return new JdbcTemplate(eventStore);
    }
}

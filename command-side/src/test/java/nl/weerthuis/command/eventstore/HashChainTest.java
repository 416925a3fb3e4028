package nl.weerthuis.command.eventstore;

import nl.weerthuis.command.support.Acting;
import nl.weerthuis.testsupport.TestTokens;
import nl.weerthuis.kernel.client.CareSetting;
import nl.weerthuis.kernel.client.RegisterClientCommand;
import nl.weerthuis.kernel.client.StartOutflowTrajectoryCommand;
import nl.weerthuis.kernel.eventstore.EventHashChain;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every appended event carries a hash over its stored bytes, chained to the previous event of its aggregate; a command
 * on an existing aggregate chains to the hash its aggregate was loaded with, and still loses to a concurrent append.
 */
@SpringBootTest
@ActiveProfiles("test")
class HashChainTest {

    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventStorageEngine engine;

    @Test
    void appended_events_form_a_hash_chain_over_their_stored_bytes() {
        String client = registered();
        // On the loaded aggregate: chained to the hash it was loaded with.
        Acting.send(commands, TestTokens.MUNICIPALITY, new StartOutflowTrajectoryCommand(client, LocalDate.of(2025, 2, 1)));

        assertChained(client, 2);
    }

    @Test
    void an_append_after_a_load_chains_to_the_hash_the_load_read() {
        String client = registered();
        String loaded = jdbc.queryForObject("SELECT event_hash FROM domain_event_entry WHERE aggregate_identifier = ?",
                String.class, client);
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            assertThat(engine.readEvents(client).asStream().toList()).hasSize(1);
            // Were the previous hash read again now, the append would chain to this instead.
            jdbc.update("UPDATE domain_event_entry SET event_hash = 'changed-after-the-load' WHERE aggregate_identifier = ?", client);
            engine.appendEvents(new GenericDomainEventMessage<>("Client", client, 1, "probe"));
        } finally {
            unitOfWork.rollback();
            jdbc.update("UPDATE domain_event_entry SET event_hash = ? WHERE aggregate_identifier = ? AND sequence_number = 0",
                    loaded, client);
        }
        assertThat(jdbc.queryForObject("SELECT previous_hash FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND sequence_number = 1", String.class, client)).isEqualTo(loaded);
        assertChained(client, 2);
    }

    @Test
    void an_append_chained_to_its_load_still_loses_to_an_append_made_since() {
        String client = registered();
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            assertThat(engine.readEvents(client).asStream().toList()).hasSize(1);
            // Another instance's command on the same client, between this one's load and its append (the engine
            // appends in a transaction of its own here: none is open).
            engine.appendEvents(new GenericDomainEventMessage<>("Client", client, 1, "the other"));
            assertThatThrownBy(() -> engine.appendEvents(new GenericDomainEventMessage<>("Client", client, 1, "this one")))
                    .isInstanceOf(ConcurrencyException.class);
        } finally {
            unitOfWork.rollback();
        }
        assertChained(client, 2);
    }

    @Test
    void an_aggregate_of_more_than_one_batch_loads_whole() {
        String client = registered();
        List<GenericDomainEventMessage<String>> more = new java.util.ArrayList<>();
        for (int sequence = 1; sequence <= EventStoreEngine.AGGREGATE_BATCH; sequence++) {
            more.add(new GenericDomainEventMessage<>("Client", client, sequence, "event " + sequence));
        }
        engine.appendEvents(more);
        assertThat(engine.readEvents(client).asStream().map(event -> event.getSequenceNumber()).toList())
                .hasSize(EventStoreEngine.AGGREGATE_BATCH + 1).endsWith((long) EventStoreEngine.AGGREGATE_BATCH);
        assertThat(engine.readEvents(client, EventStoreEngine.AGGREGATE_BATCH).asStream().toList()).hasSize(1);
        assertChained(client, EventStoreEngine.AGGREGATE_BATCH + 1);
    }

    private String registered() {
        String client = UUID.randomUUID().toString();
        Acting.send(commands, TestTokens.MUNICIPALITY, new RegisterClientCommand(client, CareSetting.SHELTER, "MO", "Chain", "Almelo", "87654321",
                LocalDate.of(2025, 1, 6), null));
        return client;
    }

    private void assertChained(String client, int events) {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT * FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number", client);
        assertThat(rows).hasSize(events);
        String previous = EventHashChain.GENESIS;
        for (Map<String, Object> row : rows) {
            assertThat(row.get("previous_hash")).isEqualTo(previous);
            String expected = EventHashChain.hash(previous, (String) row.get("type"), client, (Long) row.get("sequence_number"),
                    (String) row.get("event_identifier"), (String) row.get("time_stamp"), (String) row.get("payload_type"),
                    (String) row.get("payload_revision"), (byte[]) row.get("payload"), (byte[]) row.get("meta_data"));
            assertThat(row.get("event_hash")).isEqualTo(expected);
            previous = expected;
        }
    }
}

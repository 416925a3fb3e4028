package nl.weerthuis.command.eventstore;

import nl.weerthuis.command.support.Acting;
import nl.weerthuis.testsupport.TestTokens;
import nl.weerthuis.kernel.client.CareSetting;
import nl.weerthuis.kernel.client.RegisterClientCommand;
import nl.weerthuis.kernel.client.StartOutflowTrajectoryCommand;
import nl.weerthuis.kernel.eventstore.EventHashChain;
import org.axonframework.commandhandling.gateway.CommandGateway;
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

/** Every appended event carries a hash over its stored bytes, chained to the previous event of its aggregate. */
@SpringBootTest
@ActiveProfiles("test")
class HashChainTest {

    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void appended_events_form_a_hash_chain_over_their_stored_bytes() {
        String client = UUID.randomUUID().toString();
        Acting.send(commands, TestTokens.MUNICIPALITY, new RegisterClientCommand(client, CareSetting.SHELTER, "MO", "Chain", "Almelo", "87654321",
                LocalDate.of(2025, 1, 6), null));
        Acting.send(commands, TestTokens.MUNICIPALITY, new StartOutflowTrajectoryCommand(client, LocalDate.of(2025, 2, 1)));

        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT * FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number", client);
        assertThat(rows).hasSize(2);
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

package nl.weerthuis.command.lookup;

import nl.weerthuis.command.support.Acting;
import nl.weerthuis.testsupport.TestTokens;
import nl.weerthuis.kernel.client.ArrangementChecklist;
import nl.weerthuis.kernel.client.CareSetting;
import nl.weerthuis.kernel.client.RegisterClientCommand;
import nl.weerthuis.kernel.client.RequestHousingCommand;
import nl.weerthuis.kernel.client.StartOutflowTrajectoryCommand;
import nl.weerthuis.kernel.client.UpdateArrangementChecklistCommand;
import nl.weerthuis.kernel.involvement.ClientInvolvements;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** An installation upgraded from before V110: its empty involvement table is rebuilt from the event store. */
// The same context as the other tests of this module: one set of processors on the shared test database.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class InvolvementBackfillTest {

    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Involvement involvement;
    @Autowired
    InvolvementBackfill backfill;

    @Test
    void an_empty_involvement_table_is_rebuilt_with_the_same_rules() {
        String client = UUID.randomUUID().toString();
        LocalDate day = LocalDate.of(2026, 1, 5);
        Acting.send(commands, TestTokens.MUNICIPALITY, new RegisterClientCommand(client, CareSetting.SHELTER, "MO",
                "Backfill", "Almelo", TestTokens.CARE_PROVIDER, day, null));
        Acting.send(commands, TestTokens.MUNICIPALITY, new StartOutflowTrajectoryCommand(client, day));
        Acting.send(commands, TestTokens.MUNICIPALITY, new UpdateArrangementChecklistCommand(client,
                new ArrangementChecklist(true, true, true, true, true, true), day));
        Acting.send(commands, TestTokens.MUNICIPALITY, new RequestHousingCommand(client, TestTokens.CORPORATION, day));
        ClientInvolvements before = involvement.of(client);
        assertThat(before.involves(TestTokens.CORPORATION)).isTrue();

        // As after migration V110 on an installation with clients.
        jdbc.update("DELETE FROM lookup_client_involvement");
        jdbc.update("UPDATE lookup_client SET registered_by = NULL");
        assertThat(involvement.of(client).involves(TestTokens.MUNICIPALITY)).isFalse();

        backfill.run(null);

        assertThat(involvement.of(client).all()).isEqualTo(before.all());
        assertThat(jdbc.queryForObject("SELECT registered_by FROM lookup_client WHERE client_id = ?", String.class, client))
                .isEqualTo(TestTokens.MUNICIPALITY);
    }
}

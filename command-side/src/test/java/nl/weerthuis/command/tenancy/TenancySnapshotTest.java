package nl.weerthuis.command.tenancy;

import nl.weerthuis.command.support.Acting;
import nl.weerthuis.kernel.client.RequestHousingCommand;
import nl.weerthuis.testsupport.TestTokens;
import nl.weerthuis.command.rules.RuleViolation;
import nl.weerthuis.kernel.client.*;
import nl.weerthuis.kernel.identity.OrganisationType;
import nl.weerthuis.kernel.tenancy.*;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A busy tenancy is snapshotted, and the aggregate rebuilt from the snapshot keeps every rule's state. */
@SpringBootTest
@ActiveProfiles("test")
class TenancySnapshotTest {

    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_tenancy_rebuilt_from_its_snapshot_still_knows_its_signals_and_lease() {
        String client = UUID.randomUUID().toString();
        String tenancy = UUID.randomUUID().toString();
        LocalDate day = LocalDate.of(2025, 1, 6);
        Acting.send(commands, TestTokens.MUNICIPALITY, new RegisterClientCommand(client, CareSetting.SHELTER, "MO", "Snap", "Almelo", "87654321", day, null));
        Acting.send(commands, TestTokens.MUNICIPALITY, new StartOutflowTrajectoryCommand(client, day));
        Acting.send(commands, TestTokens.MUNICIPALITY, new UpdateArrangementChecklistCommand(client,
                new ArrangementChecklist(true, true, true, true, true, true), day));
        Acting.send(commands, TestTokens.MUNICIPALITY, new RequestHousingCommand(client, "12345678", day));
        Acting.send(commands, TestTokens.CORPORATION, new OfferDwellingCommand(tenancy, client, "12345678", "87654321", LeaseForm.CLIENT_LEASE,
                new Dwelling("Kerkstraat 1", "Almelo", "Noord"), false, day));
        Acting.send(commands, TestTokens.MUNICIPALITY, new AcceptOfferCommand(tenancy, day));
        Acting.send(commands, TestTokens.CORPORATION, new StartTenancyCommand(tenancy, day));
        for (int i = 0; i < 60; i++) {
            Acting.send(commands, TestTokens.CORPORATION, new RaiseSignalCommand(tenancy, "s" + i, SignalKind.NUISANCE, "12345678",
                    OrganisationType.HOUSING_CORPORATION, Severity.LOW, "noise " + i, day));
        }

        assertThat(jdbc.queryForObject("SELECT count(*) FROM snapshot_event_entry WHERE aggregate_identifier = ?",
                Long.class, tenancy)).isPositive();
        String snapshot = new String(jdbc.queryForObject("SELECT payload FROM snapshot_event_entry "
                + "WHERE aggregate_identifier = ?", byte[].class, tenancy), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(snapshot).as("the address in the snapshot is sealed with the client's key")
                .doesNotContain("Kerkstraat").contains("pd1:" + client);
        // Rebuilt from the snapshot: signal s3 exists and is only raised; the lease cannot flip.
        Acting.send(commands, TestTokens.CORPORATION, new AcknowledgeSignalCommand(tenancy, "s3", day));
        assertThatThrownBy(() -> Acting.send(commands, TestTokens.CORPORATION, new AcknowledgeSignalCommand(tenancy, "s3", day)))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.rule()).isEqualTo("SIGNAL_STEPS_IN_ORDER"));
        assertThatThrownBy(() -> Acting.send(commands, TestTokens.CORPORATION, new ApproveFlipCommand(tenancy, FlipParty.CLIENT, day)))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.rule()).isEqualTo("CLIENT_LEASE_CANNOT_FLIP"));
    }
}

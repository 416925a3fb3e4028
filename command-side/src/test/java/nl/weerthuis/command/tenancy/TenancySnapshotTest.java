package nl.weerthuis.command.tenancy;

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
        commands.sendAndWait(new RegisterClientCommand(client, CareSetting.SHELTER, "MO", "Snap", "Almelo", "87654321", day, null));
        commands.sendAndWait(new StartOutflowTrajectoryCommand(client, day));
        commands.sendAndWait(new UpdateArrangementChecklistCommand(client,
                new ArrangementChecklist(true, true, true, true, true, true), day));
        commands.sendAndWait(new OfferDwellingCommand(tenancy, client, "12345678", "87654321", LeaseForm.CLIENT_LEASE,
                new Dwelling("Kerkstraat 1", "Almelo", "Noord"), false, day));
        commands.sendAndWait(new AcceptOfferCommand(tenancy, day));
        commands.sendAndWait(new StartTenancyCommand(tenancy, day));
        for (int i = 0; i < 60; i++) {
            commands.sendAndWait(new RaiseSignalCommand(tenancy, "s" + i, SignalKind.NUISANCE, "12345678",
                    OrganisationType.HOUSING_CORPORATION, Severity.LOW, "noise " + i, day));
        }

        assertThat(jdbc.queryForObject("SELECT count(*) FROM snapshot_event_entry WHERE aggregate_identifier = ?",
                Long.class, tenancy)).isPositive();
        String snapshot = new String(jdbc.queryForObject("SELECT payload FROM snapshot_event_entry "
                + "WHERE aggregate_identifier = ?", byte[].class, tenancy), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(snapshot).as("the address in the snapshot is sealed with the client's key")
                .doesNotContain("Kerkstraat").contains("pd1:" + client);
        // Rebuilt from the snapshot: signal s3 exists and is only raised; the lease cannot flip.
        commands.sendAndWait(new AcknowledgeSignalCommand(tenancy, "s3", day));
        assertThatThrownBy(() -> commands.sendAndWait(new AcknowledgeSignalCommand(tenancy, "s3", day)))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.rule()).isEqualTo("SIGNAL_STEPS_IN_ORDER"));
        assertThatThrownBy(() -> commands.sendAndWait(new ApproveFlipCommand(tenancy, FlipParty.CLIENT, day)))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.rule()).isEqualTo("CLIENT_LEASE_CANNOT_FLIP"));
    }
}

package nl.weerthuis.command.lookup;

import nl.weerthuis.command.client.ClientRegister;
import nl.weerthuis.kernel.client.ArrangementChecklistUpdatedEvent;
import nl.weerthuis.kernel.client.CareSetting;
import nl.weerthuis.kernel.client.ClientRegisteredEvent;
import nl.weerthuis.kernel.client.ClientReturnedToCareEvent;
import nl.weerthuis.kernel.client.OutflowTrajectoryStartedEvent;
import nl.weerthuis.kernel.client.TrajectoryClosedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import nl.weerthuis.kernel.identity.MetadataKeys;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.util.Optional;
import java.util.Set;

/**
 * The command side's own view of each client, updated in the transaction that appends the client's events
 * (subscribing processor {@value LookupConfiguration#GROUP}), so a rule reading it sees every committed event; the
 * rows go with the command's other lookup rows in one round trip ({@link LookupWrites}).
 */
@Component
@ProcessingGroup(LookupConfiguration.GROUP)
class ClientLookup implements ClientRegister {

    private final JdbcTemplate jdbc;
    private final LookupWrites writes;

    ClientLookup(JdbcTemplate jdbc, LookupWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    @Override
    public Optional<ClientStatus> find(String clientId) {
        writes.flush(); // what this unit of work's events wrote, too
        return jdbc.query("SELECT * FROM lookup_client WHERE client_id = ?", (row, n) -> new ClientStatus(
                row.getString("client_id"), CareSetting.valueOf(row.getString("setting")), row.getString("region"),
                row.getString("municipality"), row.getBoolean("trajectory_open"),
                Optional.ofNullable(row.getDate("trajectory_started_on")).map(Date::toLocalDate).orElse(null),
                row.getBoolean("debts_stabilised"), row.getString("registered_by"), housingRequestedFrom(clientId),
                involved(clientId)), 
                clientId).stream().findFirst();
    }

    /** Every organisation involved with the client now (the kernel's involvement rules). */
    private Set<String> involved(String clientId) {
        return Set.copyOf(jdbc.queryForList(
                "SELECT DISTINCT organisation FROM lookup_client_involvement WHERE client_id = ? AND ended_at IS NULL",
                String.class, clientId));
    }

    /** The corporations asked for a dwelling whose request still stands (the kernel's involvement rules). */
    private Set<String> housingRequestedFrom(String clientId) {
        return Set.copyOf(jdbc.queryForList("""
                SELECT organisation FROM lookup_client_involvement
                WHERE client_id = ? AND basis = 'HOUSING_REQUEST' AND ended_at IS NULL""", String.class, clientId));
    }

    @EventHandler
    void on(ClientRegisteredEvent event, @MetaDataValue(MetadataKeys.ACTOR_ORGANISATION) String registeredBy) {
        writes.write("""
                INSERT INTO lookup_client (client_id, setting, region, municipality, trajectory_open, debts_stabilised,
                    registered_by)
                VALUES (?, ?, ?, ?, FALSE, FALSE, ?)""",
                event.clientId(), event.setting().name(), event.region(), event.municipality(), registeredBy);
    }

    @EventHandler
    void on(OutflowTrajectoryStartedEvent event) {
        writes.write("UPDATE lookup_client SET trajectory_open = TRUE, trajectory_started_on = ? WHERE client_id = ?",
                Date.valueOf(event.startedOn()), event.clientId());
    }

    @EventHandler
    void on(TrajectoryClosedEvent event) {
        writes.write("UPDATE lookup_client SET trajectory_open = FALSE WHERE client_id = ?", event.clientId());
    }

    @EventHandler
    void on(ArrangementChecklistUpdatedEvent event) {
        writes.write("UPDATE lookup_client SET debts_stabilised = ? WHERE client_id = ?",
                event.checklist().debtsStabilised(), event.clientId());
    }

    @EventHandler
    void on(ClientReturnedToCareEvent event) {
        writes.write("UPDATE lookup_client SET setting = ? WHERE client_id = ?", event.setting().name(), event.clientId());
    }
}

package nl.weerthuis.command.lookup;

import nl.weerthuis.kernel.careindication.IndicationGrantedEvent;
import nl.weerthuis.kernel.client.ClientRegisteredEvent;
import nl.weerthuis.kernel.identity.MetadataKeys;
import nl.weerthuis.kernel.involvement.ClientInvolvements;
import nl.weerthuis.kernel.involvement.InvolvementChange;
import nl.weerthuis.kernel.involvement.InvolvementRules;
import nl.weerthuis.kernel.involvement.InvolvementTable;
import nl.weerthuis.kernel.privacy.DataSubjects;
import nl.weerthuis.kernel.tenancy.DwellingOfferedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * The command side's copy of who is involved with which client ({@link InvolvementRules}, the kernel's one
 * definition), and which client each tenancy and indication is about. Kept in the transaction that appends the
 * events, like the other lookups, so a check reads every committed grant and end; its rows go with the command's
 * other lookup rows in one round trip ({@link LookupWrites}).
 */
@Component
@ProcessingGroup(LookupConfiguration.GROUP)
public class Involvement {

    private static final InvolvementTable TABLE = new InvolvementTable("lookup_client_involvement");

    private final JdbcTemplate jdbc;
    private final LookupWrites writes;

    Involvement(JdbcTemplate jdbc, LookupWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    /** The client an aggregate is about; empty for aggregates about no client (agreements) or not known. */
    public Optional<String> clientOf(String aggregateIdentifier) {
        writes.flush();
        return jdbc.queryForList("SELECT client_id FROM lookup_aggregate_client WHERE aggregate_identifier = ?",
                String.class, aggregateIdentifier).stream().findFirst();
    }

    public ClientInvolvements of(String clientId) {
        writes.flush();
        return jdbc.execute((ConnectionCallback<ClientInvolvements>) connection -> TABLE.of(connection, clientId));
    }

    @EventHandler
    void on(ClientRegisteredEvent event, EventMessage<?> message) {
        link(event.clientId(), event.clientId());
        record(event, message);
    }

    @EventHandler
    void on(DwellingOfferedEvent event, EventMessage<?> message) {
        link(event.tenancyId(), event.clientId());
        record(event, message);
    }

    @EventHandler
    void on(IndicationGrantedEvent event, EventMessage<?> message) {
        link(event.indicationId(), event.clientId());
        record(event, message);
    }

    /** Every other event of a client may grant or end an involvement; the kernel's rules say which. */
    @EventHandler
    void on(Object event, EventMessage<?> message) {
        record(event, message);
    }

    void record(Object event, EventMessage<?> message) {
        List<InvolvementChange> changes = InvolvementRules.changesOf(event,
                (String) message.getMetaData().get(MetadataKeys.ACTOR_ORGANISATION));
        String clientId = DataSubjects.of(event);
        if (changes.isEmpty() || clientId == null) {
            return;
        }
        TABLE.writes(clientId, changes, message.getTimestamp()).forEach(writes::write);
    }

    private void link(String aggregateIdentifier, String clientId) {
        writes.write("""
                INSERT INTO lookup_aggregate_client (aggregate_identifier, client_id) SELECT ?, ?
                WHERE NOT EXISTS (SELECT 1 FROM lookup_aggregate_client WHERE aggregate_identifier = ?)""",
                aggregateIdentifier, clientId, aggregateIdentifier);
    }
}

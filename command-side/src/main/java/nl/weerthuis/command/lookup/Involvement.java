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
 * events, like the other lookups, so a check reads every committed grant and end.
 */
@Component
@ProcessingGroup(LookupConfiguration.GROUP)
public class Involvement {

    private static final InvolvementTable TABLE = new InvolvementTable("lookup_client_involvement");

    private final JdbcTemplate jdbc;

    Involvement(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The client an aggregate is about; empty for aggregates about no client (agreements) or not known. */
    public Optional<String> clientOf(String aggregateIdentifier) {
        return jdbc.queryForList("SELECT client_id FROM lookup_aggregate_client WHERE aggregate_identifier = ?",
                String.class, aggregateIdentifier).stream().findFirst();
    }

    public ClientInvolvements of(String clientId) {
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
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            TABLE.apply(connection, clientId, changes, message.getTimestamp());
            return null;
        });
    }

    private void link(String aggregateIdentifier, String clientId) {
        jdbc.update("""
                INSERT INTO lookup_aggregate_client (aggregate_identifier, client_id) SELECT ?, ?
                WHERE NOT EXISTS (SELECT 1 FROM lookup_aggregate_client WHERE aggregate_identifier = ?)""",
                aggregateIdentifier, clientId, aggregateIdentifier);
    }
}

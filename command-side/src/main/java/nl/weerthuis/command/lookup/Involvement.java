package nl.weerthuis.command.lookup;

import nl.weerthuis.kernel.careindication.IndicationGrantedEvent;
import nl.weerthuis.kernel.client.CaseCoordinationAssignedEvent;
import nl.weerthuis.kernel.client.ClientRegisteredEvent;
import nl.weerthuis.kernel.identity.MetadataKeys;
import nl.weerthuis.kernel.tenancy.DwellingOfferedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which organisations are involved with which client: the municipality that registered them, the care provider,
 * the corporation that offered a dwelling, the provider and municipality of an indication, and whoever holds
 * procesregie (often the neighbourhood team). Kept in the transaction
 * that appends the events, like the other lookups.
 */
@Component
@ProcessingGroup(LookupConfiguration.GROUP)
public class Involvement {

    private final JdbcTemplate jdbc;

    Involvement(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Whether the organisation may act on this aggregate. Aggregates about no client (agreements) or not known
     * (the command will find nothing) are not restricted here.
     */
    public boolean mayActOn(String aggregateIdentifier, String organisation) {
        Integer restricted = jdbc.queryForObject(
                "SELECT count(*) FROM lookup_aggregate_client WHERE aggregate_identifier = ?", Integer.class, aggregateIdentifier);
        if (restricted == null || restricted == 0) {
            return true;
        }
        Integer involved = jdbc.queryForObject("""
                SELECT count(*) FROM lookup_aggregate_client a
                JOIN lookup_involvement i ON i.client_id = a.client_id
                WHERE a.aggregate_identifier = ? AND i.organisation = ?""", Integer.class, aggregateIdentifier, organisation);
        return involved != null && involved > 0;
    }

    @EventHandler
    void on(ClientRegisteredEvent event, @MetaDataValue(MetadataKeys.ACTOR_ORGANISATION) String registeredBy) {
        link(event.clientId(), event.clientId());
        involve(event.clientId(), registeredBy, event.careProvider());
    }

    @EventHandler
    void on(CaseCoordinationAssignedEvent event) {
        involve(event.clientId(), event.organisation());
    }

    @EventHandler
    void on(DwellingOfferedEvent event) {
        link(event.tenancyId(), event.clientId());
        involve(event.clientId(), event.landlord(), event.careProvider());
    }

    @EventHandler
    void on(IndicationGrantedEvent event, @MetaDataValue(MetadataKeys.ACTOR_ORGANISATION) String grantedBy) {
        link(event.indicationId(), event.clientId());
        involve(event.clientId(), grantedBy, event.provider());
    }

    private void link(String aggregateIdentifier, String clientId) {
        jdbc.update("""
                INSERT INTO lookup_aggregate_client (aggregate_identifier, client_id) SELECT ?, ?
                WHERE NOT EXISTS (SELECT 1 FROM lookup_aggregate_client WHERE aggregate_identifier = ?)""",
                aggregateIdentifier, clientId, aggregateIdentifier);
    }

    private void involve(String clientId, String... organisations) {
        for (String organisation : organisations) {
            if (organisation != null) {
                jdbc.update("""
                        INSERT INTO lookup_involvement (client_id, organisation) SELECT ?, ?
                        WHERE NOT EXISTS (SELECT 1 FROM lookup_involvement WHERE client_id = ? AND organisation = ?)""",
                        clientId, organisation, clientId, organisation);
            }
        }
    }
}

package nl.weerthuis.query.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.weerthuis.kernel.agreement.AgreementAdoptedEvent;
import nl.weerthuis.kernel.agreement.AgreementPolicy;
import nl.weerthuis.kernel.agreement.PolicyAmendedEvent;
import nl.weerthuis.kernel.careindication.IndicationGrantedEvent;
import nl.weerthuis.kernel.client.ClientRegisteredEvent;
import nl.weerthuis.kernel.tenancy.DwellingOfferedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;

/**
 * Knows which aggregates make up one client's history and which agreement versions exist; the history itself is
 * always read from the event store, so it can be rebuilt as of any instant.
 */
@Component
@ProcessingGroup("history")
class HistorySubjects {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    HistorySubjects(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(ClientRegisteredEvent event) {
        subject(event.clientId(), "Client", event.clientId(), event.region());
    }

    @EventHandler
    void on(DwellingOfferedEvent event) {
        subject(event.tenancyId(), "Tenancy", event.clientId(), event.region());
    }

    @EventHandler
    void on(IndicationGrantedEvent event) {
        subject(event.indicationId(), "CareIndication", event.clientId(), event.region());
    }

    @EventHandler
    void on(AgreementAdoptedEvent event) {
        version(event.agreementId(), event.version(), event.region(), event.effectiveFrom(), event.name(), event.policy());
    }

    @EventHandler
    void on(PolicyAmendedEvent event) {
        version(event.agreementId(), event.version(), event.region(), event.effectiveFrom(), null, event.policy());
    }

    @ResetHandler
    void reset() {
        jdbc.execute("TRUNCATE history_subject, history_agreement_version");
    }

    private void subject(String aggregateId, String type, String clientId, String region) {
        jdbc.update("""
                INSERT INTO history_subject (aggregate_identifier, aggregate_type, client_id, region)
                VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                aggregateId, type, clientId, region);
    }

    private void version(String agreementId, int version, String region, java.time.LocalDate from, String name,
                         AgreementPolicy policy) {
        jdbc.update("""
                INSERT INTO history_agreement_version (agreement_id, version, region, effective_from, name, policy)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                agreementId, version, region, Date.valueOf(from), name, stored(policy));
    }

    private String stored(AgreementPolicy policy) {
        try {
            return policy == null ? null : json.writeValueAsString(policy);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

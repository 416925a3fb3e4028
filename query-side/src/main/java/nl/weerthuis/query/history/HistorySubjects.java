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
import nl.weerthuis.query.eventsource.KeyedTable;
import nl.weerthuis.query.eventsource.UnitOfWorkBatch;
import nl.weerthuis.query.eventsource.WritesPerUnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

import java.util.List;

/**
 * Knows which aggregates make up one client's history and which agreement versions exist; the history itself is
 * always read from the event store, so it can be rebuilt as of any instant.
 */
@Component
@ProcessingGroup("history")
@WritesPerUnitOfWork
class HistorySubjects {

    private static final KeyedTable SUBJECT = KeyedTable.of("history_subject", 1, "aggregate_identifier varchar",
            "aggregate_type varchar", "client_id varchar", "region varchar");
    private static final KeyedTable AGREEMENT_VERSION = KeyedTable.of("history_agreement_version", 2,
            "agreement_id varchar", "version int4", "region varchar", "effective_from date", "name varchar", "policy text");

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    // Rows are only ever added, and a replayed one is skipped: a batch is one insert per table, in any order.
    private final UnitOfWorkBatch<List<Object[]>> subjects;
    private final UnitOfWorkBatch<List<Object[]>> versions;

    HistorySubjects(JdbcTemplate jdbc, ObjectMapper json, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.json = json;
        this.subjects = UnitOfWorkBatch.ofRows("history_subject", rows -> SUBJECT.insertAbsent(jdbc, rows), transactions);
        this.versions = UnitOfWorkBatch.ofRows("history_agreement_version",
                rows -> AGREEMENT_VERSION.insertAbsent(jdbc, rows), transactions);
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
        Object[] row = {aggregateId, type, clientId, region};
        subjects.add(rows -> rows.add(row));
    }

    private void version(String agreementId, int version, String region, java.time.LocalDate from, String name,
                         AgreementPolicy policy) {
        Object[] row = {agreementId, version, region, from, name, stored(policy)};
        versions.add(rows -> rows.add(row));
    }

    private String stored(AgreementPolicy policy) {
        try {
            return policy == null ? null : json.writeValueAsString(policy);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

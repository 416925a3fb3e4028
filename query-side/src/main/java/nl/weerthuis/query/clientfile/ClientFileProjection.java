package nl.weerthuis.query.clientfile;

import nl.weerthuis.kernel.careindication.IndicationEndedEvent;
import nl.weerthuis.kernel.careindication.IndicationExtendedEvent;
import nl.weerthuis.kernel.careindication.IndicationGrantedEvent;
import nl.weerthuis.kernel.careindication.IndicationScaledEvent;
import nl.weerthuis.kernel.client.ConsentGivenEvent;
import nl.weerthuis.kernel.client.ConsentWithdrawnEvent;
import nl.weerthuis.kernel.client.PersonalDataErasedEvent;
import nl.weerthuis.query.eventsource.WritesPerUnitOfWork;
import nl.weerthuis.query.privacy.SealedTexts;
import nl.weerthuis.kernel.tenancy.ContractFlippedEvent;
import nl.weerthuis.kernel.tenancy.DwellingOfferedEvent;
import nl.weerthuis.kernel.tenancy.MovedInEvent;
import nl.weerthuis.kernel.tenancy.OfferRefusedEvent;
import nl.weerthuis.kernel.tenancy.SignalRaisedEvent;
import nl.weerthuis.kernel.tenancy.SignalResolvedEvent;
import nl.weerthuis.kernel.tenancy.TenancyAgreementsRecordedEvent;
import nl.weerthuis.kernel.tenancy.TenancyEndedEvent;
import nl.weerthuis.kernel.tenancy.TenancyStartedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.time.LocalDate;

/**
 * The facts of a client's file; who is involved is kept beside it by {@link ClientFileInvolvement}. What a reader sees
 * is decided when read. The events come with their personal texts still sealed (SealedTextEvents): a text is kept as
 * it was sealed for the client, never opened here. What the handlers write is sent per batch ({@link ClientFileWrites}).
 */
@Component
@ProcessingGroup("client-file")
@WritesPerUnitOfWork
class ClientFileProjection {

    private final JdbcTemplate jdbc;
    private final SealedTexts sealed;
    private final ClientFileWrites writes;

    ClientFileProjection(JdbcTemplate jdbc, SealedTexts sealed, ClientFileWrites writes) {
        this.jdbc = jdbc;
        this.sealed = sealed;
        this.writes = writes;
    }

    @EventHandler
    void on(DwellingOfferedEvent event) {
        writes.add(event.clientId(), """
                INSERT INTO file_tenancy (tenancy_id, client_id, landlord, care_provider, lease_form) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""", event.tenancyId(), event.clientId(),
                event.landlord(), event.careProvider(), event.leaseForm().name());
    }

    @EventHandler
    void on(TenancyStartedEvent event) {
        writes.add(event.clientId(), "UPDATE file_tenancy SET lease_holder = ? WHERE tenancy_id = ?", event.leaseHolder().name(), event.tenancyId());
    }

    @EventHandler
    void on(MovedInEvent event) {
        writes.add(event.clientId(), "UPDATE file_tenancy SET moved_in_on = ? WHERE tenancy_id = ?", date(event.movedInOn()), event.tenancyId());
    }

    @EventHandler
    void on(ContractFlippedEvent event) {
        writes.add(event.clientId(), "UPDATE file_tenancy SET flipped_on = ?, lease_holder = ? WHERE tenancy_id = ?",
                date(event.flippedOn()), event.leaseHolder().name(), event.tenancyId());
    }

    @EventHandler
    void on(TenancyEndedEvent event) {
        writes.add(event.clientId(), "UPDATE file_tenancy SET ended_on = ?, end_reason = ? WHERE tenancy_id = ?",
                date(event.endedOn()), event.reason().name(), event.tenancyId());
    }

    @EventHandler
    void on(OfferRefusedEvent event) {
        writes.add(event.clientId(), "UPDATE file_tenancy SET refused_on = ? WHERE tenancy_id = ?", date(event.refusedOn()), event.tenancyId());
    }

    @EventHandler
    void on(SignalRaisedEvent event) {
        String description = sealed.keepForReadModel(event.clientId(), event.description());
        writes.add(event.clientId(), """
                INSERT INTO file_signal (tenancy_id, signal_id, kind, severity, source_type, source_organisation,
                    description, raised_on)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                event.tenancyId(), event.signalId(), event.kind().name(), event.severity().name(),
                event.sourceType() == null ? null : event.sourceType().name(), event.sourceOrganisation(),
                description, date(event.raisedOn()));
    }

    @EventHandler
    void on(SignalResolvedEvent event) {
        writes.add(event.clientId(), "UPDATE file_signal SET resolved_on = ? WHERE tenancy_id = ? AND signal_id = ?",
                date(event.resolvedOn()), event.tenancyId(), event.signalId());
    }

    @EventHandler
    void on(IndicationGrantedEvent event) {
        writes.add(event.clientId(), """
                INSERT INTO file_indication (indication_id, client_id, type, hours_per_week, provider, valid_until)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                event.indicationId(), event.clientId(), event.type().name(), event.hoursPerWeek(), event.provider(),
                date(event.validUntil()));
    }

    @EventHandler
    void on(IndicationScaledEvent event) {
        writes.add(event.clientId(), "UPDATE file_indication SET hours_per_week = ? WHERE indication_id = ?", event.hoursPerWeek(), event.indicationId());
    }

    @EventHandler
    void on(IndicationExtendedEvent event) {
        writes.add(event.clientId(), "UPDATE file_indication SET valid_until = ? WHERE indication_id = ?", date(event.validUntil()), event.indicationId());
    }

    @EventHandler
    void on(IndicationEndedEvent event) {
        writes.add(event.clientId(), "UPDATE file_indication SET ended_on = ? WHERE indication_id = ?", date(event.endedOn()), event.indicationId());
    }

    @EventHandler
    void on(TenancyAgreementsRecordedEvent event) {
        String agreements = sealed.keepForReadModel(event.clientId(), event.agreements());
        writes.add(statements -> {
            statements.add(event.clientId(), "DELETE FROM file_agreement WHERE tenancy_id = ? AND recorded_on = ?",
                    event.tenancyId(), date(event.recordedOn()));
            statements.add(event.clientId(),
                    "INSERT INTO file_agreement (tenancy_id, client_id, agreements, recorded_on) VALUES (?, ?, ?, ?)",
                    event.tenancyId(), event.clientId(), agreements, date(event.recordedOn()));
        });
    }

    /** The file keeps its facts and drops every text written about the client. */
    @EventHandler
    void on(PersonalDataErasedEvent event) {
        sealed.forgetKeyOf(event.clientId());
        writes.add(statements -> {
            statements.add(event.clientId(), """
                    UPDATE file_signal SET description = NULL
                    WHERE tenancy_id IN (SELECT tenancy_id FROM file_tenancy WHERE client_id = ?)""", event.clientId());
            statements.add(event.clientId(), "UPDATE file_agreement SET agreements = NULL WHERE client_id = ?",
                    event.clientId());
        });
    }

    @EventHandler
    void on(ConsentGivenEvent event) {
        writes.add(event.clientId(), """
                INSERT INTO file_consent (client_id, organisation, purpose) VALUES (?, ?, ?) ON CONFLICT DO NOTHING""",
                event.clientId(), event.receivingOrganisation(), event.purpose());
    }

    @EventHandler
    void on(ConsentWithdrawnEvent event) {
        writes.add(event.clientId(), "DELETE FROM file_consent WHERE client_id = ? AND organisation = ? AND purpose = ?",
                event.clientId(), event.receivingOrganisation(), event.purpose());
    }

    @ResetHandler
    void reset() {
        jdbc.execute("TRUNCATE file_involvement, file_tenancy, file_signal, file_indication, file_consent, file_agreement");
    }

    private static Date date(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }
}

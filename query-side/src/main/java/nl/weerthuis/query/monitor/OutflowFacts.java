package nl.weerthuis.query.monitor;

import nl.weerthuis.kernel.agreement.AgreementAdoptedEvent;
import nl.weerthuis.kernel.agreement.QuotaSetEvent;
import nl.weerthuis.kernel.agreement.TargetSetEvent;
import nl.weerthuis.kernel.careindication.WaakvlamContactMissedEvent;
import nl.weerthuis.kernel.careindication.WaakvlamEndedEvent;
import nl.weerthuis.kernel.careindication.WaakvlamStartedEvent;
import nl.weerthuis.kernel.client.ClientRegisteredEvent;
import nl.weerthuis.kernel.client.ClientReturnedToCareEvent;
import nl.weerthuis.kernel.client.OutflowRecordedEvent;
import nl.weerthuis.kernel.client.OutflowTrajectoryStartedEvent;
import nl.weerthuis.kernel.client.TrajectoryClosedEvent;
import nl.weerthuis.kernel.tenancy.ContractFlippedEvent;
import nl.weerthuis.kernel.tenancy.DwellingOfferedEvent;
import nl.weerthuis.kernel.tenancy.MovedInEvent;
import nl.weerthuis.kernel.tenancy.OfferAcceptedEvent;
import nl.weerthuis.kernel.tenancy.OfferRefusedEvent;
import nl.weerthuis.kernel.tenancy.SignalRaisedEvent;
import nl.weerthuis.kernel.tenancy.SignalResolvedEvent;
import nl.weerthuis.kernel.tenancy.TenancyEndedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.time.LocalDate;

/**
 * Keeps the facts the outflow monitor counts, by business date. Every handler is idempotent (insert if absent,
 * set a date), so an event handled twice after a crash counts once. A handler never looks up another aggregate's
 * facts: segments run in parallel, so those may not be there yet; such joins happen when figures are read.
 */
@Component
@ProcessingGroup(RegisteredClientsProjection.PROCESSING_GROUP)
class OutflowFacts {

    static final String[] TABLES = {"monitor_care_stay", "monitor_trajectory", "monitor_tenancy", "monitor_return_to_care",
            "monitor_signal", "monitor_waakvlam", "monitor_waakvlam_missed", "monitor_agreement", "monitor_quota",
            "monitor_target"};

    private final JdbcTemplate jdbc;

    OutflowFacts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ClientRegisteredEvent event) {
        jdbc.update("""
                INSERT INTO monitor_care_stay (client_id, stay_number, setting, region, municipality, care_provider, from_date)
                VALUES (?, 1, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                event.clientId(), event.setting().name(), event.region(), event.municipality(), event.careProvider(),
                date(event.registeredOn()));
    }

    @EventHandler
    void on(OutflowTrajectoryStartedEvent event) {
        jdbc.update("""
                INSERT INTO monitor_trajectory (client_id, started_on, region, municipality, care_provider)
                SELECT s.client_id, ?, s.region, s.municipality, s.care_provider FROM monitor_care_stay s
                WHERE s.client_id = ? AND s.stay_number = 1
                ON CONFLICT DO NOTHING""",
                date(event.startedOn()), event.clientId());
    }

    @EventHandler
    void on(TrajectoryClosedEvent event) {
        jdbc.update("UPDATE monitor_trajectory SET closed_on = ?, closure = ? WHERE client_id = ? AND closed_on IS NULL",
                date(event.closedOn()), event.reason().name(), event.clientId());
    }

    @EventHandler
    void on(OutflowRecordedEvent event) {
        jdbc.update("UPDATE monitor_trajectory SET moved_in_on = ? WHERE client_id = ? AND closed_on IS NULL AND moved_in_on IS NULL",
                date(event.movedInOn()), event.clientId());
        jdbc.update("UPDATE monitor_care_stay SET to_date = ? WHERE client_id = ? AND to_date IS NULL",
                date(event.movedInOn()), event.clientId());
    }

    @EventHandler
    void on(ClientReturnedToCareEvent event) {
        jdbc.update("""
                INSERT INTO monitor_return_to_care (client_id, returned_on, tenancy_id)
                VALUES (?, ?, ?) ON CONFLICT DO NOTHING""",
                event.clientId(), date(event.returnedOn()), event.tenancyId());
        jdbc.update("""
                INSERT INTO monitor_care_stay (client_id, stay_number, setting, region, municipality, care_provider, from_date)
                SELECT client_id, stay_number + 1, ?, region, municipality, care_provider, ? FROM monitor_care_stay s
                WHERE client_id = ? AND to_date IS NOT NULL
                  AND stay_number = (SELECT max(stay_number) FROM monitor_care_stay WHERE client_id = ?)""",
                event.setting().name(), date(event.returnedOn()), event.clientId(), event.clientId());
    }

    @EventHandler
    void on(DwellingOfferedEvent event) {
        jdbc.update("""
                INSERT INTO monitor_tenancy (tenancy_id, client_id, region, municipality, neighbourhood, corporation,
                    care_provider, lease_form, from_quota, trajectory_started_on, offered_on, offer_deadline)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                event.tenancyId(), event.clientId(), event.region(), event.dwelling().municipality(),
                event.dwelling().neighbourhood(), event.landlord(), event.careProvider(), event.leaseForm().name(),
                event.fromQuota(), date(event.trajectoryStartedOn()), date(event.offeredOn()), event.offerDeadline().toString());
    }

    @EventHandler
    void on(OfferAcceptedEvent event) {
        jdbc.update("UPDATE monitor_tenancy SET accepted_on = ? WHERE tenancy_id = ?", date(event.acceptedOn()), event.tenancyId());
    }

    @EventHandler
    void on(OfferRefusedEvent event) {
        jdbc.update("UPDATE monitor_tenancy SET refused_on = ? WHERE tenancy_id = ?", date(event.refusedOn()), event.tenancyId());
    }

    @EventHandler
    void on(MovedInEvent event) {
        jdbc.update("UPDATE monitor_tenancy SET moved_in_on = ? WHERE tenancy_id = ?", date(event.movedInOn()), event.tenancyId());
    }

    @EventHandler
    void on(ContractFlippedEvent event) {
        jdbc.update("UPDATE monitor_tenancy SET flipped_on = ? WHERE tenancy_id = ?", date(event.flippedOn()), event.tenancyId());
    }

    @EventHandler
    void on(TenancyEndedEvent event) {
        jdbc.update("UPDATE monitor_tenancy SET ended_on = ?, end_reason = ? WHERE tenancy_id = ?",
                date(event.endedOn()), event.reason().name(), event.tenancyId());
    }

    @EventHandler
    void on(SignalRaisedEvent event) {
        jdbc.update("""
                INSERT INTO monitor_signal (signal_id, tenancy_id, kind, severity, raised_on)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                event.signalId(), event.tenancyId(), event.kind().name(), event.severity().name(), date(event.raisedOn()));
    }

    @EventHandler
    void on(SignalResolvedEvent event) {
        jdbc.update("UPDATE monitor_signal SET resolved_on = ? WHERE tenancy_id = ? AND signal_id = ?",
                date(event.resolvedOn()), event.tenancyId(), event.signalId());
    }

    @EventHandler
    void on(WaakvlamStartedEvent event) {
        jdbc.update("""
                INSERT INTO monitor_waakvlam (indication_id, client_id, started_on, until_date)
                VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                event.indicationId(), event.clientId(), date(event.startedOn()), date(event.until()));
    }

    @EventHandler
    void on(WaakvlamContactMissedEvent event) {
        jdbc.update("""
                INSERT INTO monitor_waakvlam_missed (indication_id, due_on) VALUES (?, ?) ON CONFLICT DO NOTHING""",
                event.indicationId(), date(event.dueOn()));
    }

    @EventHandler
    void on(WaakvlamEndedEvent event) {
        jdbc.update("UPDATE monitor_waakvlam SET ended_on = ? WHERE indication_id = ?", date(event.endedOn()), event.indicationId());
    }

    @EventHandler
    void on(AgreementAdoptedEvent event) {
        jdbc.update("""
                INSERT INTO monitor_agreement (agreement_id, region, effective_from) VALUES (?, ?, ?) ON CONFLICT DO NOTHING""",
                event.agreementId(), event.region(), date(event.effectiveFrom()));
    }

    @EventHandler
    void on(QuotaSetEvent event) {
        jdbc.update("DELETE FROM monitor_quota WHERE region = ? AND corporation = ? AND quota_year = ?",
                event.region(), event.corporation(), event.year());
        jdbc.update("INSERT INTO monitor_quota (region, corporation, quota_year, dwellings) VALUES (?, ?, ?, ?)",
                event.region(), event.corporation(), event.year(), event.dwellings());
    }

    @EventHandler
    void on(TargetSetEvent event) {
        jdbc.update("DELETE FROM monitor_target WHERE region = ?", event.region());
        jdbc.update("INSERT INTO monitor_target (region, outflows, target_date) VALUES (?, ?, ?)",
                event.region(), event.outflows(), date(event.targetDate()));
    }

    @ResetHandler
    void reset() {
        jdbc.execute("TRUNCATE " + String.join(", ", TABLES));
    }

    private static Date date(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }
}

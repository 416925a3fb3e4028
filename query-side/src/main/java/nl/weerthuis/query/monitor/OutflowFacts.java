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
import nl.weerthuis.query.eventsource.KeyedTable;
import nl.weerthuis.query.eventsource.RowChanges;
import nl.weerthuis.query.eventsource.UnitOfWorkBatch;
import nl.weerthuis.query.eventsource.WritesPerUnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.LocalDate;
import java.util.Comparator;

/**
 * Keeps the facts the outflow monitor counts, by business date. Every change is idempotent (insert if absent, set a
 * date), so an event handled twice after a crash counts once. A handler never looks up another aggregate's facts:
 * segments run in parallel, so those may not be there yet; such joins happen when figures are read. A client's own
 * facts (stays, trajectories, tenancies) are in one segment, in order: a batch's events are folded over those rows in
 * memory and written at its commit, one statement per table ({@link RowChanges}).
 */
@Component
@ProcessingGroup(RegisteredClientsProjection.PROCESSING_GROUP)
@WritesPerUnitOfWork
class OutflowFacts {

    static final KeyedTable CARE_STAY = KeyedTable.of("monitor_care_stay", 2, "client_id varchar", "stay_number int4",
            "setting varchar", "region varchar", "municipality varchar", "care_provider varchar", "from_date date",
            "to_date date");
    static final KeyedTable TRAJECTORY = KeyedTable.of("monitor_trajectory", 2, "client_id varchar", "started_on date",
            "region varchar", "municipality varchar", "care_provider varchar", "moved_in_on date", "closed_on date",
            "closure varchar");
    static final KeyedTable TENANCY = KeyedTable.of("monitor_tenancy", 1, "tenancy_id varchar", "client_id varchar",
            "region varchar", "municipality varchar", "neighbourhood varchar", "corporation varchar",
            "care_provider varchar", "lease_form varchar", "from_quota bool", "trajectory_started_on date",
            "offered_on date", "offer_deadline varchar", "accepted_on date", "refused_on date", "moved_in_on date",
            "flipped_on date", "ended_on date", "end_reason varchar");
    static final KeyedTable RETURN_TO_CARE = KeyedTable.of("monitor_return_to_care", 2, "client_id varchar",
            "returned_on date", "tenancy_id varchar");
    static final KeyedTable SIGNAL = KeyedTable.of("monitor_signal", 2, "tenancy_id varchar", "signal_id varchar",
            "kind varchar", "severity varchar", "raised_on date", "resolved_on date");
    static final KeyedTable WAAKVLAM = KeyedTable.of("monitor_waakvlam", 1, "indication_id varchar", "client_id varchar",
            "started_on date", "until_date date", "ended_on date");
    static final KeyedTable WAAKVLAM_MISSED = KeyedTable.of("monitor_waakvlam_missed", 2, "indication_id varchar",
            "due_on date");
    static final KeyedTable AGREEMENT = KeyedTable.of("monitor_agreement", 1, "agreement_id varchar", "region varchar",
            "effective_from date");
    static final KeyedTable QUOTA = KeyedTable.of("monitor_quota", 3, "region varchar", "corporation varchar",
            "quota_year int4", "dwellings int4");
    static final KeyedTable TARGET = KeyedTable.of("monitor_target", 1, "region varchar", "outflows int4",
            "target_date date");

    static final String[] TABLES = java.util.stream.Stream.of(CARE_STAY, TRAJECTORY, TENANCY, RETURN_TO_CARE, SIGNAL,
            WAAKVLAM, WAAKVLAM_MISSED, AGREEMENT, QUOTA, TARGET).map(KeyedTable::name).toArray(String[]::new);

    private static final int STAY_NUMBER = CARE_STAY.column("stay_number");
    private static final int STAY_TO = CARE_STAY.column("to_date");
    private static final int TRAJECTORY_MOVED_IN = TRAJECTORY.column("moved_in_on");
    private static final int TRAJECTORY_CLOSED = TRAJECTORY.column("closed_on");

    private final JdbcTemplate jdbc;
    private final UnitOfWorkBatch<RowChanges> facts;

    OutflowFacts(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.facts = new UnitOfWorkBatch<>("monitor-facts", RowChanges::new, changes -> changes.write(jdbc), transactions);
    }

    @EventHandler
    void on(ClientRegisteredEvent event) {
        Object[] stay = {event.clientId(), 1, event.setting().name(), event.region(), event.municipality(),
                event.careProvider(), event.registeredOn(), null};
        facts.add(changes -> changes.on(CARE_STAY, stay[0]).then(rows -> rows.insertIfAbsent(CARE_STAY, stay)));
    }

    /** The trajectory is placed where the client's first stay was. */
    @EventHandler
    void on(OutflowTrajectoryStartedEvent event) {
        String client = event.clientId();
        LocalDate startedOn = event.startedOn();
        facts.add(changes -> changes.on(CARE_STAY, client).on(TRAJECTORY, client).then(rows -> {
            Object[] first = rows.get(CARE_STAY, client, 1);
            if (first != null) {
                rows.insertIfAbsent(TRAJECTORY, new Object[]{client, startedOn, first[3], first[4], first[5], null, null,
                        null});
            }
        }));
    }

    @EventHandler
    void on(TrajectoryClosedEvent event) {
        String client = event.clientId();
        LocalDate closedOn = event.closedOn();
        String closure = event.reason().name();
        facts.add(changes -> changes.on(TRAJECTORY, client).then(rows -> {
            for (Object[] trajectory : rows.with(TRAJECTORY, client)) {
                if (trajectory[TRAJECTORY_CLOSED] == null) {
                    rows.set(TRAJECTORY, trajectory, "closed_on", closedOn);
                    rows.set(TRAJECTORY, trajectory, "closure", closure);
                }
            }
        }));
    }

    @EventHandler
    void on(OutflowRecordedEvent event) {
        String client = event.clientId();
        LocalDate movedInOn = event.movedInOn();
        facts.add(changes -> changes.on(TRAJECTORY, client).on(CARE_STAY, client).then(rows -> {
            for (Object[] trajectory : rows.with(TRAJECTORY, client)) {
                if (trajectory[TRAJECTORY_CLOSED] == null && trajectory[TRAJECTORY_MOVED_IN] == null) {
                    rows.set(TRAJECTORY, trajectory, "moved_in_on", movedInOn);
                }
            }
            for (Object[] stay : rows.with(CARE_STAY, client)) {
                if (stay[STAY_TO] == null) {
                    rows.set(CARE_STAY, stay, "to_date", movedInOn);
                }
            }
        }));
    }

    /** A return to care after a stay that ended starts the client's next stay, in the place of the last one. */
    @EventHandler
    void on(ClientReturnedToCareEvent event) {
        String client = event.clientId();
        Object[] returned = {client, event.returnedOn(), event.tenancyId()};
        String setting = event.setting().name();
        facts.add(changes -> changes.on(RETURN_TO_CARE, client).on(CARE_STAY, client).then(rows -> {
            rows.insertIfAbsent(RETURN_TO_CARE, returned);
            rows.with(CARE_STAY, client).stream().max(Comparator.comparingInt(stay -> (Integer) stay[STAY_NUMBER]))
                    .filter(last -> last[STAY_TO] != null)
                    .ifPresent(last -> rows.insertIfAbsent(CARE_STAY, new Object[]{client,
                            (Integer) last[STAY_NUMBER] + 1, setting, last[3], last[4], last[5], returned[1], null}));
        }));
    }

    @EventHandler
    void on(DwellingOfferedEvent event) {
        Object[] tenancy = {event.tenancyId(), event.clientId(), event.region(), event.dwelling().municipality(),
                event.dwelling().neighbourhood(), event.landlord(), event.careProvider(), event.leaseForm().name(),
                event.fromQuota(), event.trajectoryStartedOn(), event.offeredOn(), event.offerDeadline().toString(),
                null, null, null, null, null, null};
        facts.add(changes -> changes.on(TENANCY, tenancy[0]).then(rows -> rows.insertIfAbsent(TENANCY, tenancy)));
    }

    @EventHandler
    void on(OfferAcceptedEvent event) {
        setTenancy(event.tenancyId(), "accepted_on", event.acceptedOn());
    }

    @EventHandler
    void on(OfferRefusedEvent event) {
        setTenancy(event.tenancyId(), "refused_on", event.refusedOn());
    }

    @EventHandler
    void on(MovedInEvent event) {
        setTenancy(event.tenancyId(), "moved_in_on", event.movedInOn());
    }

    @EventHandler
    void on(ContractFlippedEvent event) {
        setTenancy(event.tenancyId(), "flipped_on", event.flippedOn());
    }

    @EventHandler
    void on(TenancyEndedEvent event) {
        setTenancy(event.tenancyId(), "ended_on", event.endedOn(), "end_reason", event.reason().name());
    }

    @EventHandler
    void on(SignalRaisedEvent event) {
        Object[] signal = {event.tenancyId(), event.signalId(), event.kind().name(), event.severity().name(),
                event.raisedOn(), null};
        facts.add(changes -> changes.on(SIGNAL, signal[0]).then(rows -> rows.insertIfAbsent(SIGNAL, signal)));
    }

    @EventHandler
    void on(SignalResolvedEvent event) {
        String tenancy = event.tenancyId();
        String signalId = event.signalId();
        LocalDate resolvedOn = event.resolvedOn();
        facts.add(changes -> changes.on(SIGNAL, tenancy).then(rows -> {
            Object[] signal = rows.get(SIGNAL, tenancy, signalId);
            if (signal != null) {
                rows.set(SIGNAL, signal, "resolved_on", resolvedOn);
            }
        }));
    }

    @EventHandler
    void on(WaakvlamStartedEvent event) {
        Object[] waakvlam = {event.indicationId(), event.clientId(), event.startedOn(), event.until(), null};
        facts.add(changes -> changes.on(WAAKVLAM, waakvlam[0]).then(rows -> rows.insertIfAbsent(WAAKVLAM, waakvlam)));
    }

    @EventHandler
    void on(WaakvlamContactMissedEvent event) {
        Object[] missed = {event.indicationId(), event.dueOn()};
        facts.add(changes -> changes.on(WAAKVLAM_MISSED, missed[0])
                .then(rows -> rows.insertIfAbsent(WAAKVLAM_MISSED, missed)));
    }

    @EventHandler
    void on(WaakvlamEndedEvent event) {
        String indication = event.indicationId();
        LocalDate endedOn = event.endedOn();
        facts.add(changes -> changes.on(WAAKVLAM, indication).then(rows -> {
            Object[] waakvlam = rows.get(WAAKVLAM, indication);
            if (waakvlam != null) {
                rows.set(WAAKVLAM, waakvlam, "ended_on", endedOn);
            }
        }));
    }

    @EventHandler
    void on(AgreementAdoptedEvent event) {
        Object[] agreement = {event.agreementId(), event.region(), event.effectiveFrom()};
        facts.add(changes -> changes.on(AGREEMENT, agreement[0])
                .then(rows -> rows.insertIfAbsent(AGREEMENT, agreement)));
    }

    /** The latest quota set for a corporation's year replaces the one before. */
    @EventHandler
    void on(QuotaSetEvent event) {
        Object[] quota = {event.region(), event.corporation(), event.year(), event.dwellings()};
        facts.add(changes -> changes.on(QUOTA, quota[0]).then(rows -> rows.put(QUOTA, quota)));
    }

    @EventHandler
    void on(TargetSetEvent event) {
        Object[] target = {event.region(), event.outflows(), event.targetDate()};
        facts.add(changes -> changes.on(TARGET, target[0]).then(rows -> rows.put(TARGET, target)));
    }

    @ResetHandler
    void reset() {
        jdbc.execute("TRUNCATE " + String.join(", ", TABLES));
    }

    /** Sets dates (and such) of a tenancy offered earlier; of one never offered, nothing. */
    private void setTenancy(String tenancyId, Object... columnsAndValues) {
        facts.add(changes -> changes.on(TENANCY, tenancyId).then(rows -> {
            Object[] tenancy = rows.get(TENANCY, tenancyId);
            if (tenancy != null) {
                for (int i = 0; i < columnsAndValues.length; i += 2) {
                    rows.set(TENANCY, tenancy, (String) columnsAndValues[i], columnsAndValues[i + 1]);
                }
            }
        }));
    }
}

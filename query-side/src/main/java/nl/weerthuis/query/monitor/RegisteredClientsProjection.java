package nl.weerthuis.query.monitor;

import nl.weerthuis.kernel.client.ClientRegisteredEvent;
import nl.weerthuis.kernel.client.FetchRegisteredClientsPerRegionQuery;
import nl.weerthuis.kernel.client.RegisteredClientsInRegion;
import nl.weerthuis.query.eventsource.KeyedTable;
import nl.weerthuis.query.eventsource.UnitOfWorkBatch;
import nl.weerthuis.query.eventsource.WritesPerUnitOfWork;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

import java.util.List;

/**
 * Registered clients per region and care setting. One row per client, so replaying an event twice (after a crash
 * between writing the row and the token, say) counts it once.
 */
@Component
@ProcessingGroup(RegisteredClientsProjection.PROCESSING_GROUP)
@WritesPerUnitOfWork
class RegisteredClientsProjection {

    static final String PROCESSING_GROUP = "monitor";

    private static final KeyedTable REGISTRATION = KeyedTable.of("monitor_client_registration", 1,
            "client_id varchar", "setting varchar", "facility varchar", "region varchar", "municipality varchar",
            "care_provider varchar", "registered_on date");

    private final JdbcTemplate jdbc;
    private final UnitOfWorkBatch<List<Object[]>> registrations;

    RegisteredClientsProjection(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        // A replayed row is skipped, so handling an event twice counts it once.
        this.registrations = UnitOfWorkBatch.ofRows("monitor_client_registration",
                rows -> REGISTRATION.insertAbsent(jdbc, rows), transactions);
    }

    @EventHandler
    void on(ClientRegisteredEvent event) {
        Object[] row = {event.clientId(), event.setting().name(), event.facility(), event.region(),
                event.municipality(), event.careProvider(), event.registeredOn()};
        registrations.add(rows -> rows.add(row));
    }

    @ResetHandler
    void reset() {
        jdbc.execute("TRUNCATE monitor_client_registration");
    }

    @QueryHandler
    List<RegisteredClientsInRegion> handle(FetchRegisteredClientsPerRegionQuery query) {
        return jdbc.query("""
                SELECT region,
                       SUM(CASE WHEN setting = 'PROTECTED_HOUSING' THEN 1 ELSE 0 END) AS protected_housing,
                       SUM(CASE WHEN setting = 'SHELTER' THEN 1 ELSE 0 END) AS shelter
                FROM monitor_client_registration
                WHERE (CAST(? AS VARCHAR(100)) IS NULL OR region = ?)
                GROUP BY region
                ORDER BY region""",
                (row, n) -> new RegisteredClientsInRegion(row.getString("region"),
                        row.getLong("protected_housing"), row.getLong("shelter")),
                query.region(), query.region());
    }
}

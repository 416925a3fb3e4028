package nl.weerthuis.query.monitor;

import nl.weerthuis.kernel.client.ClientRegisteredEvent;
import nl.weerthuis.kernel.client.FetchRegisteredClientsPerRegionQuery;
import nl.weerthuis.kernel.client.RegisteredClientsInRegion;
import nl.weerthuis.query.eventsource.UnitOfWorkBatch;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.util.List;

/**
 * Registered clients per region and care setting. One row per client, so replaying an event twice (after a crash
 * between writing the row and the token, say) counts it once.
 */
@Component
@ProcessingGroup(RegisteredClientsProjection.PROCESSING_GROUP)
class RegisteredClientsProjection {

    static final String PROCESSING_GROUP = "monitor";

    /** Rows per statement: well below PostgreSQL's 65,535 parameters. */
    private static final int ROWS_PER_STATEMENT = 5_000;

    private final JdbcTemplate jdbc;
    private final UnitOfWorkBatch<Object[]> registrations;

    RegisteredClientsProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.registrations = new UnitOfWorkBatch<>("monitor_client_registration", this::insert);
    }

    @EventHandler
    void on(ClientRegisteredEvent event) {
        registrations.add(new Object[]{event.clientId(), event.setting().name(), event.facility(), event.region(),
                event.municipality(), event.careProvider(), Date.valueOf(event.registeredOn())});
    }

    /** One statement per batch (a replayed row is skipped, so handling an event twice counts it once). */
    private void insert(List<Object[]> rows) {
        for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT));
            jdbc.update("""
                    INSERT INTO monitor_client_registration
                        (client_id, setting, facility, region, municipality, care_provider, registered_on)
                    VALUES """ + String.join(", ", java.util.Collections.nCopies(chunk.size(), "(?, ?, ?, ?, ?, ?, ?)"))
                    + " ON CONFLICT DO NOTHING", chunk.stream().flatMap(java.util.Arrays::stream).toArray());
        }
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

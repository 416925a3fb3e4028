package nl.weerthuis.query.eventsource;

import nl.weerthuis.query.support.EventStoreFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Array;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A derived read model's batch looks up the rows of its clients by index however large the table has grown: a
 * sequential scan costs a batch time in proportion to the table, so a rebuild would grow with the square of the
 * store. Each run is rolled back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(EventStoreFixture.class)
class KeyLookupsTest {

    private static final KeyedTable STAYS = KeyedTable.of("monitor_care_stay", 2, "client_id varchar", "stay_number int4");

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void a_batch_of_a_thousand_clients_is_read_by_index_from_a_table_of_many() {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            jdbc.update("""
                    INSERT INTO monitor_care_stay (client_id, stay_number, setting, region, municipality, care_provider, from_date)
                    SELECT md5(n::text)::uuid::text, 1, 'SHELTER', 'Lookups', 'Lookups-1', '87654321', DATE '2025-01-01'
                    FROM generate_series(1, 50000) n""");
            jdbc.execute("ANALYZE monitor_care_stay");
            String[] keys = jdbc.queryForList("SELECT md5((n * 37)::text)::uuid::text FROM generate_series(1, 1000) n", String.class)
                    .toArray(String[]::new);
            assertThat(keys).hasSize(1000);

            assertThat(plan(keys)).as("the planner's own choice, which this guards against").contains("Seq Scan");
            DerivedCommits.relax(jdbc);
            assertThat(plan(keys)).contains("Index").doesNotContain("Seq Scan");
            status.setRollbackOnly();
        });
    }

    private String plan(String[] keys) {
        return String.join("\n", jdbc.query(connection -> {
            var statement = connection.prepareStatement("EXPLAIN " + STAYS.rowsOfSql());
            Array array = connection.createArrayOf("varchar", keys);
            statement.setArray(1, array);
            return statement;
        }, (row, n) -> row.getString(1)));
    }
}

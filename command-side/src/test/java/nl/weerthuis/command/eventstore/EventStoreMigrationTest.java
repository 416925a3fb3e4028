package nl.weerthuis.command.eventstore;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/** The known Axon-on-PostgreSQL traps are fixed in the schema that Flyway creates. */
@SpringBootTest
@ActiveProfiles("test")
class EventStoreMigrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void binary_columns_are_bytea_and_never_oid() {
        assertThat(columnType("domain_event_entry", "payload")).isEqualTo("bytea");
        assertThat(columnType("domain_event_entry", "meta_data")).isEqualTo("bytea");
        assertThat(columnType("snapshot_event_entry", "payload")).isEqualTo("bytea");
        assertThat(columnType("snapshot_event_entry", "meta_data")).isEqualTo("bytea");
        assertThat(columnType("token_entry", "token")).isEqualTo("bytea");
        assertThat(columnType("saga_entry", "serialized_saga")).isEqualTo("bytea");

        Integer oidColumns = jdbc.queryForObject("""
                SELECT count(*) FROM information_schema.columns
                WHERE table_schema = ANY (current_schemas(false)) AND data_type = 'oid'""", Integer.class);
        assertThat(oidColumns).isZero();
    }

    @Test
    void global_index_has_its_own_sequence_with_increment_one() {
        String sequence = jdbc.queryForObject(
                "SELECT pg_get_serial_sequence('weerthuis_command_events.domain_event_entry', 'global_index')", String.class);
        assertThat(sequence).endsWith("domain_event_entry_global_index_seq");

        Long increment = jdbc.queryForObject("""
                SELECT increment_by FROM pg_sequences
                WHERE schemaname = 'weerthuis_command_events' AND sequencename = 'domain_event_entry_global_index_seq'""",
                Long.class);
        assertThat(increment).isEqualTo(1L);
    }

    @Test
    void schema_comes_from_flyway_migrations_with_a_history_per_owner() {
        Integer eventStore = jdbc.queryForObject(
                "SELECT count(*) FROM event_store_schema_history WHERE success AND script = 'V1__event_store.sql'",
                Integer.class);
        assertThat(eventStore).isEqualTo(1);
        Integer commandSide = jdbc.queryForObject(
                "SELECT count(*) FROM command_schema_history WHERE success AND script = 'V100__idempotent_requests.sql'",
                Integer.class);
        assertThat(commandSide).isEqualTo(1);
        // Neither history holds the other's migrations: each series numbers on its own, in order.
        assertThat(jdbc.queryForObject("SELECT count(*) FROM command_schema_history WHERE script LIKE 'V1\\_\\_%'",
                Integer.class)).isZero();
    }

    private String columnType(String table, String column) {
        return jdbc.queryForObject("""
                SELECT data_type FROM information_schema.columns
                WHERE table_schema = ANY (current_schemas(false)) AND table_name = ? AND column_name = ?""",
                String.class, table, column);
    }
}

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
                WHERE table_schema = current_schema() AND data_type = 'oid'""", Integer.class);
        assertThat(oidColumns).isZero();
    }

    @Test
    void global_index_has_its_own_sequence_with_increment_one() {
        String sequence = jdbc.queryForObject(
                "SELECT pg_get_serial_sequence(current_schema() || '.domain_event_entry', 'global_index')", String.class);
        assertThat(sequence).endsWith("domain_event_entry_global_index_seq");

        Long increment = jdbc.queryForObject("""
                SELECT increment_by FROM pg_sequences
                WHERE schemaname = current_schema() AND sequencename = 'domain_event_entry_global_index_seq'""",
                Long.class);
        assertThat(increment).isEqualTo(1L);
    }

    @Test
    void schema_comes_from_flyway_migrations() {
        Integer applied = jdbc.queryForObject(
                "SELECT count(*) FROM flyway_schema_history WHERE success AND script LIKE 'V1__event_store.sql'",
                Integer.class);
        assertThat(applied).isEqualTo(1);
    }

    private String columnType(String table, String column) {
        return jdbc.queryForObject("""
                SELECT data_type FROM information_schema.columns
                WHERE table_schema = current_schema() AND table_name = ? AND column_name = ?""",
                String.class, table, column);
    }
}

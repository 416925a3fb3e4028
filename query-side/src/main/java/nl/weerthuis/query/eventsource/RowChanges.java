package nl.weerthuis.query.eventsource;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What a projection's events change in its tables, folded in memory and written at once. Each event names the rows
 * it works on (by the first key column: a client, a tenancy) and what it does to them; on {@link #write} the rows of
 * all named keys are read (one query per table), the changes applied in the order the events came, and every row
 * changed written (one upsert per table). The outcome is what handling the events one by one with their own SQL
 * would give: each change sees the rows as the earlier ones left them, in memory instead of in the table.
 */
public final class RowChanges {

    private final Map<KeyedTable, Set<Object>> named = new LinkedHashMap<>();
    private final List<Consumer<Rows>> changes = new ArrayList<>();

    /** A change to the rows of {@code table} (and others) whose first key column is {@code key}. */
    public RowChanges on(KeyedTable table, Object key) {
        named.computeIfAbsent(table, t -> new LinkedHashSet<>()).add(key);
        return this;
    }

    public void then(Consumer<Rows> change) {
        changes.add(change);
    }

    public void write(JdbcTemplate jdbc) {
        Rows rows = new Rows();
        named.forEach((table, keys) -> rows.load(table, table.rowsOf(jdbc, keys)));
        changes.forEach(change -> change.accept(rows));
        rows.changed.forEach((table, changed) -> table.upsert(jdbc, changed.values()));
    }

    /** The rows of the named keys as the changes so far left them. */
    public static final class Rows {

        /** Per table, per first key column value, the rows by primary key. */
        private final Map<KeyedTable, Map<Object, Map<List<Object>, Object[]>>> rows = new HashMap<>();
        private final Map<KeyedTable, Map<List<Object>, Object[]>> changed = new LinkedHashMap<>();

        private void load(KeyedTable table, List<Object[]> loaded) {
            loaded.forEach(row -> of(table, row[0]).put(table.keyOf(row), row));
        }

        private Map<List<Object>, Object[]> of(KeyedTable table, Object first) {
            return rows.computeIfAbsent(table, t -> new HashMap<>()).computeIfAbsent(first, k -> new LinkedHashMap<>());
        }

        /** The row with this primary key, or null. */
        public Object[] get(KeyedTable table, Object... key) {
            return of(table, key[0]).get(List.of(key));
        }

        /** The rows whose first key column is {@code key} (named with {@link RowChanges#on}). */
        public List<Object[]> with(KeyedTable table, Object key) {
            return new ArrayList<>(of(table, key).values());
        }

        /** Inserts a row, unless one with its key is there (an event handled twice adds it once). */
        public void insertIfAbsent(KeyedTable table, Object[] row) {
            if (of(table, row[0]).putIfAbsent(table.keyOf(row), row) == null) {
                changed(table, row);
            }
        }

        /** Inserts or replaces a row. */
        public void put(KeyedTable table, Object[] row) {
            of(table, row[0]).put(table.keyOf(row), row);
            changed(table, row);
        }

        /** Sets a column of a row there is (from {@link #get} or {@link #with}). */
        public void set(KeyedTable table, Object[] row, String column, Object value) {
            row[table.column(column)] = value;
            changed(table, row);
        }

        private void changed(KeyedTable table, Object[] row) {
            changed.computeIfAbsent(table, t -> new LinkedHashMap<>()).put(table.keyOf(row), row);
        }
    }
}

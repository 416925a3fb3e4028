package nl.weerthuis.query.eventsource;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A read-model table as a batch reads and writes it: rows as arrays in column order, the primary key first. Rows
 * are read for many keys in one query and written with one set-based upsert ({@code unnest} of one array per
 * column), however many there are. Table names stay unqualified, so a rebuild's search path picks its shadow tables.
 */
public final class KeyedTable {

    /** A column and its PostgreSQL type ({@code varchar}, {@code int4}, {@code bool}, {@code date}). */
    public record Column(String name, String type) {
    }

    private final String name;
    private final List<Column> columns;
    private final int keyColumns;
    private final String upsert;
    private final String insertAbsent;

    private KeyedTable(String name, int keyColumns, List<Column> columns) {
        this.name = name;
        this.columns = columns;
        this.keyColumns = keyColumns;
        String names = columns.stream().map(Column::name).collect(Collectors.joining(", "));
        String arrays = columns.stream().map(c -> "?::" + c.type() + "[]").collect(Collectors.joining(", "));
        List<Column> rest = columns.subList(keyColumns, columns.size());
        String insert = "INSERT INTO " + name + " (" + names + ") SELECT * FROM unnest(" + arrays + ") ON CONFLICT ("
                + columns.subList(0, keyColumns).stream().map(Column::name).collect(Collectors.joining(", ")) + ") ";
        this.insertAbsent = insert + "DO NOTHING";
        this.upsert = rest.isEmpty() ? insertAbsent : insert + "DO UPDATE SET " + rest.stream()
                .map(c -> c.name() + " = EXCLUDED." + c.name()).collect(Collectors.joining(", "));
    }

    /** {@code columns}: "name type" each, the {@code keyColumns} of the primary key first. */
    public static KeyedTable of(String name, int keyColumns, String... columns) {
        return new KeyedTable(name, keyColumns, Arrays.stream(columns).map(c -> {
            String[] parts = c.trim().split("\\s+");
            return new Column(parts[0], parts[1]);
        }).toList());
    }

    public String name() {
        return name;
    }

    public int column(String column) {
        return IntStream.range(0, columns.size()).filter(i -> columns.get(i).name().equals(column)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(name + " has no column " + column));
    }

    public int width() {
        return columns.size();
    }

    public List<Object> keyOf(Object[] row) {
        return Arrays.asList(Arrays.copyOf(row, keyColumns));
    }

    /** Every row whose first key column is one of {@code values}, in one query. */
    public List<Object[]> rowsOf(JdbcTemplate jdbc, Collection<?> values) {
        if (values.isEmpty()) {
            return List.of();
        }
        Column first = columns.get(0);
        return jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(rowsOfSql());
            statement.setArray(1, array(connection, first, values.toArray()));
            return statement;
        }, (result, n) -> {
            Object[] row = new Object[columns.size()];
            for (int i = 0; i < row.length; i++) {
                row[i] = "date".equals(columns.get(i).type()) ? result.getObject(i + 1, LocalDate.class)
                        : result.getObject(i + 1);
            }
            return row;
        });
    }

    /** By the first key column; looked up by index in a derived read model's batch ({@link DerivedCommits}). */
    String rowsOfSql() {
        Column first = columns.get(0);
        return "SELECT " + columns.stream().map(Column::name).collect(Collectors.joining(", ")) + " FROM " + name
                + " WHERE " + first.name() + " = ANY (?::" + first.type() + "[])";
    }

    /** Inserts the rows, or sets every column but the key of those already there: one statement (one row per key). */
    public void upsert(JdbcTemplate jdbc, Collection<Object[]> rows) {
        write(jdbc, upsert, rows);
    }

    /** Inserts the rows whose key is not there yet: one statement. */
    public void insertAbsent(JdbcTemplate jdbc, Collection<Object[]> rows) {
        write(jdbc, insertAbsent, rows);
    }

    private void write(JdbcTemplate jdbc, String sql, Collection<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        List<Object[]> all = new ArrayList<>(rows);
        jdbc.update(connection -> {
            PreparedStatement statement = connection.prepareStatement(sql);
            for (int c = 0; c < columns.size(); c++) {
                Object[] values = new Object[all.size()];
                for (int r = 0; r < values.length; r++) {
                    values[r] = all.get(r)[c];
                }
                statement.setArray(c + 1, array(connection, columns.get(c), values));
            }
            return statement;
        });
    }

    private static Array array(Connection connection, Column column, Object[] values) throws SQLException {
        if ("date".equals(column.type())) {
            Object[] dates = new Object[values.length];
            for (int i = 0; i < values.length; i++) {
                dates[i] = values[i] == null ? null : java.sql.Date.valueOf((LocalDate) values[i]);
            }
            return connection.createArrayOf("date", dates);
        }
        return connection.createArrayOf(column.type(), values);
    }
}

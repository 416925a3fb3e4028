package nl.weerthuis.kernel.involvement;

import nl.weerthuis.kernel.identity.OrganisationType;
import nl.weerthuis.kernel.involvement.InvolvementChange.Began;
import nl.weerthuis.kernel.involvement.InvolvementChange.Ended;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A table of involvements kept by one read model or lookup, changed exactly as {@link ClientInvolvements} folds: one
 * row per involvement ({@code client_id, organisation, organisation_type, basis, reference, from_date, until_date,
 * ended_at}). Plain JDBC on the caller's connection, so the rows commit with the caller's transaction.
 */
public final class InvolvementTable {

    private static final Pattern TABLE_NAME = Pattern.compile("[a-z_]{1,60}");

    private final String table;

    public InvolvementTable(String table) {
        if (!TABLE_NAME.matcher(table).matches()) {
            throw new IllegalArgumentException("not a table name: " + table);
        }
        this.table = table;
    }

    /** One statement and its parameters, in the order the changes must be applied; a NULL keeps its SQL type. */
    public record Write(String sql, List<Object> parameters) {

        public record Null(int sqlType) {
        }

        /** Binds the parameters from position {@code first} (1-based) on; returns the position after the last. */
        public int bind(PreparedStatement statement, int first) throws SQLException {
            int position = first;
            for (Object value : parameters) {
                if (value instanceof Null nul) {
                    statement.setNull(position++, nul.sqlType());
                } else {
                    statement.setObject(position++, value);
                }
            }
            return position;
        }
    }

    private static Object orNull(Object value, int sqlType) {
        return value == null ? new Write.Null(sqlType) : value;
    }

    public void apply(Connection connection, String clientId, List<InvolvementChange> changes, Instant recordedAt)
            throws SQLException {
        for (Write write : writes(clientId, changes, recordedAt)) {
            try (PreparedStatement statement = connection.prepareStatement(write.sql())) {
                write.bind(statement, 1);
                statement.executeUpdate();
            }
        }
    }

    /** The statements that apply the changes, for a caller that sends them itself (together with others, at commit). */
    public List<Write> writes(String clientId, List<InvolvementChange> changes, Instant recordedAt) {
        List<Write> writes = new ArrayList<>();
        for (InvolvementChange change : changes) {
            if (change instanceof Began began) {
                Involvement i = began.involvement();
                writes.add(new Write("INSERT INTO " + table
                        + " (client_id, organisation, organisation_type, basis, reference, from_date) SELECT ?, ?, ?, ?, ?, ?"
                        + " WHERE NOT EXISTS (SELECT 1 FROM " + table + " WHERE client_id = ? AND organisation = ?"
                        + " AND basis = ? AND reference = ? AND ended_at IS NULL)", List.of(clientId,
                        i.organisation(), orNull(i.type() == null ? null : i.type().name(), Types.VARCHAR), i.basis().name(),
                        i.reference(), orNull(i.from() == null ? null : Date.valueOf(i.from()), Types.DATE), clientId,
                        i.organisation(), i.basis().name(), i.reference())));
            } else if (change instanceof Ended ended) {
                writes.add(new Write("UPDATE " + table + " SET until_date = ?, ended_at = ? WHERE client_id = ? AND basis = ?"
                        + " AND reference = ? AND ended_at IS NULL", List.of(
                        orNull(ended.on() == null ? null : Date.valueOf(ended.on()), Types.DATE), Timestamp.from(recordedAt),
                        clientId, ended.basis().name(), ended.reference())));
            }
        }
        return writes;
    }

    public ClientInvolvements of(Connection connection, String clientId) throws SQLException {
        return of(connection, List.of(clientId)).getOrDefault(clientId, ClientInvolvements.none());
    }

    /** Of several clients in one query; a client without involvements is left out. */
    public Map<String, ClientInvolvements> of(Connection connection, Collection<String> clientIds) throws SQLException {
        Map<String, List<Involvement>> involvements = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT client_id, organisation, organisation_type,"
                + " basis, reference, from_date, until_date, ended_at FROM " + table + " WHERE client_id = ANY (?)"
                + " ORDER BY id")) {
            select.setArray(1, connection.createArrayOf("varchar", clientIds.toArray()));
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    String type = row.getString(3);
                    Date from = row.getDate(6);
                    Date until = row.getDate(7);
                    Timestamp ended = row.getTimestamp(8);
                    involvements.computeIfAbsent(row.getString(1), client -> new ArrayList<>()).add(new Involvement(
                            row.getString(2), type == null ? null : OrganisationType.valueOf(type),
                            InvolvementBasis.valueOf(row.getString(4)), row.getString(5),
                            from == null ? null : from.toLocalDate(), until == null ? null : until.toLocalDate(),
                            ended == null ? null : ended.toInstant()));
                }
            }
        }
        Map<String, ClientInvolvements> recorded = new HashMap<>();
        involvements.forEach((client, list) -> recorded.put(client, ClientInvolvements.recorded(list)));
        return recorded;
    }
}

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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

    public void apply(Connection connection, String clientId, List<InvolvementChange> changes, Instant recordedAt)
            throws SQLException {
        for (InvolvementChange change : changes) {
            if (change instanceof Began began) {
                Involvement i = began.involvement();
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table
                        + " (client_id, organisation, organisation_type, basis, reference, from_date) SELECT ?, ?, ?, ?, ?, ?"
                        + " WHERE NOT EXISTS (SELECT 1 FROM " + table + " WHERE client_id = ? AND organisation = ?"
                        + " AND basis = ? AND reference = ? AND ended_at IS NULL)")) {
                    insert.setString(1, clientId);
                    insert.setString(2, i.organisation());
                    insert.setString(3, i.type() == null ? null : i.type().name());
                    insert.setString(4, i.basis().name());
                    insert.setString(5, i.reference());
                    insert.setDate(6, i.from() == null ? null : Date.valueOf(i.from()));
                    insert.setString(7, clientId);
                    insert.setString(8, i.organisation());
                    insert.setString(9, i.basis().name());
                    insert.setString(10, i.reference());
                    insert.executeUpdate();
                }
            } else if (change instanceof Ended ended) {
                try (PreparedStatement update = connection.prepareStatement("UPDATE " + table
                        + " SET until_date = ?, ended_at = ? WHERE client_id = ? AND basis = ? AND reference = ?"
                        + " AND ended_at IS NULL")) {
                    update.setDate(1, ended.on() == null ? null : Date.valueOf(ended.on()));
                    update.setTimestamp(2, Timestamp.from(recordedAt));
                    update.setString(3, clientId);
                    update.setString(4, ended.basis().name());
                    update.setString(5, ended.reference());
                    update.executeUpdate();
                }
            }
        }
    }

    public ClientInvolvements of(Connection connection, String clientId) throws SQLException {
        List<Involvement> involvements = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT organisation, organisation_type, basis,"
                + " reference, from_date, until_date, ended_at FROM " + table + " WHERE client_id = ? ORDER BY id")) {
            select.setString(1, clientId);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    String type = row.getString(2);
                    Date from = row.getDate(5);
                    Date until = row.getDate(6);
                    Timestamp ended = row.getTimestamp(7);
                    involvements.add(new Involvement(row.getString(1), type == null ? null : OrganisationType.valueOf(type),
                            InvolvementBasis.valueOf(row.getString(3)), row.getString(4),
                            from == null ? null : from.toLocalDate(), until == null ? null : until.toLocalDate(),
                            ended == null ? null : ended.toInstant()));
                }
            }
        }
        return ClientInvolvements.recorded(involvements);
    }
}

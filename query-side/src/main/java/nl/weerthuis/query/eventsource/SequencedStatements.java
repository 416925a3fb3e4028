package nl.weerthuis.query.eventsource;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SQL a batch's events would run one by one, gathered in memory ({@link UnitOfWorkBatch}) and sent at commit in
 * JDBC batches. Each statement belongs to its event's sequence (the client, as {@link PerClientSequencing} places
 * events): a sequence's statements run in the order they came, since they change the same rows (a tenancy inserted,
 * then updated; a consent withdrawn, then given again). Statements of different sequences touch rows apart — the
 * processor already handles them in parallel segments, in no order between them — so they are grouped: the n-th
 * statement of every sequence forms round n, and a round runs each of its distinct statements once, as one JDBC batch.
 * The outcome is that of the statements in event order, with a few round trips per batch instead of several per event.
 */
public final class SequencedStatements {

    /** Binds one statement's parameters. */
    @FunctionalInterface
    public interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private record Statement(String sql, Binder binder) {
    }

    private final Map<Object, List<Statement>> bySequence = new LinkedHashMap<>();

    /** A statement of {@code sequence} with these parameters (null binds as an untyped NULL). */
    public void add(Object sequence, String sql, Object... parameters) {
        Object[] values = parameters.clone();
        add(sequence, sql, statement -> {
            for (int i = 0; i < values.length; i++) {
                if (values[i] == null) {
                    statement.setNull(i + 1, Types.NULL);
                } else {
                    statement.setObject(i + 1, values[i]);
                }
            }
        });
    }

    public void add(Object sequence, String sql, Binder binder) {
        bySequence.computeIfAbsent(sequence, s -> new ArrayList<>()).add(new Statement(sql, binder));
    }

    /** Runs every statement (in the caller's transaction); a failure fails the whole write. */
    public void write(JdbcTemplate jdbc) {
        if (bySequence.isEmpty()) {
            return;
        }
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            Map<String, PreparedStatement> prepared = new HashMap<>();
            try {
                for (Map<String, List<Binder>> round : rounds()) {
                    for (Map.Entry<String, List<Binder>> same : round.entrySet()) {
                        run(prepared(connection, prepared, same.getKey()), same.getValue());
                    }
                }
            } finally {
                for (PreparedStatement statement : prepared.values()) {
                    statement.close();
                }
            }
            return null;
        });
    }

    /** Round n: the n-th statement of every sequence, grouped by SQL in the order first seen. */
    private List<Map<String, List<Binder>>> rounds() {
        List<Map<String, List<Binder>>> rounds = new ArrayList<>();
        for (List<Statement> statements : bySequence.values()) {
            for (int n = 0; n < statements.size(); n++) {
                if (rounds.size() == n) {
                    rounds.add(new LinkedHashMap<>());
                }
                Statement statement = statements.get(n);
                rounds.get(n).computeIfAbsent(statement.sql(), sql -> new ArrayList<>()).add(statement.binder());
            }
        }
        return rounds;
    }

    private static PreparedStatement prepared(Connection connection, Map<String, PreparedStatement> prepared, String sql)
            throws SQLException {
        PreparedStatement statement = prepared.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            prepared.put(sql, statement);
        }
        return statement;
    }

    private static void run(PreparedStatement statement, List<Binder> binders) throws SQLException {
        if (binders.size() == 1) {
            binders.get(0).bind(statement);
            statement.executeUpdate();
            return;
        }
        for (Binder binder : binders) {
            binder.bind(statement);
            statement.addBatch();
        }
        statement.executeBatch();
    }
}

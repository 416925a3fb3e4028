package nl.weerthuis.command.lookup;

import nl.weerthuis.kernel.involvement.InvolvementTable.Write;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCallback;
import org.springframework.stereotype.Component;

import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The lookup rows a command's events write, sent to the database together as it commits: one round trip with every
 * statement in its order, in the transaction that appends the events, instead of one round trip each. A lookup read
 * in the same unit of work (a rule of a command that an event handler sent) first sends what is waiting, so it reads
 * its own unit of work's writes; outside a unit of work (a backfill) each write goes at once.
 */
@Component
class LookupWrites {

    private static final String PENDING = LookupWrites.class.getName() + ".pending";

    private final JdbcTemplate jdbc;

    LookupWrites(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void write(String sql, Object... parameters) {
        List<Object> values = new ArrayList<>();
        for (Object parameter : parameters) {
            // A NULL of no stated type: PostgreSQL takes the column's.
            values.add(parameter == null ? new Write.Null(Types.NULL) : parameter);
        }
        write(new Write(sql, values));
    }

    void write(Write write) {
        UnitOfWork<?> root = CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get().root() : null;
        if (root == null || root.phase().isAfter(UnitOfWork.Phase.PREPARE_COMMIT)) {
            send(List.of(write));
            return;
        }
        List<Write> pending = root.getOrComputeResource(PENDING, key -> new ArrayList<>());
        if (pending.isEmpty()) {
            // Runs after the handler now running (the event bus's own prepare-commit step), before the commit; again
            // for writes that come after an earlier send.
            root.onPrepareCommit(unitOfWork -> flush(unitOfWork));
        }
        pending.add(write);
    }

    /** Sends what this unit of work has written so far: before reading a lookup in it. */
    void flush() {
        if (CurrentUnitOfWork.isStarted()) {
            flush(CurrentUnitOfWork.get().root());
        }
    }

    private void flush(UnitOfWork<?> root) {
        List<Write> pending = root.getResource(PENDING);
        if (pending == null || pending.isEmpty()) {
            return;
        }
        List<Write> batch = List.copyOf(pending);
        pending.clear();
        send(batch);
    }

    private void send(List<Write> batch) {
        // PostgreSQL's driver sends the statements of one prepared statement in one round trip, executed in order.
        String sql = batch.stream().map(Write::sql).collect(Collectors.joining("; "));
        jdbc.execute(sql, (PreparedStatementCallback<Void>) statement -> {
            int position = 1;
            for (Write write : batch) {
                position = write.bind(statement, position);
            }
            statement.execute();
            return null;
        });
    }
}

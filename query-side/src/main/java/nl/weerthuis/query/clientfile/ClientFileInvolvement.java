package nl.weerthuis.query.clientfile;

import nl.weerthuis.kernel.identity.MetadataKeys;
import nl.weerthuis.kernel.involvement.ClientInvolvements;
import nl.weerthuis.kernel.involvement.InvolvementChange;
import nl.weerthuis.kernel.involvement.InvolvementRules;
import nl.weerthuis.kernel.involvement.InvolvementTable;
import nl.weerthuis.kernel.privacy.DataSubjects;
import nl.weerthuis.query.eventsource.WritesPerUnitOfWork;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/** Who is or was involved with each client, for the client file: the kernel's {@link InvolvementRules}, kept. */
@Component
@ProcessingGroup("client-file")
@WritesPerUnitOfWork
class ClientFileInvolvement {

    private static final InvolvementTable TABLE = new InvolvementTable("file_involvement");

    private final JdbcTemplate jdbc;
    private final ClientFileWrites writes;

    ClientFileInvolvement(JdbcTemplate jdbc, ClientFileWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    ClientInvolvements of(String clientId) {
        return jdbc.execute((ConnectionCallback<ClientInvolvements>) connection -> TABLE.of(connection, clientId));
    }

    @EventHandler
    void on(Object event, EventMessage<?> message) {
        List<InvolvementChange> changes = InvolvementRules.changesOf(event,
                (String) message.getMetaData().get(MetadataKeys.ACTOR_ORGANISATION));
        String clientId = DataSubjects.of(event);
        if (!changes.isEmpty() && clientId != null) {
            List<InvolvementTable.Write> rows = TABLE.writes(clientId, changes, message.getTimestamp());
            writes.add(statements -> rows.forEach(write ->
                    statements.add(clientId, write.sql(), statement -> write.bind(statement, 1))));
        }
    }
}

package nl.weerthuis.query.organisation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.weerthuis.kernel.organisation.OrganisationRegionsChangedEvent;
import nl.weerthuis.kernel.organisation.OrganisationRegisteredEvent;
import nl.weerthuis.kernel.organisation.OrganisationRenamedEvent;
import nl.weerthuis.kernel.organisation.OrganisationTypeChangedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The register as its events left it, one row per number. Each change is applied only over an older version, so an
 * event handled again (a crash between row and token) or a replay leaves the same row.
 */
@Component
@ProcessingGroup(OrganisationRegisterProjection.PROCESSING_GROUP)
class OrganisationRegisterProjection {

    static final String PROCESSING_GROUP = "organisations";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    OrganisationRegisterProjection(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(OrganisationRegisteredEvent event, @SequenceNumber long version) {
        jdbc.update("""
                INSERT INTO organisation (organisation_id, name, type, regions, version) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (organisation_id) DO NOTHING""",
                event.organisationId(), event.name(), event.type().name(), regions(event.regions()), version);
    }

    @EventHandler
    void on(OrganisationRenamedEvent event, @SequenceNumber long version) {
        change(event.organisationId(), "name", event.name(), version);
    }

    @EventHandler
    void on(OrganisationTypeChangedEvent event, @SequenceNumber long version) {
        change(event.organisationId(), "type", event.type().name(), version);
    }

    @EventHandler
    void on(OrganisationRegionsChangedEvent event, @SequenceNumber long version) {
        change(event.organisationId(), "regions", regions(event.regions()), version);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM organisation");
    }

    private void change(String organisationId, String column, String value, long version) {
        jdbc.update("UPDATE organisation SET " + column + " = ?, version = ? WHERE organisation_id = ? AND version < ?",
                value, version, organisationId, version);
    }

    private String regions(List<String> regions) {
        try {
            return json.writeValueAsString(regions);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

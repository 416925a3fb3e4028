package nl.weerthuis.query.organisation;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.weerthuis.kernel.identity.OrganisationType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The register as the query side reads it, and the one source of {@link OrganisationNames}. No cache: with several
 * query-side instances the rename is projected by whichever instance holds the segment, so a local cache could not
 * learn of it; a primary-key read is cheap, and a name is then never staler than the projection.
 */
@Component
public class OrganisationRegister implements OrganisationNames {

    public record Organisation(String organisationId, String name, OrganisationType type, List<String> regions,
                               long version) {
    }

    private static final TypeReference<List<String>> REGIONS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    OrganisationRegister(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public List<Organisation> all() {
        return jdbc.query("SELECT * FROM organisation ORDER BY name, organisation_id", this::organisation);
    }

    public Optional<Organisation> find(String organisationId) {
        return jdbc.query("SELECT * FROM organisation WHERE organisation_id = ?", this::organisation, organisationId)
                .stream().findFirst();
    }

    @Override
    public Optional<String> nameOf(String organisationId) {
        if (organisationId == null) {
            return Optional.empty();
        }
        return jdbc.queryForList("SELECT name FROM organisation WHERE organisation_id = ?", String.class, organisationId)
                .stream().findFirst();
    }

    /** In one query, however many: a history names a handful. */
    @Override
    public Map<String, String> namesOf(Collection<String> organisationIds) {
        Map<String, String> names = new HashMap<>();
        if (organisationIds.isEmpty()) {
            return names;
        }
        jdbc.query("SELECT organisation_id, name FROM organisation WHERE organisation_id = ANY (?)",
                (org.springframework.jdbc.core.RowCallbackHandler) row -> {
                    if (row.getString(2) != null) {
                        names.put(row.getString(1), row.getString(2));
                    }
                }, (Object) organisationIds.toArray(String[]::new));
        return names;
    }

    private Organisation organisation(ResultSet row, int n) throws SQLException {
        try {
            return new Organisation(row.getString("organisation_id"), row.getString("name"),
                    OrganisationType.valueOf(row.getString("type")), json.readValue(row.getString("regions"), REGIONS),
                    row.getLong("version"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package nl.weerthuis.query.clientfile;

import nl.weerthuis.kernel.privacy.PersonalDataCipher;
import nl.weerthuis.query.privacy.SealedTexts;
import org.springframework.jdbc.core.JdbcTemplate;
import nl.weerthuis.query.organisation.OrganisationNames;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A client's file as one involved organisation may see it. A housing corporation sees its own tenancies only (not
 * another corporation's), its own signals in full and of a signal others raised only that there is one (no kind,
 * severity, source or text, like the partner feed), and of care only whether support is active, by whom, a contact point and an end
 * date — and that only while the client consents to it for "goed huurderschap" (000 L1849). Never the indication's
 * type, hours or grounds.
 */
@Component
public class ClientFile {

    public static final String CORPORATION_CARE_PURPOSE = "goed-huurderschap";

    private final JdbcTemplate jdbc;
    private final SealedTexts sealed;

    private final ClientFileInvolvement involvement;
    private final OrganisationNames names;

    ClientFile(JdbcTemplate jdbc, SealedTexts sealed, ClientFileInvolvement involvement, OrganisationNames names) {
        this.jdbc = jdbc;
        this.sealed = sealed;
        this.involvement = involvement;
        this.names = names;
    }

    /** An organisation's name from the register next to its number (null while it is not registered). */
    private String nameOf(Object organisation) {
        return organisation == null ? null : names.nameOf(organisation.toString()).orElse(null);
    }

    /** Read models keep personal texts sealed; an erased one reads as the placeholder, as in the events. */
    private String opened(String stored) {
        return stored == null ? PersonalDataCipher.ERASED : sealed.openFromReadModel(stored);
    }

    /**
     * Empty unless the organisation is involved with the client now: to anyone else — also an organisation whose
     * involvement ended — the client does not exist here (what it did stays in the history its auditor may read).
     */
    public Optional<Map<String, Object>> read(String clientId, String organisation, String organisationType) {
        if (!involvement.of(clientId).involves(organisation)) {
            return Optional.empty();
        }
        boolean corporation = "HOUSING_CORPORATION".equals(organisationType);
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("clientId", clientId);
        file.put("tenancies", tenancies(clientId, corporation ? organisation : null));
        file.put("care", corporation ? careForCorporation(clientId, organisation) : Map.of("indications", indications(clientId)));
        return Optional.of(file);
    }

    /** What was agreed with the client, and what they consented to: always theirs to read. */
    public Map<String, Object> ownAgreements(String clientId) {
        Map<String, Object> own = new LinkedHashMap<>();
        own.put("clientId", clientId);
        own.put("agreements", jdbc.query(
                "SELECT tenancy_id, agreements, recorded_on FROM file_agreement WHERE client_id = ? ORDER BY recorded_on",
                (row, n) -> Map.of("tenancyId", row.getString(1), "agreements", opened(row.getString(2)),
                        "recordedOn", text(row.getDate(3))), clientId));
        own.put("consents", jdbc.query("SELECT organisation, purpose FROM file_consent WHERE client_id = ? ORDER BY organisation",
                (row, n) -> {
                    Map<String, Object> consent = new LinkedHashMap<>();
                    consent.put("organisation", row.getString(1));
                    consent.put("organisationName", nameOf(row.getString(1)));
                    consent.put("purpose", row.getString(2));
                    return consent;
                }, clientId));
        return own;
    }

    /** @param corporation the reading corporation (its own tenancies only), null for a reader who sees them all */
    private List<Map<String, Object>> tenancies(String clientId, String corporation) {
        String ownOnly = corporation == null ? "" : " AND landlord = ?";
        Object[] arguments = corporation == null ? new Object[]{clientId} : new Object[]{clientId, corporation};
        return jdbc.query("SELECT * FROM file_tenancy WHERE client_id = ?" + ownOnly + " ORDER BY tenancy_id", (row, n) -> {
            Map<String, Object> tenancy = new LinkedHashMap<>();
            String id = row.getString("tenancy_id");
            tenancy.put("tenancyId", id);
            tenancy.put("landlord", row.getString("landlord"));
            tenancy.put("landlordName", nameOf(row.getString("landlord")));
            tenancy.put("careProvider", row.getString("care_provider"));
            tenancy.put("careProviderName", nameOf(row.getString("care_provider")));
            tenancy.put("leaseForm", row.getString("lease_form"));
            tenancy.put("leaseHolder", row.getString("lease_holder"));
            tenancy.put("movedInOn", text(row.getDate("moved_in_on")));
            tenancy.put("flippedOn", text(row.getDate("flipped_on")));
            tenancy.put("refusedOn", text(row.getDate("refused_on")));
            tenancy.put("endedOn", text(row.getDate("ended_on")));
            tenancy.put("endReason", row.getString("end_reason"));
            tenancy.put("signals", signals(id, corporation));
            return tenancy;
        }, arguments);
    }

    private List<Map<String, Object>> signals(String tenancyId, String corporation) {
        return jdbc.query("SELECT * FROM file_signal WHERE tenancy_id = ? ORDER BY raised_on, signal_id", (row, n) -> {
            Map<String, Object> signal = new LinkedHashMap<>();
            signal.put("signalId", row.getString("signal_id"));
            // What others raised about the client stays theirs: the corporation learns only that there is a signal.
            if (corporation != null && !corporation.equals(row.getString("source_organisation"))) {
                signal.put("raisedBy", "another organisation");
                signal.put("raisedOn", text(row.getDate("raised_on")));
                signal.put("resolvedOn", text(row.getDate("resolved_on")));
                return signal;
            }
            signal.put("kind", row.getString("kind"));
            signal.put("severity", row.getString("severity"));
            signal.put("raisedOn", text(row.getDate("raised_on")));
            signal.put("resolvedOn", text(row.getDate("resolved_on")));
            signal.put("sourceType", row.getString("source_type"));
            signal.put("description", sealed.openFromReadModel(row.getString("description")));
            return signal;
        }, tenancyId);
    }

    private List<Map<String, Object>> indications(String clientId) {
        return jdbc.query("SELECT * FROM file_indication WHERE client_id = ? ORDER BY valid_until", (row, n) -> {
            Map<String, Object> indication = new LinkedHashMap<>();
            indication.put("indicationId", row.getString("indication_id"));
            indication.put("type", row.getString("type"));
            indication.put("hoursPerWeek", row.getDouble("hours_per_week"));
            indication.put("provider", row.getString("provider"));
            indication.put("providerName", nameOf(row.getString("provider")));
            indication.put("validUntil", text(row.getDate("valid_until")));
            indication.put("endedOn", text(row.getDate("ended_on")));
            return indication;
        }, clientId);
    }

    private Map<String, Object> careForCorporation(String clientId, String corporation) {
        Integer consent = jdbc.queryForObject(
                "SELECT count(*) FROM file_consent WHERE client_id = ? AND organisation = ? AND purpose = ?",
                Integer.class, clientId, corporation, CORPORATION_CARE_PURPOSE);
        Map<String, Object> care = new LinkedHashMap<>();
        if (consent == null || consent == 0) {
            care.put("shared", false);
            care.put("reason", "the client has not consented to share care facts with this organisation");
            return care;
        }
        List<Map<String, Object>> active = jdbc.queryForList("""
                SELECT provider, valid_until FROM file_indication
                WHERE client_id = ? AND ended_on IS NULL AND valid_until >= ? ORDER BY valid_until DESC""",
                clientId, Date.valueOf(LocalDate.now()));
        care.put("shared", true);
        care.put("supportActive", !active.isEmpty());
        if (!active.isEmpty()) {
            care.put("provider", active.get(0).get("provider"));
            care.put("providerName", nameOf(active.get(0).get("provider")));
            care.put("contactPoint", active.get(0).get("provider"));
            care.put("endDate", String.valueOf(active.get(0).get("valid_until")));
        }
        return care;
    }

    private static String text(Date date) {
        return date == null ? null : date.toLocalDate().toString();
    }
}

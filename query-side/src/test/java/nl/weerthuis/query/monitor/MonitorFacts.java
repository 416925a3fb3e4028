package nl.weerthuis.query.monitor;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Reads the monitor's fact tables into objects, as the in-memory reference ({@link ReferenceFigures}) takes them. */
class MonitorFacts {

    record Stay(String setting, String region, String municipality, String careProvider, LocalDate from, LocalDate to) {
    }

    record Trajectory(String region, String municipality, String careProvider, LocalDate startedOn, LocalDate movedInOn,
                      LocalDate closedOn, String closure) {
    }

    record Tenancy(String tenancyId, String region, String municipality, String neighbourhood, String corporation,
                   String careProvider, boolean fromQuota, LocalDate trajectoryStartedOn, LocalDate offeredOn,
                   java.time.Period offerDeadline, LocalDate acceptedOn, LocalDate refusedOn, LocalDate movedInOn,
                   LocalDate flippedOn, LocalDate endedOn, String endReason) {
    }

    record Return(String region, String municipality, String corporation, String careProvider, LocalDate movedInOn,
                  LocalDate returnedOn) {
    }

    record Signal(String tenancyId, String kind, LocalDate raisedOn, LocalDate resolvedOn) {
    }

    record Waakvlam(String indicationId, String region, LocalDate startedOn, LocalDate until, LocalDate endedOn) {
    }

    record Missed(String indicationId, LocalDate dueOn) {
    }

    record Quota(String region, String corporation, int year, int dwellings) {
    }

    record Target(String region, int outflows, LocalDate targetDate) {
    }

    record All(List<Stay> stays, List<Trajectory> trajectories, List<Tenancy> tenancies, List<Return> returns,
               List<Signal> signals, List<Waakvlam> waakvlams, List<Missed> missed, List<Quota> quotas,
               List<Target> targets, Map<String, LocalDate> agreementStart) {

        Map<String, Tenancy> tenancyById() {
            return tenancies.stream().collect(Collectors.toMap(Tenancy::tenancyId, t -> t));
        }

        Map<String, String> waakvlamRegion() {
            return waakvlams.stream().collect(Collectors.toMap(Waakvlam::indicationId, Waakvlam::region));
        }
    }

    private final JdbcTemplate jdbc;

    MonitorFacts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** All facts, or only one region's: a monitor question about one region reads only that region's rows. */
    All load(String region) {
        Object[] args = region == null ? new Object[0] : new Object[]{region};
        String where = region == null ? "" : " WHERE region = ?";
        return new All(
                jdbc.query("SELECT * FROM monitor_care_stay" + where, (r, n) -> new Stay(r.getString("setting"), r.getString("region"),
                        r.getString("municipality"), r.getString("care_provider"), date(r, "from_date"), date(r, "to_date")), args),
                jdbc.query("SELECT * FROM monitor_trajectory" + where, (r, n) -> new Trajectory(r.getString("region"),
                        r.getString("municipality"), r.getString("care_provider"), date(r, "started_on"),
                        date(r, "moved_in_on"), date(r, "closed_on"), r.getString("closure")), args),
                jdbc.query("SELECT * FROM monitor_tenancy" + where, (r, n) -> new Tenancy(r.getString("tenancy_id"),
                        r.getString("region"), r.getString("municipality"), r.getString("neighbourhood"),
                        r.getString("corporation"), r.getString("care_provider"), r.getBoolean("from_quota"),
                        date(r, "trajectory_started_on"), date(r, "offered_on"), java.time.Period.parse(r.getString("offer_deadline")),
                        date(r, "accepted_on"), date(r, "refused_on"), date(r, "moved_in_on"), date(r, "flipped_on"), date(r, "ended_on"),
                        r.getString("end_reason")), args),
                jdbc.query("""
                        SELECT r.returned_on, t.corporation, t.moved_in_on, COALESCE(t.region, s.region) AS region,
                               COALESCE(t.municipality, s.municipality) AS municipality,
                               COALESCE(t.care_provider, s.care_provider) AS care_provider
                        FROM monitor_return_to_care r
                        LEFT JOIN monitor_tenancy t ON t.tenancy_id = r.tenancy_id
                        LEFT JOIN monitor_care_stay s ON s.client_id = r.client_id AND s.stay_number = 1"""
                        + (region == null ? "" : " WHERE COALESCE(t.region, s.region) = ?"),
                        (r, n) -> new Return(r.getString("region"), r.getString("municipality"), r.getString("corporation"),
                                r.getString("care_provider"), date(r, "moved_in_on"), date(r, "returned_on")), args),
                jdbc.query("SELECT * FROM monitor_signal" + (region == null ? ""
                                : " WHERE tenancy_id IN (SELECT tenancy_id FROM monitor_tenancy WHERE region = ?)"),
                        (r, n) -> new Signal(r.getString("tenancy_id"), r.getString("kind"),
                        date(r, "raised_on"), date(r, "resolved_on")), args),
                jdbc.query("""
                        SELECT w.*, COALESCE(s.region, '') AS region FROM monitor_waakvlam w
                        LEFT JOIN monitor_care_stay s ON s.client_id = w.client_id AND s.stay_number = 1"""
                        + (region == null ? "" : " WHERE s.region = ?"),
                        (r, n) -> new Waakvlam(r.getString("indication_id"),
                        r.getString("region"), date(r, "started_on"), date(r, "until_date"), date(r, "ended_on")), args),
                jdbc.query("SELECT * FROM monitor_waakvlam_missed " + (region == null ? "" : """
                         WHERE indication_id IN (SELECT w.indication_id FROM monitor_waakvlam w
                         JOIN monitor_care_stay s ON s.client_id = w.client_id AND s.stay_number = 1 WHERE s.region = ?)"""),
                        (r, n) -> new Missed(r.getString("indication_id"), date(r, "due_on")), args),
                jdbc.query("SELECT * FROM monitor_quota" + where, (r, n) -> new Quota(r.getString("region"), r.getString("corporation"),
                        r.getInt("quota_year"), r.getInt("dwellings")), args),
                jdbc.query("SELECT * FROM monitor_target" + where, (r, n) -> new Target(r.getString("region"), r.getInt("outflows"),
                        date(r, "target_date")), args),
                jdbc.query("SELECT region, min(effective_from) AS since FROM monitor_agreement" + where + " GROUP BY region",
                        (r, n) -> Map.entry(r.getString("region"), date(r, "since")), args).stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    private static LocalDate date(ResultSet row, String column) throws SQLException {
        Date date = row.getDate(column);
        return date == null ? null : date.toLocalDate();
    }
}

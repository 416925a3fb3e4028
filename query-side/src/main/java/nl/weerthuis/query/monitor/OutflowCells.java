package nl.weerthuis.query.monitor;

import nl.weerthuis.query.monitor.OutflowFigures.Measure;
import nl.weerthuis.query.monitor.OutflowFigures.Selection;
import nl.weerthuis.query.monitor.OutflowFigures.Shape;
import nl.weerthuis.query.monitor.OutflowFigures.Tally;
import nl.weerthuis.query.monitor.OutflowFigures.Target;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The monitor's figures computed by PostgreSQL in one statement: every case of every figure (with its finest cell,
 * see {@link OutflowFigures}) for every group, each cell's size by a grouping, then per group and figure an aggregate
 * {@code FILTER}ed to the cells that may be published — counts, numerators, {@code percentile_cont} (which
 * interpolates linearly, exactly as {@code PERCENTILE.INC} and {@code MEDIAN}) and the number of cells left out.
 * A group is a selection: by a dimension, each group's cases are joined on that dimension's value (facts that a
 * dimension does not narrow — care stays by corporation, waakvlam by anything but region — belong to every group);
 * by period, every fact is evaluated against every period.
 */
@Component
class OutflowCells {

    /** One group as the statement receives it: a label, and the period its figures cover. */
    record Period(String label, LocalDate from, LocalDate to) {
    }

    /** The figures of each group, in the groups' order (periods as given; dimension values as Java sorts them). */
    record Groups(Map<String, Map<String, Measure>> figures) {
    }

    private static final String WORK_MEM = "64MB";

    private static final String REGION = "region", MUNICIPALITY = "municipality", CORPORATION = "corporation",
            CARE_PROVIDER = "care_provider";

    /** A table of facts and the dimensions it can be narrowed by (column expressions on alias x). */
    private record Facts(Map<String, String> dimensions, Set<String> optional) {

        static Facts of(String... dimensions) {
            Map<String, String> d = new LinkedHashMap<>();
            for (String dimension : dimensions) {
                d.put(dimension, "x." + dimension);
            }
            return new Facts(d, Set.of());
        }
    }

    private static final Facts TENANCY = Facts.of(REGION, MUNICIPALITY, CORPORATION, CARE_PROVIDER);
    private static final Facts CARE = Facts.of(REGION, MUNICIPALITY, CARE_PROVIDER);
    /** A return without a tenancy has no corporation: a corporation does not narrow it. */
    private static final Facts RETURN = new Facts(TENANCY.dimensions(), Set.of(CORPORATION));
    private static final Facts WAAKVLAM = Facts.of(REGION);
    private static final Facts QUOTA = Facts.of(REGION, CORPORATION);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    OutflowCells(JdbcTemplate jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /**
     * @param dimension the column grouped by (region, municipality, corporation, care_provider), or null for one
     *                  group per period
     * @param periods   the periods: one per group when grouped by period, else the selection's period
     */
    Groups figures(Selection s, String dimension, List<Period> periods, boolean suppressSmallCells) {
        Statement q = new Statement(s, dimension);
        q.groups(periods);
        q.sql.append(",\ntg AS (");
        q.targets();
        q.sql.append("),\ncases(label, fig, cell, days, hit) AS (\n");
        q.stays();
        q.sql.append("\nUNION ALL\n");
        q.trajectories();
        q.sql.append("\nUNION ALL\n");
        q.tenancies();
        q.sql.append("\nUNION ALL\n");
        q.returns();
        q.sql.append("\nUNION ALL\n");
        q.signals();
        q.sql.append("\nUNION ALL\n");
        q.waakvlam();
        q.sql.append("\nUNION ALL\n");
        q.sinceAgreement();
        int k = suppressSmallCells ? SmallCellSuppression.SMALLEST_SHOWN : 0;
        q.sql.append("""
                ),
                celled AS (SELECT label, fig, count(*)::integer AS n, count(*) FILTER (WHERE hit)::integer AS hits,
                                  array_agg(days) FILTER (WHERE days IS NOT NULL) AS days
                           FROM cases GROUP BY label, fig, cell)
                SELECT c.label, c.fig, COALESCE(sum(c.n) FILTER (WHERE c.n >= K AND u.first), 0) AS cases,
                       COALESCE(sum(c.hits) FILTER (WHERE c.n >= K AND u.first), 0) AS hits,
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY u.days) FILTER (WHERE c.n >= K AND u.days IS NOT NULL) AS median,
                       percentile_cont(0.9) WITHIN GROUP (ORDER BY u.days) FILTER (WHERE c.n >= K AND u.days IS NOT NULL) AS p90,
                       count(*) FILTER (WHERE c.n < K AND u.first) AS left_out, NULL::bigint AS fixed,
                       NULL::date AS target_date, NULL::date AS since
                FROM celled c
                -- A cell's days, one row each, for the percentiles; its first row (or its only one, without days)
                -- carries the cell's counts.
                CROSS JOIN LATERAL (SELECT e.days, e.nth = 1 AS first FROM unnest(c.days) WITH ORDINALITY e(days, nth)
                                    UNION ALL SELECT NULL, true WHERE c.days IS NULL) u
                GROUP BY c.label, c.fig
                UNION ALL
                SELECT label, '#group', 0, 0, NULL, NULL, 0, NULL, NULL, NULL FROM g
                UNION ALL
                SELECT label, '#target', 0, 0, NULL, NULL, 0, outflows, target_date, since FROM tg
                UNION ALL
                """.replace("K", Integer.toString(k)));
        q.quotas();
        return read(q, dimension, periods);
    }

    private Groups read(Statement q, String dimension, List<Period> periods) {
        Map<String, Map<String, Tally>> tallies = new HashMap<>();
        Map<String, Map<String, Long>> quotas = new HashMap<>();
        Map<String, Target> targets = new HashMap<>();
        Set<String> labels = new TreeSet<>();
        RowCallbackHandler row = r -> {
            String label = r.getString("label");
            String fig = r.getString("fig");
            if (fig.equals("#group")) {
                labels.add(label);
            } else if (fig.equals("#target")) {
                targets.put(label, new Target(r.getLong("fixed"), date(r, "target_date"), date(r, "since")));
            } else if (fig.startsWith(OutflowFigures.QUOTA_AGREED)) {
                quotas.computeIfAbsent(label, l -> new HashMap<>())
                        .put(fig.substring(OutflowFigures.QUOTA_AGREED.length()), r.getLong("fixed"));
            } else {
                tallies.computeIfAbsent(label, l -> new HashMap<>()).put(fig, new Tally(Shape.COUNT, r.getLong("cases"),
                        r.getLong("hits"), decimal(r, "median"), decimal(r, "p90"), r.getLong("left_out")));
            }
        };
        transaction.executeWithoutResult(status -> {
            // Nationally the plan's cost passes PostgreSQL's JIT threshold, yet each case costs little: compiling took
            // longer than the whole statement. The cells' grouping and the percentiles' sorts are kept in memory.
            jdbc.queryForList("SELECT set_config('jit', 'off', true), set_config('work_mem', '" + WORK_MEM + "', true)");
            jdbc.query(q.sql.toString(), row, q.params.toArray());
        });
        List<String> order = dimension == null ? periods.stream().map(Period::label).toList() : new ArrayList<>(labels);
        Map<String, LocalDate> to = new HashMap<>();
        periods.forEach(p -> to.put(p.label(), p.to()));
        Map<String, Map<String, Measure>> figures = new LinkedHashMap<>();
        for (String label : order) {
            figures.put(label, OutflowFigures.layout(tallies.getOrDefault(label, Map.of()), quotas.getOrDefault(label, Map.of()),
                    targets.get(label), dimension == null ? to.get(label) : periods.get(0).to()));
        }
        return new Groups(figures);
    }

    private static LocalDate date(ResultSet r, String column) throws SQLException {
        Date date = r.getDate(column);
        return date == null ? null : date.toLocalDate();
    }

    private static BigDecimal decimal(ResultSet r, String column) throws SQLException {
        double value = r.getDouble(column);
        return r.wasNull() ? null : BigDecimal.valueOf(value);
    }

    /** The statement being written, with its parameters in the order of their placeholders. */
    private static final class Statement {
        final StringBuilder sql = new StringBuilder();
        final List<Object> params = new ArrayList<>();
        final Selection s;
        final String dimension;

        Statement(Selection s, String dimension) {
            this.s = s;
            this.dimension = dimension;
        }

        private String selected(String dim) {
            return switch (dim) {
                case REGION -> s.region();
                case MUNICIPALITY -> s.municipality();
                case CORPORATION -> s.corporation();
                default -> s.careProvider();
            };
        }

        /** The groups: one per period, or one per value of the dimension among tenancies and care stays. */
        void groups(List<Period> periods) {
            sql.append("WITH g(label, value, from_d, to_d) AS (");
            if (dimension == null) {
                sql.append("VALUES ");
                for (int i = 0; i < periods.size(); i++) {
                    sql.append(i == 0 ? "" : ", ").append("(?::text, NULL::text, ?::date, ?::date)");
                    params.add(periods.get(i).label());
                    params.add(Date.valueOf(periods.get(i).from()));
                    params.add(Date.valueOf(periods.get(i).to()));
                }
            } else {
                sql.append("SELECT v, v, ?::date, ?::date FROM (");
                params.add(Date.valueOf(s.from()));
                params.add(Date.valueOf(s.to()));
                valuesOf("monitor_tenancy");
                if (!dimension.equals(CORPORATION)) {
                    sql.append(" UNION ");
                    valuesOf("monitor_care_stay");
                }
                sql.append(") d(v) WHERE v !~ '^\\s*$'");
            }
            sql.append(")");
        }

        /** Grouped by region the answer spans every region; otherwise only the selected region's facts count. */
        private void valuesOf(String table) {
            sql.append("SELECT DISTINCT ").append(dimension).append(" FROM ").append(table);
            if (!dimension.equals(REGION) && s.region() != null) {
                sql.append(" WHERE region = ?");
                params.add(s.region());
            }
        }

        /** How facts join the groups: on the grouped dimension where the facts have it, else every group. */
        String join(Facts facts) {
            String column = dimension == null ? null : facts.dimensions().get(dimension);
            if (column == null) {
                return " CROSS JOIN g\n";
            }
            return (facts.optional().contains(dimension) ? " JOIN g ON (" + column + " IS NULL OR g.value = " + column + ")"
                    : " JOIN g ON g.value = " + column) + "\n";
        }

        /** The selection's other dimensions, as far as the facts have them. */
        void narrow(Facts facts) {
            facts.dimensions().forEach((dim, column) -> {
                String value = selected(dim);
                if (value != null && !dim.equals(dimension)) {
                    sql.append(facts.optional().contains(dim) ? " AND (" + column + " IS NULL OR " + column + " = ?)"
                            : " AND " + column + " = ?");
                    params.add(value);
                }
            });
        }

        void stays() {
            sql.append("""
                    SELECT g.label, CASE x.setting WHEN 'PROTECTED_HOUSING' THEN 'stockProtectedHousing' ELSE 'stockShelter' END,
                           x.setting || '|' || x.region || '|' || x.municipality || '|' || x.care_provider, NULL::integer, NULL::boolean
                    FROM monitor_care_stay x""").append(join(CARE)).append("""
                     WHERE x.setting IN ('PROTECTED_HOUSING', 'SHELTER') AND x.from_date <= g.to_d
                      AND (x.to_date IS NULL OR x.to_date > g.to_d)""");
            narrow(CARE);
        }

        void trajectories() {
            sql.append("""
                    SELECT g.label, c.fig, c.cell, NULL, NULL
                    FROM monitor_trajectory x""").append(join(CARE)).append("""
                    CROSS JOIN LATERAL (SELECT x.region || '|' || x.municipality || '|' || x.care_provider AS dims,
                        CASE WHEN x.started_on + interval '3 months' > g.to_d THEN 'under3Months'
                             WHEN x.started_on + interval '6 months' > g.to_d THEN '3to6Months'
                             WHEN x.started_on + interval '12 months' > g.to_d THEN '6to12Months'
                             ELSE '12MonthsOrMore' END AS band,
                        x.started_on <= g.to_d AND (LEAST(x.moved_in_on, x.closed_on) IS NULL
                             OR LEAST(x.moved_in_on, x.closed_on) > g.to_d) AS waiting,
                        x.moved_in_on IS NULL AND x.closed_on BETWEEN g.from_d AND g.to_d AS ended) k
                    CROSS JOIN LATERAL (
                        SELECT 'potentialOutflowers' AS fig, k.dims || '|' || k.band AS cell WHERE k.waiting
                        UNION ALL SELECT 'potentialOutflowersWaiting.' || k.band, k.dims || '|' || k.band WHERE k.waiting
                        UNION ALL SELECT 'trajectoriesStarted', k.dims || '|' || to_char(x.started_on, 'YYYY-MM')
                            WHERE x.started_on BETWEEN g.from_d AND g.to_d
                        UNION ALL SELECT 'trajectoriesEndedWithoutOutflow',
                            k.dims || '|' || to_char(x.closed_on, 'YYYY-MM') || '|' || COALESCE(x.closure, 'null') WHERE k.ended
                        UNION ALL SELECT 'trajectoriesEndedWithoutOutflow.' || x.closure,
                            k.dims || '|' || to_char(x.closed_on, 'YYYY-MM') || '|' || COALESCE(x.closure, 'null') WHERE k.ended
                    ) c
                    WHERE true""");
            narrow(CARE);
        }

        void tenancies() {
            sql.append("""
                    SELECT g.label, c.fig, c.cell, c.days, c.hit
                    FROM monitor_tenancy x""").append(join(TENANCY)).append("""
                    CROSS JOIN LATERAL (SELECT x.region || '|' || x.municipality || '|' || x.corporation || '|' || x.care_provider AS dims,
                        x.offered_on <= x.trajectory_started_on + x.offer_deadline::interval AS within,
                        x.ended_on IS NULL OR x.ended_on > x.moved_in_on + interval '12 months' AS hit12,
                        x.ended_on IS NULL OR x.ended_on > x.moved_in_on + interval '24 months' AS hit24,
                        x.offered_on BETWEEN g.from_d AND g.to_d AS offered,
                        x.moved_in_on BETWEEN g.from_d AND g.to_d AS moved,
                        x.flipped_on BETWEEN g.from_d AND g.to_d AS flipped,
                        x.ended_on BETWEEN g.from_d AND g.to_d AS ended) k
                    LEFT JOIN LATERAL (SELECT k.dims || '|' || to_char(x.offered_on, 'YYYY-MM') || '|' ||
                            CASE WHEN x.trajectory_started_on IS NULL THEN 'noTrajectory'
                                 WHEN k.within THEN 'withinDeadline' ELSE 'afterDeadline' END AS offer
                        WHERE k.offered) o ON true
                    LEFT JOIN LATERAL (SELECT k.dims || '|' || x.neighbourhood || '|' || to_char(x.moved_in_on, 'YYYY-MM') AS move_in
                        WHERE k.moved) m ON true
                    -- Each branch is evaluated only for the facts it counts (a one-time filter per fact).
                    CROSS JOIN LATERAL (
                        SELECT 'offersMade' AS fig, o.offer AS cell, NULL::integer AS days, NULL::boolean AS hit WHERE k.offered
                        UNION ALL SELECT 'daysTrajectoryToOffer', o.offer, x.offered_on - x.trajectory_started_on, NULL
                            WHERE k.offered AND x.trajectory_started_on IS NOT NULL
                        UNION ALL SELECT 'shareOfferedWithinDeadline', o.offer, NULL, k.within
                            WHERE k.offered AND x.trajectory_started_on IS NOT NULL
                        UNION ALL SELECT 'offersRefused', k.dims || '|' || to_char(x.refused_on, 'YYYY-MM'), NULL, NULL
                            WHERE x.refused_on BETWEEN g.from_d AND g.to_d
                        UNION ALL SELECT 'outflows', m.move_in, NULL, NULL WHERE k.moved
                        UNION ALL SELECT 'daysOfferToMoveIn', m.move_in, x.moved_in_on - x.offered_on, NULL WHERE k.moved
                        UNION ALL SELECT 'outflowsByMunicipality.' || x.municipality, m.move_in, NULL, NULL WHERE k.moved
                        UNION ALL SELECT 'outflowsByNeighbourhood.' || x.municipality || '/' || x.neighbourhood, m.move_in, NULL, NULL
                            WHERE k.moved
                        UNION ALL SELECT 'flips', k.dims || '|' || to_char(x.flipped_on, 'YYYY-MM'), NULL, NULL WHERE k.flipped
                        UNION ALL SELECT 'daysMoveInToFlip', k.dims || '|' || to_char(x.flipped_on, 'YYYY-MM'),
                            x.flipped_on - x.moved_in_on, NULL WHERE k.flipped
                        UNION ALL SELECT 'evictions', k.dims || '|' || to_char(x.ended_on, 'YYYY-MM') || '|' || COALESCE(x.end_reason, 'null'),
                            NULL, NULL WHERE k.ended AND x.end_reason = 'EVICTION'
                        UNION ALL SELECT 'tenanciesEnded', k.dims || '|' || to_char(x.ended_on, 'YYYY-MM') || '|' || COALESCE(x.end_reason, 'null'),
                            NULL, NULL WHERE k.ended
                        UNION ALL SELECT 'housed', k.dims, NULL, NULL
                            WHERE x.moved_in_on <= g.to_d AND (x.ended_on IS NULL OR x.ended_on > g.to_d)
                        UNION ALL SELECT 'quotaUsed.' || x.corporation, k.dims || '|' || to_char(x.accepted_on, 'YYYY-MM'), NULL, NULL
                            WHERE x.from_quota AND x.accepted_on BETWEEN g.from_d AND g.to_d
                        UNION ALL SELECT 'sustainedAfter12Months', k.dims || '|' || k.hit12::text, NULL, k.hit12
                            WHERE x.moved_in_on + interval '12 months' <= g.to_d
                        UNION ALL SELECT 'sustainedAfter24Months', k.dims || '|' || k.hit24::text, NULL, k.hit24
                            WHERE x.moved_in_on + interval '24 months' <= g.to_d
                    ) c
                    WHERE true""");
            narrow(TENANCY);
        }

        /** Returns to care from a home of one's own, placed by the tenancy (or, without one, by the first stay). */
        void returns() {
            sql.append("""
                    SELECT g.label, c.fig, COALESCE(x.region, 'null') || '|' || COALESCE(x.municipality, 'null') || '|'
                           || COALESCE(x.corporation, 'null') || '|' || COALESCE(x.care_provider, 'null') || '|'
                           || to_char(x.returned_on, 'YYYY-MM') || '|' || k.band, NULL, NULL
                    FROM (SELECT r.returned_on, t.corporation, t.moved_in_on, COALESCE(t.region, s.region) AS region,
                                 COALESCE(t.municipality, s.municipality) AS municipality,
                                 COALESCE(t.care_provider, s.care_provider) AS care_provider
                          FROM monitor_return_to_care r
                          LEFT JOIN monitor_tenancy t ON t.tenancy_id = r.tenancy_id
                          LEFT JOIN monitor_care_stay s ON s.client_id = r.client_id AND s.stay_number = 1) x""")
                    .append(join(RETURN)).append("""
                    CROSS JOIN LATERAL (SELECT CASE
                        WHEN x.moved_in_on IS NULL OR x.moved_in_on + interval '6 months' > x.returned_on THEN 'under6Months'
                        WHEN x.moved_in_on + interval '12 months' > x.returned_on THEN '6to12Months'
                        WHEN x.moved_in_on + interval '24 months' > x.returned_on THEN '12to24Months'
                        ELSE '24MonthsOrMore' END AS band) k
                    CROSS JOIN LATERAL (VALUES ('returnsToCare'), ('returnsToCareByTimeHoused.' || k.band)) c(fig)
                    WHERE x.returned_on BETWEEN g.from_d AND g.to_d""");
            narrow(RETURN);
        }

        void signals() {
            sql.append("""
                    SELECT g.label, c.fig, c.cell, NULL, NULL
                    FROM monitor_signal sg JOIN monitor_tenancy x ON x.tenancy_id = sg.tenancy_id""").append(join(TENANCY)).append("""
                    CROSS JOIN LATERAL (SELECT x.region || '|' || x.municipality || '|' || x.corporation || '|' || x.care_provider AS dims,
                        CASE WHEN g.to_d - sg.raised_on < 30 THEN 'under30Days' WHEN g.to_d - sg.raised_on <= 90 THEN '30to90Days'
                             ELSE 'over90Days' END AS age,
                        sg.raised_on <= g.to_d AND (sg.resolved_on IS NULL OR sg.resolved_on > g.to_d) AS open) k
                    -- As for tenancies: a branch's cell is built only for the signals it counts (VALUES built all four).
                    CROSS JOIN LATERAL (
                        SELECT 'signalsResolved' AS fig, k.dims || '|' || to_char(sg.resolved_on, 'YYYY-MM') AS cell
                            WHERE sg.resolved_on BETWEEN g.from_d AND g.to_d
                        UNION ALL SELECT 'openSignals', k.dims || '|' || sg.kind || '|' || k.age WHERE k.open
                        UNION ALL SELECT 'openSignalsByKind.' || sg.kind, k.dims || '|' || sg.kind || '|' || k.age WHERE k.open
                        UNION ALL SELECT 'openSignalsByAge.' || k.age, k.dims || '|' || sg.kind || '|' || k.age WHERE k.open
                    ) c
                    WHERE true""");
            narrow(TENANCY);
        }

        /** Waakvlam and its missed contacts are placed by the client's first stay's region, and narrowed by region only. */
        void waakvlam() {
            sql.append("""
                    SELECT g.label, 'waakvlamActive', x.region, NULL, NULL
                    FROM (SELECT w.started_on, w.until_date, w.ended_on, COALESCE(s.region, '') AS region
                          FROM monitor_waakvlam w
                          LEFT JOIN monitor_care_stay s ON s.client_id = w.client_id AND s.stay_number = 1) x""")
                    .append(join(WAAKVLAM)).append("""
                     WHERE x.started_on <= g.to_d AND LEAST(x.until_date, x.ended_on) > g.to_d""");
            narrow(WAAKVLAM);
            sql.append("""
                    
                    UNION ALL
                    SELECT g.label, 'waakvlamContactsMissed', COALESCE(x.region, 'null') || '|' || to_char(x.due_on, 'YYYY-MM'), NULL, NULL
                    FROM (SELECT m.due_on, CASE WHEN w.indication_id IS NULL THEN NULL ELSE COALESCE(s.region, '') END AS region
                          FROM monitor_waakvlam_missed m
                          LEFT JOIN monitor_waakvlam w ON w.indication_id = m.indication_id
                          LEFT JOIN monitor_care_stay s ON s.client_id = w.client_id AND s.stay_number = 1) x""")
                    .append(join(WAAKVLAM)).append("""
                     WHERE x.due_on BETWEEN g.from_d AND g.to_d""");
            narrow(WAAKVLAM);
        }

        /**
         * The target of each group's region (a group has one when grouped by region or when a region is selected),
         * counted from the first day of the month the region's first agreement took effect.
         */
        void targets() {
            String region = REGION.equals(dimension) ? "g.value" : s.region() == null ? null : "?";
            sql.append("""
                    SELECT g.label, t.region, t.outflows::bigint AS outflows, t.target_date,
                           date_trunc('month', COALESCE((SELECT min(a.effective_from) FROM monitor_agreement a
                                                         WHERE a.region = t.region), g.from_d))::date AS since
                    FROM g JOIN monitor_target t ON t.region = """).append(region == null ? "NULL" : region);
            if ("?".equals(region)) {
                params.add(s.region());
            }
        }

        /** Move-ins in the region since the agreement: narrowed by the region only. */
        void sinceAgreement() {
            sql.append("""
                    SELECT tg.label, 'outflowsSinceAgreement', x.region || '|' || x.municipality || '|' || x.corporation || '|'
                           || x.care_provider || '|' || x.neighbourhood || '|' || to_char(x.moved_in_on, 'YYYY-MM'), NULL, NULL
                    FROM tg JOIN g ON g.label = tg.label JOIN monitor_tenancy x ON x.region = tg.region
                    WHERE x.moved_in_on >= tg.since AND x.moved_in_on <= g.to_d""");
        }

        /** Agreed: the yearly quotas of every calendar year the period touches. */
        void quotas() {
            sql.append("""
                    SELECT g.label, 'quotaAgreed.' || x.corporation, 0, 0, NULL, NULL, 0, sum(x.dwellings)::bigint, NULL, NULL
                    FROM monitor_quota x""").append(join(QUOTA)).append("""
                     WHERE x.quota_year BETWEEN extract(year FROM g.from_d) AND extract(year FROM g.to_d)""");
            narrow(QUOTA);
            sql.append(" GROUP BY g.label, x.corporation");
        }
    }
}

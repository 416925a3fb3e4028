package nl.weerthuis.query.support;

import org.springframework.jdbc.core.JdbcTemplate;

/** How many rows of one region a read-model table holds: what a test waits for before it takes figures. */
public final class RegionRows {

    private RegionRows() {
    }

    public static long count(JdbcTemplate readStore, String table, String region) {
        return readStore.queryForObject("SELECT count(*) FROM " + table + " WHERE region = ?", Long.class, region);
    }
}

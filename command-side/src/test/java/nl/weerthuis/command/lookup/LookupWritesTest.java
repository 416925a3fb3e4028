package nl.weerthuis.command.lookup;

import nl.weerthuis.testsupport.TestDatabase;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A unit of work's lookup rows go to the database in one round trip as it commits, in their order; a read in the
 * same unit of work sends what waits first; a rolled-back unit of work sends nothing; without one, a write goes at once.
 */
class LookupWritesTest {

    private final AtomicInteger roundTrips = new AtomicInteger();
    private String schema;
    private JdbcTemplate jdbc;
    private LookupWrites writes;

    @BeforeEach
    void table() {
        TestDatabase test = TestDatabase.get();
        schema = "lookup_writes_" + UUID.randomUUID().toString().replace("-", "");
        new JdbcTemplate(new DriverManagerDataSource(test.url(), test.user(), test.password()))
                .execute("CREATE SCHEMA " + schema + "; CREATE TABLE " + schema + ".row_written (n INT PRIMARY KEY, note VARCHAR(10))");
        jdbc = new JdbcTemplate(counting(new DriverManagerDataSource(test.url(schema), test.user(), test.password())));
        writes = new LookupWrites(jdbc);
    }

    @AfterEach
    void drop() {
        jdbc.execute("DROP SCHEMA " + schema + " CASCADE");
    }

    @Test
    void a_unit_of_works_rows_go_together_at_commit_and_a_read_in_it_sends_them_first() {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        writes.write("INSERT INTO row_written (n, note) VALUES (?, ?)", 1, "one");
        writes.write("INSERT INTO row_written (n, note) VALUES (?, ?)", 2, null);
        writes.write("UPDATE row_written SET note = ? WHERE n = ?", "first", 1); // in order: after its insert
        assertThat(rows()).as("nothing sent before commit").isEmpty();
        writes.flush(); // as a lookup read does
        assertThat(rows()).containsExactly("1:first", "2:null");
        writes.write("INSERT INTO row_written (n, note) VALUES (?, ?)", 3, "three");
        writes.write("INSERT INTO row_written (n, note) VALUES (?, ?)", 4, "four");
        roundTrips.set(0);
        unitOfWork.commit();
        assertThat(roundTrips).as("the rest in one round trip").hasValue(1);
        assertThat(rows()).containsExactly("1:first", "2:null", "3:three", "4:four");
    }

    @Test
    void a_rolled_back_unit_of_work_sends_nothing_and_without_one_a_write_goes_at_once() {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        writes.write("INSERT INTO row_written (n, note) VALUES (?, ?)", 1, "one");
        unitOfWork.rollback();
        assertThat(rows()).isEmpty();
        writes.write("INSERT INTO row_written (n, note) VALUES (?, ?)", 2, "two");
        assertThat(rows()).containsExactly("2:two");
    }

    private List<String> rows() {
        return jdbc.query("SELECT n, note FROM row_written ORDER BY n", (row, i) -> row.getInt(1) + ":" + row.getString(2));
    }

    /** Counts the statements prepared: each is one round trip, however many SQL statements it holds. */
    private DataSource counting(DataSource dataSource) {
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(dataSource, method, args);
                    if (result instanceof Connection connection) {
                        return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{Connection.class},
                                (p, m, a) -> {
                                    if (m.getName().equals("prepareStatement")) {
                                        roundTrips.incrementAndGet();
                                    }
                                    return invoke(connection, m, a);
                                });
                    }
                    return result;
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
        }
    }
}

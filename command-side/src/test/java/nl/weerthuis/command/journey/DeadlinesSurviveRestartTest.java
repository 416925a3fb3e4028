package nl.weerthuis.command.journey;

import nl.weerthuis.command.support.Acting;
import nl.weerthuis.testsupport.TestTokens;
import nl.weerthuis.command.CommandSideApplication;
import nl.weerthuis.kernel.client.CareSetting;
import nl.weerthuis.kernel.client.RecordOutflowCommand;
import nl.weerthuis.kernel.client.RegisterClientCommand;
import nl.weerthuis.kernel.client.StartOutflowTrajectoryCommand;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Time-driven steps come from persistent deadlines: a review that falls due while the application is down still
 * falls due after it starts again. The first run schedules the deadlines but never polls for them (an hour between
 * polls); it stops; a second run, with a fresh scheduler, finds them in the database and fires the overdue one.
 */
class DeadlinesSurviveRestartTest {

    private static ConfigurableApplicationContext start(String pollingInterval) {
        return new SpringApplicationBuilder(CommandSideApplication.class)
                .profiles("test")
                // As arguments: builder properties are defaults, which application.yml's port 8081 would override.
                .run("--server.port=0", "--db-scheduler.polling-interval=" + pollingInterval,
                        "--db-scheduler.immediate-execution-enabled=false",
                        // Schemas of its own: the test contexts other classes leave cached poll every 500 ms, and one
                        // would run this deadline while "the application was down".
                        "--weerthuis.database.schema=weerthuis_command_restart",
                        "--weerthuis.database.event-store-schema=weerthuis_command_restart_events");
    }

    @Test
    void a_review_due_while_the_application_was_down_falls_due_after_restart() {
        String clientId = UUID.randomUUID().toString();
        LocalDate movedIn = LocalDate.now().minusMonths(7);

        try (ConfigurableApplicationContext first = start("1h")) {
            CommandGateway commands = first.getBean(CommandGateway.class);
            Acting.send(commands, TestTokens.MUNICIPALITY, new RegisterClientCommand(clientId, CareSetting.SHELTER, "MO", "Restart", "Almelo",
                    "87654321", movedIn.minusMonths(3), null));
            Acting.send(commands, TestTokens.MUNICIPALITY, new StartOutflowTrajectoryCommand(clientId, movedIn.minusMonths(2)));
            Acting.send(commands, TestTokens.MUNICIPALITY, new RecordOutflowCommand(clientId, "tenancy-" + clientId, movedIn));

            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            // Overdue when scheduled, the deadline waits the (test) settling period of two seconds, then is due.
            await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject("SELECT count(*) FROM scheduled_tasks "
                    + "WHERE task_data IS NOT NULL AND execution_time < now()", Long.class) > 0);
            assertThat(reviewsDue(jdbc, clientId)).isZero();
        }

        try (ConfigurableApplicationContext second = start("200ms")) {
            JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(reviewsDue(jdbc, clientId)).isEqualTo(1));
        }
    }

    private static long reviewsDue(JdbcTemplate jdbc, String clientId) {
        return jdbc.queryForObject("""
                SELECT count(*) FROM domain_event_entry
                WHERE aggregate_identifier = ? AND payload_type LIKE '%MonitoringReviewDueEvent'""", Long.class, clientId);
    }
}

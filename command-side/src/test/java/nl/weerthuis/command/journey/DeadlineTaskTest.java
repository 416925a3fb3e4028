package nl.weerthuis.command.journey;

import com.github.kagkarlsson.scheduler.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** db-scheduler runs deadlines with the one task that retries a lost race soon (Axon's own would wait five minutes). */
@SpringBootTest
@ActiveProfiles("test")
class DeadlineTaskTest {

    @Autowired
    List<Task<?>> tasks;

    @Test
    void the_deadline_task_retries_a_lost_race_soon() {
        // Axon names its deadline task so (DbSchedulerDeadlineToken.TASK_NAME, not public).
        List<Task<?>> deadlines = tasks.stream().filter(task -> task.getName().equals("AxonDeadline")).toList();
        assertThat(deadlines).hasSize(1);
        assertThat(deadlines.get(0).getFailureHandler()).isInstanceOf(LostRaceRetriedSoon.class);
    }
}

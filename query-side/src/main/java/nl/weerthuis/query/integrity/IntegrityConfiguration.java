package nl.weerthuis.query.integrity;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Checkpoints are signed on a schedule ({@link Checkpoints#onSchedule()}). */
@Configuration
@EnableScheduling
class IntegrityConfiguration {
}

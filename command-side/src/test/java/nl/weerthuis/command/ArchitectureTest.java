package nl.weerthuis.command;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Rules about the command side's own code (the only code on this module's classpath). Each was seen failing once
 * against a deliberately violating class.
 */
@AnalyzeClasses(packages = "nl.weerthuis.command", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] DOMAIN_PACKAGES = {
            "nl.weerthuis.command.client", "nl.weerthuis.command.tenancy",
            "nl.weerthuis.command.careindication", "nl.weerthuis.command.agreement"};

    private static final String[] SPRING_WEB_AND_PERSISTENCE = {
            "org.springframework..", "jakarta.persistence..", "jakarta.servlet..", "..web..", "java.sql..", "javax.sql.."};

    /** Aggregates, their members and policies: whatever holds state rebuilt from events. */
    private static final DescribedPredicate<JavaClass> EVENT_SOURCED = DescribedPredicate.describe(
            "event-sourced (declare an @EventSourcingHandler)",
            type -> type.getMethods().stream().anyMatch(method -> method.isAnnotatedWith(EventSourcingHandler.class)));

    /** Aggregates and their policies are plain Java: no Spring, no web, no JPA, no JDBC (their *Configuration wires them). */
    @ArchTest
    static final ArchRule the_domain_model_knows_no_spring_web_or_persistence =
            noClasses().that().resideInAnyPackage(DOMAIN_PACKAGES)
                    .and().haveSimpleNameNotEndingWith("Configuration")
                    .should().dependOnClassesThat().resideInAnyPackage(SPRING_WEB_AND_PERSISTENCE);

    @ArchTest
    static final ArchRule event_sourced_classes_know_no_spring_web_or_persistence_wherever_they_live =
            noClasses().that(EVENT_SOURCED).should().dependOnClassesThat().resideInAnyPackage(SPRING_WEB_AND_PERSISTENCE);

    /**
     * A command handler decides and applies events; only the event sourcing handlers change state, so a replay
     * rebuilds exactly what the handlers decided on. (Constructors are left out: field initialisers run there.)
     */
    @ArchTest
    static final ArchRule event_sourced_state_changes_only_in_event_sourcing_handlers =
            classes().that(EVENT_SOURCED).should(changeTheirFieldsOnlyInEventSourcingHandlers());

    /** Controllers go through the command gateway (or a lookup service), never to the tables themselves. */
    @ArchTest
    static final ArchRule controllers_do_not_touch_the_database =
            noClasses().that().areAnnotatedWith(RestController.class)
                    .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "java.sql..",
                            "javax.sql..", "org.axonframework.eventsourcing.eventstore..");

    private static ArchCondition<JavaClass> changeTheirFieldsOnlyInEventSourcingHandlers() {
        return new ArchCondition<>("change their fields only in @EventSourcingHandler methods") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                for (JavaCodeUnit unit : type.getCodeUnits()) {
                    if (unit.isConstructor() || unit.isAnnotatedWith(EventSourcingHandler.class)
                            || unit.getName().equals("<clinit>")) {
                        continue;
                    }
                    for (JavaFieldAccess access : unit.getFieldAccesses()) {
                        if (access.getAccessType() == JavaFieldAccess.AccessType.SET
                                && access.getTargetOwner().equals(type)) {
                            events.add(SimpleConditionEvent.violated(access, access.getDescription()));
                        }
                    }
                }
            }
        };
    }
}

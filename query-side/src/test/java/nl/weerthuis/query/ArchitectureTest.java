package nl.weerthuis.query;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "nl.weerthuis", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Data flows one way: the query side learns everything from events, never from the command side's code. */
    @ArchTest
    static final ArchRule the_query_side_never_depends_on_the_command_side =
            noClasses().that().resideInAPackage("nl.weerthuis.query..")
                    .should().dependOnClassesThat().resideInAPackage("nl.weerthuis.command..");

    @ArchTest
    static final ArchRule projections_do_not_depend_on_the_web_layer =
            noClasses().that().resideInAPackage("nl.weerthuis.query.monitor")
                    .should().dependOnClassesThat().resideInAnyPackage("..web..", "org.springframework.web..");
}

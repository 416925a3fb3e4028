package nl.weerthuis.command;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "nl.weerthuis", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] DOMAIN_PACKAGES = {
            "nl.weerthuis.command.client", "nl.weerthuis.command.tenancy",
            "nl.weerthuis.command.careindication", "nl.weerthuis.command.agreement"};

    /** Aggregates and their policies are plain Java: no Spring, no web, no JPA (their *Configuration wires them). */
    @ArchTest
    static final ArchRule the_domain_model_knows_no_spring_web_or_persistence =
            noClasses().that().resideInAnyPackage(DOMAIN_PACKAGES)
                    .and().haveSimpleNameNotEndingWith("Configuration")
                    .should().dependOnClassesThat().resideInAnyPackage(
                            "org.springframework..", "jakarta.persistence..", "jakarta.servlet..", "..web..");

    @ArchTest
    static final ArchRule the_command_side_never_reads_a_read_model =
            noClasses().that().resideInAPackage("nl.weerthuis.command..")
                    .should().dependOnClassesThat().resideInAPackage("nl.weerthuis.query..");
}

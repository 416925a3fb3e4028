package nl.weerthuis.query;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Rules about the query side's own code (the only code on this module's classpath; that it never reads the command
 * side's tables is {@link CommandSideTablesTest}). Each was seen failing once against a deliberately violating class.
 */
@AnalyzeClasses(packages = "nl.weerthuis.query", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule projections_do_not_depend_on_the_web_layer =
            noClasses().that().resideInAnyPackage("nl.weerthuis.query.monitor", "nl.weerthuis.query.clientfile",
                            "nl.weerthuis.query.history", "nl.weerthuis.query.integrity")
                    .should().dependOnClassesThat().resideInAnyPackage("..web..", "org.springframework.web..");

    /**
     * Controllers ask their feature's query class, never the tables. Three controllers predate the rule and still
     * read their feature's own tables themselves (the partner feed, dead letters, disclosures); no new one may.
     */
    @ArchTest
    static final ArchRule controllers_do_not_touch_the_database =
            noClasses().that().areAnnotatedWith(RestController.class)
                    .and().doNotHaveSimpleName("EventFeedController")
                    .and().doNotHaveSimpleName("DeadLetterController")
                    .and().doNotHaveSimpleName("DisclosuresController")
                    .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "java.sql..",
                            "javax.sql..");
}

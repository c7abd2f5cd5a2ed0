package news.moderation;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The feature packages form no import cycles: a change of a comment reaches the audit trail, authors' standing and
 * webhooks as a domain event (news.moderation.events), not as calls into comments/ and back. The engine stays plain
 * Java. (Plain JUnit tests checking ArchUnit rules: the same rules, without depending on ArchUnit's test engine.)
 */
class ArchitectureTest {

    private static final JavaClasses MAIN_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("news.moderation");

    @Test
    void featurePackagesAreFreeOfCycles() {
        slices().matching("news.moderation.(*)..").should().beFreeOfCycles().check(MAIN_CLASSES);
    }

    @Test
    void engineDependsOnNoFrameworkAndNoOtherPackageOfTheService() {
        noClasses().that().resideInAPackage("news.moderation.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "io.smallrye..", "io.vertx..",
                        "io.agroal..", "jakarta..", "javax.inject..", "javax.persistence..", "org.hibernate..",
                        "org.eclipse.microprofile..", "org.jboss..")
                .orShould().dependOnClassesThat(
                        com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage("news.moderation..")
                                .and(com.tngtech.archunit.core.domain.JavaClass.Predicates
                                        .resideOutsideOfPackage("news.moderation.engine..")))
                .check(MAIN_CLASSES);
    }

    @Test
    void eventsDependOnNoFeaturePackage() {
        noClasses().that().resideInAPackage("news.moderation.events..")
                .should().dependOnClassesThat().resideInAnyPackage("news.moderation.comments..",
                        "news.moderation.review..", "news.moderation.reports..", "news.moderation.authors..",
                        "news.moderation.audit..", "news.moderation.stats..", "news.moderation.ruleset..",
                        "news.moderation.webhooks..", "news.moderation.integrations..", "news.moderation.sites..")
                .allowEmptyShould(true).check(MAIN_CLASSES);
    }
}

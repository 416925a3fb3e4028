package nl.weerthuis.query.history;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.time.Period;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every value an event or an actor can hold has words in the one dictionary: a new enum constant without fails. */
class LabelsTest {

    @Test
    void every_value_of_every_event_and_actor_enum_has_a_label() {
        List<String> unlabelled = new ArrayList<>();
        int checked = 0;
        for (JavaClass type : new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
                .importPackages("nl.weerthuis.kernel")) {
            Class<?> value = type.reflect();
            if (!value.isEnum() || !value.getPackageName().matches("nl\\.weerthuis\\.kernel\\.(client|tenancy|careindication|agreement|identity)")) {
                continue;
            }
            for (Object constant : value.getEnumConstants()) {
                checked++;
                if (Labels.of((Enum<?>) constant).equals(((Enum<?>) constant).name())) {
                    unlabelled.add(value.getSimpleName() + "." + constant);
                }
            }
        }
        assertThat(checked).isGreaterThan(60);
        assertThat(unlabelled).isEmpty();
    }

    @Test
    void terms_read_as_words() {
        assertThat(Labels.of(Period.ofMonths(6))).isEqualTo("6 months");
        assertThat(Labels.of(Period.ofWeeks(4))).isEqualTo("4 weeks");
        assertThat(Labels.of(Period.of(1, 6, 0))).isEqualTo("1 year and 6 months");
        assertThat(Labels.of(Period.ofMonths(1))).isEqualTo("1 month");
    }
}

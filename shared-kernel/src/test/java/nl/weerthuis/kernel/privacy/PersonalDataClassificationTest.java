package nl.weerthuis.kernel.privacy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import nl.weerthuis.kernel.tenancy.Dwelling;
import nl.weerthuis.kernel.tenancy.SignalRaisedEvent;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text field of every message (and of the values they carry) is classified: marked personal, marked as the
 * data subject, or listed as non-personal with a reason. Adding a String to an event without deciding fails here.
 */
class PersonalDataClassificationTest {

    private static final String MESSAGE_PACKAGES = "nl\\.weerthuis\\.kernel\\.(client|tenancy|careindication|agreement)";

    @Test
    void every_text_field_of_every_message_is_classified() {
        List<String> unclassified = new ArrayList<>();
        int checked = 0;
        for (JavaClass type : new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
                .importPackages("nl.weerthuis.kernel")) {
            Class<?> message = type.reflect();
            if (!message.isRecord() || !message.getPackageName().matches(MESSAGE_PACKAGES)) {
                continue;
            }
            for (RecordComponent component : message.getRecordComponents()) {
                if (component.getType() != String.class) {
                    continue;
                }
                checked++;
                boolean classified = component.isAnnotationPresent(PersonalData.class)
                        || component.isAnnotationPresent(DataSubject.class)
                        || component.isAnnotationPresent(NotPersonal.class)
                        || NonPersonalFields.BY_NAME.containsKey(component.getName());
                if (!classified) {
                    unclassified.add(message.getSimpleName() + "." + component.getName());
                }
            }
        }
        assertThat(checked).isGreaterThan(100);
        assertThat(unclassified).as("text fields neither @PersonalData, @DataSubject nor in NonPersonalFields").isEmpty();
    }

    @Test
    void free_text_and_addresses_are_personal() {
        assertThat(component(Dwelling.class, "address").isAnnotationPresent(PersonalData.class)).isTrue();
        assertThat(component(SignalRaisedEvent.class, "description").isAnnotationPresent(PersonalData.class)).isTrue();
        assertThat(component(SignalRaisedEvent.class, "clientId").isAnnotationPresent(DataSubject.class)).isTrue();
    }

    private static RecordComponent component(Class<?> record, String name) {
        return Arrays.stream(record.getRecordComponents()).filter(c -> c.getName().equals(name)).findFirst().orElseThrow();
    }
}

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

    private static final String MESSAGE_PACKAGES = "nl\\.weerthuis\\.kernel\\.(client|tenancy|careindication|agreement|organisation)";

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

    /** The cipher seals text; a personal date or number would be stored plain, so personal data is text. */
    @Test
    void personal_data_is_text_and_every_event_holding_it_names_its_client() {
        List<String> problems = new ArrayList<>();
        for (Class<?> message : messages()) {
            boolean holdsPersonalData = false;
            for (RecordComponent component : message.getRecordComponents()) {
                if (component.isAnnotationPresent(PersonalData.class)) {
                    holdsPersonalData = true;
                    boolean text = component.getType() == String.class || (component.getType() == List.class
                            && component.getGenericType().getTypeName().equals("java.util.List<java.lang.String>"));
                    if (!text) {
                        problems.add(message.getSimpleName() + "." + component.getName() + " is personal but not text");
                    }
                }
                holdsPersonalData |= isNestedPersonal(component.getType());
            }
            boolean namesClient = java.util.Arrays.stream(message.getRecordComponents())
                    .anyMatch(c -> c.isAnnotationPresent(DataSubject.class));
            if (holdsPersonalData && message.getSimpleName().endsWith("Event") && !namesClient) {
                problems.add(message.getSimpleName() + " holds personal data but names no @DataSubject");
            }
        }
        assertThat(problems).isEmpty();
    }

    private static boolean isNestedPersonal(Class<?> type) {
        return type.isRecord() && java.util.Arrays.stream(type.getRecordComponents())
                .anyMatch(c -> c.isAnnotationPresent(PersonalData.class));
    }

    private static List<Class<?>> messages() {
        List<Class<?>> messages = new ArrayList<>();
        for (JavaClass type : new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
                .importPackages("nl.weerthuis.kernel")) {
            Class<?> message = type.reflect();
            if (message.isRecord() && message.getPackageName().matches(MESSAGE_PACKAGES)) {
                messages.add(message);
            }
        }
        return messages;
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

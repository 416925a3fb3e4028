package nl.weerthuis.kernel;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every event names its business date itself (like the personal-data classification, checked for every event):
 * adding an event without deciding which of its dates is the day it happened fails here.
 */
class BusinessDatedTest {

    private static final String MESSAGE_PACKAGES = "nl\\.weerthuis\\.kernel\\.(client|tenancy|careindication|agreement)";

    static List<Class<?>> events() {
        List<Class<?>> events = new ArrayList<>();
        for (JavaClass type : new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
                .importPackages("nl.weerthuis.kernel")) {
            Class<?> message = type.reflect();
            if (message.isRecord() && message.getPackageName().matches(MESSAGE_PACKAGES)
                    && message.getSimpleName().endsWith("Event")) {
                events.add(message);
            }
        }
        return events;
    }

    @Test
    void every_event_declares_its_business_date() {
        List<String> undated = events().stream().filter(e -> !BusinessDated.class.isAssignableFrom(e))
                .map(Class::getSimpleName).toList();
        assertThat(events()).hasSizeGreaterThan(40);
        assertThat(undated).as("events that do not implement BusinessDated").isEmpty();
    }

    /** Each of an event's dates is distinct here, so the one it names is a real date of the event, never null. */
    @Test
    void the_business_date_is_one_the_event_holds_and_is_not_part_of_its_stored_form() throws Exception {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        List<String> problems = new ArrayList<>();
        for (Class<?> event : events()) {
            RecordComponent[] components = event.getRecordComponents();
            Object[] values = new Object[components.length];
            List<LocalDate> dates = new ArrayList<>();
            for (int i = 0; i < components.length; i++) {
                values[i] = sample(components[i].getType(), i);
                if (values[i] instanceof LocalDate date) {
                    dates.add(date);
                }
            }
            Object instance = event.getDeclaredConstructor(java.util.Arrays.stream(components)
                    .map(RecordComponent::getType).toArray(Class<?>[]::new)).newInstance(values);
            LocalDate businessDate = ((BusinessDated) instance).businessDate();
            if (businessDate == null) {
                problems.add(event.getSimpleName() + " has no business date");
            } else if (!dates.isEmpty() && !dates.contains(businessDate)) {
                problems.add(event.getSimpleName() + " names " + businessDate + ", none of its dates " + dates);
            }
            if (json.writeValueAsString(instance).contains("businessDate")) {
                problems.add(event.getSimpleName() + " would store its business date twice");
            }
        }
        assertThat(problems).isEmpty();
    }

    private static Object sample(Class<?> type, int index) {
        if (type == LocalDate.class) {
            return LocalDate.of(2024, 1, 1).plusDays(index);
        }
        if (type == String.class) {
            return "text-" + index;
        }
        if (type == int.class) {
            return 2024 + index;
        }
        if (type == double.class) {
            return (double) index;
        }
        if (type == boolean.class) {
            return true;
        }
        if (type == Period.class) {
            return Period.ofMonths(index + 1);
        }
        if (type == List.class) {
            return List.of();
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        return null;
    }
}

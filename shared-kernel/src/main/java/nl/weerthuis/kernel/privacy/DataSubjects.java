package nl.weerthuis.kernel.privacy;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Optional;
import java.util.function.Function;

/** Finds whose personal data an object holds: its record component or field marked {@link DataSubject}. */
public final class DataSubjects {

    private static final ClassValue<Optional<Function<Object, Object>>> ACCESSORS = new ClassValue<>() {
        @Override
        protected Optional<Function<Object, Object>> computeValue(Class<?> type) {
            return accessorOf(type);
        }
    };

    private DataSubjects() {
    }

    /** The data subject's id, or null when this object names none. */
    public static String of(Object value) {
        if (value == null) {
            return null;
        }
        return ACCESSORS.get(value.getClass()).map(accessor -> accessor.apply(value)).map(String::valueOf).orElse(null);
    }

    private static Optional<Function<Object, Object>> accessorOf(Class<?> type) {
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                if (component.isAnnotationPresent(DataSubject.class)) {
                    Method accessor = component.getAccessor();
                    accessor.setAccessible(true);
                    return Optional.of(target -> invoke(accessor, target));
                }
            }
        }
        for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
            for (Field field : current.getDeclaredFields()) {
                if (field.isAnnotationPresent(DataSubject.class)) {
                    field.setAccessible(true);
                    return Optional.of(target -> read(field, target));
                }
            }
        }
        return Optional.empty();
    }

    private static Object invoke(Method accessor, Object target) {
        try {
            return accessor.invoke(target);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object read(Field field, Object target) {
        try {
            return field.get(target);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}

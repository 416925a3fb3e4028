package nl.weerthuis.command.client.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A burgerservicenummer: nine digits passing the eleven test (elfproef). Null is valid (not given). */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Bsn.ElevenTest.class)
@interface Bsn {

    String message() default "must be a valid BSN (nine digits passing the eleven test)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class ElevenTest implements ConstraintValidator<Bsn, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            if (!value.matches("\\d{9}")) {
                return false;
            }
            int sum = 0;
            for (int i = 0; i < 8; i++) {
                sum += (9 - i) * (value.charAt(i) - '0');
            }
            sum -= value.charAt(8) - '0';
            return sum % 11 == 0 && sum != 0;
        }
    }
}

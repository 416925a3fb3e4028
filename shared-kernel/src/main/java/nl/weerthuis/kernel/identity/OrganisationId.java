package nl.weerthuis.kernel.identity;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An organisation's public identifier: an OIN (20 digits) for government bodies or a KvK number (8 digits)
 * for corporations and care providers.
 */
public record OrganisationId(String value) {

    private static final Pattern OIN_OR_KVK = Pattern.compile("\\d{8}|\\d{20}");

    public OrganisationId {
        Objects.requireNonNull(value, "organisation id");
        if (!OIN_OR_KVK.matcher(value).matches()) {
            throw new IllegalArgumentException("an organisation id is an OIN (20 digits) or a KvK number (8 digits)");
        }
    }

    public static boolean isValid(String value) {
        return value != null && OIN_OR_KVK.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}

package nl.weerthuis.kernel.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * Seals one personal text with its client's key, and opens it again while the key exists. A sealed value reads
 * {@code pd1:<clientId>:<base64 nonce+ciphertext>}: it names its client, so it opens wherever it is stored (event,
 * snapshot, read model) without knowing the message around it. After erasure it opens as {@link #ERASED}.
 */
public class PersonalDataCipher {

    /** What erased personal data reads as, in events, histories and rebuilt read models. */
    public static final String ERASED = "[erased]";

    private static final String PREFIX = "pd1:";

    private final PersonalDataKeys keys;

    public PersonalDataCipher(PersonalDataKeys keys) {
        this.keys = keys;
    }

    public PersonalDataKeys keys() {
        return keys;
    }

    public String seal(String subject, String plaintext) {
        if (plaintext == null) {
            return null;
        }
        if (subject == null || subject.isEmpty() || subject.indexOf(':') >= 0) {
            throw new IllegalArgumentException("personal data needs the id of its client, without ':'");
        }
        try {
            byte[] sealed = AesGcm.encrypt(keys.forWriting(subject), plaintext.getBytes(StandardCharsets.UTF_8),
                    subject.getBytes(StandardCharsets.UTF_8));
            return PREFIX + subject + ":" + Base64.getEncoder().encodeToString(sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not encrypt personal data", e);
        }
    }

    /**
     * Seals where the client's key is still there, as a read model does with what it copies from an event; gives
     * null where nothing (or only the erased placeholder) is left to keep.
     */
    public String sealIfKept(String subject, String plaintext) {
        if (plaintext == null || ERASED.equals(plaintext) || keys.forReading(subject).isEmpty()) {
            return null;
        }
        try {
            return seal(subject, plaintext);
        } catch (PersonalDataErasedException erasedMeanwhile) {
            return null;
        }
    }

    /** The plaintext; {@link #ERASED} once the key is gone; a value that was never sealed as it is. */
    public String open(String value) {
        if (!isSealed(value)) {
            return value;
        }
        int end = value.indexOf(':', PREFIX.length());
        if (end < 0) {
            throw new IllegalStateException("a sealed personal value without its client");
        }
        String subject = value.substring(PREFIX.length(), end);
        var key = keys.forReading(subject);
        if (key.isEmpty()) {
            return ERASED;
        }
        try {
            byte[] opened = AesGcm.decrypt(key.get(), Base64.getDecoder().decode(value.substring(end + 1)),
                    subject.getBytes(StandardCharsets.UTF_8));
            return new String(opened, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // Authenticated encryption: a changed byte is a tampered record, never silently shown.
            throw new IllegalStateException("a sealed personal value does not open: it was altered", e);
        }
    }

    public static boolean isSealed(String value) {
        return value != null && value.startsWith(PREFIX);
    }

    /** Whether the value is sealed with this subject's key (the subject {@link #open} would read from it). */
    public static boolean isSealedFor(String subject, String value) {
        return isSealed(value) && subject != null && subject.indexOf(':') < 0 && value.startsWith(PREFIX + subject + ":");
    }
}

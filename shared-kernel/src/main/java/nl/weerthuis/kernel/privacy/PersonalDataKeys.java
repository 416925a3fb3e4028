package nl.weerthuis.kernel.privacy;

import javax.crypto.SecretKey;
import java.util.Optional;

/** The data keys of data subjects (clients): one per client, gone for good once the client is erased. */
public interface PersonalDataKeys {

    /** The client's key to read with; empty when it was erased or never existed. */
    Optional<SecretKey> forReading(String subject);

    /** The client's key to write with, made on first use. */
    SecretKey forWriting(String subject) throws PersonalDataErasedException;

    /** Deletes the key for good (crypto-shredding); returns false when it was erased already. */
    boolean erase(String subject);

    /** Drops a cached key, e.g. when another instance has erased it. */
    void forget(String subject);
}

package nl.weerthuis.kernel.privacy;

/** New personal data about a client whose personal data was erased: refused, the person may not come back. */
public class PersonalDataErasedException extends RuntimeException {

    private final String subject;

    public PersonalDataErasedException(String subject) {
        super("the personal data of this client has been erased; no new personal data can be recorded");
        this.subject = subject;
    }

    public String subject() {
        return subject;
    }
}

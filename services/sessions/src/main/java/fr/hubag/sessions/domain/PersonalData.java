package fr.hubag.sessions.domain;

/**
 * A beneficiary's personal data: held only by the sessions service, encrypted with the person's own key, never in
 * an event, a log line, a problem document or a stored idempotent answer. Every field may be absent.
 */
public record PersonalData(String name, String phone, String email, Integer birthYear, String franceTravailNumber,
                           String cafNumber, String notes) {

    /** Never the values: a record's default toString would put them in any log line or exception that prints it. */
    @Override
    public String toString() {
        return "PersonalData[redacted]";
    }
}

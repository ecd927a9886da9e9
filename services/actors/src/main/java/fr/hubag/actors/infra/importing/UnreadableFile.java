package fr.hubag.actors.infra.importing;

/** The file as a whole is not a file of the standard (not text, not CSV or JSON, no header): nothing is imported. */
public final class UnreadableFile extends RuntimeException {

    private final String code;

    public UnreadableFile(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public String code() { return code; }
}

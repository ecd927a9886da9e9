package fr.hubag.domain;

/**
 * A decider's refusal of a command: a business rule, not a technical failure. The {@link Kind} tells the REST
 * layer which 4xx it is; {@code code} is a stable machine-readable reason (e.g. {@code actor-not-found}).
 */
public final class CommandRejected extends RuntimeException {

    public enum Kind {
        /** the target does not exist: 404 */
        NOT_FOUND,
        /** the target's current state forbids it (already done, duplicate): 409 */
        CONFLICT,
        /** well-formed but breaks a business rule: 422 */
        UNPROCESSABLE
    }

    private final Kind kind;
    private final String code;
    private final String field;

    public CommandRejected(Kind kind, String code, String message) {
        this(kind, code, null, message);
    }

    public CommandRejected(Kind kind, String code, String field, String message) {
        super(message);
        this.kind = kind;
        this.code = code;
        this.field = field;
    }

    public static CommandRejected notFound(String code, String message) {
        return new CommandRejected(Kind.NOT_FOUND, code, message);
    }

    public static CommandRejected conflict(String code, String message) {
        return new CommandRejected(Kind.CONFLICT, code, message);
    }

    public static CommandRejected unprocessable(String code, String field, String message) {
        return new CommandRejected(Kind.UNPROCESSABLE, code, field, message);
    }

    public Kind kind() { return kind; }

    public String code() { return code; }

    /** The request field the rule concerns, or null. */
    public String field() { return field; }
}

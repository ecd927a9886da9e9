package fr.hubag.servicekit.security;

/** The roles a token's {@code groups} claim may carry (docs/architecture.md has the full role × territory table). */
public final class Roles {
    /** a territory's coordinator: manages the census and follows activity of their territories */
    public static final String COORDINATOR = "coordinator";
    /** hub-wide staff: every territory, and the hub-wide views */
    public static final String HUB_ADMIN = "hub-admin";
    /** a mediator / aidant working at an actor */
    public static final String MEDIATOR = "mediator";
    /** a partner institution (CAF, France Travail, CGSS, a commune) calling machine to machine */
    public static final String PARTNER = "partner";
    /** reads the event streams; no personal data */
    public static final String ANALYST = "analyst";

    private Roles() {}
}

package fr.hubag.contracts.sessions;

import fr.hubag.domain.Coded;

/**
 * Whether a participant came, in the national appointment service's statuses (the hub keeps its codes as they are).
 */
public enum Attendance implements Coded {
    UNKNOWN("unknown"),
    SEEN("seen"),
    EXCUSED("excused"),
    REVOKED("revoked"),
    NOSHOW("noshow");

    private final String code;

    Attendance(String code) { this.code = code; }

    @Override
    public String code() { return code; }
}

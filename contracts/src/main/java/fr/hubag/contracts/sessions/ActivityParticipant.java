package fr.hubag.contracts.sessions;

import java.util.UUID;

/**
 * A named participant of an activity: a pseudonymous beneficiary id (never a name) and, when assessed, how autonomous
 * they left. Their coarse attributes (age band, social status, gender) belong to the beneficiary's own record.
 */
public record ActivityParticipant(UUID beneficiaryId, Autonomy autonomy) {}

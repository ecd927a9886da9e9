package fr.hubag.vouchers.domain;

/**
 * What an order's pass streams say once the expiry job has run on them: passes handed out, redeemed (and the face
 * value owed for them), expired (with their face value, and how many of them were never handed out).
 */
public record PassTallies(long distributed, long redeemed, long redeemedCents, long expired, long expiredCents,
                          long expiredUndistributed) {}

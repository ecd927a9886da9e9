package fr.hubag.sessions.infra;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One attempt of a delivery: a line of the partner's delivery log. */
@Entity
@Table(name = "webhook_attempts")
public class WebhookAttempt extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    public Long id;

    @Column(name = "delivery_id", nullable = false)
    public UUID deliveryId;

    @Column(name = "at", nullable = false)
    public Instant at;

    @Column(name = "status", nullable = false)
    public int status;

    @Column(name = "latency_ms", nullable = false)
    public double latencyMs;

    @Column(name = "error")
    public String error;

    @Column(name = "outcome", nullable = false)
    public String outcome;
}

package fr.hubag.projection.vouchers.projector;

import fr.hubag.eventsourcing.consumer.IdempotentConsumer;
import fr.hubag.projection.consuming.CheckpointSeek;
import fr.hubag.projection.shared.rebuild.Generations;
import io.smallrye.common.annotation.Identifier;
import jakarta.inject.Singleton;

/** Where the vouchers consumer ({@code voucher-events}) resumes: its checkpoints ({@link CheckpointSeek}). */
@Singleton
@Identifier(VouchersCheckpointSeek.NAME)
public class VouchersCheckpointSeek extends CheckpointSeek {

    public static final String NAME = "vouchers-checkpoint-seek";

    public VouchersCheckpointSeek(IdempotentConsumer consumer, Generations generations, VouchersProjector projector) {
        super("voucher-events", consumer, generations, projector);
    }
}

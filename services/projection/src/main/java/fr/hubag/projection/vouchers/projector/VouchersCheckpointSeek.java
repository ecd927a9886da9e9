package fr.hubag.projection.vouchers.projector;

import fr.hubag.eventsourcing.consumer.IdempotentConsumer;
import fr.hubag.projection.shared.rebuild.Generations;
import fr.hubag.projection.shared.rebuild.ReadModelCheckpointSeek;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;

/** Where the vouchers consumer resumes: its checkpoints, under the serving generation's consumer name. */
@ApplicationScoped
@Identifier(VouchersCheckpointSeek.NAME)
public class VouchersCheckpointSeek extends ReadModelCheckpointSeek {

    public static final String NAME = "vouchers-checkpoint-seek";

    public VouchersCheckpointSeek(IdempotentConsumer consumer, Generations generations, VouchersProjector projector) {
        super(consumer, generations, projector);
    }
}

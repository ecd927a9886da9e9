package fr.hubag.projection.sessions.projector;

import fr.hubag.eventsourcing.consumer.IdempotentConsumer;
import fr.hubag.projection.shared.rebuild.Generations;
import fr.hubag.projection.shared.rebuild.ReadModelCheckpointSeek;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;

/** Where the sessions consumer resumes: its checkpoints, under the serving generation's consumer name. */
@ApplicationScoped
@Identifier(SessionsCheckpointSeek.NAME)
public class SessionsCheckpointSeek extends ReadModelCheckpointSeek {

    public static final String NAME = "sessions-checkpoint-seek";

    public SessionsCheckpointSeek(IdempotentConsumer consumer, Generations generations, SessionsProjector projector) {
        super(consumer, generations, projector);
    }
}

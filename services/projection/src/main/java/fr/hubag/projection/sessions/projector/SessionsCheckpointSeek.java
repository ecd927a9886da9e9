package fr.hubag.projection.sessions.projector;

import fr.hubag.eventsourcing.consumer.IdempotentConsumer;
import fr.hubag.projection.consuming.CheckpointSeek;
import fr.hubag.projection.shared.rebuild.Generations;
import io.smallrye.common.annotation.Identifier;
import jakarta.inject.Singleton;

/** Where the sessions consumer ({@code session-events}) resumes: its checkpoints ({@link CheckpointSeek}). */
@Singleton
@Identifier(SessionsCheckpointSeek.NAME)
public class SessionsCheckpointSeek extends CheckpointSeek {

    public static final String NAME = "sessions-checkpoint-seek";

    public SessionsCheckpointSeek(IdempotentConsumer consumer, Generations generations, SessionsProjector projector) {
        super("session-events", consumer, generations, projector);
    }
}

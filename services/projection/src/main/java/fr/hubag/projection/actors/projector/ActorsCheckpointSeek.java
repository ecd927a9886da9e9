package fr.hubag.projection.actors.projector;

import fr.hubag.eventsourcing.consumer.IdempotentConsumer;
import fr.hubag.projection.consuming.CheckpointSeek;
import fr.hubag.projection.shared.rebuild.Generations;
import io.smallrye.common.annotation.Identifier;
import jakarta.inject.Singleton;

/** Where the actors consumer ({@code actor-events}) resumes: its checkpoints ({@link CheckpointSeek}). */
@Singleton
@Identifier(ActorsCheckpointSeek.NAME)
public class ActorsCheckpointSeek extends CheckpointSeek {

    public static final String NAME = "actors-checkpoint-seek";

    public ActorsCheckpointSeek(IdempotentConsumer consumer, Generations generations, ActorsProjector projector) {
        super("actor-events", consumer, generations, projector);
    }
}

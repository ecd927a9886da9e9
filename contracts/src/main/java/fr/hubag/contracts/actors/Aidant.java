package fr.hubag.contracts.actors;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A digital helper working at an actor. Only the name and the role identify the person: the census needs no more,
 * and nothing more is published. {@code departedOn} null means still there.
 */
public record Aidant(UUID aidantId, String name, AidantRole role, LocalDate enrolledOn, LocalDate departedOn,
                     List<Training> trainings) {

    public Aidant {
        trainings = trainings == null ? List.of() : List.copyOf(trainings);
    }

    public Aidant withTraining(Training training) {
        List<Training> more = new ArrayList<>(trainings);
        more.add(training);
        return new Aidant(aidantId, name, role, enrolledOn, departedOn, more);
    }

    public Aidant departed(LocalDate on) {
        return new Aidant(aidantId, name, role, enrolledOn, on, trainings);
    }
}

package fr.hubag.servicekit.commands;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.hubag.eventsourcing.codec.CodedEnums;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * National codes ("Aide aux démarches administratives", "mediateur_numerique") are what clients send and read, so
 * the REST layer writes and reads {@code Coded} enums by their code, exactly as the events do.
 */
@Singleton
public class CodedEnumsInRest implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(CodedEnums.module());
    }
}

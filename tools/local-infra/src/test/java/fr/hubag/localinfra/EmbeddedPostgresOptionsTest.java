package fr.hubag.localinfra;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EmbeddedPostgresOptionsTest {

    @Test
    void parsesTheCommandLine() {
        var options = EmbeddedPostgres.Options.parse(
                new String[] {"--data", "/tmp/pg", "--port", "25432", "--databases", "actors, sessions,,impact"});
        assertEquals(Path.of("/tmp/pg"), options.data());
        assertEquals(25432, options.port());
        assertEquals(List.of("actors", "sessions", "impact"), options.databases());
    }

    @Test
    void rejectsNamesThatAreNotPlainIdentifiers() {
        assertThrows(IllegalArgumentException.class,
                () -> EmbeddedPostgres.Options.parse(new String[] {"--databases", "actors;drop table x"}));
        assertThrows(IllegalArgumentException.class,
                () -> EmbeddedPostgres.Options.parse(new String[] {"--port", "70000"}));
        assertThrows(IllegalArgumentException.class,
                () -> EmbeddedPostgres.Options.parse(new String[] {"--data"}));
    }
}

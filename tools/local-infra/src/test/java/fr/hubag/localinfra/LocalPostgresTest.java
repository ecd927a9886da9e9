package fr.hubag.localinfra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LocalPostgresTest {

    /** The runtime's server must not run with zonky's test defaults (-F, synchronous_commit=off). */
    @Test
    void theRuntimeServerIsDurable(@TempDir Path data) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (EmbeddedPostgres postgres = LocalPostgres.builder(data, port).start();
             Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            for (String setting : new String[] {"fsync", "synchronous_commit", "full_page_writes"}) {
                try (ResultSet rs = statement.executeQuery("SHOW " + setting)) {
                    rs.next();
                    assertEquals("on", rs.getString(1), setting);
                }
            }
            try (ResultSet rs = statement.executeQuery("SELECT setting::bigint * 8 / 1024, "
                    + "(SELECT setting FROM pg_settings WHERE name = 'checkpoint_timeout') "
                    + "FROM pg_settings WHERE name = 'shared_buffers'")) {
                rs.next();
                long expected = Long.parseLong(LocalPostgres.memory(((com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize(),
                        null).get("shared_buffers").replace("MB", ""));
                assertEquals(expected, rs.getLong(1), "shared_buffers in MB");
                assertEquals("900", rs.getString(2), "checkpoint_timeout in seconds");
            }
        }
    }

    @Test
    void theBuffersAreAnEighthOfTheMachineBetween128MbAnd2Gb() {
        long gb = 1024L * 1024 * 1024;
        assertEquals("512MB", LocalPostgres.memory(4 * gb, null).get("shared_buffers"));
        assertEquals("2048MB", LocalPostgres.memory(24 * gb, null).get("shared_buffers"));
        assertEquals("128MB", LocalPostgres.memory(gb / 2, null).get("shared_buffers"));
        assertEquals("2048MB", LocalPostgres.memory(4 * gb, null).get("effective_cache_size"));
        assertEquals("1GB", LocalPostgres.memory(4 * gb, " 1GB ").get("shared_buffers"));
        assertThrows(IllegalArgumentException.class, () -> LocalPostgres.memory(4 * gb, "lots"));
    }
}

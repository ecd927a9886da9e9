package fr.hubag.testing.fuzz;

import java.util.Map;

/**
 * One malformed request the fuzzer sends: what it is ({@code what}, printed when it fails), the operation it
 * targets as the OpenAPI names it, whether the operation writes (then it must store nothing) and whether it must
 * be refused outright (a write of a JSON document must answer 4xx; an upload of a file may instead answer a report
 * that rejects its rows; a read must just not answer 5xx).
 */
public record FuzzRequest(String operation, boolean write, boolean mustRefuse, String method, String path, String query,
                          Map<String, String> headers, String contentType, byte[] body, String what) {

    public String describe() {
        return operation + " — " + what;
    }
}

package fr.hubag.actors.api;

import fr.hubag.actors.application.PlaceImporter;
import fr.hubag.actors.infra.importing.FileShape;
import fr.hubag.actors.infra.importing.ImportReport;
import fr.hubag.actors.infra.importing.ReportSpool;
import fr.hubag.actors.infra.importing.UnreadableFile;
import fr.hubag.servicekit.problem.InvalidRequest;
import fr.hubag.servicekit.problem.Problem;
import fr.hubag.servicekit.security.Caller;
import fr.hubag.servicekit.security.Roles;
import fr.hubag.servicekit.web.Correlation;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;

/**
 * Imports a file of the national standard (CSV or JSON; v1.0.2, or the older exports with {@code ;} and
 * {@code labels_nationaux}) and answers a row-by-row report. Runs on a worker thread: the body is spooled to a
 * temporary file and read from there, and the report is written to disk as the import goes and sent from there,
 * so neither the file nor its report ever sits whole in memory.
 */
@Path("/api/actors/imports")
@Tag(name = "imports", description = "Import places in the national standard")
@SecurityRequirement(name = "jwt")
public class ImportResource {

    private final PlaceImporter importer;
    private final Caller caller;

    public ImportResource(PlaceImporter importer, Caller caller) {
        this.importer = importer;
        this.caller = caller;
    }

    @POST
    @Consumes({"text/csv", MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.COORDINATOR, Roles.HUB_ADMIN})
    @Operation(summary = "Import places (standard v1.0.2 CSV or JSON, or its older pre-1.0 exports)",
            description = "Roles: coordinator (rows of "
            + "other territories are rejected), hub-admin. An older export (pre-1.0 columns) is read fully and "
            + "corrected where unambiguous, each correction a warning with its kind. Each row is created, updated, unchanged or rejected with "
            + "the field and the reason; importing the same file again changes nothing. Likely duplicates are "
            + "reported as merge candidates, never merged. An all-zeros pivot is accepted only with "
            + "acceptUnknownPivot=true (or a pivot_inconnu column set to true). With dryRun=true the report says what "
            + "the import would do and nothing is recorded.")
    @APIResponse(responseCode = "200", description = "The report",
            content = @Content(schema = @Schema(implementation = ImportReport.class)))
    @APIResponse(responseCode = "400", description = "Not a CSV or JSON file of the standard; nothing imported")
    @APIResponse(responseCode = "403", description = "Role not allowed")
    public Response importPlaces(InputStream body, @HeaderParam("Content-Type") String contentType,
                                 @Parameter(description = "accept all-zeros pivots as 'pivot unknown'",
                                         schema = @Schema(type = SchemaType.BOOLEAN))
                                 @QueryParam("acceptUnknownPivot") String acceptUnknownPivotParam,
                                 @Parameter(description = "check the file and answer the full report without "
                                         + "recording anything", schema = @Schema(type = SchemaType.BOOLEAN))
                                 @QueryParam("dryRun") String dryRunParam,
                                 @Context ContainerRequestContext http) throws IOException {
        boolean acceptUnknownPivot = strictBoolean("acceptUnknownPivot", acceptUnknownPivotParam);
        boolean dryRun = strictBoolean("dryRun", dryRunParam);
        java.nio.file.Path file = Files.createTempFile("hub-import-", ".upload");
        try {
            Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
            FileShape.Format format = contentType != null && contentType.toLowerCase().contains("json")
                    ? FileShape.Format.JSON : FileShape.Format.CSV;
            ReportSpool.Finished report = importer.run(file, charsetOf(file), format, new PlaceImporter.Request(
                    caller.territories(), acceptUnknownPivot, dryRun, caller.subject(), Correlation.of(http)));
            return Response.ok((StreamingOutput) report::writeTo, MediaType.APPLICATION_JSON_TYPE).build();
        } catch (UnreadableFile e) {
            return Problem.of(Response.Status.BAD_REQUEST, e.code(), e.getMessage())
                    .at("/api/actors/imports", null).toResponse();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Strictly true or false: "notabool" once read as false, silently refusing the rows it meant to accept. */
    private static boolean strictBoolean(String name, String value) {
        return switch (value == null ? "" : value) {
            case "true" -> true;
            case "false", "" -> false;
            default -> throw InvalidRequest.of(name, "must be true or false");
        };
    }

    /** UTF-8 when the start of the file is valid UTF-8; otherwise Windows-1252, what spreadsheets export. */
    private static Charset charsetOf(java.nio.file.Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SAMPLE);
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
        CharBuffer decoded = CharBuffer.allocate(head.length);
        // a full sample may end inside a character: "not finished" is then fine, a malformed byte is not
        CoderResult result = utf8.decode(ByteBuffer.wrap(head), decoded, head.length < SAMPLE);
        return result.isMalformed() || result.isUnmappable() ? Charset.forName("windows-1252") : StandardCharsets.UTF_8;
    }

    private static final int SAMPLE = 256 * 1024;
}
